#include "explain/explain_parts.h"

#include "explain/explain_text.h"

#include <algorithm>
#include <cmath>

namespace nnp::explain_parts {

const ParamTrace *paramOf(const NodeTrace *nt, const char *name)
{
    if (!nt) return nullptr;
    for (const ParamTrace &p : nt->params)
        if (p.name == name) return &p;
    return nullptr;
}

QString sub(const QString &symbol, const QString &index)
{
    return QStringLiteral("<i>%1</i><sub>%2</sub>").arg(symbol, index);
}

QString idx(int i)
{
    return QString::number(i + 1);
}

QString pair(int j, int i)
{
    return QStringLiteral("%1%2").arg(j + 1).arg(i + 1);
}

double at(const Matrix &m, int r, int c)
{
    return (r >= 0 && c >= 0 && r < m.rows() && c < m.cols()) ? double(m(r, c)) : std::nan("");
}

int sampleCount(const Trace &t)
{
    return std::max<int>(1, static_cast<int>(t.samples.size()));
}

const NodeTrace *nodeOf(const NetworkPicture &pic, const Trace &t, int column)
{
    if (column < 0 || column >= int(pic.layers.size())) return nullptr;
    return t.find(pic.layers[std::size_t(column)].id);
}

double inputOf(const NodeTrace *nt, int i, int n)
{
    return nt && !nt->inputs.empty() ? at(nt->inputs[0], i, n) : std::nan("");
}

bool isOutputColumn(const NetworkPicture &pic, const Trace &t, int column)
{
    return !t.nodes.empty() && column >= 0 && column < int(pic.layers.size()) &&
           pic.layers[std::size_t(column)].id == t.nodes.back().id;
}

QString fPrime(ActivationKind f)
{
    switch (f) {
    case ActivationKind::Tanh:
        return QStringLiteral("1 − <i>a</i>²");
    case ActivationKind::Sigmoid:
        return QStringLiteral("<i>a</i>(1 − <i>a</i>)");
    case ActivationKind::ReLU:
        return QStringLiteral("(<i>z</i> &gt; 0 ? 1 : 0)");
    case ActivationKind::Linear:
        return QStringLiteral("1");
    default:
        return {};
    }
}

QString factor(double v)
{
    return v < 0 ? QStringLiteral("(%1)").arg(ExplainText::number(v)) : ExplainText::number(v);
}

QString table(const QStringList &header, const std::vector<QStringList> &rows)
{
    QString h = QStringLiteral("<table cellspacing='0' cellpadding='4' border='0'><tr>");
    for (const QString &c : header)
        h += QStringLiteral("<th align='right' style='border-bottom:1px solid #888'>%1</th>").arg(c);
    h += QStringLiteral("</tr>");
    for (const QStringList &r : rows) {
        h += QStringLiteral("<tr>");
        for (const QString &c : r)
            h += QStringLiteral("<td align='right'>%1</td>").arg(c);
        h += QStringLiteral("</tr>");
    }
    return h + QStringLiteral("</table>");
}

QString formula(const QString &text)
{
    return QStringLiteral("<p style='font-size:large; margin-left:12px'>%1</p>").arg(text);
}

namespace {

/// The Update phase: every trained parameter of every layer (Dense, Conv2D, Embedding, recurrent,
/// BatchNorm…), in the order the network computes them. Each tensor shows its first values, so that every
/// layer appears.
QString updateTable(const Trace &t)
{
    int tensors = 0;
    for (const NodeTrace &n : t.nodes)
        tensors += int(n.params.size());
    const int perTensor = std::max(3, 48 / std::max(1, tensors));
    std::vector<QStringList> rows;
    bool cut = false;
    for (const NodeTrace &n : t.nodes)
        for (const ParamTrace &p : n.params) {
            const Matrix &b = p.before;
            const bool vector = b.cols() == 1;
            const QString symbol = p.name == "weight" ? QStringLiteral("w")
                                   : p.name == "bias" ? QStringLiteral("b")
                                                      : QString::fromStdString(p.name) + QLatin1Char(' ');
            int shown = 0;
            for (int j = 0; j < b.rows() && shown < perTensor; ++j)
                for (int i = 0; i < b.cols() && shown < perTensor; ++i, ++shown)
                    rows.push_back({QString::fromStdString(n.name),
                                    QStringLiteral("%1<sub>%2</sub>")
                                        .arg(symbol, vector ? QString::number(j + 1)
                                                     : b.rows() < 10 && b.cols() < 10
                                                         ? pair(j, i)
                                                         : QStringLiteral("%1,%2").arg(j + 1).arg(i + 1)),
                                    ExplainText::number(at(b, j, i)), ExplainText::number(at(p.grad, j, i)),
                                    ExplainText::number(at(p.after, j, i) - at(b, j, i)),
                                    ExplainText::number(at(p.after, j, i))});
            cut = cut || shown < b.size();
        }
    QString h =
        table({ExplainText::tr("layer"), ExplainText::tr("parameter"), ExplainText::tr("old"),
               QStringLiteral("∂<i>E</i>/∂<i>w</i>"), ExplainText::tr("change"), ExplainText::tr("new")},
              rows);
    if (cut)
        h += QStringLiteral("<p><i>%1</i></p>")
                 .arg(ExplainText::tr("The first %n value(s) of each parameter; click a weight for its own "
                                      "update.",
                                      nullptr, perTensor));
    return h;
}

} // namespace

QString layerTable(const NetworkPicture &pic, const Trace &t, const Phase &phase)
{
    const int c = phase.column;
    const NodeTrace *nt = nodeOf(pic, t, c);
    const int N = sampleCount(t);
    std::vector<QStringList> rows;
    if (phase.kind == PhaseKind::Forward && nt && c > 0) {
        for (int n = 0; n < N; ++n)
            for (int j = 0; j < std::min<int>(int(nt->output.rows()), 32); ++j)
                rows.push_back({QStringLiteral("#%1").arg(t.samples[std::size_t(n)]), QString::number(j + 1),
                                ExplainText::number(at(nt->z, j, n)),
                                ExplainText::number(at(nt->output, j, n))});
        return table({ExplainText::tr("sample"), ExplainText::tr("neuron"), QStringLiteral("<i>z</i>"),
                      QStringLiteral("<i>a</i> = <i>f</i>(<i>z</i>)")},
                     rows);
    }
    if (phase.kind == PhaseKind::Forward && nt && c == 0) {
        for (int n = 0; n < N; ++n) {
            QStringList xs;
            for (int j = 0; j < std::min<int>(int(nt->output.rows()), 16); ++j)
                xs << ExplainText::number(at(nt->output, j, n));
            rows.push_back(
                {QStringLiteral("#%1").arg(t.samples[std::size_t(n)]), xs.join(QStringLiteral(", "))});
        }
        return table({ExplainText::tr("sample"), QStringLiteral("<i>x</i>")}, rows);
    }
    if (phase.kind == PhaseKind::Backward && nt) {
        const ParamTrace *b = paramOf(nt, "bias");
        for (int j = 0; j < std::min<int>(int(nt->gradPre.rows()), 32); ++j) {
            QStringList ds;
            for (int n = 0; n < N; ++n)
                ds << ExplainText::number(at(nt->gradPre, j, n) * N);
            rows.push_back({QString::number(j + 1), ds.join(QStringLiteral(", ")),
                            b ? ExplainText::number(at(b->grad, j, 0)) : QString()});
        }
        return table({ExplainText::tr("neuron"),
                      N == 1 ? QStringLiteral("δ") : ExplainText::tr("δ per sample"),
                      QStringLiteral("∂<i>E</i>/∂<i>b</i>")},
                     rows);
    }
    if (phase.kind == PhaseKind::Update) return updateTable(t);
    return {};
}

} // namespace nnp::explain_parts
