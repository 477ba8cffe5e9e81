#pragma once
// The colours of the output view, the data preview and the images the training worker renders: one
// colour-blind-safe set (Okabe & Ito, 2008) for classes, and the playground's diverging orange / white / blue
// for two classes and regression values.

#include <QColor>
#include <QImage>

namespace nnp {

struct BoundaryGrid;

/// Colour of class k (wraps after the eight Okabe–Ito colours). Class 0 is orange and class 1 blue, the
/// two ends of the diverging scale, so a binary problem looks the same in both schemes.
QColor classColor(int k);
/// v in [-1, 1]: orange (−1) through white (0) to blue (+1); clamped.
QColor divergingColor(double v);
/// A colour washed towards white by `amount` in [0, 1] (backgrounds stay lighter than the points on them).
QColor lighten(const QColor &c, double amount);

/// Paints a boundary grid into an image of grid.size² pixels: probabilities blended into class colours
/// (binary: the diverging scale) or regression values on the diverging scale; `discrete` paints only the
/// winning class (or the sign of the value).
QImage renderBoundary(const BoundaryGrid &grid, bool discrete);

} // namespace nnp
