#include "explain/neuron_view.h"

#include "explain/explain_text.h"
#include "style/palette.h"
#include "style/text_scale.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace nnp {

namespace {

constexpr double kMaxNeuron = 64; // px at scale 1
const QColor kHighlight(0xFF, 0xF1, 0xC1);
const QColor kSelect(0x20, 0x20, 0x20);

QColor signColor(double v)
{
    return v >= 0 ? classColor(1) : classColor(0); // blue positive, orange negative
}

/// Text never shrinks below the desktop's size (or presentation mode's); it grows with a large view or
/// figure.
double fontScale(double s)
{
    return std::max(std::clamp(s, 1.0, 2.5), textScale());
}

/// Fonts never shrink below a size a projector shows well; they grow with a large view or figure.
QFont scaledFont(const QFont &base, double s, double points, bool mono = false)
{
    QFont f = base;
    f.setPointSizeF(points * fontScale(s));
    if (mono) {
        f.setFamily(QStringLiteral("DejaVu Sans Mono"));
        f.setStyleHint(QFont::Monospace);
    }
    return f;
}

double distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

QString sub(int j, int i)
{
    return QStringLiteral("w%1,%2").arg(j + 1).arg(i + 1);
}

} // namespace

NeuronView::NeuronView(ExplainModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_editor(new QLineEdit(this))
{
    setObjectName(QStringLiteral("neuronView"));
    setMouseTracking(true);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, Qt::white);
    setPalette(pal);
    m_editor->setObjectName(QStringLiteral("weightEditor"));
    m_editor->setPlaceholderText(tr("new weight"));
    m_editor->setToolTip(tr("Type a new weight and press Enter (Esc cancels). Undo with Ctrl+Z."));
    m_editor->hide();
    m_editor->installEventFilter(this); // Esc cancels
    connect(m_editor, &QLineEdit::returnPressed, this, &NeuronView::commitEditor);
    connect(m_editor, &QLineEdit::editingFinished, this, [this] {
        if (!m_editor->hasFocus()) m_editor->hide();
    });
    connect(model, &ExplainModel::pictureChanged, this, qOverload<>(&QWidget::update));
    connect(model, &ExplainModel::phaseChanged, this, qOverload<>(&QWidget::update));
    connect(model, &ExplainModel::selectionChanged, this, qOverload<>(&QWidget::update));
}

bool NeuronView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        m_editor->hide();
        setFocus();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void NeuronView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_model->setLive(true);
}

void NeuronView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_model->setLive(false); // no work on the worker for a view nobody sees
}

NeuronView::Layout NeuronView::layout(const NetworkPicture &pic, const QRectF &target) const
{
    Layout l;
    l.area = target;
    l.scale = std::clamp(std::min(target.width() / 720.0, target.height() / 480.0), 0.6, 2.5);
    const double s = l.scale;
    const double fs = fontScale(s); // text never shrinks
    l.header = QRectF(target.left(), target.top(), target.width(), 40 * fs);
    const double legend = 44 * fs; // two lines
    const QRectF body(target.left() + 20 * s, l.header.bottom() + 28 * fs, target.width() - 40 * s,
                      target.height() - l.header.height() - 28 * fs - legend);
    const int columns = static_cast<int>(pic.layers.size());
    if (columns == 0) return l;
    const double pitch = body.width() / columns;
    int maxRows = 1;
    for (const PictureLayer &layer : pic.layers)
        if (layer.units <= kMaxDrawnNeurons) maxRows = std::max(maxRows, layer.units);
    l.labelHeight = 2 * QFontMetricsF(scaledFont(font(), s, 11, true)).height() + 6;
    const double rowPitch = body.height() / maxRows;
    const double size = std::max(
        10.0, std::min({kMaxNeuron * s, rowPitch - std::min(l.labelHeight, rowPitch * 0.45), pitch * 0.42}));
    if (rowPitch - size < l.labelHeight) l.labelHeight = std::max(0.0, rowPitch - size);
    for (int c = 0; c < columns; ++c) {
        const PictureLayer &layer = pic.layers[std::size_t(c)];
        const double cx = body.left() + pitch * (c + 0.5);
        l.columnX.push_back(cx);
        std::vector<QRectF> rects;
        QRectF strip;
        if (layer.units <= kMaxDrawnNeurons) {
            const double total = layer.units * rowPitch;
            const double top = body.top() + (body.height() - total) / 2;
            for (int r = 0; r < layer.units; ++r)
                rects.emplace_back(cx - size / 2, top + r * rowPitch + (rowPitch - size - l.labelHeight) / 2,
                                   size, size);
        } else {
            strip = QRectF(cx - size * 0.3, body.top() + 20 * s, size * 0.6, body.height() - 40 * s);
        }
        l.neurons.push_back(std::move(rects));
        l.strips.push_back(strip);
    }
    return l;
}

