#include "panels/data_panel.h"

#include "data/csv_header.h"
#include "layers/simple_layers.h"
#include "panels/csv_columns_table.h"
#include "panels/csv_options_box.h"

#include "commands/graph_commands.h"
#include "document/graph_document.h"
#include "panels/data_panel_preview.h"
#include "panels/split_counts.h"
#include "style/palette.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace nnp {

namespace {
bool FeatureConfig::*const kFeatureFlags[DataPanel::kFeatureCount] = {
    &FeatureConfig::x1,   &FeatureConfig::x2,    &FeatureConfig::x1Squared, &FeatureConfig::x2Squared,
    &FeatureConfig::x1x2, &FeatureConfig::sinX1, &FeatureConfig::sinX2};
const char *const kFeatureLabels[DataPanel::kFeatureCount] = {"x₁",    "x₂",     "x₁²",   "x₂²",
                                                              "x₁·x₂", "sin x₁", "sin x₂"};
} // namespace

QString generatorTitle(GeneratorKind kind)
{
    switch (kind) {
    case GeneratorKind::Circle:
        return DataPanel::tr("Circle");
    case GeneratorKind::Xor:
        return DataPanel::tr("Exclusive or");
    case GeneratorKind::Gaussian:
        return DataPanel::tr("Two blobs");
    case GeneratorKind::Spiral:
        return DataPanel::tr("Spiral");
    case GeneratorKind::Plane:
        return DataPanel::tr("Plane (regression)");
    case GeneratorKind::MultiGaussian:
        return DataPanel::tr("Bumps (regression)");
    case GeneratorKind::TwoMoons:
        return DataPanel::tr("Two moons");
    case GeneratorKind::Checkerboard:
        return DataPanel::tr("Checkerboard");
    case GeneratorKind::Spiral3:
        return DataPanel::tr("Three spirals");
    }
    return {};
}

QPixmap generatorThumbnail(GeneratorKind kind, int size)
{
    QPixmap pm(size, size);
    pm.fill(QColor(0xF4F5F7));
    try {
        const Dataset d = generate({kind, 240, 0.0, 7});
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        for (int i = 0; i < d.size(); ++i) {
            const QColor c = d.task == TaskKind::Classification
                                 ? classColor(d.labels[static_cast<std::size_t>(i)])
                                 : divergingColor(double(d.targets(0, i)));
            p.setBrush(c);
            const double x = (double(d.x(0, i)) + 6) / 12 * size, y = (6 - double(d.x(1, i))) / 12 * size;
            p.drawEllipse(QPointF(x, y), size / 40.0 + 0.8, size / 40.0 + 0.8);
        }
    } catch (const std::exception &) {
        // A thumbnail is decoration: without it the button still has its name.
    }
    return pm;
}

