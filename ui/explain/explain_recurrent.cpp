#include "explain/explain_recurrent.h"

#include "explain/explain_text.h"
#include "train/recurrent_trace.h"

#include <algorithm>
#include <cmath>

namespace nnp {

namespace {

constexpr int kShownValues = 8; ///< entries of a long vector written out
constexpr int kShownUnits = 16; ///< rows of the units table
constexpr int kBarWidth = 220;  ///< pixels of the longest gradient bar

QString num(double v)
{
    return ExplainText::number(v);
}

QString factor(double v)
{
    return v < 0 ? QStringLiteral("(%1)").arg(num(v)) : num(v);
}

QString term(double v)
{
    return v < 0 ? QStringLiteral(" − %1").arg(num(-v)) : QStringLiteral(" + %1").arg(num(v));
}

QString formula(const QString &text)
{
    return QStringLiteral("<p style='font-size:large; margin-left:12px'>%1</p>").arg(text);
}

QString para(const QString &text)
{
    return QStringLiteral("<p>%1</p>").arg(text);
}

/// "h<sub>t−1</sub>" style symbols.
QString sym(const QString &s, const QString &index)
{
    return QStringLiteral("<i>%1</i><sub>%2</sub>").arg(s, index);
}

const NodeTrace *nodeOf(const Trace &trace, const Phase &phase)
{
    const NodeTrace *nt = phase.node ? trace.find(phase.node) : nullptr;
    return nt && !nt->recurrent.steps.empty() ? nt : nullptr;
}

QString kindName(LayerKind k)
{
    switch (k) {
    case LayerKind::LSTM:
        return QStringLiteral("LSTM");
    case LayerKind::GRU:
        return QStringLiteral("GRU");
    default:
        return QStringLiteral("SimpleRNN");
    }
}

/// Step t's word (first sample) as the panel writes it, or "" when the sequence has no ids.
QString wordOf(const RecurrentTrace &r, int t)
{
    if (t < int(r.words.size()) && !r.words[std::size_t(t)].empty())
        return QString::fromStdString(r.words[std::size_t(t)]);
    const auto &s = r.steps[std::size_t(t)];
    if (!s.ids.empty() && s.ids.front() >= 0) return QStringLiteral("#%1").arg(qint64(s.ids.front()));
    return {};
}

/// Column 0 of a matrix as "[0.1, −0.2, …]" (the first kShownValues entries and how many there are).
QString vectorText(const Matrix &m)
{
    QStringList parts;
    const int n = int(m.rows());
    for (int i = 0; i < std::min(n, kShownValues); ++i)
        parts << num(double(m(i, 0)));
    QString s = QStringLiteral("[%1").arg(parts.join(QStringLiteral(", ")));
    if (n > kShownValues) s += QStringLiteral(", … ") + ExplainRecurrent::tr("(%n value(s))", nullptr, n);
    return s + QLatin1Char(']');
}

/// One gate's line for unit j: "iⱼ = σ((Wᵢx)ⱼ + (Uᵢh)ⱼ + bᵢⱼ) = σ(a + b + c) = σ(z) = v".
QString gateLine(const NodeTrace &nt, int gate, int j, int t)
{
    const RecurrentTrace &r = nt.recurrent;
    const RecurrentStepTrace &s = r.steps[std::size_t(t)];
    const int row = gate * r.units + j;
    const GateParts p = gateParts(nt, row, t, 0);
    const QString g = ExplainRecurrent::gateName(nt.kind, gate);
    const QString J = QString::number(j + 1);
    const bool squash = nt.kind == LayerKind::SimpleRNN || (nt.kind == LayerKind::LSTM && gate == 2) ||
                        (nt.kind == LayerKind::GRU && gate == 2);
    const QString f = squash ? QStringLiteral("tanh") : QStringLiteral("σ");
    const QString sub = nt.kind == LayerKind::SimpleRNN ? QString() : g;
    const QString W = QStringLiteral("<i>W</i><sub>%1</sub>").arg(sub),
                  U = QStringLiteral("<i>U</i><sub>%1</sub>").arg(sub);
    const QString x = QStringLiteral("<i>x</i><sub>t</sub>"), h = QStringLiteral("<i>h</i><sub>t−1</sub>");
    const QString lhs =
        nt.kind == LayerKind::SimpleRNN ? sym(QStringLiteral("h"), QStringLiteral("t,") + J) : sym(g, J);
    const double pre = double(s.pre(row, 0)), value = double(s.gates(row, 0));
    QString symbolic, numbers;
    if (nt.kind == LayerKind::GRU && gate == 2) {
        symbolic =
            QStringLiteral("%1((%2%3)<sub>%4</sub> + <i>b</i><sub>i%5,%4</sub> + %6 · ((%7%8)<sub>%4</sub> + "
                           "<i>b</i><sub>h%5,%4</sub>))")
                .arg(f, W, x, J, g, sym(QStringLiteral("r"), J), U, h);
        numbers =
            QStringLiteral("%1(%2%3 + %4 · (%5%6))")
                .arg(f, num(p.input), term(p.biasIh), factor(p.reset), num(p.recurrent), term(p.biasHh));
    } else {
        symbolic = QStringLiteral("%1((%2%3)<sub>%4</sub> + (%5%6)<sub>%4</sub> + <i>b</i><sub>%7%4</sub>)")
                       .arg(f, W, x, J, U, h, sub.isEmpty() ? QString() : sub + QLatin1Char(','));
        numbers =
            QStringLiteral("%1(%2%3%4)").arg(f, num(p.input), term(p.recurrent), term(p.biasIh + p.biasHh));
    }
    return formula(QStringLiteral("%1 = %2 = %3 = %4(%5) = <b>%6</b>")
                       .arg(lhs, symbolic, numbers, f, num(pre), num(value)));
}

QString statesTable(const NodeTrace &nt, int t, int chosen)
{
    const RecurrentTrace &r = nt.recurrent;
    const RecurrentStepTrace &s = r.steps[std::size_t(t)];
    const bool lstm = nt.kind == LayerKind::LSTM;
    QString h =
        QStringLiteral("<table cellspacing='0' cellpadding='3' border='1' style='border-color:#999'><tr>"
                       "<th>%1</th>")
            .arg(ExplainRecurrent::tr("unit"));
    if (nt.kind != LayerKind::SimpleRNN)
        for (int g = 0; g < r.gates; ++g)
            h += QStringLiteral("<th><i>%1</i></th>").arg(ExplainRecurrent::gateName(nt.kind, g));
    if (lstm) h += QStringLiteral("<th><i>c</i><sub>t−1</sub></th><th><i>c</i><sub>t</sub></th>");
    h += QStringLiteral("<th><i>h</i><sub>t−1</sub></th><th><i>h</i><sub>t</sub></th></tr>");
    const int shown = std::min(r.units, kShownUnits);
    for (int j = 0; j < shown; ++j) {
        QStringList cells;
        cells << QString::number(j + 1);
        if (nt.kind != LayerKind::SimpleRNN)
            for (int g = 0; g < r.gates; ++g)
                cells << num(double(s.gates(g * r.units + j, 0)));
        if (lstm) cells << num(double(s.cPrev(j, 0))) << num(double(s.c(j, 0)));
        cells << num(double(s.hPrev(j, 0))) << num(double(s.h(j, 0)));
        h += QStringLiteral("<tr>");
        for (const QString &c : cells)
            h += QStringLiteral("<td align='right'>%1</td>")
                     .arg(j == chosen ? QStringLiteral("<b>%1</b>").arg(c) : c);
        h += QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table>");
    if (r.units > shown) h += para(ExplainRecurrent::tr("The first %1 of %2 units.").arg(shown).arg(r.units));
    return h;
}

QString forward(const NodeTrace &nt, const RecurrentSelection &sel)
{
    const RecurrentTrace &r = nt.recurrent;
    const int t = sel.step, j = sel.unit;
    const RecurrentStepTrace &s = r.steps[std::size_t(t)];
    const QString word = wordOf(r, t);
    QString h = QStringLiteral("<h3>%1</h3>")
                    .arg(word.isEmpty() ? ExplainRecurrent::tr("Step %1 of %2").arg(t + 1).arg(r.steps.size())
                                        : ExplainRecurrent::tr("Step %1 of %2: “%3”")
                                              .arg(t + 1)
                                              .arg(r.steps.size())
                                              .arg(word.toHtmlEscaped()));
    h += formula(QStringLiteral("<i>x</i><sub>t</sub> = %1").arg(vectorText(s.x)));
    h += formula(QStringLiteral("<i>h</i><sub>t−1</sub> = %1").arg(vectorText(s.hPrev)));
    if (nt.kind == LayerKind::LSTM)
        h += formula(QStringLiteral("<i>c</i><sub>t−1</sub> = %1").arg(vectorText(s.cPrev)));
    if (!s.masked.empty() && s.masked.front()) {
        h += QStringLiteral("<p style='font-size:large'><b>%1</b></p>")
                 .arg(ExplainRecurrent::tr("Masked: state unchanged."));
        h += para(nt.kind == LayerKind::LSTM
                      ? ExplainRecurrent::tr("This step is padding (id 0): the layer carries the state over, "
                                             "h<sub>t</sub> = h<sub>t−1</sub> and c<sub>t</sub> = "
                                             "c<sub>t−1</sub>, and nothing learns from it.")
                      : ExplainRecurrent::tr("This step is padding (id 0): the layer carries the state over, "
                                             "h<sub>t</sub> = h<sub>t−1</sub>, and nothing learns from it."));
        return h + statesTable(nt, t, j);
    }
    h += QStringLiteral("<h3>%1</h3>").arg(ExplainRecurrent::tr("Unit %1").arg(j + 1));
    for (int g = 0; g < r.gates; ++g)
        h += gateLine(nt, g, j, t);
    const QString J = QString::number(j + 1);
    auto gate = [&](int g) { return double(s.gates(g * r.units + j, 0)); };
    if (nt.kind == LayerKind::LSTM) {
        h += formula(QStringLiteral("%1 = %2 · %3 + %4 · %5 = %6 · %7 + %8 · %9 = <b>%10</b>")
                         .arg(sym(QStringLiteral("c"), QStringLiteral("t,") + J), sym(QStringLiteral("f"), J),
                              sym(QStringLiteral("c"), QStringLiteral("t−1,") + J),
                              sym(QStringLiteral("i"), J), sym(QStringLiteral("g"), J), num(gate(1)),
                              factor(double(s.cPrev(j, 0))), num(gate(0)), factor(gate(2)))
                         .arg(num(double(s.c(j, 0)))));
        h += formula(QStringLiteral("%1 = %2 · tanh(%3) = %4 · tanh(%5) = <b>%6</b>")
                         .arg(sym(QStringLiteral("h"), QStringLiteral("t,") + J), sym(QStringLiteral("o"), J),
                              sym(QStringLiteral("c"), QStringLiteral("t,") + J), num(gate(3)),
                              num(double(s.c(j, 0))), num(double(s.h(j, 0)))));
    } else if (nt.kind == LayerKind::GRU) {
        h += formula(QStringLiteral("%1 = (1 − %2) · %3 + %2 · %4 = (1 − %5) · %6 + %5 · %7 = <b>%8</b>")
                         .arg(sym(QStringLiteral("h"), QStringLiteral("t,") + J), sym(QStringLiteral("z"), J),
                              sym(QStringLiteral("n"), J),
                              sym(QStringLiteral("h"), QStringLiteral("t−1,") + J), num(gate(1)),
                              factor(gate(2)), factor(double(s.hPrev(j, 0))), num(double(s.h(j, 0)))));
    }
    return h + statesTable(nt, t, j);
}

QString bars(const NodeTrace &nt, int chosenStep)
{
    const RecurrentTrace &r = nt.recurrent;
    std::vector<double> norms;
    for (const auto &s : r.steps)
        norms.push_back(stateGradientNorm(s));
    const double largest = std::max(1e-300, *std::max_element(norms.begin(), norms.end()));
    QString h = QStringLiteral("<table cellspacing='0' cellpadding='2'><tr><th>%1</th><th>%2</th><th "
                               "align='left'>‖∂<i>E</i>/∂<i>h</i><sub>t</sub>‖</th><th></th></tr>")
                    .arg(ExplainRecurrent::tr("step"), ExplainRecurrent::tr("word"));
    for (int t = 0; t < int(norms.size()); ++t) {
        const int width = std::max(1, int(std::lround(kBarWidth * norms[std::size_t(t)] / largest)));
        const bool masked = !r.steps[std::size_t(t)].masked.empty() && r.steps[std::size_t(t)].masked.front();
        const QString colour = masked ? QStringLiteral("#BBBBBB") : QStringLiteral("#0072B2");
        QString value = num(norms[std::size_t(t)]);
        if (t == chosenStep) value = QStringLiteral("<b>%1</b>").arg(value);
        h += QStringLiteral("<tr><td align='right'>%1</td><td>%2</td><td width='%3'><table cellspacing='0' "
                            "cellpadding='0'><tr><td width='%4' bgcolor='%5' height='12'></td></tr></table>"
                            "</td><td align='right'>%6</td></tr>")
                 .arg(t + 1)
                 .arg(wordOf(r, t).toHtmlEscaped())
                 .arg(kBarWidth + 4)
                 .arg(width)
                 .arg(colour, value);
    }
    h += QStringLiteral("</table>");
    const double first = norms.front(), last = norms.back();
    if (last > 0)
        h += para(ExplainRecurrent::tr("From the last step back to the first the gradient's size changes "
                                       "by a factor of %1.")
                      .arg(num(first / last)));
    return h;
}

QString weightSum(const Trace &trace, const NodeTrace &nt, const RecurrentSelection &sel)
{
    const RecurrentTrace &r = nt.recurrent;
    const ParamTrace *p = nullptr;
    for (const ParamTrace &x : nt.params)
        if (x.name == ExplainRecurrent::paramName(sel.param)) p = &x;
    if (!p || sel.row >= p->grad.rows() || sel.col >= p->grad.cols()) return {};
    const int gate = sel.row / r.units, unit = sel.row % r.units;
    const QString g = nt.kind == LayerKind::SimpleRNN ? QString() : ExplainRecurrent::gateName(nt.kind, gate);
    const bool matrix = sel.param < 2;
    const QString index =
        matrix ? QStringLiteral("%1%2,%3")
                     .arg(g.isEmpty() ? QString() : g + QLatin1Char(' '))
                     .arg(unit + 1)
                     .arg(sel.col + 1)
               : QStringLiteral("%1%2").arg(g.isEmpty() ? QString() : g + QLatin1Char(' ')).arg(unit + 1);
    const QString name =
        QStringLiteral("%1<sub>%2</sub>").arg(ExplainRecurrent::paramSymbol(sel.param), index);
    QString h = QStringLiteral("<h3>%1</h3>")
                    .arg(ExplainRecurrent::tr("The gradient of %1, summed over the steps").arg(name));
    const QString share = sel.param == 0   ? QStringLiteral("δ<sub>t</sub> · <i>x</i><sub>t</sub>")
                          : sel.param == 1 ? QStringLiteral("δ<sub>t</sub> · <i>h</i><sub>t−1</sub>")
                                           : QStringLiteral("δ<sub>t</sub>");
    h += formula(QStringLiteral("∂<i>E</i>/∂%1 = Σ<sub>t</sub> %2").arg(name, share));
    if (nt.kind == LayerKind::GRU && gate == 2 && (sel.param == 1 || sel.param == 3))
        h += para(
            ExplainRecurrent::tr("For the GRU's n gate the recurrent part enters through the reset gate, "
                                 "so here δ<sub>t</sub> is multiplied by r<sub>t</sub>."));
    h += QStringLiteral(
             "<table cellspacing='0' cellpadding='3' border='1' style='border-color:#999'><tr><th>%1"
             "</th><th>%2</th><th>%3</th></tr>")
             .arg(ExplainRecurrent::tr("step"), ExplainRecurrent::tr("word"), ExplainRecurrent::tr("share"));
    for (int t = 0; t < int(r.steps.size()); ++t) {
        const double v = stepContribution(nt.kind, r, p->name, sel.row, sel.col, t);
        h += QStringLiteral("<tr><td align='right'>%1</td><td>%2</td><td align='right'>%3</td></tr>")
                 .arg(t + 1)
                 .arg(wordOf(r, t).toHtmlEscaped(), num(v));
    }
    h += QStringLiteral("</table>");
    const double grad = double(p->grad(sel.row, sel.col));
    h += formula(QStringLiteral("∂<i>E</i>/∂%1 = <b>%2</b>").arg(name, num(grad)));
    const double before = double(p->before(sel.row, sel.col)), after = double(p->after(sel.row, sel.col));
    if (trace.optimizer == OptimizerKind::SGD)
        h += formula(QStringLiteral("%1 ← %1 − α · ∂<i>E</i>/∂%1 = %2 − %3 · %4 = <b>%5</b>")
                         .arg(name, num(before), num(trace.learningRate), factor(grad), num(after)));
    else
        h +=
            formula(QStringLiteral("%1: %2 → <b>%3</b>").arg(name, num(before), num(after))) +
            para(ExplainRecurrent::tr("The optimizer is not plain SGD: it also uses its running averages, so "
                                      "the step differs from α·∂E/∂w."));
    return h;
}

QString sentence(const NodeTrace &nt, PhaseKind phase)
{
    if (phase == PhaseKind::Forward) {
        switch (nt.kind) {
        case LayerKind::LSTM:
            return ExplainRecurrent::tr(
                "The LSTM reads the sentence one word at a time. At each step its gates look at the word "
                "x<sub>t</sub> and the previous state h<sub>t−1</sub>: the input gate i decides what to "
                "write, the forget gate f what to keep of the cell c, the candidate g what could be "
                "written, and the output gate o what to show as h.");
        case LayerKind::GRU:
            return ExplainRecurrent::tr(
                "The GRU reads the sentence one word at a time. The reset gate r decides how much of the "
                "previous state h<sub>t−1</sub> the candidate n sees; the update gate z mixes the old state "
                "and the candidate into h<sub>t</sub>.");
        default:
            return ExplainRecurrent::tr(
                "The SimpleRNN reads the sentence one word at a time: the new state h<sub>t</sub> mixes "
                "the word x<sub>t</sub> with the previous state h<sub>t−1</sub> through tanh.");
        }
    }
    return ExplainRecurrent::tr(
        "Backpropagation through time: ∂E/∂h<sub>t</sub> says how much the error changes when the state "
        "after step t changes. On its way back it is multiplied at every step by the recurrent weights and "
        "the gates' slopes: in a SimpleRNN it often shrinks step after step (the vanishing gradient), while "
        "an LSTM's cell carries it further. A weight is used at every step, so its gradient is the sum of "
        "the steps' shares.");
}

} // namespace

const char *ExplainRecurrent::paramName(int param)
{
    static const char *names[] = {"weight_ih", "weight_hh", "bias_ih", "bias_hh"};
    return names[std::clamp(param, 0, 3)];
}

QString ExplainRecurrent::paramSymbol(int param)
{
    switch (param) {
    case 0:
        return QStringLiteral("<i>W</i>");
    case 1:
        return QStringLiteral("<i>U</i>");
    case 2:
        return QStringLiteral("<i>b</i><sup>ih</sup>");
    default:
        return QStringLiteral("<i>b</i><sup>hh</sup>");
    }
}

QString ExplainRecurrent::gateName(LayerKind kind, int gate)
{
    if (kind == LayerKind::LSTM) return QStringLiteral("ifgo").mid(std::clamp(gate, 0, 3), 1);
    if (kind == LayerKind::GRU) return QStringLiteral("rzn").mid(std::clamp(gate, 0, 2), 1);
    return QStringLiteral("h");
}

QString ExplainRecurrent::phaseTitle(const Trace &trace, const Phase &phase, const RecurrentSelection &sel)
{
    const NodeTrace *nt = nodeOf(trace, phase);
    if (!nt) return {};
    const QString name = QString::fromStdString(nt->name);
    const int T = int(nt->recurrent.steps.size());
    const int t = std::clamp(sel.step < 0 ? T - 1 : sel.step, 0, T - 1);
    if (phase.kind == PhaseKind::Forward)
        return tr("1 · Forward pass: %1 “%2”, step %3 of %4").arg(kindName(nt->kind), name).arg(t + 1).arg(T);
    if (phase.kind == PhaseKind::Backward)
        return tr("3 · Backward through time: %1 “%2”").arg(kindName(nt->kind), name);
    return {};
}

QString ExplainRecurrent::html(const Trace &trace, const Phase &phase, const RecurrentSelection &sel)
{
    const NodeTrace *nt = nodeOf(trace, phase);
    if (!nt) return {};
    QString h = QStringLiteral("<h2>%1</h2>").arg(phaseTitle(trace, phase, sel).toHtmlEscaped());
    h += QStringLiteral("<p style='font-size:large'>%1</p>").arg(sentence(*nt, phase.kind));
    const int N = int(nt->recurrent.steps.front().x.cols());
    if (N > 1)
        h += para(tr("A mini-batch of %1 samples: the steps are those of sample #%2; the gradients are the "
                     "mean over the batch.")
                      .arg(N)
                      .arg(trace.samples.empty() ? 0 : trace.samples.front()));
    if (phase.kind == PhaseKind::Forward)
        h += forward(*nt, sel);
    else if (phase.kind == PhaseKind::Backward && nt->recurrent.steps.front().gradH.size() > 0)
        h += bars(*nt, sel.step) + weightSum(trace, *nt, sel);
    return h;
}

} // namespace nnp