void NeuronView::render(QPainter &p, const QRectF &target) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(target, Qt::white);
    const PicturePtr picPtr = m_model->picture();
    QFont base = font();
    if (!picPtr || picPtr->layers.empty()) {
        base.setPointSizeF(base.pointSizeF() * 1.2);
        p.setFont(base);
        p.setPen(Qt::darkGray);
        p.drawText(target, Qt::AlignCenter | Qt::TextWordWrap,
                   tr("The neurons appear here once the run is built (press Reset or Play)."));
        p.restore();
        return;
    }
    const NetworkPicture &pic = *picPtr;
    const Layout l = layout(pic, target);
    const double s = l.scale;
    const double fs = fontScale(s);
    const TracePtr trace = m_model->trace();
    const Phase phase = m_model->phase();
    const Selection sel = m_model->selection();
    const int N = trace ? std::max<int>(1, int(trace->samples.size())) : 1;

    // Header: the phase, or what the view is.
    QFont title = scaledFont(base, s, 14);
    title.setBold(true);
    p.setFont(title);
    p.setPen(Qt::black);
    const QString header =
        trace ? ExplainText::phaseTitle(pic, *trace, phase) : tr("The network, neuron by neuron");
    const QRectF headerBox = l.header.adjusted(12 * s, 0, -12 * s, 0);
    // A narrow dock elides the title rather than cutting it off mid-word.
    p.drawText(headerBox, Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(title).elidedText(header, Qt::ElideRight, headerBox.width()));

    // The current layer's band.
    const int current = trace ? (phase.kind == PhaseKind::Update ? -2 : phase.column) : -1;
    for (int c = 0; c < int(pic.layers.size()); ++c) {
        if (c == current || current == -2) {
            const double w = std::min(l.area.width() / pic.layers.size() * 0.9, 150.0 * s);
            QRectF band(l.columnX[std::size_t(c)] - w / 2, l.header.bottom() + 2 * s, w,
                        l.area.bottom() - l.header.bottom() - 46 * fs);
            if (current == -2 && c == 0) continue;
            p.setPen(Qt::NoPen);
            p.setBrush(kHighlight);
            p.drawRoundedRect(band, 10 * s, 10 * s);
        }
    }

    const QFont small = scaledFont(base, s, 10);
    // Edges: what each one shows in this phase.
    auto edgeValue = [&](int c, int j, int i, bool &gradient) -> double {
        gradient = false;
        const PictureLayer &layer = pic.layers[std::size_t(c)];
        if (trace && phase.kind == PhaseKind::Backward && c >= phase.column) {
            if (const NodeTrace *nt = trace->find(layer.id))
                for (const ParamTrace &pt : nt->params)
                    if (pt.name == "weight" && j < pt.grad.rows() && i < pt.grad.cols()) {
                        gradient = true;
                        return double(pt.grad(j, i));
                    }
        }
        return double(layer.weight(j, i));
    };
    for (int c = 1; c < int(pic.layers.size()); ++c) {
        const PictureLayer &layer = pic.layers[std::size_t(c)];
        const auto &to = l.neurons[std::size_t(c)];
        const auto &from = l.neurons[std::size_t(c - 1)];
        if (to.empty() || from.empty() || layer.weight.cols() != int(from.size()) ||
            layer.weight.rows() != int(to.size())) {
            // A summary strip on either side: one band stands for all the weights.
            const QRectF a = from.empty() ? l.strips[std::size_t(c - 1)]
                                          : QRectF(from.front().topRight(), from.back().bottomRight());
            const QRectF b =
                to.empty() ? l.strips[std::size_t(c)] : QRectF(to.front().topLeft(), to.back().bottomLeft());
            QPainterPath band;
            band.moveTo(a.right(), a.top());
            band.lineTo(b.left(), b.top());
            band.lineTo(b.left(), b.bottom());
            band.lineTo(a.right(), a.bottom());
            band.closeSubpath();
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0x80, 0x80, 0x80, 50));
            p.drawPath(band);
            continue;
        }
        double maxAbs = 1e-12;
        bool g = false;
        for (int j = 0; j < layer.weight.rows(); ++j)
            for (int i = 0; i < layer.weight.cols(); ++i)
                maxAbs = std::max(maxAbs, std::abs(edgeValue(c, j, i, g)));
        for (int j = 0; j < layer.weight.rows(); ++j)
            for (int i = 0; i < layer.weight.cols(); ++i) {
                const double v = edgeValue(c, j, i, g);
                QColor color = signColor(v);
                const bool faded = trace && phase.kind == PhaseKind::Backward && c < phase.column;
                color.setAlphaF(faded ? 0.25f : 0.9f);
                const double width = (0.8 + 7.0 * std::abs(v) / maxAbs) * s;
                p.setPen(QPen(color, width, g ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap));
                const QPointF a(from[std::size_t(i)].right(), from[std::size_t(i)].center().y());
                const QPointF b(to[std::size_t(j)].left(), to[std::size_t(j)].center().y());
                p.drawLine(a, b);
                if (sel.kind == Selection::Kind::Edge && sel.column == c && sel.row == j && sel.from == i) {
                    p.setPen(QPen(kSelect, 2 * s, Qt::DotLine));
                    p.drawLine(a, b);
                }
            }
    }

    // Neurons: heatmap (or a flat colour), frame, label.
    for (int c = 0; c < int(pic.layers.size()); ++c) {
        const PictureLayer &layer = pic.layers[std::size_t(c)];
        const auto &rects = l.neurons[std::size_t(c)];
        for (int r = 0; r < int(rects.size()); ++r) {
            const QRectF rect = rects[std::size_t(r)];
            if (r < int(layer.maps.size()))
                p.drawImage(rect, layer.maps[std::size_t(r)]);
            else
                p.fillRect(rect, QColor(0xF2, 0xF2, 0xF2));
            const bool selected = sel.kind == Selection::Kind::Neuron && sel.column == c && sel.row == r;
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(selected ? kSelect : QColor(0x60, 0x60, 0x60), (selected ? 3.5 : 1.2) * s));
            p.drawRoundedRect(rect, 4 * s, 4 * s);
        }
        if (!l.strips[std::size_t(c)].isNull()) {
            const QRectF strip = l.strips[std::size_t(c)];
            const NodeTrace *nt = trace ? trace->find(layer.id) : nullptr;
            const int cells = std::min(layer.units, 128);
            const double h = strip.height() / cells;
            double maxAbs = 1e-12;
            auto value = [&](int u) {
                if (nt && u < nt->output.rows()) return double(nt->output(u, 0));
                return layer.bias.rows() > u ? double(layer.bias(u, 0)) : 0.0;
            };
            for (int u = 0; u < cells; ++u)
                maxAbs = std::max(maxAbs, std::abs(value(u)));
            for (int u = 0; u < cells; ++u)
                p.fillRect(QRectF(strip.left(), strip.top() + u * h, strip.width(), h + 0.5),
                           divergingColor(value(u) / maxAbs));
            p.setPen(QPen(QColor(0x60, 0x60, 0x60), 1.2 * s));
            p.setBrush(Qt::NoBrush);
            p.drawRect(strip);
        }
    }

    // Column titles, the numbers under the neurons, the inputs' names, the strips' counts.
    for (const Label &label : labels(pic, l)) {
        p.setFont(label.font);
        if (label.boxed) {
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(255, 255, 255, 225));
            p.drawRoundedRect(label.rect, 3 * s, 3 * s);
        }
        p.setPen(label.color);
        p.drawText(label.rect, label.flags, label.text);
    }

    // Legend.
    p.setFont(small);
    const QRectF legend(l.area.left() + 12 * s, l.area.bottom() - 44 * fs, l.area.width() - 24 * s, 42 * fs);
    QString legendText =
        tr("Edges: blue = positive, orange = negative; thicker = larger. Neurons: the output "
           "over the input plane.");
    if (trace && phase.kind == PhaseKind::Backward)
        legendText = tr("Dashed edges show ∂E/∂w (blue = positive, orange = negative; thicker = larger).");
    if (trace && N > 1)
        legendText += QLatin1Char(' ') + tr("Numbers: sample #%1 of the batch.").arg(trace->samples.front());
    p.setPen(QColor(0x40, 0x40, 0x40));
    p.drawText(legend, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, legendText);
    p.restore();
}