DataPanel::DataPanel(GraphDocument *document, QWidget *parent)
    : QWidget(parent), m_doc(document), m_preview(new DataPanelPreview(this)),
      m_previewTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("dataPanel"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QFormLayout;
    m_source = new QComboBox(this);
    m_source->addItem(tr("Built-in generator"), int(DataSourceKind::Generator));
    m_source->addItem(tr("CSV file"), int(DataSourceKind::Csv));
    m_source->addItem(tr("IDX images (MNIST format)"), int(DataSourceKind::Idx));
    top->addRow(tr("Data"), m_source);
    layout->addLayout(top);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildGeneratorPage());
    m_pages->addWidget(buildCsvPage());
    m_pages->addWidget(buildIdxPage());
    layout->addWidget(m_pages);

    auto *common = new QFormLayout;
    m_normalization = new QComboBox(this);
    m_normalization->addItem(tr("None"), int(NormalizationKind::None));
    m_normalization->addItem(tr("Z-score (mean 0, deviation 1)"), int(NormalizationKind::ZScore));
    m_normalization->addItem(tr("Min–max (0 to 1)"), int(NormalizationKind::MinMax));
    m_normalization->addItem(tr("Pixels (0–255 to 0–1)"), int(NormalizationKind::Pixels));
    m_normalization->setToolTip(
        tr("Fitted on the training split only, and stored with the model (and in every "
           "export, which therefore takes the raw values)"));
    common->addRow(tr("Normalise inputs"), m_normalization);
    m_scaleTarget = new QCheckBox(tr("Scale the target"), this);
    m_scaleTarget->setObjectName(QStringLiteral("scaleTargetBox"));
    m_scaleTarget->setToolTip(
        tr("Regression: train on the target's z-score (fitted on the training split). Predictions, the "
           "probe, nnp predict and every export stay in the target's own units"));
    common->addRow(QString(), m_scaleTarget);
    connect(m_scaleTarget, &QCheckBox::toggled, this, [this](bool on) {
        if (m_loading) return;
        Preprocessing pre = m_doc->preprocessing();
        pre.scaleTarget = on;
        commit(m_doc->dataSource(), pre, tr("target scaling"));
    });
    // The split, for every kind of data, with its counts (TensorFlow Playground's "Ratio of training to test
    // data", plus a validation share).
    m_trainRatio = new QSlider(Qt::Horizontal, this);
    m_trainRatio->setObjectName(QStringLiteral("trainRatioSlider"));
    m_trainRatio->setRange(10, 90);
    m_ratioLabel = new QLabel(this);
    auto *ratioRow = new QHBoxLayout;
    ratioRow->addWidget(m_trainRatio, 1);
    ratioRow->addWidget(m_ratioLabel);
    common->addRow(tr("Training data"), ratioRow);
    connect(m_trainRatio, &QSlider::valueChanged, this, [this](int v) {
        m_ratioLabel->setText(tr("%1 %").arg(v));
        onSplitEdited(tr("train/test ratio"));
    });
    m_validation = new QSpinBox(this);
    m_validation->setObjectName(QStringLiteral("validationBox"));
    m_validation->setRange(0, 50);
    m_validation->setSuffix(tr(" %"));
    m_validation->setToolTip(tr("Part of the data held out to measure the validation loss each epoch"));
    common->addRow(tr("Validation"), m_validation);
    connect(m_validation, &QSpinBox::valueChanged, this, [this] { onSplitEdited(tr("validation split")); });
    m_splitCounts = new QLabel(this);
    m_splitCounts->setObjectName(QStringLiteral("splitCounts"));
    m_splitCounts->setWordWrap(true);
    common->addRow(tr("Rows"), m_splitCounts);
    layout->addLayout(common);
    layout->addWidget(m_preview, 1);

    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading) return;
        DataSource data = m_doc->dataSource();
        data.kind = static_cast<DataSourceKind>(m_source->currentData().toInt());
        commit(data, withImageScaling(data, m_doc->preprocessing()), tr("data source"));
    });
    connect(m_normalization, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading) return;
        Preprocessing pre = m_doc->preprocessing();
        pre.normalization = static_cast<NormalizationKind>(m_normalization->currentData().toInt());
        commit(m_doc->dataSource(), pre, tr("normalisation"));
    });
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(150);
    connect(m_previewTimer, &QTimer::timeout, this, &DataPanel::refreshPreviewNow);
    connect(m_doc, &GraphDocument::dataSourceChanged, this, &DataPanel::loadFromDocument);
    connect(m_doc, &GraphDocument::documentReset, this, &DataPanel::loadFromDocument);
    connect(m_doc, &GraphDocument::dataPathsRebased, this, &DataPanel::loadFromDocument);
    loadFromDocument();
    refreshPreviewNow();
}

