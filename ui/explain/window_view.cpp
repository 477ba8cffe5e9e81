#include "explain/window_view.h"

#include "explain/explain_conv.h"
#include "explain/explain_text.h"
#include "style/palette.h"
#include "train/conv_explain.h"

#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace nnp {

namespace {

constexpr int kGap = 16;
constexpr int kTitle = 22;
const QColor kField(0, 0, 0);           // the receptive field's outline
const QColor kChosen(0x00, 0x9E, 0x73); // the chosen output pixel and kernel weight (Okabe–Ito green)

const ParamTrace *paramOf(const NodeTrace &nt, const char *name)
{
    for (const ParamTrace &p : nt.params)
        if (p.name == name) return &p;
    return nullptr;
}

bool backward(const Phase &p)
{
    return p.kind == PhaseKind::Backward;
}

int mapsOf(const NodeTrace &nt)
{
    return nt.window.outPlane() > 0 ? std::max(1, int(nt.output.rows()) / nt.window.outPlane()) : 1;
}

int batchOf(const NodeTrace &nt)
{
    return nt.inputs.empty() ? 1 : std::max<int>(1, int(nt.inputs[0].cols()));
}

/// The input channel the maps show: a Conv2D's chosen channel; a pooling layer's pooled channel itself.
int inputChannelOf(const NodeTrace &nt, const WindowSelection &s)
{
    return nt.kind == LayerKind::Conv2D ? s.channel : s.map;
}

double inputValue(const NodeTrace &nt, const WindowSelection &s, int y, int x)
{
    return double(nt.inputs[0](inputIndex(nt.window, inputChannelOf(nt, s), y, x), 0));
}

/// The output map's value: a in the forward pass; δ (Conv2D) or ∂E/∂a (pooling) on the way back.
double outputValue(const NodeTrace &nt, const Phase &phase, const WindowSelection &s, int oy, int ox)
{
    const int row = outputIndex(nt.window, s.map, oy, ox);
    if (!backward(phase)) return double(nt.output(row, 0));
    const Matrix &m = nt.kind == LayerKind::Conv2D ? nt.gradPre : nt.gradOutput;
    return m.rows() > row ? double(m(row, 0)) * batchOf(nt) : 0.0;
}

/// The kernel's value: k in the forward pass, ∂E/∂k on the way back.
double kernelValue(const NodeTrace &nt, const Phase &phase, const WindowSelection &s, int i, int j)
{
    const ParamTrace *w = paramOf(nt, "weight");
    if (!w) return 0;
    const Matrix &m = backward(phase) ? w->grad : w->before;
    return double(m(s.map, kernelIndex(nt.window, s.channel, i, j)));
}

} // namespace

QRect WindowMapsCanvas::Grid::cell(int r, int c) const
{
    if (rows <= 0 || cols <= 0 || r < 0 || c < 0 || r >= rows || c >= cols) return {};
    const int side = area.width() / cols;
    return {area.left() + c * side, area.top() + r * side, side, side};
}

bool WindowMapsCanvas::Grid::hit(QPoint p, int &r, int &c) const
{
    if (rows <= 0 || cols <= 0 || !area.contains(p)) return false;
    const int side = std::max(1, area.width() / cols);
    r = std::min(rows - 1, (p.y() - area.top()) / side);
    c = std::min(cols - 1, (p.x() - area.left()) / side);
    return true;
}

WindowMapsCanvas::WindowMapsCanvas(ExplainModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("windowMaps"));
    setMinimumHeight(140);
    setMouseTracking(true);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.2); // the maps' titles and numbers, readable on a projector
    setFont(f);
    for (auto signal :
         {&ExplainModel::phaseChanged, &ExplainModel::selectionChanged, &ExplainModel::traceChanged})
        connect(model, signal, this, qOverload<>(&QWidget::update));
}

void WindowMapsCanvas::layoutGrids() const
{
    m_input = m_kernel = m_output = {};
    const NodeTrace *nt = m_model->windowNode();
    if (!nt) return;
    const WindowGeometry &g = nt->window;
    const bool conv = nt->kind == LayerKind::Conv2D;
    const int panels = conv ? 3 : 2;
    const int panelW = (width() - (panels + 1) * kGap) / panels;
    const int panelH = height() - kTitle - kGap;
    auto place = [&](Grid &grid, int index, int rows, int cols) {
        grid.rows = rows;
        grid.cols = cols;
        const int side = std::max(1, std::min(panelW / cols, panelH / rows));
        const int w = side * cols, h = side * rows;
        const int left = kGap + index * (panelW + kGap) + (panelW - w) / 2;
        grid.area = QRect(left, kTitle + (panelH - h) / 2, w, h);
    };
    place(m_input, 0, g.height, g.width);
    if (conv) place(m_kernel, 1, g.kh, g.kw);
    place(m_output, conv ? 2 : 1, g.outHeight, g.outWidth);
}

