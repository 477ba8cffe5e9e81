#include "insights/confusion_view.h"

#include "style/high_contrast.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace nnp {

namespace {
constexpr int kMaxListed = 1000; // rows in the sample table

QString classLabel(const QStringList &names, int k)
{
    return k >= 0 && k < names.size() && !names[k].isEmpty() ? names[k] : QString::number(k);
}

/// A small greyscale picture of an image sample (values scaled to their own range).
QImage thumbnail(const Scalar *v, int h, int w)
{
    QImage img(w, h, QImage::Format_Grayscale8);
    float lo = v[0], hi = v[0];
    for (int i = 0; i < w * h; ++i) {
        lo = std::min(lo, float(v[i]));
        hi = std::max(hi, float(v[i]));
    }
    const float span = hi - lo > 1e-9f ? hi - lo : 1.0f;
    for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c) // row-major pixels; dark ink on white as on paper
            img.scanLine(r)[c] =
                static_cast<uchar>(255 - std::lround(255 * (float(v[r * w + c]) - lo) / span));
    return img;
}
} // namespace

ConfusionGrid::ConfusionGrid(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMouseTracking(false);
}

void ConfusionGrid::setData(std::shared_ptr<const ConfusionData> data)
{
    m_data = std::move(data);
    update();
}

void ConfusionGrid::setSelectedCell(int truth, int predicted)
{
    m_selTruth = truth;
    m_selPredicted = predicted;
    update();
}

QString ConfusionGrid::className(int k) const
{
    return classLabel(m_data ? m_data->classNames : QStringList(), k);
}

QRectF ConfusionGrid::gridRect(const QRectF &area) const
{
    if (!m_data || m_data->classes <= 0) return {};
    const QFontMetrics fm(font());
    int label = fm.horizontalAdvance(QStringLiteral("00"));
    for (int k = 0; k < m_data->classes; ++k)
        label = std::max(label, fm.horizontalAdvance(className(k)));
    label = std::min(label, 110) + 8;
    const double left = area.left() + fm.height() + 6 + label; // "True" turned, then the class names
    const double top = area.top() + fm.height() * 2 + 8;       // "Predicted", then the class names
    const double side = std::max(40.0, std::min(area.right() - left - 4, area.bottom() - top - 4));
    return {left, top, side, side};
}

QRectF ConfusionGrid::cellRect(int truth, int predicted) const
{
    const QRectF g = gridRect(QRectF(rect()));
    if (g.isEmpty()) return {};
    const double c = g.width() / m_data->classes;
    return {g.left() + predicted * c, g.top() + truth * c, c, c};
}

void ConfusionGrid::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    render(p, QRectF(rect()));
}

QFont ConfusionGrid::countFont(double c, bool *fits) const
{
    // The counts at the body text's size or larger (it grows with presentation mode's scale), smaller only
    // as far as three quarters of it when a count would not fit its cell; a count that still does not fit
    // is left to the cell's samples list.
    const double body = font().pointSizeF() > 0 ? font().pointSizeF() : 9.0;
    QFont f = font();
    f.setPointSizeF(std::clamp(c / 3.2, body, body * 1.4));
    int widest = 0;
    if (m_data)
        for (const auto &row : m_data->counts)
            for (const int count : row)
                widest = std::max(widest, count);
    const QString digits = QString::number(widest);
    while (f.pointSizeF() > body * 0.75 && QFontMetricsF(f).horizontalAdvance(digits) > c - 4)
        f.setPointSizeF(f.pointSizeF() - 0.5);
    if (fits) *fits = QFontMetricsF(f).horizontalAdvance(digits) <= c - 4 && QFontMetricsF(f).height() <= c;
    return f;
}

QFont ConfusionGrid::countFont() const
{
    const int n = m_data ? m_data->classes : 0;
    return countFont(n > 0 ? gridRect(QRectF(rect())).width() / n : 0.0);
}