QWidget *DataPanel::buildGeneratorPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *grid = new QGridLayout;
    m_kinds = new QButtonGroup(this);
    int i = 0;
    for (GeneratorKind kind : allGenerators()) {
        auto *b = new QToolButton(page);
        b->setCheckable(true);
        b->setIcon(QIcon(generatorThumbnail(kind, 96)));
        b->setIconSize(QSize(52, 52));
        b->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        // "Plane (regression)" on two lines: one line was cut off in a dock of three buttons a row.
        QString title = generatorTitle(kind);
        const qsizetype bracket = title.indexOf(QRegularExpression(QStringLiteral("\\s*[(\uFF08]")));
        if (bracket > 0) title = title.left(bracket) + QLatin1Char('\n') + title.mid(bracket).trimmed();
        b->setText(title);
        b->setToolTip(generatorTitle(kind));
        b->setAutoRaise(true);
        b->setMinimumWidth(84);
        m_kinds->addButton(b, static_cast<int>(kind));
        grid->addWidget(b, i / 3, i % 3);
        ++i;
    }
    layout->addLayout(grid);
    connect(m_kinds, &QButtonGroup::idClicked, this, [this] { onGeneratorEdited(tr("dataset")); });

    auto *form = new QFormLayout;
    m_noise = new QSlider(Qt::Horizontal, page);
    m_noise->setRange(0, 50);
    m_noiseLabel = new QLabel(page);
    auto *noiseRow = new QHBoxLayout;
    noiseRow->addWidget(m_noise, 1);
    noiseRow->addWidget(m_noiseLabel);
    form->addRow(tr("Noise"), noiseRow);
    connect(m_noise, &QSlider::valueChanged, this, [this](int v) {
        m_noiseLabel->setText(tr("%1 %").arg(v));
        onGeneratorEdited(tr("noise"));
    });

    m_samples = new QSpinBox(page);
    m_samples->setRange(10, 1000000);
    m_samples->setSingleStep(50);
    m_samples->setKeyboardTracking(false);
    form->addRow(tr("Samples"), m_samples);
    connect(m_samples, &QSpinBox::valueChanged, this, [this] { onGeneratorEdited(tr("samples")); });

    m_seed = new QSpinBox(page);
    m_seed->setRange(0, 1000000);
    m_seed->setKeyboardTracking(false);
    m_seed->setToolTip(tr("Another number draws other points from the same distribution"));
    form->addRow(tr("Data seed"), m_seed);
    connect(m_seed, &QSpinBox::valueChanged, this, [this] { onGeneratorEdited(tr("data seed")); });
    layout->addLayout(form);

    auto *featureGrid = new QGridLayout;
    auto *featureTitle = new QLabel(tr("Inputs the network sees:"), page);
    featureGrid->addWidget(featureTitle, 0, 0, 1, 4);
    for (int f = 0; f < kFeatureCount; ++f) {
        m_features[static_cast<std::size_t>(f)] = new QCheckBox(QString::fromUtf8(kFeatureLabels[f]), page);
        featureGrid->addWidget(m_features[static_cast<std::size_t>(f)], 1 + f / 4, f % 4);
        connect(m_features[static_cast<std::size_t>(f)], &QCheckBox::toggled, this,
                [this] { onGeneratorEdited(tr("features")); });
    }
    layout->addLayout(featureGrid);
    return page;
}

QWidget *DataPanel::buildCsvPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    m_csvPath = new QLineEdit(page);
    m_csvPath->setReadOnly(true);
    m_csvPath->setPlaceholderText(tr("No file chosen"));
    auto *browse = new QPushButton(tr("Choose…"), page);
    auto *row = new QHBoxLayout;
    row->addWidget(m_csvPath, 1);
    row->addWidget(browse);
    form->addRow(tr("File"), row);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open CSV data"), baseDir(),
                                                          tr("CSV files (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty()) chooseCsv(path);
    });
    m_target = new QComboBox(page);
    m_target->setToolTip(tr("The column the network learns to predict; every other column is an input"));
    form->addRow(tr("Target column"), m_target);
    m_task = new QComboBox(page);
    m_task->addItem(tr("Automatic"));
    m_task->addItem(tr("Classification"), int(TaskKind::Classification));
    m_task->addItem(tr("Regression"), int(TaskKind::Regression));
    m_task->setToolTip(tr("Automatic: classification when the target is text or a few whole numbers"));
    form->addRow(tr("Task"), m_task);
    m_csvColumns = new CsvColumnsTable(page);
    // The table under its title, the panel's whole width: beside it, at 1600 px, its headers were cut.
    form->addRow(new QLabel(tr("Columns"), page));
    form->addRow(m_csvColumns);
    m_csvOptions = new CsvOptionsBox(page);
    form->addRow(m_csvOptions);
    connect(m_csvOptions, &CsvOptionsBox::edited, this, &DataPanel::onCsvEdited);
    connect(m_csvOptions, &CsvOptionsBox::browseTestFile, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open the CSV test file"), baseDir(),
                                                          tr("CSV files (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty()) chooseTestCsv(path);
    });
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] { onCsvEdited(tr("target column")); });
    connect(m_task, &QComboBox::currentIndexChanged, this, [this] { onCsvEdited(tr("task")); });
    // One undo step per column whose use changes.
    connect(m_csvColumns, &CsvColumnsTable::edited, this,
            [this](const QString &column) { onCsvEdited(tr("use of column %1").arg(column)); });
    return page;
}

