#pragma once
// The explain panel's building blocks, shared by its sections: reading numbers out of the Trace, small HTML
// pieces (sub-/superscripts, tables, formulas), and the per-layer tables under each phase.

#include "explain/explain_model.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace nnp::explain_parts {

const ParamTrace *paramOf(const NodeTrace *nt, const char *name);
/// "<i>w</i><sub>12</sub>"
QString sub(const QString &symbol, const QString &index);
/// 1-based index text.
QString idx(int i);
/// "12" for row 0, column 1 (1-based, as the formulas write indices).
QString pair(int j, int i);
/// m(r, c), NaN outside the matrix.
double at(const Matrix &m, int r, int c);
int sampleCount(const Trace &t);
/// The Trace of the picture's column `column`, or null.
const NodeTrace *nodeOf(const NetworkPicture &pic, const Trace &t, int column);
/// The inputs a Dense node received for sample n, row i.
double inputOf(const NodeTrace *nt, int i, int n);
bool isOutputColumn(const NetworkPicture &pic, const Trace &t, int column);
/// f'(z) written in terms of a and z, empty when it has no short form.
QString fPrime(ActivationKind f);
/// A number as the second factor of a product: negative ones in parentheses, "0.5 · (−2)".
QString factor(double v);
QString table(const QStringList &header, const std::vector<QStringList> &rows);
QString formula(const QString &text);
/// The table under a phase: the layer's z and a (forward), δ and ∂E/∂b (backward), every parameter (update).
QString layerTable(const NetworkPicture &pic, const Trace &t, const Phase &phase);

} // namespace nnp::explain_parts