void ConfusionGrid::render(QPainter &p, const QRectF &area) const
{
    p.setRenderHint(QPainter::Antialiasing);
    if (!m_data || m_data->classes <= 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(area.adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                   m_data && !m_data->note.isEmpty() ? m_data->note
                                                     : tr("Train or step the network to see the matrix."));
        return;
    }
    const int n = m_data->classes;
    const QRectF g = gridRect(area);
    const double c = g.width() / n;
    const QFontMetrics fm(p.font());
    bool countsFit = false;
    // High contrast (presentation): black grid lines, bold counts, no pale cells.
    const bool contrast = highContrastActive();
    QFont cellFont = countFont(c, &countsFit);
    cellFont.setBold(contrast);
    for (int t = 0; t < n; ++t) {
        long long rowSum = 0;
        for (int q = 0; q < n; ++q)
            rowSum += m_data->counts[std::size_t(t)][std::size_t(q)];
        for (int q = 0; q < n; ++q) {
            const int count = m_data->counts[std::size_t(t)][std::size_t(q)];
            const double share = rowSum > 0 ? double(count) / double(rowSum) : 0.0;
            // Blue for correct, orange for mistakes (a colour-blind-safe pair), darker for a larger share.
            const QColor base = t == q ? QColor(0x1F77B4) : QColor(0xE8710A);
            QColor fill = base;
            fill.setAlphaF(count == 0 ? 0.0 : (contrast ? 0.25 : 0.12) + (contrast ? 0.75 : 0.88) * share);
            const QRectF cell(g.left() + q * c, g.top() + t * c, c, c);
            p.fillRect(cell, Qt::white);
            p.fillRect(cell, fill);
            p.setPen(contrast ? QPen(Qt::black, 1.5) : QPen(QColor(0xC8CCD0), 1));
            p.setBrush(Qt::NoBrush);
            p.drawRect(cell);
            p.setFont(cellFont);
            p.setPen(share > 0.55 ? Qt::white : contrast ? QColor(Qt::black) : QColor(0x202020));
            if (countsFit) p.drawText(cell, Qt::AlignCenter, QString::number(count));
        }
    }
    if (m_selTruth >= 0 && m_selTruth < n && m_selPredicted >= 0 && m_selPredicted < n) {
        p.setPen(QPen(QColor(0x111111), contrast ? 4 : 3));
        p.drawRect(
            QRectF(g.left() + m_selPredicted * c, g.top() + m_selTruth * c, c, c).adjusted(1, 1, -1, -1));
    }
    p.setFont(font());
    p.setPen(palette().color(QPalette::WindowText));
    for (int k = 0; k < n; ++k) {
        const QString name = fm.elidedText(className(k), Qt::ElideRight, 110);
        p.drawText(QRectF(area.left(), g.top() + k * c, g.left() - area.left() - 6, c),
                   Qt::AlignRight | Qt::AlignVCenter, name);
        p.drawText(QRectF(g.left() + k * c - 20, g.top() - fm.height() - 2, c + 40, fm.height()),
                   Qt::AlignCenter, fm.elidedText(className(k), Qt::ElideRight, int(c) + 36));
    }
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRectF(g.left(), area.top() + 2, g.width(), fm.height()), Qt::AlignCenter,
               tr("Predicted class"));
    p.save();
    p.translate(area.left() + 2, g.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-g.height() / 2, 0, g.height(), fm.height() + 2), Qt::AlignCenter, tr("True class"));
    p.restore();
}

void ConfusionGrid::mousePressEvent(QMouseEvent *event)
{
    const QRectF g = gridRect(QRectF(rect()));
    if (!g.isEmpty() && g.contains(event->position())) {
        const double c = g.width() / m_data->classes;
        const int q = std::clamp(int((event->position().x() - g.left()) / c), 0, m_data->classes - 1);
        const int t = std::clamp(int((event->position().y() - g.top()) / c), 0, m_data->classes - 1);
        emit cellClicked(t, q);
    }
    QWidget::mousePressEvent(event);
}

ConfusionView::ConfusionView(QWidget *parent)
    : QWidget(parent), m_split(new QComboBox), m_accuracy(new QLabel), m_listTitle(new QLabel),
      m_grid(new ConfusionGrid), m_table(new QTableWidget)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Data:")));
    m_split->addItem(tr("Training split"));
    m_split->addItem(tr("Test split"));
    row->addWidget(m_split);
    row->addSpacing(12);
    row->addWidget(m_accuracy, 1);
    layout->addLayout(row);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_listTitle->setWordWrap(true);
    rightLayout->addWidget(m_listTitle);
    rightLayout->addWidget(m_table, 1);
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Sample"), tr("True"), tr("Predicted"), tr("Input")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_grid);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_grid, &ConfusionGrid::cellClicked, this, &ConfusionView::selectCell);
    connect(m_split, &QComboBox::currentIndexChanged, this, [this] {
        m_truth = m_predicted = -1;
        m_grid->setSelectedCell(-1, -1);
        m_table->setRowCount(0);
        m_listed.clear();
        m_listTitle->setText(tr("Click a cell to list its samples."));
        emit samplesSelected(split(), {});
        emit splitChanged(split());
    });
    clear();
}