QWidget *DataPanel::buildIdxPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    const QString titles[4] = {tr("Images"), tr("Labels"), tr("Test images"), tr("Test labels")};
    for (int i = 0; i < 4; ++i) {
        m_idxPaths[static_cast<std::size_t>(i)] = new QLineEdit(page);
        m_idxPaths[static_cast<std::size_t>(i)]->setReadOnly(true);
        m_idxPaths[static_cast<std::size_t>(i)]->setPlaceholderText(i < 2 ? tr("No file chosen")
                                                                          : tr("Optional"));
        auto *browse = new QPushButton(tr("Choose…"), page);
        auto *row = new QHBoxLayout;
        row->addWidget(m_idxPaths[static_cast<std::size_t>(i)], 1);
        row->addWidget(browse);
        form->addRow(titles[i], row);
        connect(browse, &QPushButton::clicked, this, [this, i] { browseIdx(i); });
    }
    return page;
}

QString DataPanel::baseDir() const
{
    const QString file = m_doc->filePath();
    return file.isEmpty() ? QDir::currentPath() : QFileInfo(file).absolutePath();
}

QAbstractButton *DataPanel::generatorButton(GeneratorKind kind) const
{
    return m_kinds->button(static_cast<int>(kind));
}

void DataPanel::loadFromDocument()
{
    m_loading = true;
    const DataSource &d = m_doc->dataSource();
    const Preprocessing &pre = m_doc->preprocessing();
    m_source->setCurrentIndex(m_source->findData(int(d.kind)));
    m_pages->setCurrentIndex(static_cast<int>(d.kind));
    // The stack takes the height of the page shown, not of the tallest (the generator's): the preview below
    // gets the rest, with no gap under a CSV file's three rows.
    for (int i = 0; i < m_pages->count(); ++i)
        m_pages->widget(i)->setSizePolicy(QSizePolicy::Preferred, i == m_pages->currentIndex()
                                                                      ? QSizePolicy::Preferred
                                                                      : QSizePolicy::Ignored);
    m_pages->updateGeometry();
    if (QAbstractButton *b = generatorButton(d.generator.kind)) b->setChecked(true);
    m_noise->setValue(static_cast<int>(std::lround(d.generator.noise * 100)));
    m_noiseLabel->setText(tr("%1 %").arg(m_noise->value()));
    const double trainShare = 1.0 - pre.split.test - pre.split.validation;
    m_trainRatio->setValue(static_cast<int>(std::lround((1.0 - pre.split.test) * 100)));
    m_ratioLabel->setText(tr("%1 %").arg(static_cast<int>(std::lround(trainShare * 100))));
    m_validation->setValue(static_cast<int>(std::lround(pre.split.validation * 100)));
    m_samples->setValue(d.generator.samples);
    m_seed->setValue(static_cast<int>(d.generator.seed));
    for (int f = 0; f < kFeatureCount; ++f)
        m_features[static_cast<std::size_t>(f)]->setChecked(d.features.*kFeatureFlags[f]);
    m_csvPath->setText(QString::fromStdString(d.path));
    fillTargetColumns(resolveDataPath(d.path, baseDir()));
    m_task->setCurrentIndex(d.csv.task ? m_task->findData(int(*d.csv.task)) : 0);
    const std::string *idx[4] = {&d.images, &d.labels, &d.testImages, &d.testLabels};
    for (int i = 0; i < 4; ++i)
        m_idxPaths[static_cast<std::size_t>(i)]->setText(QString::fromStdString(*idx[i]));
    m_normalization->setCurrentIndex(m_normalization->findData(int(pre.normalization)));
    m_scaleTarget->setChecked(pre.scaleTarget);
    m_loading = false;
    schedulePreview();
}