void NeuronView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    render(p, rect());
}

std::vector<NeuronView::Label> NeuronView::labels(const NetworkPicture &pic, const Layout &l) const
{
    std::vector<Label> out;
    const double s = l.scale, fs = fontScale(s);
    const QFont small = scaledFont(font(), s, 10);
    const QFontMetricsF smallMetrics(small);
    const int columns = int(pic.layers.size());
    if (columns == 0 || int(l.columnX.size()) != columns) return out;
    // Every label stays inside its column (the neighbours' labels are a column away) and above the next
    // neuron in its column.
    const double columnWidth = (columns > 1 ? l.columnX[1] - l.columnX[0] : l.area.width()) - 6 * s;
    const double floor = l.area.bottom() - 44 * fs; // the legend's top
    const TracePtr trace = m_model->trace();
    const Phase phase = m_model->phase();
    const QColor grey(0x40, 0x40, 0x40);
    for (int c = 0; c < columns; ++c) {
        const PictureLayer &layer = pic.layers[std::size_t(c)];
        const double cx = l.columnX[std::size_t(c)];
        // The column's title: "name (activation)", else the name alone, elided if need be.
        QString title =
            c == 0 ? tr("inputs")
                   : QStringLiteral("%1 (%2)").arg(layer.name, ExplainText::activationName(layer.activation));
        if (c > 0 && smallMetrics.horizontalAdvance(title) > columnWidth) title = layer.name;
        out.push_back({QRectF(cx - columnWidth / 2, l.header.bottom() + 2, columnWidth,
                              std::max(24 * fs, smallMetrics.height())),
                       smallMetrics.elidedText(title, Qt::ElideRight, columnWidth), small, grey,
                       int(Qt::AlignCenter), false});
        const auto &rects = l.neurons[std::size_t(c)];
        if (trace) {
            // The numbers under the column's neurons: all at the largest size (two lines, else the first
            // line) that fits every one of them above the next neuron and inside the column, else none (the
            // explain panel's table and the tooltips have them); never one drawn over another.
            std::vector<QString> texts;
            for (int r = 0; r < int(rects.size()); ++r)
                texts.push_back(ExplainText::neuronLabel(pic, *trace, phase, c, r));
            for (const double points : {11.0, 9.5, 8.0}) {
                std::vector<Label> column;
                for (const bool firstOnly : {false, true}) {
                    column.clear();
                    const QFont f = scaledFont(font(), s, points, true);
                    const QFontMetricsF fm(f);
                    bool fits = true;
                    for (int r = 0; r < int(rects.size()) && fits; ++r) {
                        if (texts[std::size_t(r)].isEmpty()) continue;
                        const QRectF rect = rects[std::size_t(r)];
                        const double below =
                            (r + 1 < int(rects.size()) ? rects[std::size_t(r + 1)].top() : floor) - 2 * s;
                        const QString text = firstOnly
                                                 ? texts[std::size_t(r)].section(QLatin1Char('\n'), 0, 0)
                                                 : texts[std::size_t(r)];
                        const QStringList lines = text.split(QLatin1Char('\n'));
                        double w = 0;
                        for (const QString &line : lines)
                            w = std::max(w, fm.horizontalAdvance(line));
                        const QRectF box(rect.center().x() - w / 2 - 4 * s, rect.bottom() + 2 * s, w + 8 * s,
                                         fm.height() * double(lines.size()) + 2 * s);
                        fits = box.width() <= columnWidth && box.bottom() <= below;
                        column.push_back({box, text, f, QColor(Qt::black), int(Qt::AlignCenter), true});
                    }
                    if (fits) break;
                    column.clear();
                }
                if (!column.empty()) {
                    out.insert(out.end(), column.begin(), column.end());
                    break;
                }
            }
        } else if (c == 0 && !rects.empty()) {
            // The inputs' names; where the rows are closer than a line of text, every second (third …) one.
            const double rowPitch =
                rects.size() > 1 ? rects[1].top() - rects[0].top() : smallMetrics.height();
            const int every =
                std::max(1, int(std::ceil((smallMetrics.height() + 1) / std::max(rowPitch, 1.0))));
            for (int r = 0; r < int(rects.size()); r += every) {
                const QRectF rect = rects[std::size_t(r)];
                // The data's name ("alcohol") where it has one, in the room left of the column (elided).
                const double right = rect.left() - 5 * s;
                const double width = std::max(55 * s, right - l.area.left() - 2 * s);
                const QString name = r < pic.inputNames.size()
                                         ? smallMetrics.elidedText(pic.inputNames[r], Qt::ElideRight, width)
                                         : QStringLiteral("x%1").arg(r + 1);
                out.push_back({QRectF(right - width, rect.center().y() - smallMetrics.height() / 2, width,
                                      smallMetrics.height()),
                               name, small, QColor(Qt::black), int(Qt::AlignRight | Qt::AlignVCenter),
                               false});
            }
        } else if (c == columns - 1 && c > 0 && int(rects.size()) == pic.outputNames.size()) {
            // The classes the output neurons stand for ("cultivar_1"), right of the column (elided).
            const double rowPitch =
                rects.size() > 1 ? rects[1].top() - rects[0].top() : smallMetrics.height();
            if (rowPitch > smallMetrics.height())
                for (int r = 0; r < int(rects.size()); ++r) {
                    const QRectF rect = rects[std::size_t(r)];
                    const double left = rect.right() + 5 * s;
                    const double width = std::max(0.0, l.area.right() - 2 * s - left);
                    out.push_back({QRectF(left, rect.center().y() - smallMetrics.height() / 2, width,
                                          smallMetrics.height()),
                                   smallMetrics.elidedText(pic.outputNames[r], Qt::ElideRight, width), small,
                                   QColor(Qt::black), int(Qt::AlignLeft | Qt::AlignVCenter), false});
                }
        }
        if (!l.strips[std::size_t(c)].isNull()) {
            // "784 neuron(s)" when it fits the column, else the count alone (the tooltip says the rest).
            const QRectF strip = l.strips[std::size_t(c)];
            QString text = tr("%n neuron(s)", nullptr, layer.units);
            if (smallMetrics.horizontalAdvance(text) > columnWidth) text = QLocale().toString(layer.units);
            out.push_back(
                {QRectF(cx - columnWidth / 2, strip.bottom() + 2 * s, columnWidth, smallMetrics.height()),
                 text, small, grey, int(Qt::AlignCenter), false});
        }
    }
    return out;
}