int WindowMapsCanvas::inputChannel() const
{
    const NodeTrace *nt = m_model->windowNode();
    return nt ? inputChannelOf(*nt, m_model->windowSelection()) : -1;
}

QRect WindowMapsCanvas::outputCell(int oy, int ox) const
{
    layoutGrids();
    return m_output.cell(oy, ox);
}

QRect WindowMapsCanvas::kernelCell(int i, int j) const
{
    layoutGrids();
    return m_kernel.cell(i, j);
}

QRect WindowMapsCanvas::inputCell(int y, int x) const
{
    layoutGrids();
    return m_input.cell(y, x);
}

void WindowMapsCanvas::paintEvent(QPaintEvent *)
{
    layoutGrids();
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const NodeTrace *nt = m_model->windowNode();
    if (!nt) return;
    const Phase phase = m_model->phase();
    const WindowSelection s = m_model->windowSelection();
    const WindowGeometry &g = nt->window;
    const bool conv = nt->kind == LayerKind::Conv2D;

    auto drawGrid = [&](const Grid &grid, const QString &title, auto value) {
        double maxAbs = 0;
        for (int r = 0; r < grid.rows; ++r)
            for (int c = 0; c < grid.cols; ++c)
                maxAbs = std::max(maxAbs, std::abs(value(r, c)));
        p.setPen(palette().text().color());
        p.drawText(QRect(grid.area.left() - kGap, 0, grid.area.width() + 2 * kGap, kTitle),
                   Qt::AlignHCenter | Qt::AlignVCenter, title);
        // Every cell's number or none: one font for the grid, shrunk until the widest number fits.
        const QFont base = p.font();
        int widest = 1;
        for (int r = 0; r < grid.rows; ++r)
            for (int c = 0; c < grid.cols; ++c)
                widest =
                    std::max(widest, QFontMetrics(base).horizontalAdvance(ExplainText::number(value(r, c))));
        const int side = grid.rows > 0 ? grid.area.width() / std::max(1, grid.cols) : 0;
        QFont small = base;
        small.setPointSizeF(std::min(base.pointSizeF() * 1.3, base.pointSizeF() * (side - 6) / widest));
        const bool numbers = small.pointSizeF() >= 6.5 && QFontMetrics(small).height() <= side;
        p.setFont(small);
        for (int r = 0; r < grid.rows; ++r)
            for (int c = 0; c < grid.cols; ++c) {
                const QRect cell = grid.cell(r, c);
                const double v = value(r, c);
                const QColor color = divergingColor(maxAbs > 0 ? v / maxAbs : 0.0);
                p.fillRect(cell, color);
                if (numbers) {
                    p.setPen(color.lightnessF() < 0.5 ? Qt::white : Qt::black);
                    p.drawText(cell, Qt::AlignCenter, ExplainText::number(v));
                }
            }
        p.setFont(base);
        p.setPen(QPen(palette().mid().color(), 1));
        p.drawRect(grid.area.adjusted(0, 0, -1, -1));
    };
    auto outline = [&](const QRect &r, const QColor &c, int w) {
        p.setPen(QPen(c, w));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r.adjusted(w / 2, w / 2, -(w + 1) / 2, -(w + 1) / 2));
    };

    const QString channel = g.channels > 1 ? tr(" · channel %1").arg(inputChannelOf(*nt, s) + 1) : QString();
    drawGrid(m_input, tr("input x%1").arg(channel), [&](int y, int x) { return inputValue(*nt, s, y, x); });
    if (conv)
        drawGrid(m_kernel,
                 backward(phase) ? tr("∂E/∂k · filter %1").arg(s.map + 1)
                                 : tr("kernel k · filter %1").arg(s.map + 1),
                 [&](int i, int j) { return kernelValue(*nt, phase, s, i, j); });
    const QString outTitle = backward(phase) ? (conv ? tr("δ · filter %1") : tr("∂E/∂a · channel %1"))
                                             : (conv ? tr("a · filter %1") : tr("a · channel %1"));
    drawGrid(m_output, outTitle.arg(s.map + 1),
             [&](int oy, int ox) { return outputValue(*nt, phase, s, oy, ox); });

    // The receptive field of the chosen output on the input (taps in the padding are not drawn).
    if (conv) {
        for (const WindowTap &t : convPosition(*nt, s.map, s.oy, s.ox, 0).taps)
            if (t.inside && t.channel == s.channel) outline(m_input.cell(t.y, t.x), kField, 3);
        if (backward(phase)) outline(m_kernel.cell(s.ki, s.kj), kChosen, 4);
    } else {
        const PoolPosition pp = poolPosition(*nt, s.map, s.oy, s.ox, 0);
        for (std::size_t k = 0; k < pp.taps.size(); ++k) {
            const WindowTap &t = pp.taps[k];
            outline(m_input.cell(t.y, t.x),
                    int(k) == pp.winner && nt->kind == LayerKind::MaxPool2D ? kChosen : kField,
                    int(k) == pp.winner && nt->kind == LayerKind::MaxPool2D ? 4 : 3);
        }
    }
    outline(m_output.cell(s.oy, s.ox), kChosen, 4);
}

