#include "start/open_data_dialog.h"

#include "document/layer_catalog.h"
#include "io/new_project.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include <stdexcept>

namespace nnp {

namespace {

/// "16, 8" -> {16, 8}; "" -> no hidden layer; nothing for text that is not a list of whole numbers.
std::optional<std::vector<int>> parseHidden(const QString &text)
{
    std::vector<int> units;
    for (const QString &part :
         text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = part.toInt(&ok);
        if (!ok) return std::nullopt;
        units.push_back(n);
    }
    return units;
}

} // namespace

OpenDataDialog::OpenDataDialog(const QString &csvPath, const QString &projectDir, QWidget *parent)
    : QDialog(parent), m_csvPath(QFileInfo(csvPath).absoluteFilePath()), m_projectDir(projectDir)
{
    setObjectName(QStringLiteral("openDataDialog"));
    setWindowTitle(tr("Open data: %1").arg(QFileInfo(csvPath).fileName()));
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("A network that fits this data will be made: its Input takes the columns, its "
                      "output and loss match the target. Every choice can be changed here and later."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("targetBox"));
    m_target->setToolTip(tr("The column the network learns to predict; every other column is an input"));
    form->addRow(tr("Target column"), m_target);
    m_task = new QComboBox(this);
    m_task->addItem(tr("Automatic"));
    m_task->addItem(tr("Classification"), int(TaskKind::Classification));
    m_task->addItem(tr("Regression"), int(TaskKind::Regression));
    m_task->setToolTip(tr("Automatic: classification when the target is text or a few whole numbers"));
    form->addRow(tr("Task"), m_task);
    m_hidden = new QLineEdit(QStringLiteral("16, 8"), this);
    m_hidden->setToolTip(tr("Units of each hidden layer (ReLU), separated by commas; empty for none"));
    form->addRow(tr("Hidden layers"), m_hidden);
    m_normalization = new QComboBox(this);
    m_normalization->addItem(tr("Z-score (mean 0, deviation 1)"), int(NormalizationKind::ZScore));
    m_normalization->addItem(tr("Min–max (0 to 1)"), int(NormalizationKind::MinMax));
    m_normalization->addItem(tr("None"), int(NormalizationKind::None));
    form->addRow(tr("Normalise inputs"), m_normalization);
    m_test = new QSpinBox(this);
    m_test->setRange(5, 50);
    m_test->setValue(20);
    m_test->setSuffix(tr(" %"));
    form->addRow(tr("Test split"), m_test);
    m_validation = new QSpinBox(this);
    m_validation->setRange(0, 40);
    m_validation->setValue(0);
    m_validation->setSuffix(tr(" %"));
    form->addRow(tr("Validation split"), m_validation);
    layout->addLayout(form);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setMinimumWidth(460);
    layout->addWidget(m_summary);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Make the network"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    // The columns, in the file's order (the default target, the last column, is what the reader takes).
    try {
        const CsvData whole = loadCsv(m_csvPath.toStdString());
        for (const CsvColumn &c : whole.schema.features)
            m_target->addItem(QString::fromStdString(c.name), QString::fromStdString(c.name));
        m_target->addItem(QString::fromStdString(whole.schema.target.name),
                          QString::fromStdString(whole.schema.target.name));
        m_target->setCurrentIndex(m_target->count() - 1);
    } catch (const std::exception &) {
        // rebuild() says what is wrong with the file.
    }
    connect(m_target, &QComboBox::currentIndexChanged, this, &OpenDataDialog::rebuild);
    connect(m_task, &QComboBox::currentIndexChanged, this, &OpenDataDialog::rebuild);
    connect(m_hidden, &QLineEdit::textChanged, this, &OpenDataDialog::rebuild);
    connect(m_normalization, &QComboBox::currentIndexChanged, this, &OpenDataDialog::rebuild);
    connect(m_test, &QSpinBox::valueChanged, this, &OpenDataDialog::rebuild);
    connect(m_validation, &QSpinBox::valueChanged, this, &OpenDataDialog::rebuild);
    rebuild();
}

QString OpenDataDialog::summaryText() const
{
    return m_summary->text();
}

void OpenDataDialog::rebuild()
{
    m_project.reset();
    m_counts = {};
    QString text;
    try {
        const auto hidden = parseHidden(m_hidden->text());
        if (!hidden)
            throw std::invalid_argument(tr("Hidden layers: write whole numbers separated by commas, "
                                           "e.g. \"16, 8\".")
                                            .toStdString());
        NewProjectSpec spec;
        spec.data.kind = DataSourceKind::Csv;
        const std::filesystem::path dir = m_projectDir.isEmpty()
                                              ? std::filesystem::path()
                                              : std::filesystem::path(m_projectDir.toStdString());
        spec.data.path =
            m_projectDir.isEmpty() ? m_csvPath.toStdString() : storedDataPath(m_csvPath.toStdString(), dir);
        spec.data.csv.target = m_target->currentData().toString().toStdString();
        if (m_task->currentIndex() > 0)
            spec.data.csv.task = static_cast<TaskKind>(m_task->currentData().toInt());
        spec.hidden = *hidden;
        Project p = newProjectForData(spec, dir);
        p.preprocessing.normalization =
            static_cast<NormalizationKind>(m_normalization->currentData().toInt());
        p.preprocessing.split.test = m_test->value() / 100.0;
        p.preprocessing.split.validation = m_validation->value() / 100.0;
        const PreparedData data = prepareData(p, dir);
        m_counts = {int(data.split.train.size()), int(data.split.validation.size()),
                    int(data.split.test.size())};

        const Dataset &d = data.full;
        QString output;
        if (d.task == TaskKind::Regression)
            output = tr("regression: %n linear output unit(s), %1", nullptr, int(d.targets.rows()))
                         .arg(LayerCatalog::title(p.training.loss.kind));
        else if (d.classes <= 2)
            output = tr("%1 classes: one sigmoid output unit, %2")
                         .arg(d.classes)
                         .arg(LayerCatalog::title(p.training.loss.kind));
        else
            output = tr("%1 classes: %1 output units and Softmax, %2")
                         .arg(d.classes)
                         .arg(LayerCatalog::title(p.training.loss.kind));
        QStringList classNames;
        if (data.csvSchema && d.task == TaskKind::Classification)
            for (const std::string &c : data.csvSchema->target.categories)
                classNames << QString::fromStdString(c);
        if (!classNames.isEmpty() && classNames.size() <= 12)
            output += QStringLiteral(" (%1)").arg(classNames.join(QStringLiteral(", ")));
        QStringList layers{tr("Input %1").arg(d.features())};
        for (int u : spec.hidden)
            layers << tr("Dense %1 ReLU").arg(u);
        text = tr("Inputs: %n feature(s) from the other columns.", nullptr, int(d.features())) +
               QStringLiteral("\n") + tr("Output: %1.").arg(output) + QStringLiteral("\n") +
               tr("Network: %1 → output.").arg(layers.join(QStringLiteral(" → "))) + QStringLiteral("\n") +
               tr("Rows: %1 — %2 training, %3 validation, %4 test%5.")
                   .arg(d.size())
                   .arg(m_counts[0])
                   .arg(m_counts[1])
                   .arg(m_counts[2])
                   .arg(d.task == TaskKind::Classification ? tr(" (stratified by class)") : QString()) +
               QStringLiteral("\n") +
               tr("Training: Adam, learning rate 0.01, batch 32, %1 epochs.").arg(p.training.epochs);
        m_project = std::move(p);
    } catch (const std::exception &e) {
        text = tr("No network can be made: %1").arg(QString::fromStdString(e.what()));
    }
    m_summary->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_project.has_value());
}

} // namespace nnp