void DataPanel::commit(DataSource data, Preprocessing pre, const QString &field)
{
    const NodeSpec *input = nullptr;
    int inputs = 0;
    for (const NodeSpec &n : m_doc->graph().nodes)
        if (n.kind == LayerKind::Input) {
            input = &n;
            ++inputs;
        }
    // The single Input follows the data in the same undo step, so the network keeps fitting it: a different
    // number of engineered features (a flat Input, as in the playground), or a CSV's image shape declared
    // ([C, H, W], so a Conv2D can follow) or taken back (flat again, as many values).
    std::optional<std::vector<int>> shape;
    const std::vector<int> current = inputs == 1 ? input->options.get(opt::input::shape) : std::vector<int>{};
    const DataSource &before = m_doc->dataSource();
    if (data.kind == DataSourceKind::Generator && data.features.count() != before.features.count() &&
        current.size() == 1)
        shape = std::vector<int>{data.features.count()};
    if (data.kind == DataSourceKind::Csv && data.csv.imageShape != before.csv.imageShape && inputs == 1) {
        if (data.csv.imageShape.size() == 3)
            shape = data.csv.imageShape;
        else if (current.size() == 3)
            shape = std::vector<int>{current[0] * current[1] * current[2]};
    }
    if (!shape || *shape == current) {
        m_doc->undoStack()->push(new ChangeDataCommand(m_doc, std::move(data), std::move(pre), field));
        return;
    }
    auto *macro = new QUndoCommand(tr("Change %1").arg(field));
    new ChangeDataCommand(m_doc, std::move(data), std::move(pre), field, macro);
    LayerOptions options = input->options;
    options.set(opt::input::shape, *shape);
    new ChangeNodeOptionsCommand(m_doc, input->id, input->name, options, tr("input shape"), macro);
    m_doc->undoStack()->push(macro);
}

void DataPanel::onGeneratorEdited(const QString &field)
{
    if (m_loading) return;
    DataSource data = m_doc->dataSource();
    Preprocessing pre = m_doc->preprocessing();
    data.generator.kind = static_cast<GeneratorKind>(std::max(0, m_kinds->checkedId()));
    data.generator.noise = m_noise->value() / 100.0;
    data.generator.samples = m_samples->value();
    data.generator.seed = static_cast<std::uint64_t>(m_seed->value());
    for (int f = 0; f < kFeatureCount; ++f)
        data.features.*kFeatureFlags[f] = m_features[static_cast<std::size_t>(f)]->isChecked();
    if (data == m_doc->dataSource() && pre == m_doc->preprocessing()) return;
    commit(data, pre, field);
}

void DataPanel::onSplitEdited(const QString &field)
{
    if (m_loading) return;
    Preprocessing pre = m_doc->preprocessing();
    pre.split.validation = m_validation->value() / 100.0;
    pre.split.test = std::max(0.0, 1.0 - m_trainRatio->value() / 100.0);
    if (pre.split.test + pre.split.validation >= 0.95)
        pre.split.validation = std::max(0.0, 0.9 - pre.split.test); // always leave data to train on
    if (pre == m_doc->preprocessing()) return;
    commit(m_doc->dataSource(), pre, field);
}

void DataPanel::chooseCsv(const QString &path)
{
    DataSource data = m_doc->dataSource();
    data.kind = DataSourceKind::Csv;
    data.path = storedPath(path);
    data.csv.target.clear();
    data.csv.ids.clear(); // they named columns of the previous file
    data.csv.text.clear();
    data.csv.categorical.clear();
    data.csv.splitColumn.clear();
    data.csv.testPath.clear(); // it went with the previous file
    data.csv.imageShape.clear();
    commit(data, m_doc->preprocessing(), tr("CSV file"));
}

void DataPanel::chooseTestCsv(const QString &path)
{
    m_csvOptions->setTestPath(QString::fromStdString(storedPath(path))); // one undo step, via onCsvEdited
}

std::string DataPanel::storedPath(const QString &path) const
{
    // Relative to the project file when there is one, so a project and its data can move together.
    return (m_doc->filePath().isEmpty() ? QFileInfo(path).absoluteFilePath()
                                        : QDir(baseDir()).relativeFilePath(path))
        .toStdString();
}