void WindowMapsCanvas::mousePressEvent(QMouseEvent *e)
{
    layoutGrids();
    WindowSelection s = m_model->windowSelection();
    int r = 0, c = 0;
    if (m_output.hit(e->position().toPoint(), r, c)) {
        s.oy = r;
        s.ox = c;
    } else if (m_kernel.hit(e->position().toPoint(), r, c)) {
        s.ki = r;
        s.kj = c;
    } else {
        return;
    }
    m_model->setWindowSelection(s);
}

bool WindowMapsCanvas::event(QEvent *e)
{
    if (e->type() != QEvent::ToolTip) return QWidget::event(e);
    auto *help = static_cast<QHelpEvent *>(e);
    const NodeTrace *nt = m_model->windowNode();
    layoutGrids();
    int r = 0, c = 0;
    QString text;
    if (nt) {
        const Phase phase = m_model->phase();
        const WindowSelection s = m_model->windowSelection();
        if (m_input.hit(help->pos(), r, c))
            text = QStringLiteral("x = %1 (%2)")
                       .arg(ExplainText::number(inputValue(*nt, s, r, c)), ExplainConv::position(r, c));
        else if (m_kernel.hit(help->pos(), r, c))
            text =
                QStringLiteral("%1 = %2").arg(backward(phase) ? QStringLiteral("∂E/∂k") : QStringLiteral("k"),
                                              ExplainText::number(kernelValue(*nt, phase, s, r, c)));
        else if (m_output.hit(help->pos(), r, c))
            text = QStringLiteral("%1 (%2)").arg(ExplainText::number(outputValue(*nt, phase, s, r, c)),
                                                 ExplainConv::position(r, c));
    }
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), text, this);
    return true;
}

WindowView::WindowView(ExplainModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_map(new QSpinBox), m_channel(new QSpinBox),
      m_prevPos(new QPushButton(tr("◀ Position"))), m_nextPos(new QPushButton(tr("Position ▶"))),
      m_position(new QLabel), m_canvas(new WindowMapsCanvas(model))
{
    setObjectName(QStringLiteral("windowView"));
    m_map->setObjectName(QStringLiteral("mapBox"));
    m_channel->setObjectName(QStringLiteral("channelBox"));
    m_channel->setPrefix(tr("input channel "));
    m_channel->setToolTip(tr("Which input feature map (and which channel of the kernel) to show."));
    m_prevPos->setToolTip(tr("The previous output position, in reading order."));
    m_nextPos->setToolTip(tr("The next output position: watch the window slide."));
    m_nextPos->setObjectName(QStringLiteral("nextPositionButton"));
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_map);
    controls->addWidget(m_channel);
    controls->addWidget(m_prevPos);
    controls->addWidget(m_nextPos);
    controls->addWidget(m_position, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_canvas, 1);

    connect(m_prevPos, &QPushButton::clicked, this, [this] { m_model->stepPosition(-1); });
    connect(m_nextPos, &QPushButton::clicked, this, [this] { m_model->stepPosition(1); });
    connect(m_map, &QSpinBox::valueChanged, this, [this](int v) {
        WindowSelection s = m_model->windowSelection();
        s.map = v - 1;
        m_model->setWindowSelection(s);
    });
    connect(m_channel, &QSpinBox::valueChanged, this, [this](int v) {
        WindowSelection s = m_model->windowSelection();
        s.channel = v - 1;
        m_model->setWindowSelection(s);
    });
    for (auto signal :
         {&ExplainModel::phaseChanged, &ExplainModel::selectionChanged, &ExplainModel::traceChanged})
        connect(model, signal, this, &WindowView::sync);
    sync();
}

void WindowView::sync()
{
    const NodeTrace *nt = m_model->windowNode();
    setVisible(nt != nullptr);
    if (!nt) return;
    const WindowSelection s = m_model->windowSelection();
    const bool conv = nt->kind == LayerKind::Conv2D;
    const QSignalBlocker b1(m_map), b2(m_channel);
    m_map->setPrefix(conv ? tr("filter ") : tr("channel "));
    m_map->setRange(1, mapsOf(*nt));
    m_map->setValue(s.map + 1);
    m_channel->setRange(1, std::max(1, nt->window.channels));
    m_channel->setValue(s.channel + 1);
    m_channel->setVisible(conv && nt->window.channels > 1);
    m_position->setText(ExplainConv::position(s.oy, s.ox));
}

} // namespace nnp
