#include "panels/data_panel_preview.h"

#include "data/csv_header.h"
#include "data/data_error.h"
#include "data/idx.h"
#include "data/text_columns.h"
#include "viz/plane_canvas.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTextStream>
#include <QThread>

#include <QVBoxLayout>
#include <atomic>

#include <algorithm>
#include <memory>
#include <optional>

namespace nnp {

namespace {
constexpr int kThumbnails = 60;

/// The 1-based position of column `name` in `head`, 0 when it is not there.
int columnNumber(const CsvHead &head, const QString &name)
{
    const auto it = std::find(head.columns.begin(), head.columns.end(), name.toStdString());
    return it == head.columns.end() ? 0 : static_cast<int>(it - head.columns.begin()) + 1;
}

std::shared_ptr<PlanePoints> planeOf(const Dataset &d, const SplitIndices &split)
{
    auto plane = std::make_shared<PlanePoints>();
    auto take = [&](const std::vector<int> &idx, Matrix &pts, std::vector<int> &labels,
                    std::vector<float> &values) {
        pts.resize(2, static_cast<Eigen::Index>(idx.size()));
        for (std::size_t i = 0; i < idx.size(); ++i) {
            pts.col(static_cast<Eigen::Index>(i)) = d.x.col(idx[i]);
            if (d.task == TaskKind::Classification)
                labels.push_back(d.labels[static_cast<std::size_t>(idx[i])]);
            else if (d.targets.rows() > 0)
                values.push_back(static_cast<float>(d.targets(0, idx[i])));
        }
    };
    std::vector<int> train = split.train;
    train.insert(train.end(), split.validation.begin(), split.validation.end());
    take(train, plane->train, plane->trainLabels, plane->trainValues);
    take(split.test, plane->test, plane->testLabels, plane->testValues);
    plane->classes = d.task == TaskKind::Classification ? std::max(2, d.classes) : 0;
    for (const std::string &n : d.classNames)
        plane->classNames << QString::fromStdString(n);
    if (d.featureNames.size() == 2) {
        plane->xName = QString::fromStdString(d.featureNames[0]);
        plane->yName = QString::fromStdString(d.featureNames[1]);
    }
    return plane;
}
} // namespace

QString resolveDataPath(const std::string &path, const QString &baseDir)
{
    const QString p = QString::fromStdString(path);
    if (p.isEmpty() || QDir::isAbsolutePath(p) || baseDir.isEmpty()) return p;
    return QDir(baseDir).filePath(p);
}

std::atomic<int> DataPanelPreview::s_readers{0};

int DataPanelPreview::readersRunning()
{
    return s_readers.load();
}

DataPanelPreview::DataPanelPreview(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_stack(new QStackedWidget(this)),
      m_message(new QLabel(this)), m_scatter(new PlaneCanvas(this)), m_table(new QTableWidget(this)),
      m_images(new QListWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_stack, 1);
    m_summary->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setMargin(12);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_images->setViewMode(QListView::IconMode);
    m_images->setIconSize(QSize(56, 56));
    m_images->setResizeMode(QListView::Adjust);
    m_images->setMovement(QListView::Static);
    for (QWidget *w : {static_cast<QWidget *>(m_message), static_cast<QWidget *>(m_scatter),
                       static_cast<QWidget *>(m_table), static_cast<QWidget *>(m_images)})
        m_stack->addWidget(w);
    showMessage(tr("No data chosen yet."));
}

void DataPanelPreview::setKind(Kind kind)
{
    m_kind = kind;
    m_stack->setCurrentIndex(static_cast<int>(kind));
}

void DataPanelPreview::showMessage(const QString &text)
{
    m_message->setText(text);
    m_summary->clear();
    setKind(Kind::Message);
}

QString DataPanelPreview::messageText() const
{
    return m_message->text();
}

QString DataPanelPreview::summary() const
{
    return m_summary->text();
}

void DataPanelPreview::showData(const DataSource &source, const Preprocessing &pre, const QString &baseDir)
{
    // Bad settings or files are shown here, in words, and never stop the window.
    m_wantedKey.clear(); // a background IDX read that finishes later no longer replaces what is shown
    try {
        switch (source.kind) {
        case DataSourceKind::Generator:
            showGenerated(source, pre);
            break;
        case DataSourceKind::Csv:
            showCsv(source, pre, baseDir);
            break;
        case DataSourceKind::Idx:
            showIdx(source, baseDir);
            break;
        }
    } catch (const std::exception &e) {
        showMessage(QString::fromStdString(e.what()));
    }
}

void DataPanelPreview::showGenerated(const DataSource &source, const Preprocessing &pre)
{
    const Dataset d = generate(source.generator);
    const SplitIndices split = splitDataset(d, pre.split);
    m_scatter->setPlane(planeOf(d, split));
    QString text = d.task == TaskKind::Classification
                       ? tr("%1 points, %2 classes").arg(d.size()).arg(d.classes)
                       : tr("%1 points, regression").arg(d.size());
    text += QStringLiteral(" · ") + tr("%1 training, %2 validation, %3 test")
                                        .arg(split.train.size())
                                        .arg(split.validation.size())
                                        .arg(split.test.size());
    text += QStringLiteral(" · ") + tr("%n network input(s)", nullptr, source.features.count());
    m_summary->setText(text);
    setKind(Kind::Scatter);
}

void DataPanelPreview::showCsv(const DataSource &source, const Preprocessing &pre, const QString &baseDir)
{
    const QString path = resolveDataPath(source.path, baseDir);
    if (path.isEmpty()) {
        showMessage(tr("Choose a CSV file: one header row, one sample per row."));
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        showMessage(tr("Cannot open \"%1\": %2").arg(path, file.errorString()));
        return;
    }
    QTextStream in(&file);
    QStringList lines;
    while (!in.atEnd() && lines.size() < kPreviewRows + (source.csv.header ? 1 : 0))
        lines << in.readLine();
    const bool more = !in.atEnd();
    if (lines.isEmpty()) {
        showMessage(tr("\"%1\" is empty.").arg(path));
        return;
    }
    // Parsing the rows read checks them as the run will, and tells the task and classes (the first file
    // only: a separate test file is read when training starts; the counts below the preview count both).
    CsvOptions options = source.csv;
    options.testPath.clear();
    const std::string text = lines.join(QLatin1Char('\n')).toStdString();
    const CsvData parsed = parseCsv(text, options, path.toStdString());
    // The cells as the loader reads them (core's reader: quotes, delimiters, c1 … cN without a header row).
    const CsvHead head =
        readCsvHead(text, options, static_cast<std::size_t>(kPreviewRows), path.toStdString());
    const QString target = QString::fromStdString(parsed.schema.target.name);
    const auto columns = static_cast<int>(head.columns.size());
    m_table->clear();
    m_table->setColumnCount(columns);
    m_table->setRowCount(static_cast<int>(head.rows.size()));
    for (int c = 0; c < columns; ++c) {
        const QString name = QString::fromStdString(head.columns[static_cast<std::size_t>(c)]);
        const QString label = source.csv.header ? name : tr("column %1").arg(c + 1);
        const bool isTarget = name == target;
        auto *item = new QTableWidgetItem(isTarget ? tr("%1 (target)").arg(label) : label);
        if (isTarget) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
        m_table->setHorizontalHeaderItem(c, item);
    }
    for (std::size_t r = 0; r < head.rows.size(); ++r)
        for (std::size_t c = 0; c < head.rows[r].size() && c < head.columns.size(); ++c)
            m_table->setItem(static_cast<int>(r), static_cast<int>(c),
                             new QTableWidgetItem(QString::fromStdString(head.rows[r][c])));
    m_table->resizeColumnsToContents();
    const Dataset &d = parsed.data;
    const QString targetLabel = source.csv.header ? target : tr("column %1").arg(columnNumber(head, target));
    QString summary =
        d.task == TaskKind::Classification
            ? tr("%1 features, %2 classes (target \"%3\")").arg(d.features()).arg(d.classes).arg(targetLabel)
            : tr("%1 features, regression (target \"%2\")").arg(d.features()).arg(targetLabel);
    if (d.sampleShape.dims.size() == 3)
        summary += QStringLiteral(" · ") + tr("images of %1 × %2 × %3 (channels × height × width)")
                                               .arg(d.sampleShape.dims[0])
                                               .arg(d.sampleShape.dims[1])
                                               .arg(d.sampleShape.dims[2]);
    summary += QStringLiteral(" · ") +
               (more ? tr("showing the first %1 rows").arg(d.size()) : tr("%1 rows").arg(d.size()));
    m_summary->setText(summary + textColumnsSummary(source, pre, path));
    setKind(Kind::Table);
}

QString DataPanelPreview::textColumnsSummary(const DataSource &source, const Preprocessing &pre,
                                             const QString &path)
{
    if (source.csv.text.empty()) return {};
    // The vocabulary as training will build it: from the training split of the whole file. Small files only
    // on the GUI thread; a large one is counted when training starts.
    if (QFileInfo(path).size() > kTextStatsMaxBytes)
        return QStringLiteral("\n") + tr("Text columns: the vocabulary is built from the training split when "
                                         "training starts.");
    CsvOptions options = source.csv; // the first file's vocabulary (the test file is not read for it)
    options.testPath.clear();
    const CsvData whole = loadCsvForTraining(path.toStdString(), options, pre.split);
    QString text;
    for (const TextColumnFacts &f : textColumnFacts(whole.schema, whole.data.x)) {
        // Sentence lengths (after truncation to T) as a bar per length, 0 … T words.
        static const QString bars = QStringLiteral("▁▂▃▄▅▆▇█");
        const long long most = *std::max_element(f.lengths.begin(), f.lengths.end());
        QString histogram;
        for (long long n : f.lengths)
            histogram +=
                n == 0 ? QStringLiteral(" ") : QString(bars[static_cast<int>((n * 7 + most - 1) / most)]);
        text += QStringLiteral("\n") +
                tr("Text \"%1\": %2 known words (ids 2 … %3; 0 pads, 1 is an unknown word), T = %4 words · "
                   "lengths 0–%4: %5")
                    .arg(QString::fromStdString(f.name))
                    .arg(f.vocabulary)
                    .arg(f.vocabulary + 1)
                    .arg(f.length)
                    .arg(histogram);
    }
    return text;
}

void DataPanelPreview::showIdx(const DataSource &source, const QString &baseDir)
{
    const QString images = resolveDataPath(source.images, baseDir),
                  labels = resolveDataPath(source.labels, baseDir);
    if (images.isEmpty() || labels.isEmpty()) {
        showMessage(tr("Choose an IDX image file and its label file (MNIST's format, plain or .gz)."));
        return;
    }
    const QString key = images + QLatin1Char('\n') + labels;
    m_wantedKey = key;
    if (key == m_idxKey) {
        showIdxImages();
        return;
    }
    showMessage(tr("Reading %1 …").arg(QFileInfo(images).fileName()));
    if (key == m_readingKey) return; // already on its way
    m_readingKey = key;
    // Decompressing and converting 60 000 images takes a while: not on the GUI thread. The thread owns its
    // result until the GUI thread takes it; if the preview is gone by then, the connection is gone too.
    struct Result {
        std::optional<Dataset> data;
        QString error;
    };
    auto result = std::make_shared<Result>();
    ++s_readers;
    QThread *reader = QThread::create([result, images, labels] {
        try {
            result->data = loadIdx(images.toStdString(), labels.toStdString());
        } catch (const std::exception &e) {
            result->error = QString::fromStdString(e.what());
        }
        --s_readers;
    });
    reader->setObjectName(QStringLiteral("nnp-idx-preview"));
    connect(reader, &QThread::finished, reader, &QObject::deleteLater);
    connect(reader, &QThread::finished, this, [this, result, key] {
        if (m_readingKey == key) m_readingKey.clear();
        if (result->data) {
            m_idx = std::move(*result->data);
            m_idxKey = key;
        }
        if (m_wantedKey != key) return; // the user chose something else meanwhile
        if (result->data)
            showIdxImages();
        else
            showMessage(result->error.isEmpty() ? tr("The IDX files could not be read.") : result->error);
        emit idxShown();
    });
    reader->start(QThread::LowPriority);
}

void DataPanelPreview::showIdxImages()
{
    const Dataset &d = m_idx;
    const auto &dims = d.sampleShape.dims; // {1, rows, cols}: raw 0–255 pixel values
    const int rows = dims.size() == 3 ? dims[1] : 0, cols = dims.size() == 3 ? dims[2] : 0;
    m_images->clear();
    for (int i = 0; i < std::min(kThumbnails, d.size()) && rows > 0 && cols > 0; ++i) {
        QImage img(cols, rows, QImage::Format_Grayscale8);
        for (int r = 0; r < rows; ++r) {
            uchar *line = img.scanLine(r);
            for (int c = 0; c < cols; ++c)
                line[c] = static_cast<uchar>(std::clamp(d.x(r * cols + c, i), Scalar(0), Scalar(255)));
        }
        const int label = d.labels[static_cast<std::size_t>(i)];
        const QString name = label < static_cast<int>(d.classNames.size())
                                 ? QString::fromStdString(d.classNames[static_cast<std::size_t>(label)])
                                 : QString::number(label);
        m_images->addItem(new QListWidgetItem(QIcon(QPixmap::fromImage(img.scaled(56, 56))), name));
    }
    m_summary->setText(
        tr("%1 images of %2×%3 pixels, %4 classes").arg(d.size()).arg(cols).arg(rows).arg(d.classes));
    setKind(Kind::Images);
}

} // namespace nnp