std::vector<QRectF> NeuronView::labelRects() const
{
    std::vector<QRectF> rects;
    const PicturePtr pic = m_model->picture();
    if (!pic || pic->layers.empty()) return rects;
    const Layout l = layout(*pic, rect());
    for (const Label &label : labels(*pic, l)) {
        if (label.text.isEmpty()) continue;
        // The text's own extent (a column title's box spans the column; its text may not, and a text wider
        // than its box spills over it).
        rects.push_back(label.boxed
                            ? label.rect
                            : QFontMetricsF(label.font).boundingRect(label.rect, label.flags, label.text));
    }
    return rects;
}

QString NeuronView::neuronLabel(int column, int row) const
{
    const PicturePtr pic = m_model->picture();
    const TracePtr trace = m_model->trace();
    if (!pic || !trace) return {};
    return ExplainText::neuronLabel(*pic, *trace, m_model->phase(), column, row);
}

QPointF NeuronView::neuronCenter(int column, int row) const
{
    const PicturePtr pic = m_model->picture();
    if (!pic) return {};
    const Layout l = layout(*pic, rect());
    if (column < 0 || column >= int(l.neurons.size()) || row < 0 ||
        row >= int(l.neurons[std::size_t(column)].size()))
        return {};
    return l.neurons[std::size_t(column)][std::size_t(row)].center();
}

