#include "explain/explain_text.h"

#include "document/layer_catalog.h"
#include "explain/explain_conv.h"
#include "explain/explain_parts.h"
#include "explain/explain_recurrent.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace nnp {

using namespace explain_parts;

QString ExplainText::number(double v)
{
    if (!std::isfinite(v))
        return std::isnan(v) ? QStringLiteral("NaN") : (v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞"));
    if (v == std::round(v) && std::abs(v) < 1e6) // targets, class labels, zero biases: "1", not "1.0000"
        return QLocale().toString(static_cast<qlonglong>(v)).replace(QLatin1Char('-'), QStringLiteral("−"));
    const QLocale locale;
    QString s;
    if (v != 0 && (std::abs(v) < 1e-3 || std::abs(v) >= 1e6)) {
        // Students read "3.2×10⁻⁸", not "3.2e-08": three significant digits and a written power of ten.
        int exponent = static_cast<int>(std::floor(std::log10(std::abs(v))));
        double mantissa = std::round(v / std::pow(10.0, exponent) * 100.0) / 100.0;
        if (std::abs(mantissa) >= 10) {
            mantissa /= 10;
            ++exponent;
        }
        QString m = locale.toString(mantissa, 'f', 2);
        const QChar point = locale.decimalPoint().front();
        while (m.endsWith(QLatin1Char('0')))
            m.chop(1);
        if (m.endsWith(point)) m.chop(1);
        static const QString kSuperscripts = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
        QString power = exponent < 0 ? QStringLiteral("⁻") : QString();
        for (const QChar c : QString::number(std::abs(exponent)))
            power += kSuperscripts[c.digitValue()];
        s = m + QStringLiteral("×10") + power;
    } else {
        s = locale.toString(v, 'f', 4);
    }
    if (s.startsWith(QLatin1Char('-'))) s.replace(0, 1, QStringLiteral("−"));
    return s;
}

QString ExplainText::activationName(ActivationKind f)
{
    switch (f) {
    case ActivationKind::Linear:
        return tr("identity");
    case ActivationKind::ReLU:
        return QStringLiteral("ReLU");
    case ActivationKind::LeakyReLU:
        return QStringLiteral("LeakyReLU");
    case ActivationKind::ELU:
        return QStringLiteral("ELU");
    case ActivationKind::GELU:
        return QStringLiteral("GELU");
    case ActivationKind::Tanh:
        return QStringLiteral("tanh");
    case ActivationKind::Sigmoid:
        return QStringLiteral("σ");
    case ActivationKind::Softplus:
        return QStringLiteral("softplus");
    }
    return {};
}

QString ExplainText::phaseTitle(const NetworkPicture &pic, const Trace &trace, const Phase &phase)
{
    if (phase.node != 0) {
        const QString title = ExplainConv::phaseTitle(trace, phase);
        return title.isEmpty() ? ExplainRecurrent::phaseTitle(trace, phase, {}) : title;
    }
    const int layers = static_cast<int>(pic.layers.size()) - 1;
    const QString name = phase.column >= 0 && phase.column < int(pic.layers.size())
                             ? pic.layers[std::size_t(phase.column)].name
                             : QString();
    switch (phase.kind) {
    case PhaseKind::Forward:
        if (phase.column == 0) return tr("1 · Forward pass: the inputs");
        return tr("1 · Forward pass: layer “%1” (%2 of %3)").arg(name).arg(phase.column).arg(layers);
    case PhaseKind::Loss:
        return tr("2 · Loss: the output against the target");
    case PhaseKind::Backward:
        return tr("3 · Backward pass: layer “%1” (%2 of %3)").arg(name).arg(phase.column).arg(layers);
    case PhaseKind::Update:
        return tr("4 · Update: every weight takes a step");
    case PhaseKind::None:
        break;
    }
    return {};
}

QString ExplainText::neuronLabel(const NetworkPicture &pic, const Trace &trace, const Phase &phase,
                                 int column, int row)
{
    const NodeTrace *nt = nodeOf(pic, trace, column);
    if (!nt) return {};
    const bool output = isOutputColumn(pic, trace, column);
    switch (phase.kind) {
    case PhaseKind::Forward:
        if (column > phase.column) return {};
        if (column == 0) return QStringLiteral("x = %1").arg(number(at(nt->output, row, 0)));
        if (column == phase.column)
            return QStringLiteral("z = %1\na = %2")
                .arg(number(at(nt->z, row, 0)), number(at(nt->output, row, 0)));
        return QStringLiteral("a = %1").arg(number(at(nt->output, row, 0)));
    case PhaseKind::Loss:
        if (column == 0) return QStringLiteral("x = %1").arg(number(at(nt->output, row, 0)));
        if (output) {
            const double y = trace.target.rows() == nt->output.rows()
                                 ? at(trace.target, row, 0)
                                 : (at(trace.target, 0, 0) == row ? 1.0 : 0.0);
            return QStringLiteral("a = %1\ny = %2").arg(number(at(nt->output, row, 0)), number(y));
        }
        return QStringLiteral("a = %1").arg(number(at(nt->output, row, 0)));
    case PhaseKind::Backward:
        if (column == 0) return QStringLiteral("x = %1").arg(number(at(nt->output, row, 0)));
        if (column < phase.column) return QStringLiteral("a = %1").arg(number(at(nt->output, row, 0)));
        return QStringLiteral("δ = %1").arg(number(at(nt->gradPre, row, 0) * sampleCount(trace)));
    case PhaseKind::Update:
        if (column == 0) return QStringLiteral("x = %1").arg(number(at(nt->output, row, 0)));
        if (const ParamTrace *b = paramOf(nt, "bias"))
            return QStringLiteral("b: %1\n→ %2")
                .arg(number(at(b->before, row, 0)), number(at(b->after, row, 0)));
        return {};
    case PhaseKind::None:
        break;
    }
    return {};
}

namespace {

/// z = Σ w a + b for neuron j of a Dense node, sample n, with the numbers.
QString forwardNeuron(const NetworkPicture &pic, const Trace &t, int column, int j, int n)
{
    const PictureLayer &layer = pic.layers[std::size_t(column)];
    const NodeTrace *nt = nodeOf(pic, t, column);
    const ParamTrace *w = paramOf(nt, "weight");
    const ParamTrace *b = paramOf(nt, "bias");
    if (!nt || !w) return {};
    const int inputs = static_cast<int>(w->before.cols());
    QStringList terms, values;
    for (int i = 0; i < inputs; ++i) {
        terms << QStringLiteral("%1·%2").arg(sub(QStringLiteral("w"), pair(j, i)),
                                             sub(QStringLiteral("a"), idx(i)));
        values << QStringLiteral("(%1 · %2)")
                      .arg(ExplainText::number(at(w->before, j, i)), factor(inputOf(nt, i, n)));
    }
    if (b) {
        terms << sub(QStringLiteral("b"), idx(j));
        values << ExplainText::number(at(b->before, j, 0));
    }
    const bool long_ = inputs > 6;
    if (long_) { // keep the line readable: the first terms, then the sum
        terms = QStringList{QStringLiteral("Σ<sub>i</sub> %1·%2")
                                .arg(sub(QStringLiteral("w"), idx(j) + QStringLiteral("i")),
                                     sub(QStringLiteral("a"), QStringLiteral("i")))};
        if (b) terms << sub(QStringLiteral("b"), idx(j));
        values = values.mid(0, 3) << QStringLiteral("…") << (b ? values.back() : QString());
        values.removeAll(QString());
    }
    const QString f = ExplainText::activationName(layer.activation);
    QString h = formula(QStringLiteral("%1 = %2<br>&nbsp;&nbsp;&nbsp;= %3<br>&nbsp;&nbsp;&nbsp;= <b>%4</b>")
                            .arg(sub(QStringLiteral("z"), idx(j)), terms.join(QStringLiteral(" + ")),
                                 values.join(QStringLiteral(" + ")), ExplainText::number(at(nt->z, j, n))));
    h += formula(QStringLiteral("%1 = %2(%3) = %2(%4) = <b>%5</b>")
                     .arg(sub(QStringLiteral("a"), idx(j)), f, sub(QStringLiteral("z"), idx(j)),
                          ExplainText::number(at(nt->z, j, n)), ExplainText::number(at(nt->output, j, n))));
    return h;
}

QString lossSection(const NetworkPicture &pic, const Trace &t)
{
    const NodeTrace &out = t.nodes.back();
    const int n = sampleCount(t);
    QString h;
    QString formulaText;
    switch (t.loss.kind) {
    case LossKind::MSE:
        formulaText =
            QStringLiteral("<i>E</i> = ½ Σ<sub>k</sub> (<i>a</i><sub>k</sub> − <i>y</i><sub>k</sub>)²");
        break;
    case LossKind::MAE:
        formulaText =
            QStringLiteral("<i>E</i> = Σ<sub>k</sub> |<i>a</i><sub>k</sub> − <i>y</i><sub>k</sub>|");
        break;
    case LossKind::Huber:
        formulaText =
            ExplainText::tr("<i>E</i> = Σ<sub>k</sub> h(<i>a</i><sub>k</sub> − <i>y</i><sub>k</sub>), "
                            "h(r) = ½r² if |r| ≤ %1, else %1(|r| − ½·%1)")
                .arg(ExplainText::number(double(t.loss.huberDelta)));
        break;
    case LossKind::BinaryCrossEntropy:
        formulaText = QStringLiteral("<i>E</i> = −[<i>y</i> ln <i>a</i> + (1 − <i>y</i>) ln(1 − <i>a</i>)]");
        break;
    case LossKind::CategoricalCrossEntropy:
        formulaText =
            QStringLiteral("<i>E</i> = −Σ<sub>k</sub> <i>y</i><sub>k</sub> ln <i>a</i><sub>k</sub>");
        break;
    case LossKind::SparseCategoricalCrossEntropy:
        formulaText =
            ExplainText::tr("<i>E</i> = −ln <i>a</i><sub>y</sub> (the probability of the true class)");
        break;
    }
    h += formula(formulaText);
    if (n == 1 && out.output.rows() == 1 && t.target.rows() == 1) {
        const double a = at(out.output, 0, 0), y = at(t.target, 0, 0);
        QString subst;
        switch (t.loss.kind) {
        case LossKind::MSE:
            subst = QStringLiteral("½ (%1 − %2)²").arg(ExplainText::number(a), factor(y));
            break;
        case LossKind::MAE:
            subst = QStringLiteral("|%1 − %2|").arg(ExplainText::number(a), factor(y));
            break;
        case LossKind::BinaryCrossEntropy:
            subst = QStringLiteral("−[%1 · ln %2 + (1 − %1) · ln(1 − %2)]")
                        .arg(ExplainText::number(y), ExplainText::number(a));
            break;
        default:
            break;
        }
        if (!subst.isEmpty())
            h += formula(
                QStringLiteral("<i>E</i> = %1 = <b>%2</b>").arg(subst, ExplainText::number(t.lossValue)));
        else
            h += formula(QStringLiteral("<i>E</i> = <b>%1</b>").arg(ExplainText::number(t.lossValue)));
    } else {
        h += formula(ExplainText::tr(
                         "For a batch of %1 samples: <i>E</i> = (1/%1) Σ<sub>n</sub> <i>E</i><sub>n</sub> = "
                         "<b>%2</b>")
                         .arg(n)
                         .arg(ExplainText::number(t.lossValue)));
    }
    std::vector<QStringList> rows;
    for (int s = 0; s < n; ++s) {
        QStringList outs, ys;
        for (int k = 0; k < out.output.rows(); ++k)
            outs << ExplainText::number(at(out.output, k, s));
        for (int k = 0; k < t.target.rows(); ++k)
            ys << ExplainText::number(at(t.target, k, s));
        rows.push_back(
            {QStringLiteral("#%1").arg(s < int(t.samples.size()) ? t.samples[std::size_t(s)] : s),
             outs.join(QStringLiteral(", ")), ys.join(QStringLiteral(", ")),
             ExplainText::number(s < int(t.sampleLosses.size()) ? t.sampleLosses[std::size_t(s)] : 0.0)});
    }
    h += table({ExplainText::tr("sample"), ExplainText::tr("output a"), ExplainText::tr("target y"),
                QStringLiteral("<i>E</i><sub>n</sub>")},
               rows);
    (void)pic;
    return h;
}

QString backwardNeuron(const NetworkPicture &pic, const Trace &t, int column, int j, int n)
{
    const NodeTrace *nt = nodeOf(pic, t, column);
    if (!nt) return {};
    const int N = sampleCount(t);
    const PictureLayer &layer = pic.layers[std::size_t(column)];
    const double delta = at(nt->gradPre, j, n) * N;
    const double dEda = at(nt->gradOutput, j, n) * N;
    const double a = at(nt->output, j, n), z = at(nt->z, j, n);
    QString h;
    if (isOutputColumn(pic, t, column) && t.fusedOutput) {
        const double y =
            t.target.rows() == nt->output.rows() ? at(t.target, j, n) : (at(t.target, 0, n) == j ? 1.0 : 0.0);
        h += formula(QStringLiteral("%1 = ∂<i>E</i>/∂%2 = %3 − %4 = %5 − %6 = <b>%7</b>")
                         .arg(sub(QStringLiteral("δ"), idx(j)), sub(QStringLiteral("z"), idx(j)),
                              sub(QStringLiteral("a"), idx(j)), sub(QStringLiteral("y"), idx(j)),
                              ExplainText::number(a), factor(y), ExplainText::number(delta)));
        h += QStringLiteral("<p>%1</p>")
                 .arg(ExplainText::tr("With %1 and cross-entropy the slope of the activation cancels: δ is "
                                      "simply the output minus the target.")
                          .arg(ExplainText::activationName(layer.activation)));
    } else {
        if (isOutputColumn(pic, t, column)) {
            h += formula(QStringLiteral("∂<i>E</i>/∂%1 = <b>%2</b>")
                             .arg(sub(QStringLiteral("a"), idx(j)), ExplainText::number(dEda)));
        } else {
            // Through the next Dense layer's weights, when it reads this layer directly.
            const int next = column + 1;
            const NodeTrace *nn = nodeOf(pic, t, next);
            const ParamTrace *w = paramOf(nn, "weight");
            if (nn && w && w->before.cols() == nt->output.rows() && w->before.rows() <= 8) {
                QStringList terms, values;
                for (int k = 0; k < w->before.rows(); ++k) {
                    terms << QStringLiteral("%1·%2").arg(sub(QStringLiteral("w"), pair(k, j)),
                                                         sub(QStringLiteral("δ′"), idx(k)));
                    values << QStringLiteral("(%1 · %2)")
                                  .arg(ExplainText::number(at(w->before, k, j)),
                                       factor(at(nn->gradPre, k, n) * N));
                }
                h += formula(QStringLiteral("∂<i>E</i>/∂%1 = %2<br>&nbsp;&nbsp;&nbsp;= %3 = <b>%4</b>")
                                 .arg(sub(QStringLiteral("a"), idx(j)), terms.join(QStringLiteral(" + ")),
                                      values.join(QStringLiteral(" + ")), ExplainText::number(dEda)));
                h += QStringLiteral("<p>%1</p>")
                         .arg(ExplainText::tr("δ′ are the deltas of the next layer “%1”.")
                                  .arg(pic.layers[std::size_t(next)].name));
            } else {
                h += formula(QStringLiteral("∂<i>E</i>/∂%1 = <b>%2</b>")
                                 .arg(sub(QStringLiteral("a"), idx(j)), ExplainText::number(dEda)));
            }
        }
        const double slope = dEda != 0 ? delta / dEda : std::nan("");
        const QString fp = fPrime(layer.activation);
        h += formula(QStringLiteral("%1 = ∂<i>E</i>/∂%2 · <i>f</i>′(%3)%4 = %5 · %6 = <b>%7</b>")
                         .arg(sub(QStringLiteral("δ"), idx(j)), sub(QStringLiteral("a"), idx(j)),
                              sub(QStringLiteral("z"), idx(j)),
                              fp.isEmpty() ? QString() : QStringLiteral(", <i>f</i>′ = ") + fp,
                              ExplainText::number(dEda), factor(slope), ExplainText::number(delta)));
        (void)z;
    }
    if (const ParamTrace *b = paramOf(nt, "bias"))
        h += formula(QStringLiteral("∂<i>E</i>/∂%1 = %2 = <b>%3</b>")
                         .arg(sub(QStringLiteral("b"), idx(j)),
                              N == 1 ? sub(QStringLiteral("δ"), idx(j))
                                     : QStringLiteral("(1/%1) Σ<sub>n</sub> %2")
                                           .arg(N)
                                           .arg(sub(QStringLiteral("δ"), idx(j))),
                              ExplainText::number(at(b->grad, j, 0))));
    return h;
}

QString updateLine(const QString &symbol, double before, double lr, double grad, double after)
{
    return formula(QStringLiteral("%1 ← %1 − α·∂<i>E</i>/∂%1 = %2 − %3 · %4 = <b>%5</b>")
                       .arg(symbol, ExplainText::number(before), ExplainText::number(lr), factor(grad),
                            ExplainText::number(after)));
}

QString updateSentence(const Trace &t, double before, double lr, double grad, double after)
{
    QString s;
    if (grad < 0)
        s = ExplainText::tr(
            "This weight grows because its gradient is negative: a larger weight lowers the error.");
    else if (grad > 0)
        s = ExplainText::tr(
            "This weight shrinks because its gradient is positive: a smaller weight lowers the error.");
    else
        s = ExplainText::tr(
            "This weight stays: its gradient is zero, so changing it would not change the error.");
    if (t.optimizer != OptimizerKind::SGD)
        s += QLatin1Char(' ') +
             ExplainText::tr("The optimizer is not plain SGD: it also uses its running averages, "
                             "so the step differs from α·∂E/∂w.");
    else if (std::abs(before - lr * grad - after) > 1e-6 * std::max(1.0, std::abs(after)))
        s += QLatin1Char(' ') +
             ExplainText::tr(
                 "The step also contains momentum or the regularisation term, so it differs from α·∂E/∂w.");
    return QStringLiteral("<p>%1</p>").arg(s);
}

QString edgeSection(const NetworkPicture &pic, const Trace &t, const Phase &phase, const Selection &sel)
{
    const NodeTrace *nt = nodeOf(pic, t, sel.column);
    const ParamTrace *w = paramOf(nt, "weight");
    if (!nt || !w) return {};
    const int j = sel.row, i = sel.from, N = sampleCount(t);
    const QString wji = sub(QStringLiteral("w"), pair(j, i));
    QString h = QStringLiteral("<h3>%1</h3>")
                    .arg(ExplainText::tr("Weight %1: from neuron %2 of “%3” to neuron %4 of “%5”")
                             .arg(wji)
                             .arg(i + 1)
                             .arg(pic.layers[std::size_t(sel.column - 1)].name)
                             .arg(j + 1)
                             .arg(pic.layers[std::size_t(sel.column)].name));
    const bool backwardDone =
        phase.kind == PhaseKind::Update || (phase.kind == PhaseKind::Backward && sel.column >= phase.column);
    if (phase.kind == PhaseKind::Forward || phase.kind == PhaseKind::Loss ||
        (phase.kind == PhaseKind::Backward && !backwardDone)) {
        h += formula(QStringLiteral("%1 = <b>%2</b>, %3 = %4: %1·%3 = <b>%5</b>")
                         .arg(wji, ExplainText::number(at(w->before, j, i)), sub(QStringLiteral("a"), idx(i)),
                              ExplainText::number(inputOf(nt, i, 0)),
                              ExplainText::number(at(w->before, j, i) * inputOf(nt, i, 0))));
        h += QStringLiteral("<p>%1</p>")
                 .arg(ExplainText::tr("This is what the weight adds to %1 in the forward pass.")
                          .arg(sub(QStringLiteral("z"), idx(j))));
        return h;
    }
    const double grad = at(w->grad, j, i);
    if (N == 1) {
        h += formula(QStringLiteral("∂<i>E</i>/∂%1 = %2 · %3 = %4 · %5 = <b>%6</b>")
                         .arg(wji, sub(QStringLiteral("δ"), idx(j)), sub(QStringLiteral("a"), idx(i)),
                              ExplainText::number(at(nt->gradPre, j, 0)), factor(inputOf(nt, i, 0)),
                              ExplainText::number(grad)));
    } else {
        h += formula(
            QStringLiteral(
                "∂<i>E</i>/∂%1 = (1/%2) Σ<sub>n</sub> %3<sup>(n)</sup> · %4<sup>(n)</sup> = <b>%5</b>")
                .arg(wji)
                .arg(N)
                .arg(sub(QStringLiteral("δ"), idx(j)), sub(QStringLiteral("a"), idx(i)),
                     ExplainText::number(grad)));
        std::vector<QStringList> rows;
        for (int n = 0; n < N; ++n) {
            const double d = at(nt->gradPre, j, n) * N, a = inputOf(nt, i, n);
            rows.push_back({QStringLiteral("#%1").arg(t.samples[std::size_t(n)]), ExplainText::number(d),
                            ExplainText::number(a), ExplainText::number(d * a)});
        }
        h += QStringLiteral("<p>%1</p>")
                 .arg(ExplainText::tr("Per-sample contributions (their mean is the gradient):"));
        h += table({ExplainText::tr("sample"), QStringLiteral("δ<sup>(n)</sup>"),
                    QStringLiteral("a<sup>(n)</sup>"), QStringLiteral("δ<sup>(n)</sup>·a<sup>(n)</sup>")},
                   rows);
    }
    if (phase.kind == PhaseKind::Update) {
        const double before = at(w->before, j, i), after = at(w->after, j, i);
        h += updateLine(wji, before, t.learningRate, grad, after);
        h += updateSentence(t, before, t.learningRate, grad, after);
    } else {
        h +=
            QStringLiteral("<p>%1</p>")
                .arg(grad < 0 ? ExplainText::tr(
                                    "The gradient is negative: increasing this weight would lower the error.")
                     : grad > 0
                         ? ExplainText::tr(
                               "The gradient is positive: decreasing this weight would lower the error.")
                         : ExplainText::tr(
                               "The gradient is zero: this weight does not change the error now."));
    }
    return h;
}

QString neuronSection(const NetworkPicture &pic, const Trace &t, const Phase &phase, const Selection &sel)
{
    const int c = sel.column, j = sel.row;
    const NodeTrace *nt = nodeOf(pic, t, c);
    if (!nt) return {};
    QString h =
        QStringLiteral("<h3>%1</h3>")
            .arg(ExplainText::tr("Neuron %1 of “%2”").arg(j + 1).arg(pic.layers[std::size_t(c)].name));
    if (c == 0) {
        // "x₁ (alcohol) = 0.52" where the data names its features.
        const QString name = j < pic.inputNames.size()
                                 ? QStringLiteral(" (%1)").arg(pic.inputNames[j].toHtmlEscaped())
                                 : QString();
        h += formula(
            QStringLiteral("%1%2 = <b>%3</b>")
                .arg(sub(QStringLiteral("x"), idx(j)), name, ExplainText::number(at(nt->output, j, 0))));
        h += QStringLiteral("<p>%1</p>")
                 .arg(ExplainText::tr(
                     "An input feature of the sample, as the network sees it (after normalisation)."));
        return h;
    }
    const bool forwardReached = phase.kind != PhaseKind::Forward || c <= phase.column;
    const bool backwardReached =
        phase.kind == PhaseKind::Update || (phase.kind == PhaseKind::Backward && c >= phase.column);
    if (!forwardReached) {
        h += QStringLiteral("<p>%1</p>")
                 .arg(ExplainText::tr("The forward pass has not reached this layer yet."));
        return h;
    }
    h += forwardNeuron(pic, t, c, j, 0);
    if (backwardReached) h += backwardNeuron(pic, t, c, j, 0);
    if (phase.kind == PhaseKind::Update)
        if (const ParamTrace *b = paramOf(nt, "bias"))
            h += updateLine(sub(QStringLiteral("b"), idx(j)), at(b->before, j, 0), t.learningRate,
                            at(b->grad, j, 0), at(b->after, j, 0));
    return h;
}

QString sentence(const NetworkPicture &pic, const Trace &t, const Phase &phase)
{
    const int c = phase.column;
    const QString f = c >= 0 && c < int(pic.layers.size())
                          ? ExplainText::activationName(pic.layers[std::size_t(c)].activation)
                          : QString();
    switch (phase.kind) {
    case PhaseKind::Forward:
        if (c == 0) return ExplainText::tr("The sample's features enter the network.");
        return ExplainText::tr(
                   "Each neuron adds up its inputs times their weights plus its bias (z), then applies "
                   "%1: a = %1(z).")
            .arg(f);
    case PhaseKind::Loss:
        return ExplainText::tr(
                   "The output is compared with the target: the error E = %1 says how wrong the network is.")
            .arg(ExplainText::number(t.lossValue));
    case PhaseKind::Backward:
        if (isOutputColumn(pic, t, c))
            return ExplainText::tr(
                "δ = ∂E/∂z says how much the error changes when a neuron's z changes; the "
                "gradient of each incoming weight is δ times the input it carried: ∂E/∂w = δ·a.");
        return ExplainText::tr(
                   "Each neuron's δ gathers the next layer's δs through its outgoing weights, times "
                   "the slope of %1 at its z; then ∂E/∂w = δ·a for its incoming weights.")
            .arg(f);
    case PhaseKind::Update:
        if (t.optimizer != OptimizerKind::SGD)
            return ExplainText::tr(
                       "Every weight takes a step against its gradient. %1 sizes each step from the "
                       "running averages of the weight's gradients, so the change in the table differs "
                       "from α·∂E/∂w (α = %2). The boundary redraws with the new weights.")
                .arg(LayerCatalog::title(t.optimizer), ExplainText::number(t.learningRate));
        return ExplainText::tr("Every weight takes a step against its gradient, w ← w − α·∂E/∂w, with the "
                               "learning rate α = %1. The boundary redraws with the new weights.")
            .arg(ExplainText::number(t.learningRate));
    case PhaseKind::None:
        break;
    }
    return {};
}

} // namespace

QString ExplainText::html(const NetworkPicture &pic, const Trace &trace, const Phase &phase,
                          const Selection &sel)
{
    QString h = QStringLiteral("<h2>%1</h2>").arg(phaseTitle(pic, trace, phase).toHtmlEscaped());
    h += QStringLiteral("<p style='font-size:large'>%1</p>").arg(sentence(pic, trace, phase));
    const int N = sampleCount(trace);
    if (N > 1)
        h += QStringLiteral("<p>%1</p>")
                 .arg(tr("A mini-batch of %1 samples: the neuron view shows sample #%2; the "
                         "gradients are the mean over the batch.")
                          .arg(N)
                          .arg(trace.samples.front()));
    if (phase.kind == PhaseKind::Loss && !trace.nodes.empty()) h += lossSection(pic, trace);
    if (sel.kind == Selection::Kind::Neuron && sel.column >= 0 && sel.column < int(pic.layers.size()))
        h += neuronSection(pic, trace, phase, sel);
    else if (sel.kind == Selection::Kind::Edge && sel.column >= 1 && sel.column < int(pic.layers.size()))
        h += edgeSection(pic, trace, phase, sel);
    else
        h += QStringLiteral("<p><i>%1</i></p>")
                 .arg(tr("Click a neuron or a weight for its formula with the numbers."));
    if (phase.kind != PhaseKind::Loss) {
        h += QStringLiteral("<h3>%1</h3>")
                 .arg(phase.kind == PhaseKind::Update ? tr("All weights") : tr("This layer"));
        h += layerTable(pic, trace, phase);
    }
    return h;
}

} // namespace nnp