void DataPanel::fillTargetColumns(const QString &path)
{
    const QSignalBlocker block(m_target);
    m_target->clear();
    m_target->addItem(tr("Last column"), QString());
    const CsvOptions &csv = m_doc->dataSource().csv;
    // The columns as the loader names them (core's reader: quotes, ';' and tabs, c1 … cN without a header).
    QStringList columns, labels;
    try {
        if (!path.isEmpty() && QFileInfo(path).isFile())
            for (const std::string &name : readCsvFileHead(path.toStdString(), csv, 0).columns)
                columns << QString::fromStdString(name);
    } catch (const std::exception &) {
        columns.clear(); // the preview says what is wrong with the file
    }
    for (int c = 0; c < columns.size(); ++c) {
        labels << (csv.header ? columns[c] : tr("column %1").arg(c + 1));
        m_target->addItem(labels.back(), columns[c]);
    }
    const int current = m_target->findData(QString::fromStdString(csv.target));
    m_target->setCurrentIndex(std::max(0, current));
    const QString target = QString::fromStdString(csv.target);
    m_csvColumns->setColumns(columns, target, csv, labels);
    // The feature values an image shape must hold: every column but the target, the left out and the split.
    long long pixels = 0;
    const QString targetName = target.isEmpty() && !columns.isEmpty() ? columns.back() : target;
    for (const QString &c : columns) {
        const std::string name = c.toStdString();
        if (c != targetName && name != csv.splitColumn &&
            std::find(csv.ignore.begin(), csv.ignore.end(), name) == csv.ignore.end())
            ++pixels;
    }
    m_csvOptions->setOptions(csv, columns, labels, target, pixels);
}

void DataPanel::onCsvEdited(const QString &field)
{
    if (m_loading) return;
    DataSource data = m_doc->dataSource();
    data.csv.target = m_target->currentData().toString().toStdString();
    data.csv.task = m_task->currentIndex() == 0
                        ? std::nullopt
                        : std::optional<TaskKind>(static_cast<TaskKind>(m_task->currentData().toInt()));
    m_csvColumns->apply(data.csv);
    m_csvOptions->apply(data.csv);
    if (data.csv.header != m_doc->dataSource().csv.header) {
        // The columns are named otherwise now (c1 … cN, or the header's names): what named them goes.
        data.csv.target.clear();
        data.csv.ids.clear();
        data.csv.text.clear();
        data.csv.categorical.clear();
        data.csv.ignore.clear();
        data.csv.splitColumn.clear();
    }
    if (data == m_doc->dataSource()) return;
    commit(data, m_doc->preprocessing(), field);
}

/// IDX images are raw 0–255 values: choosing them without a normalisation scales them to 0–1 (visibly, in
/// the same undo step), as the network expects.
Preprocessing DataPanel::withImageScaling(const DataSource &data, Preprocessing pre)
{
    if (data.kind == DataSourceKind::Idx && pre.normalization == NormalizationKind::None)
        pre.normalization = NormalizationKind::Pixels;
    return pre;
}

void DataPanel::browseIdx(int which)
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open IDX file"), baseDir(), tr("IDX files (*-ubyte *-ubyte.gz *.idx *.gz);;All files (*)"));
    if (path.isEmpty()) return;
    DataSource data = m_doc->dataSource();
    data.kind = DataSourceKind::Idx;
    const std::string stored = (m_doc->filePath().isEmpty() ? QFileInfo(path).absoluteFilePath()
                                                            : QDir(baseDir()).relativeFilePath(path))
                                   .toStdString();
    std::string *fields[4] = {&data.images, &data.labels, &data.testImages, &data.testLabels};
    *fields[which] = stored;
    commit(data, withImageScaling(data, m_doc->preprocessing()), tr("IDX files"));
}

void DataPanel::schedulePreview()
{
    m_previewTimer->start();
}

void DataPanel::refreshPreviewNow()
{
    m_previewTimer->stop();
    m_preview->showData(m_doc->dataSource(), m_doc->preprocessing(), baseDir());
    const DataCounts counts = dataCounts(m_doc->dataSource(), m_doc->preprocessing(), baseDir());
    m_splitCounts->setText(counts.rows);
    m_csvOptions->setMissingReport(counts.missing);
}

} // namespace nnp
