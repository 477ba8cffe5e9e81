#include "export/figure_export.h"

#include "export/model_export.h"
#include "figures/figure_registry.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSvgGenerator>
#include <QVBoxLayout>

#include <cmath>

namespace nnp {

namespace {
constexpr int kMaxSide = 10000; // 10000 × 10000 × 4 bytes = 400 MB: the most a PNG may take
constexpr int kPreviewSide = 300;

QString suffixOf(FigureFormat f)
{
    return f == FigureFormat::Png ? QStringLiteral("png") : QStringLiteral("svg");
}

bool saveBytes(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path); // atomic: the old file stays until the new one is complete
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error) *error = FigureExportDialog::tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
} // namespace

QImage renderFigure(const FigureSource &source, QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) return image;
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    source.render(painter, QRectF(QPointF(0, 0), QSizeF(size)));
    painter.end();
    return image;
}

bool writeFigure(const FigureSource &source, const QString &path, QSize size, FigureFormat format,
                 QString *error)
{
    if (size.width() < 1 || size.height() < 1 || size.width() > kMaxSide || size.height() > kMaxSide) {
        if (error)
            *error = FigureExportDialog::tr("Choose a size between 1 and %1 pixels per side.").arg(kMaxSide);
        return false;
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (format == FigureFormat::Png) {
        const QImage image = renderFigure(source, size);
        if (image.isNull() || !image.save(&buffer, "PNG")) {
            if (error)
                *error = FigureExportDialog::tr("Could not render a %1 × %2 image (not enough memory?).")
                             .arg(size.width())
                             .arg(size.height());
            return false;
        }
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setResolution(
            96); // the width and height attributes: pixels at 96 dpi, as browsers and slides count
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(source.title);
        svg.setDescription(FigureExportDialog::tr("Exported from NN Playground"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            if (error) *error = FigureExportDialog::tr("Could not start the SVG drawing.");
            return false;
        }
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        painter.fillRect(QRectF(QPointF(0, 0), QSizeF(size)), Qt::white);
        source.render(painter, QRectF(QPointF(0, 0), QSizeF(size)));
        painter.end();
    }
    buffer.close();
    return saveBytes(path, bytes, error);
}

FigureExportDialog::FigureExportDialog(FigureRegistry *registry, const QString &defaultDir, QWidget *parent)
    : QDialog(parent), m_registry(registry), m_dir(defaultDir.isEmpty() ? QDir::homePath() : defaultDir),
      m_figure(new QComboBox), m_format(new QComboBox), m_width(new QSpinBox), m_height(new QSpinBox),
      m_aspect(new QCheckBox(tr("Keep the aspect ratio"))), m_path(new QLineEdit), m_preview(new QLabel),
      m_message(new QLabel)
{
    setObjectName(QStringLiteral("figureExportDialog"));
    setWindowTitle(tr("Export — Figure"));
    m_figure->setObjectName(QStringLiteral("figureBox"));
    m_format->setObjectName(QStringLiteral("formatBox"));
    m_width->setObjectName(QStringLiteral("widthBox"));
    m_height->setObjectName(QStringLiteral("heightBox"));
    m_aspect->setObjectName(QStringLiteral("aspectBox"));
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_preview->setObjectName(QStringLiteral("previewLabel"));

    m_format->addItem(tr("PNG image"), QVariant::fromValue(static_cast<int>(FigureFormat::Png)));
    m_format->addItem(tr("SVG drawing (scalable)"), QVariant::fromValue(static_cast<int>(FigureFormat::Svg)));
    for (QSpinBox *box : {m_width, m_height}) {
        box->setRange(16, kMaxSide);
        box->setSuffix(tr(" px"));
        box->setAccelerated(true);
    }
    m_aspect->setChecked(true);

    auto *layout = new QHBoxLayout(this);
    auto *left = new QVBoxLayout;
    layout->addLayout(left, 1);
    auto *form = new QFormLayout;
    left->addLayout(form);
    form->addRow(tr("Figure:"), m_figure);
    form->addRow(tr("Format:"), m_format);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×")));
    sizeRow->addWidget(m_height);
    auto *naturalButton = new QPushButton(tr("Size on screen"));
    naturalButton->setObjectName(QStringLiteral("naturalSizeButton"));
    auto *doubleButton = new QPushButton(tr("× 2"));
    doubleButton->setToolTip(tr("Twice the size, for sharp slides on a high-resolution projector"));
    sizeRow->addWidget(naturalButton);
    sizeRow->addWidget(doubleButton);
    sizeRow->addStretch();
    form->addRow(tr("Size:"), sizeRow);
    form->addRow(QString(), m_aspect);
    m_path->setMinimumWidth(380);
    auto *browseButton = new QPushButton(tr("Browse…"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);
    form->addRow(tr("Save to:"), pathRow);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    left->addWidget(m_message);
    left->addStretch();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setDefault(true);
    left->addWidget(buttons);

    m_preview->setFixedSize(kPreviewSide + 2, kPreviewSide + 2);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setFrameShape(QFrame::StyledPanel);
    layout->addWidget(m_preview, 0, Qt::AlignTop);

    connect(m_figure, &QComboBox::currentIndexChanged, this, &FigureExportDialog::onFigureChanged);
    connect(m_format, &QComboBox::currentIndexChanged, this, &FigureExportDialog::onFormatChanged);
    connect(m_width, &QSpinBox::valueChanged, this, &FigureExportDialog::onWidthChanged);
    connect(m_height, &QSpinBox::valueChanged, this, &FigureExportDialog::onHeightChanged);
    connect(naturalButton, &QPushButton::clicked, this, &FigureExportDialog::onFigureChanged);
    connect(doubleButton, &QPushButton::clicked, this, [this] {
        const bool wasLocked = m_aspect->isChecked();
        m_syncing = true;
        m_width->setValue(m_width->value() * 2);
        m_height->setValue(m_height->value() * 2);
        m_syncing = false;
        m_aspect->setChecked(wasLocked);
    });
    connect(m_path, &QLineEdit::textEdited, this, [this] { m_confirmedPath.clear(); });
    connect(browseButton, &QPushButton::clicked, this, &FigureExportDialog::browse);
    connect(m_export, &QPushButton::clicked, this, &FigureExportDialog::exportNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(registry, &FigureRegistry::changed, this, &FigureExportDialog::rebuildList);
    rebuildList();
}

void FigureExportDialog::rebuildList()
{
    const QString keep = m_figure->currentData().toString();
    const QSignalBlocker block(m_figure);
    m_figure->clear();
    for (const FigureSource &s : m_registry->sources())
        m_figure->addItem(s.title, s.id);
    const int index = m_figure->findData(keep);
    m_figure->setCurrentIndex(index >= 0 ? index : 0);
    const bool any = m_figure->count() > 0;
    m_export->setEnabled(any);
    if (!any) m_message->setText(tr("There is no figure to export."));
    onFigureChanged();
}

bool FigureExportDialog::selectFigure(const QString &id)
{
    const int index = m_figure->findData(id);
    if (index < 0) return false;
    m_figure->setCurrentIndex(index);
    return true;
}

const FigureSource *FigureExportDialog::current() const
{
    return m_registry->find(m_figure->currentData().toString());
}

void FigureExportDialog::onFigureChanged()
{
    const FigureSource *s = current();
    if (!s) return;
    QSize natural = s->naturalSize ? s->naturalSize() : QSize();
    if (natural.width() < 16 || natural.height() < 16)
        natural = QSize(800, 600); // a view that is hidden or not laid out yet
    natural = natural.boundedTo(QSize(kMaxSide, kMaxSide));
    m_ratio = static_cast<double>(natural.width()) / natural.height();
    m_syncing = true;
    m_width->setValue(natural.width());
    m_height->setValue(natural.height());
    m_syncing = false;
    const QString stem = QStringLiteral("figure_%1").arg(s->id);
    const QString dir = m_path->text().isEmpty() ? m_dir : QFileInfo(m_path->text()).absolutePath();
    m_path->setText(QDir(dir).filePath(stem + QLatin1Char('.') +
                                       suffixOf(static_cast<FigureFormat>(m_format->currentData().toInt()))));
    m_confirmedPath.clear();
    updatePreview();
}

void FigureExportDialog::onFormatChanged()
{
    const QString suffix = suffixOf(static_cast<FigureFormat>(m_format->currentData().toInt()));
    const QFileInfo info(m_path->text());
    if (!m_path->text().isEmpty())
        m_path->setText(info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + suffix));
    m_confirmedPath.clear();
}

void FigureExportDialog::onWidthChanged(int w)
{
    if (m_syncing) return;
    if (m_aspect->isChecked()) {
        m_syncing = true;
        m_height->setValue(std::max(1, static_cast<int>(std::lround(w / m_ratio))));
        m_syncing = false;
    }
    updatePreview();
}

void FigureExportDialog::onHeightChanged(int h)
{
    if (m_syncing) return;
    if (m_aspect->isChecked()) {
        m_syncing = true;
        m_width->setValue(std::max(1, static_cast<int>(std::lround(h * m_ratio))));
        m_syncing = false;
    }
    updatePreview();
}

void FigureExportDialog::updatePreview()
{
    const FigureSource *s = current();
    if (!s) {
        m_preview->clear();
        return;
    }
    QSize size(m_width->value(), m_height->value());
    size.scale(kPreviewSide, kPreviewSide, Qt::KeepAspectRatio);
    // Rendered at the export size's proportions, but small: text looks as it will, scaled down.
    const double scale = std::min(1.0, 2.0 * kPreviewSide / std::max(m_width->value(), m_height->value()));
    QSize logical(m_width->value(), m_height->value());
    logical = QSize(std::max(16, static_cast<int>(logical.width() * scale)),
                    std::max(16, static_cast<int>(logical.height() * scale)));
    const QImage image = renderFigure(*s, logical);
    m_preview->setPixmap(
        QPixmap::fromImage(image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void FigureExportDialog::browse()
{
    const auto format = static_cast<FigureFormat>(m_format->currentData().toInt());
    const QString filter =
        format == FigureFormat::Png ? tr("PNG images (*.png)") : tr("SVG drawings (*.svg)");
    QString chosen = QFileDialog::getSaveFileName(this, tr("Export — Figure"), m_path->text(), filter);
    if (chosen.isEmpty()) return;
    if (QFileInfo(chosen).suffix().isEmpty()) chosen += QLatin1Char('.') + suffixOf(format);
    m_path->setText(QDir::toNativeSeparators(chosen));
    m_confirmedPath = QDir::cleanPath(chosen);
}

bool FigureExportDialog::exportNow()
{
    const FigureSource *s = current();
    const QString path = QDir::cleanPath(m_path->text().trimmed());
    auto fail = [this](const QString &text) {
        m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_message->setText(text);
        return false;
    };
    if (!s) return fail(tr("There is no figure to export."));
    if (m_path->text().trimmed().isEmpty()) return fail(tr("Choose where to write the figure first."));
    const QFileInfo target(path);
    if (target.exists() && path != m_confirmedPath) {
        if (QMessageBox::question(this, tr("Replace the file?"),
                                  tr("%1 already exists. Replace it?").arg(target.fileName()),
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
            return false;
        m_confirmedPath = path;
    }
    QString error;
    const auto format = static_cast<FigureFormat>(m_format->currentData().toInt());
    const QSize size(m_width->value(), m_height->value());
    if (!writeFigure(*s, path, size, format, &error)) return fail(error);
    m_message->setStyleSheet(QStringLiteral("color: #1b6e2d;"));
    m_message->setText(tr("Wrote %1 (%2 × %3).").arg(path).arg(size.width()).arg(size.height()));
    rememberExportFolder(path);
    return true;
}

} // namespace nnp