QPointF NeuronView::edgePoint(int column, int row, int from, double t) const
{
    const PicturePtr pic = m_model->picture();
    if (!pic) return {};
    const Layout l = layout(*pic, rect());
    if (column < 1 || column >= int(l.neurons.size()) || row < 0 || from < 0 ||
        row >= int(l.neurons[std::size_t(column)].size()) ||
        from >= int(l.neurons[std::size_t(column - 1)].size()))
        return {};
    const QRectF a = l.neurons[std::size_t(column - 1)][std::size_t(from)];
    const QRectF b = l.neurons[std::size_t(column)][std::size_t(row)];
    const QPointF start(a.right(), a.center().y()), end(b.left(), b.center().y());
    return start + t * (end - start);
}

Selection NeuronView::hit(const QPointF &pos) const
{
    const PicturePtr pic = m_model->picture();
    if (!pic) return {};
    const Layout l = layout(*pic, rect());
    for (int c = 0; c < int(l.neurons.size()); ++c)
        for (int r = 0; r < int(l.neurons[std::size_t(c)].size()); ++r)
            if (l.neurons[std::size_t(c)][std::size_t(r)].adjusted(-3, -3, 3, 3).contains(pos))
                return {Selection::Kind::Neuron, c, r, -1};
    Selection best;
    double bestDist = 6 * l.scale;
    for (int c = 1; c < int(l.neurons.size()); ++c) {
        const auto &to = l.neurons[std::size_t(c)];
        const auto &from = l.neurons[std::size_t(c - 1)];
        if (pic->layers[std::size_t(c)].weight.cols() != int(from.size())) continue;
        for (int j = 0; j < int(to.size()); ++j)
            for (int i = 0; i < int(from.size()); ++i) {
                const double d = distanceToSegment(
                    pos, QPointF(from[std::size_t(i)].right(), from[std::size_t(i)].center().y()),
                    QPointF(to[std::size_t(j)].left(), to[std::size_t(j)].center().y()));
                if (d < bestDist) {
                    bestDist = d;
                    best = {Selection::Kind::Edge, c, j, i};
                }
            }
    }
    return best;
}

