#include "insights/embedding_map_view.h"

#include "insights/layer_choice.h"
#include "style/palette.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QPainter>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace nnp {

namespace {
constexpr double kMargin = 14;  // pixels around the points
constexpr double kRadius = 3.5; // a point's radius
} // namespace

EmbeddingMapCanvas::EmbeddingMapCanvas(bool truth, QWidget *parent) : QWidget(parent), m_truth(truth)
{
    setMouseTracking(true);
    setMinimumSize(160, 110);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void EmbeddingMapCanvas::setMap(std::shared_ptr<const EmbeddingMapData> data)
{
    m_data = std::move(data);
    layoutLabels();
    update();
}

QRectF EmbeddingMapCanvas::plotRect() const
{
    return QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
}

const Eigen::Matrix<double, 2, Eigen::Dynamic> *EmbeddingMapCanvas::points() const
{
    if (!m_data) return nullptr;
    if (m_truth) return m_data->hasTruth ? &m_data->truth : nullptr;
    return &m_data->map.pca.points;
}

QPointF EmbeddingMapCanvas::pointAt(int k) const
{
    const auto *pts = points();
    if (!pts || k < 0 || k >= pts->cols()) return {};
    const QRectF r = plotRect();
    // Equal scales on both axes (PCA keeps distances); the second axis points up.
    return {r.center().x() + ((*pts)(0, k) - m_cx) * m_scale,
            r.center().y() - ((*pts)(1, k) - m_cy) * m_scale};
}

void EmbeddingMapCanvas::resizeEvent(QResizeEvent *)
{
    layoutLabels();
}

void EmbeddingMapCanvas::layoutLabels()
{
    m_labelRects.clear();
    m_labelled.clear();
    if (!points() || points()->cols() == 0) return;
    const auto &pts = *points();
    const double x0 = pts.row(0).minCoeff(), x1 = pts.row(0).maxCoeff(), y0 = pts.row(1).minCoeff(),
                 y1 = pts.row(1).maxCoeff();
    m_cx = (x0 + x1) / 2;
    m_cy = (y0 + y1) / 2;
    const QRectF r = plotRect();
    const double sx = x1 > x0 ? r.width() / (x1 - x0) : 1e9, sy = y1 > y0 ? r.height() / (y1 - y0) : 1e9;
    m_scale = std::min(sx, sy);
    if (!std::isfinite(m_scale) || m_scale >= 1e9) m_scale = 1;
    // Greedy, most frequent first: a label goes right of its point, else left, else not at all.
    const QFontMetricsF fm(font());
    const auto &labels = m_data->map.labels;
    for (int k = 0; k < static_cast<int>(labels.size()) && static_cast<int>(m_labelled.size()) < kMaxLabels;
         ++k) {
        const QString text = QString::fromStdString(labels[static_cast<std::size_t>(k)]);
        const QPointF p = pointAt(k);
        const QSizeF size = fm.boundingRect(text).size() + QSizeF(2, 0);
        for (const QRectF candidate :
             {QRectF(QPointF(p.x() + kRadius + 2, p.y() - size.height() / 2), size),
              QRectF(QPointF(p.x() - kRadius - 2 - size.width(), p.y() - size.height() / 2), size)}) {
            if (!QRectF(rect()).contains(candidate)) continue;
            if (std::any_of(m_labelRects.begin(), m_labelRects.end(),
                            [&](const QRectF &o) { return o.intersects(candidate); }))
                continue;
            m_labelRects.push_back(candidate);
            m_labelled.push_back(k);
            break;
        }
    }
}

void EmbeddingMapCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    if (!points()) return;
    const auto &map = m_data->map;
    // The axes through the mean.
    const QRectF r = plotRect();
    const QPointF origin(r.center().x() - m_cx * m_scale, r.center().y() + m_cy * m_scale);
    p.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
    if (r.left() <= origin.x() && origin.x() <= r.right())
        p.drawLine(QPointF(origin.x(), r.top()), QPointF(origin.x(), r.bottom()));
    if (r.top() <= origin.y() && origin.y() <= r.bottom())
        p.drawLine(QPointF(r.left(), origin.y()), QPointF(r.right(), origin.y()));
    // Points: the most frequent darkest, drawn last (on top).
    const int n = static_cast<int>(map.ids.size());
    for (int k = n - 1; k >= 0; --k) {
        const double rank = n > 1 ? double(k) / (n - 1) : 0;
        p.setPen(Qt::NoPen);
        p.setBrush(lighten(classColor(1), 0.6 * rank));
        p.drawEllipse(pointAt(k), kRadius, kRadius);
    }
    p.setPen(palette().color(QPalette::Text));
    for (std::size_t i = 0; i < m_labelRects.size(); ++i)
        p.drawText(m_labelRects[i], Qt::AlignLeft | Qt::AlignVCenter,
                   QString::fromStdString(map.labels[static_cast<std::size_t>(m_labelled[i])]));
}