InsightSplit ConfusionView::split() const
{
    return m_split->currentIndex() == 1 ? InsightSplit::Test : InsightSplit::Train;
}

QString ConfusionView::className(int k) const
{
    return classLabel(m_data ? m_data->classNames : QStringList(), k);
}

void ConfusionView::clear()
{
    m_data.reset();
    m_grid->setData(nullptr);
    m_grid->setSelectedCell(-1, -1);
    m_truth = m_predicted = -1;
    m_table->setRowCount(0);
    m_listed.clear();
    m_accuracy->clear();
    m_listTitle->setText(tr("Click a cell to list its samples."));
}

void ConfusionView::showConfusion(std::shared_ptr<const ConfusionData> data)
{
    if (!data || data == m_data || data->split != split()) return;
    m_data = std::move(data);
    m_grid->setData(m_data);
    if (m_data->classes > 0)
        m_accuracy->setText(tr("Accuracy %1 % on %2 samples")
                                .arg(100.0 * m_data->accuracy, 0, 'f', 1)
                                .arg(m_data->truth.size()));
    else
        m_accuracy->setText(m_data->note);
}

void ConfusionView::selectCell(int truth, int predicted)
{
    if (!m_data || truth < 0 || predicted < 0 || truth >= m_data->classes || predicted >= m_data->classes)
        return;
    m_truth = truth;
    m_predicted = predicted;
    m_grid->setSelectedCell(truth, predicted);
    m_listed.clear();
    for (std::size_t i = 0; i < m_data->truth.size() && i < m_data->predicted.size(); ++i)
        if (m_data->truth[i] == truth && m_data->predicted[i] == predicted)
            m_listed.push_back(static_cast<int>(i));
    const int rows = std::min<int>(static_cast<int>(m_listed.size()), kMaxListed);
    QString title = tr("%n sample(s): true %1, predicted %2.", nullptr, static_cast<int>(m_listed.size()))
                        .arg(className(truth), className(predicted));
    if (rows < static_cast<int>(m_listed.size()))
        title += QLatin1Char(' ') + tr("The first %1 are listed.").arg(rows);
    if (m_data->normalisedInputs)
        title += QLatin1Char(' ') + tr("Inputs as the network sees them (normalised).");
    m_listTitle->setText(title);
    const std::vector<int> &shape = m_data->sampleShape;
    const bool image = shape.size() >= 2 && shape[0] * shape[1] == m_data->inputs.rows();
    m_table->setRowCount(rows);
    // Thumbnails at least ~40 pixels high (8 × 8 digits 5×, 28 × 28 MNIST 2×).
    const int zoom = image ? std::max(2, 40 / std::max(1, shape[0])) : 1;
    m_table->setIconSize(image ? QSize(shape[1] * zoom, shape[0] * zoom) : QSize());
    for (int r = 0; r < rows; ++r) {
        const int s = m_listed[static_cast<std::size_t>(r)];
        auto *index = new QTableWidgetItem;
        index->setData(Qt::DisplayRole, s);
        m_table->setItem(r, 0, index);
        m_table->setItem(r, 1, new QTableWidgetItem(className(truth)));
        m_table->setItem(r, 2, new QTableWidgetItem(className(predicted)));
        auto *input = new QTableWidgetItem;
        if (const Scalar *v = m_data->inputOf(s)) {
            if (image) {
                input->setIcon(
                    QIcon(QPixmap::fromImage(thumbnail(v, shape[0], shape[1])
                                                 .scaled(shape[1] * zoom, shape[0] * zoom,
                                                         Qt::IgnoreAspectRatio, Qt::FastTransformation))));
            } else {
                QStringList parts;
                const auto nv = std::min<Eigen::Index>(m_data->inputs.rows(), 8);
                for (Eigen::Index k = 0; k < nv; ++k)
                    parts << QString::number(double(v[k]), 'g', 4);
                if (m_data->inputs.rows() > nv) parts << QStringLiteral("…");
                input->setText(parts.join(QStringLiteral(", ")));
            }
        } else {
            input->setText(truth == predicted ? tr("(correct: input not kept)") : tr("(not kept)"));
        }
        m_table->setItem(r, 3, input);
    }
    if (image) m_table->verticalHeader()->setDefaultSectionSize(shape[0] * zoom + 4);
    emit samplesSelected(split(), m_listed);
}

} // namespace nnp