QString NeuronView::toolTipAt(const QPointF &pos) const
{
    const Selection h = hit(pos);
    const PicturePtr pic = m_model->picture();
    if (!pic || h.kind == Selection::Kind::None) return {};
    const PictureLayer &layer = pic->layers[std::size_t(h.column)];
    const TracePtr trace = m_model->trace();
    const NodeTrace *nt = trace ? trace->find(layer.id) : nullptr;
    if (h.kind == Selection::Kind::Neuron) {
        QString t = h.column == 0 ? (h.row < pic->inputNames.size()
                                         ? tr("Input x%1 (%2)").arg(h.row + 1).arg(pic->inputNames[h.row])
                                         : tr("Input x%1").arg(h.row + 1))
                                  : tr("%1 · neuron %2").arg(layer.name).arg(h.row + 1);
        if (h.column > 0 && h.column + 1 == int(pic->layers.size()) && h.row < pic->outputNames.size())
            t += QStringLiteral(" (%1)").arg(pic->outputNames[h.row]);
        if (h.column > 0 && layer.bias.rows() > h.row)
            t += QLatin1Char('\n') + tr("bias b = %1").arg(ExplainText::number(double(layer.bias(h.row, 0))));
        if (nt && h.row < nt->output.rows()) {
            if (nt->z.rows() > h.row)
                t += QLatin1Char('\n') +
                     QStringLiteral("z = %1").arg(ExplainText::number(double(nt->z(h.row, 0))));
            t += QLatin1Char('\n') +
                 QStringLiteral("a = %1").arg(ExplainText::number(double(nt->output(h.row, 0))));
            if (nt->gradPre.rows() > h.row)
                t += QLatin1Char('\n') +
                     QStringLiteral("δ = %1").arg(ExplainText::number(
                         double(nt->gradPre(h.row, 0)) * std::max<std::size_t>(1, trace->samples.size())));
        }
        return t;
    }
    QString t = tr("Weight %1 = %2")
                    .arg(sub(h.row, h.from), ExplainText::number(double(layer.weight(h.row, h.from))));
    if (nt)
        for (const ParamTrace &pt : nt->params)
            if (pt.name == "weight" && pt.grad.rows() > h.row && pt.grad.cols() > h.from)
                t += QLatin1Char('\n') +
                     QStringLiteral("∂E/∂w = %1").arg(ExplainText::number(double(pt.grad(h.row, h.from))));
    return t + QLatin1Char('\n') + tr("Click to type a new weight.");
}

