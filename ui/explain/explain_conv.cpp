#include "explain/explain_conv.h"

#include "explain/explain_text.h"
#include "train/conv_explain.h"

#include <algorithm>
#include <cmath>

namespace nnp {

namespace {

QString num(double v)
{
    return ExplainText::number(v);
}

/// A number as the second factor of a product: negative ones in parentheses, "0.5 · (−2)".
QString factor(double v)
{
    return v < 0 ? QStringLiteral("(%1)").arg(num(v)) : num(v);
}

QString sub(const QString &symbol, const QString &index)
{
    return QStringLiteral("<i>%1</i><sub>%2</sub>").arg(symbol, index);
}

QString formula(const QString &text)
{
    return QStringLiteral("<p style='font-size:large; margin-left:12px'>%1</p>").arg(text);
}

QString para(const QString &text)
{
    return QStringLiteral("<p>%1</p>").arg(text);
}

const ParamTrace *paramOf(const NodeTrace &nt, const char *name)
{
    for (const ParamTrace &p : nt.params)
        if (p.name == name) return &p;
    return nullptr;
}

int batchOf(const NodeTrace &nt)
{
    return nt.inputs.empty() ? 1 : std::max<int>(1, int(nt.inputs[0].cols()));
}

/// The kernel weight k[f, c, i, j] as the panel names it (1-based; the channel only when there are several).
QString kernelName(const WindowGeometry &g, int f, int c, int i, int j)
{
    const QString index = g.channels > 1
                              ? QStringLiteral("%1,%2,%3,%4").arg(f + 1).arg(c + 1).arg(i + 1).arg(j + 1)
                              : QStringLiteral("%1,%2,%3").arg(f + 1).arg(i + 1).arg(j + 1);
    return sub(QStringLiteral("k"), index);
}

/// A kh × kw grid of numbers as a small table (the kernel, the patch, products), the chosen cell in bold.
QString grid(const QString &caption, const std::vector<double> &values, int rows, int cols, int boldRow = -1,
             int boldCol = -1)
{
    QString h = QStringLiteral("<table cellspacing='0' cellpadding='3' border='1' style='border-color:#999'>"
                               "<tr><th colspan='%1'>%2</th></tr>")
                    .arg(cols)
                    .arg(caption);
    for (int r = 0; r < rows; ++r) {
        h += QStringLiteral("<tr>");
        for (int c = 0; c < cols; ++c) {
            const QString v = num(values[std::size_t(r * cols + c)]);
            h += QStringLiteral("<td align='right'>%1</td>")
                     .arg(r == boldRow && c == boldCol ? QStringLiteral("<b>%1</b>").arg(v) : v);
        }
        h += QStringLiteral("</tr>");
    }
    return h + QStringLiteral("</table>");
}

/// Tables side by side.
QString sideBySide(const QStringList &cells)
{
    QString h = QStringLiteral("<table cellspacing='8'><tr>");
    for (const QString &c : cells)
        h += QStringLiteral("<td valign='top'>%1</td>").arg(c);
    return h + QStringLiteral("</tr></table>");
}

QString convForward(const NodeTrace &nt, const WindowSelection &s)
{
    const WindowGeometry &g = nt.window;
    const ConvPosition p = convPosition(nt, s.map, s.oy, s.ox, 0);
    const QString f = ExplainText::activationName(nt.activation.kind);
    QString h = QStringLiteral("<h3>%1</h3>")
                    .arg(ExplainConv::tr("Filter %1 at %2 of its feature map")
                             .arg(s.map + 1)
                             .arg(ExplainConv::position(s.oy, s.ox)));
    // The chosen channel's taps: kernel, patch and their products side by side.
    std::vector<double> kernel, patch, products;
    QStringList values;
    double channelSum = 0;
    bool padding = false;
    for (const WindowTap &t : p.taps)
        if (t.channel == s.channel) {
            kernel.push_back(t.kernel);
            patch.push_back(t.input);
            products.push_back(t.kernel * t.input);
            channelSum += t.kernel * t.input;
            values << QStringLiteral("(%1 · %2)").arg(num(t.kernel), factor(t.input));
            padding = padding || !t.inside;
        }
    const QString channelText =
        g.channels > 1 ? ExplainConv::tr(" (channel %1)").arg(s.channel + 1) : QString();
    h += sideBySide({grid(ExplainConv::tr("kernel <i>k</i>%1").arg(channelText), kernel, g.kh, g.kw),
                     grid(ExplainConv::tr("input patch <i>x</i>"), patch, g.kh, g.kw),
                     grid(QStringLiteral("<i>k</i>·<i>x</i>"), products, g.kh, g.kw)});
    // Without a bias (use_bias off) the formula has no b term.
    const bool hasBias = paramOf(nt, "bias") != nullptr;
    const QString b =
        hasBias ? QStringLiteral(" + ") + sub(QStringLiteral("b"), QString::number(s.map + 1)) : QString();
    const QString bValue = hasBias ? QStringLiteral(" + ") + factor(p.bias) : QString();
    if (g.channels == 1) {
        h += formula(QStringLiteral("<i>z</i> = Σ<sub>i,j</sub> <i>k</i><sub>ij</sub>·<i>x</i><sub>ij</sub>"
                                    "%1<br>&nbsp;&nbsp;&nbsp;= %2%3<br>&nbsp;&nbsp;&nbsp;= <b>%4</b>")
                         .arg(b, values.join(QStringLiteral(" + ")), bValue, num(p.z)));
    } else {
        // Several input channels: the chosen channel's nine products, then the sum over the channels.
        h += formula(QStringLiteral("Σ<sub>i,j</sub> <i>k</i>·<i>x</i>%1 = %2 = <b>%3</b>")
                         .arg(channelText, values.join(QStringLiteral(" + ")), num(channelSum)));
        QStringList sums;
        for (int c = 0; c < g.channels; ++c) {
            double sum = 0;
            for (const WindowTap &t : p.taps)
                if (t.channel == c) sum += t.kernel * t.input;
            sums << (c == s.channel ? QStringLiteral("<b>%1</b>").arg(factor(sum)) : factor(sum));
        }
        h += formula(QStringLiteral("<i>z</i> = Σ<sub>c</sub> Σ<sub>i,j</sub> <i>k</i>·<i>x</i>"
                                    "%1<br>&nbsp;&nbsp;&nbsp;= %2%3<br>&nbsp;&nbsp;&nbsp;= <b>%4</b>")
                         .arg(b, sums.join(QStringLiteral(" + ")), bValue, num(p.z)));
        h += para(ExplainConv::tr("The kernel has %1 channels, one per input feature map: each gives a sum "
                                  "like the one above (choose the channel to see its numbers).")
                      .arg(g.channels));
    }
    h += formula(QStringLiteral("<i>a</i> = %1(<i>z</i>) = %1(%2) = <b>%3</b>").arg(f, num(p.z), num(p.a)));
    if (padding)
        h += para(ExplainConv::tr("Part of the window lies outside the image: there the input is the zero "
                                  "padding, x = 0."));
    return h;
}

QString poolForward(const NodeTrace &nt, const WindowSelection &s)
{
    const PoolPosition p = poolPosition(nt, s.map, s.oy, s.ox, 0);
    QString h =
        QStringLiteral("<h3>%1</h3>")
            .arg(ExplainConv::tr("Channel %1 at %2").arg(s.map + 1).arg(ExplainConv::position(s.oy, s.ox)));
    QStringList values;
    for (std::size_t k = 0; k < p.taps.size(); ++k) {
        const QString v = num(p.taps[k].input);
        values << (int(k) == p.winner && nt.kind == LayerKind::MaxPool2D ? QStringLiteral("<b>%1</b>").arg(v)
                                                                         : v);
    }
    if (nt.kind == LayerKind::MaxPool2D) {
        h += formula(QStringLiteral("<i>a</i> = max(%1) = <b>%2</b>")
                         .arg(values.join(QStringLiteral(", ")), num(p.output)));
        if (p.winner >= 0) {
            const WindowTap &w = p.taps[std::size_t(p.winner)];
            h +=
                para(ExplainConv::tr("The largest input wins: %1 at %2 of the input. The other %3 values are "
                                     "dropped.")
                         .arg(num(w.input), ExplainConv::position(w.y, w.x))
                         .arg(int(p.taps.size()) - 1));
        }
    } else {
        h += formula(QStringLiteral("<i>a</i> = (%1) / %2 = <b>%3</b>")
                         .arg(values.join(QStringLiteral(" + ")))
                         .arg(p.taps.size())
                         .arg(num(p.output)));
    }
    return h;
}

QString convBackward(const Trace &trace, const NodeTrace &nt, const WindowSelection &s)
{
    const WindowGeometry &g = nt.window;
    const int N = batchOf(nt), row = outputIndex(g, s.map, s.oy, s.ox);
    const double dEda = double(nt.gradOutput(row, 0)) * N, delta = double(nt.gradPre(row, 0)) * N;
    const double z = double(nt.z(row, 0));
    const QString f = ExplainText::activationName(nt.activation.kind);
    QString h = QStringLiteral("<h3>%1</h3>")
                    .arg(ExplainConv::tr("δ of filter %1 at %2")
                             .arg(s.map + 1)
                             .arg(ExplainConv::position(s.oy, s.ox)));
    const double slope = activateDerivative(nt.activation, Scalar(z));
    h += formula(QStringLiteral("δ = ∂<i>E</i>/∂<i>a</i> · <i>f</i>′(<i>z</i>) = %1 · %2 = <b>%3</b>")
                     .arg(num(dEda), factor(slope), num(delta)));

    // The chosen weight's gradient: a sum over every position the kernel visited.
    const ParamTrace *w = paramOf(nt, "weight");
    const KernelGradient kg = kernelGradient(nt, s.map, s.channel, s.ki, s.kj);
    const QString k = kernelName(g, s.map, s.channel, s.ki, s.kj);
    const int col = kernelIndex(g, s.channel, s.ki, s.kj);
    const double grad = w ? double(w->grad(s.map, col)) : std::nan("");
    h += QStringLiteral("<h3>%1</h3>").arg(ExplainConv::tr("The gradient of kernel weight %1").arg(k));
    QStringList terms;
    int zero = 0;
    for (const GradTerm &t : kg.terms) {
        if (t.delta == 0 || t.input == 0) {
            ++zero;
            continue;
        }
        if (terms.size() < 12) terms << QStringLiteral("(%1 · %2)").arg(num(t.delta), factor(t.input));
    }
    const int shown = int(terms.size());
    if (int(kg.terms.size()) - zero > shown) terms << QStringLiteral("…");
    if (terms.isEmpty()) terms << QStringLiteral("0");
    const QString positions = ExplainConv::tr("positions");
    const QString sum =
        N == 1 ? QStringLiteral("Σ<sub>%1</sub> δ·<i>x</i>").arg(positions)
               : QStringLiteral("(1/%1) Σ<sub>n</sub> Σ<sub>%2</sub> δ·<i>x</i>").arg(N).arg(positions);
    h += formula(
        QStringLiteral("∂<i>E</i>/∂%1 = %2<br>&nbsp;&nbsp;&nbsp;= %3<br>&nbsp;&nbsp;&nbsp;= <b>%4</b>")
            .arg(k, sum, terms.join(QStringLiteral(" + ")), num(grad)));
    h += para(
        ExplainConv::tr("The same weight was used at all %1 positions of the feature map, so its gradient "
                        "adds up δ times the input it saw at each one. %2 of the terms are zero (δ = 0 "
                        "where ReLU was off or a pooling window dropped the value, or x = 0).")
            .arg(g.outPlane())
            .arg(zero));
    if (const ParamTrace *b = paramOf(nt, "bias"))
        h += formula(
            QStringLiteral("∂<i>E</i>/∂%1 = %2 = <b>%3</b>")
                .arg(sub(QStringLiteral("b"), QString::number(s.map + 1)),
                     N == 1 ? QStringLiteral("Σ<sub>%1</sub> δ").arg(positions)
                            : QStringLiteral("(1/%1) Σ<sub>n</sub> Σ<sub>%2</sub> δ").arg(N).arg(positions),
                     num(double(b->grad(s.map, 0)))));
    if (w) {
        const double before = double(w->before(s.map, col)), after = double(w->after(s.map, col));
        h += formula(QStringLiteral("%1 ← %1 − α·∂<i>E</i>/∂%1 = %2 − %3 · %4 = <b>%5</b>")
                         .arg(k, num(before), num(trace.learningRate), factor(grad), num(after)));
        if (trace.optimizer != OptimizerKind::SGD)
            h += para(ExplainText::tr("The optimizer is not plain SGD: it also uses its running averages, "
                                      "so the step differs from α·∂E/∂w."));
    }

    // What this position sends back to its window, and what the whole layer sends back there.
    const std::vector<double> back = deltaToPatch(nt, s.map, s.oy, s.ox, 0);
    const std::vector<double> dx = inputGradient(nt, 0);
    const ConvPosition p = convPosition(nt, s.map, s.oy, s.ox, 0);
    std::vector<double> mine, total;
    for (std::size_t t = 0; t < p.taps.size(); ++t)
        if (p.taps[t].channel == s.channel) {
            mine.push_back(back[t]);
            total.push_back(
                p.taps[t].inside ? dx[std::size_t(inputIndex(g, s.channel, p.taps[t].y, p.taps[t].x))] : 0.0);
        }
    h += QStringLiteral("<h3>%1</h3>").arg(ExplainConv::tr("δ sent back to the input patch"));
    h += para(ExplainConv::tr("Each input of the window receives δ · k from this position; the input's whole "
                              "gradient ∂E/∂x adds this up over every filter and every position whose window "
                              "covers it."));
    h += sideBySide({grid(QStringLiteral("δ·<i>k</i>"), mine, g.kh, g.kw, s.ki, s.kj),
                     grid(QStringLiteral("∂<i>E</i>/∂<i>x</i>"), total, g.kh, g.kw, s.ki, s.kj)});
    return h;
}

QString poolBackward(const NodeTrace &nt, const WindowSelection &s)
{
    const PoolPosition p = poolPosition(nt, s.map, s.oy, s.ox, 0);
    QString h =
        QStringLiteral("<h3>%1</h3>")
            .arg(ExplainConv::tr("Channel %1 at %2").arg(s.map + 1).arg(ExplainConv::position(s.oy, s.ox)));
    h += formula(QStringLiteral("∂<i>E</i>/∂<i>a</i> = <b>%1</b>").arg(num(p.delta)));
    if (nt.kind == LayerKind::MaxPool2D && p.winner >= 0) {
        const WindowTap &w = p.taps[std::size_t(p.winner)];
        h += para(ExplainConv::tr("Only the winner of the window (%1 at %2) passes its value on, so only it "
                                  "receives the gradient %3; the other inputs of the window get 0.")
                      .arg(num(w.input), ExplainConv::position(w.y, w.x), num(p.delta)));
    } else if (!p.taps.empty()) {
        h += formula(QStringLiteral("∂<i>E</i>/∂<i>x</i> = %1 / %2 = <b>%3</b>")
                         .arg(num(p.delta))
                         .arg(p.taps.size())
                         .arg(num(p.delta / double(p.taps.size()))));
        h += para(ExplainConv::tr("Every input of the window counted equally in the average, so each gets an "
                                  "equal share of the gradient."));
    }
    return h;
}

QString sentence(const NodeTrace &nt, const Phase &phase)
{
    const bool conv = nt.kind == LayerKind::Conv2D;
    const QString f = ExplainText::activationName(nt.activation.kind);
    const WindowGeometry &g = nt.window;
    const QString window = QStringLiteral("%1×%2").arg(g.kh).arg(g.kw);
    if (phase.kind == PhaseKind::Forward) {
        if (conv)
            return ExplainConv::tr(
                       "Each filter's %1 kernel slides over the input. At every position it multiplies "
                       "the values under it by its weights and adds them up with its bias (z), then "
                       "applies %2: one pixel of its feature map. Click a pixel of the output map.")
                .arg(window, f);
        return nt.kind == LayerKind::MaxPool2D
                   ? ExplainConv::tr(
                         "A %1 window slides over each feature map and keeps the largest value: the "
                         "map gets smaller but still knows where the pattern was.")
                         .arg(window)
                   : ExplainConv::tr("A %1 window slides over each feature map and keeps the average.")
                         .arg(window);
    }
    if (conv)
        return ExplainConv::tr(
            "δ = ∂E/∂z at every pixel of the feature maps. A kernel weight was used at every "
            "position, so its gradient is the sum of δ times the input it saw there: "
            "∂E/∂k = Σ δ·x. Click a kernel weight to see its sum.");
    return ExplainConv::tr(
        "The pooling layer has no weights: it passes each gradient back to the inputs that "
        "made its output.");
}

const NodeTrace *nodeOf(const Trace &trace, const Phase &phase)
{
    const NodeTrace *nt = phase.node ? trace.find(phase.node) : nullptr;
    return nt && explainsWindow(*nt) ? nt : nullptr;
}

} // namespace

QString ExplainConv::position(int oy, int ox)
{
    return tr("row %1, column %2").arg(oy + 1).arg(ox + 1);
}

QString ExplainConv::phaseTitle(const Trace &trace, const Phase &phase)
{
    const NodeTrace *nt = nodeOf(trace, phase);
    if (!nt) return {};
    const QString name = QString::fromStdString(nt->name);
    const bool conv = nt->kind == LayerKind::Conv2D;
    if (phase.kind == PhaseKind::Forward)
        return conv ? tr("1 · Forward pass: convolution “%1”").arg(name)
                    : tr("1 · Forward pass: pooling “%1”").arg(name);
    if (phase.kind == PhaseKind::Backward)
        return conv ? tr("3 · Backward pass: convolution “%1”").arg(name)
                    : tr("3 · Backward pass: pooling “%1”").arg(name);
    return {};
}

QString ExplainConv::html(const Trace &trace, const Phase &phase, const WindowSelection &sel)
{
    const NodeTrace *nt = nodeOf(trace, phase);
    if (!nt) return {};
    QString h = QStringLiteral("<h2>%1</h2>").arg(phaseTitle(trace, phase).toHtmlEscaped());
    h += QStringLiteral("<p style='font-size:large'>%1</p>").arg(sentence(*nt, phase));
    const int N = batchOf(*nt);
    if (N > 1)
        h += para(tr("A mini-batch of %1 samples: the maps and the numbers are those of sample #%2; the "
                     "gradients are the mean over the batch.")
                      .arg(N)
                      .arg(trace.samples.empty() ? 0 : trace.samples.front()));
    const bool conv = nt->kind == LayerKind::Conv2D;
    if (phase.kind == PhaseKind::Forward)
        h += conv ? convForward(*nt, sel) : poolForward(*nt, sel);
    else if (phase.kind == PhaseKind::Backward && nt->gradOutput.size() > 0)
        h += conv && nt->gradPre.size() > 0 ? convBackward(trace, *nt, sel) : poolBackward(*nt, sel);
    return h;
}

} // namespace nnp