int EmbeddingMapCanvas::pointNear(QPointF pos) const
{
    if (!points()) return -1;
    int best = -1;
    double bestDistance = (kRadius + 4) * (kRadius + 4);
    for (int k = 0; k < static_cast<int>(m_data->map.ids.size()); ++k) {
        const QPointF d = pointAt(k) - pos;
        const double d2 = d.x() * d.x() + d.y() * d.y();
        if (d2 <= bestDistance) {
            bestDistance = d2;
            best = k;
        }
    }
    return best;
}

QString EmbeddingMapCanvas::toolTipAt(QPointF pos) const
{
    const int k = pointNear(pos);
    if (k < 0) return {};
    const auto &map = m_data->map;
    const auto i = static_cast<std::size_t>(k);
    const QString head =
        tr("%1 (id %2) · %n time(s) in the training data", nullptr, static_cast<int>(map.counts[i]))
            .arg(QString::fromStdString(map.labels[i]))
            .arg(map.ids[i]) +
        QLatin1Char('\n');
    if (m_truth)
        return head + tr("hidden taste (%1, %2)")
                          .arg(m_data->truth(0, k), 0, 'g', 4)
                          .arg(m_data->truth(1, k), 0, 'g', 4);
    return head +
           tr("PC1 %1, PC2 %2").arg(map.pca.points(0, k), 0, 'g', 4).arg(map.pca.points(1, k), 0, 'g', 4);
}

bool EmbeddingMapCanvas::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(e);
}

EmbeddingMapView::EmbeddingMapView(QWidget *parent)
    : QWidget(parent), m_layer(new QComboBox), m_info(new QLabel), m_placeholder(new QLabel),
      m_stack(new QStackedWidget), m_canvas(new EmbeddingMapCanvas(false)),
      m_truth(new EmbeddingMapCanvas(true)), m_truthPanel(new QWidget)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Layer:")));
    m_layer->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    top->addWidget(m_layer);
    top->addStretch(1);
    layout->addLayout(top);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setMargin(16);
    m_stack->addWidget(m_placeholder);
    // The learned map, and beside it (ratings generator) the hidden true tastes of the same ids.
    auto *maps = new QWidget;
    auto *row = new QHBoxLayout(maps);
    row->setContentsMargins(0, 0, 0, 0);
    auto *learned = new QVBoxLayout;
    learned->addWidget(new QLabel(tr("Learned vectors (PCA)")));
    learned->addWidget(m_canvas, 1);
    row->addLayout(learned, 1);
    auto *truth = new QVBoxLayout(m_truthPanel);
    truth->setContentsMargins(0, 0, 0, 0);
    truth->addWidget(new QLabel(tr("Hidden true tastes (the generator's)")));
    truth->addWidget(m_truth, 1);
    row->addWidget(m_truthPanel, 1);
    m_stack->addWidget(maps);
    layout->addWidget(m_stack, 1);
    m_info->setWordWrap(true);
    layout->addWidget(m_info);
    connect(m_layer, &QComboBox::currentIndexChanged, this, &EmbeddingMapView::layerChanged);
    clear();
}

int EmbeddingMapView::layerNode() const
{
    return m_layer->currentIndex() >= 0 ? m_layer->currentData().toInt() : 0;
}

bool EmbeddingMapView::showsPlaceholder() const
{
    return m_stack->currentIndex() == 0;
}

void EmbeddingMapView::clear()
{
    m_data.reset();
    m_canvas->setMap(nullptr);
    m_truth->setMap(nullptr);
    m_truthPanel->hide();
    m_info->clear();
    m_placeholder->setText(tr("Press Reset or Play to build the network; the vectors its Embedding layer "
                              "learns appear here as points on a map."));
    m_stack->setCurrentIndex(0);
}

void EmbeddingMapView::showData(std::shared_ptr<const EmbeddingMapData> data)
{
    if (!data || data == m_data) return;
    m_data = data;
    const EmbeddingMapData &d = *data;
    showLayerChoice(m_layer, d.nodes, d.names, static_cast<int>(d.map.node));
    if (!d.note.isEmpty() || d.map.ids.size() < 2) {
        m_placeholder->setText(d.note);
        m_info->clear();
        m_stack->setCurrentIndex(0);
        return;
    }
    m_canvas->setMap(data);
    m_truth->setMap(d.hasTruth ? data : nullptr);
    m_truthPanel->setVisible(d.hasTruth);
    const auto &map = d.map;
    m_info->setText(tr("%1: the %n most frequent ids of %2, %3-dimensional vectors. PC1 explains %4 % of "
                       "their variance, PC2 %5 %.",
                       nullptr, static_cast<int>(map.ids.size()))
                        .arg(QString::fromStdString(map.name))
                        .arg(map.vocabulary)
                        .arg(map.dim)
                        .arg(100 * map.pca.explained(0), 0, 'f', 1)
                        .arg(100 * map.pca.explained(1), 0, 'f', 1));
    m_stack->setCurrentIndex(1);
}

} // namespace nnp