bool NeuronView::event(QEvent *e)
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

void NeuronView::mousePressEvent(QMouseEvent *event)
{
    const Selection h = hit(event->position());
    m_model->setSelection(h);
    if (h.kind == Selection::Kind::Edge)
        openEditor(h);
    else
        m_editor->hide();
    QWidget::mousePressEvent(event);
}

void NeuronView::openEditor(const Selection &edge)
{
    const PicturePtr pic = m_model->picture();
    if (!pic) return;
    m_editing = edge;
    const double w = double(pic->layers[std::size_t(edge.column)].weight(edge.row, edge.from));
    m_editor->setText(QLocale().toString(w, 'f', 4));
    m_editor->setStyleSheet({});
    m_editor->resize(m_editor->fontMetrics().horizontalAdvance(QStringLiteral("−0.000000")) + 24,
                     m_editor->sizeHint().height());
    const QPointF mid = edgePoint(edge.column, edge.row, edge.from);
    m_editor->move((mid - QPointF(m_editor->width() / 2.0, m_editor->height() / 2.0)).toPoint());
    m_editor->show();
    m_editor->raise();
    m_editor->setFocus();
    m_editor->selectAll();
}

void NeuronView::commitEditor()
{
    bool ok = false;
    QString text = m_editor->text().trimmed();
    text.replace(QStringLiteral("−"), QStringLiteral("-"));
    double v = QLocale().toDouble(text, &ok);
    if (!ok) v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        m_editor->setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid #D55E00; }"));
        m_editor->setToolTip(tr("“%1” is not a number.").arg(m_editor->text()));
        return;
    }
    m_editor->hide();
    m_model->editWeight(m_editing.column, m_editing.row, m_editing.from, v);
}

} // namespace nnp
