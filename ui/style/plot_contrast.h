#pragma once
// The high-contrast option for plots (presentation mode): the widget palette alone leaves QCustomPlot's thin
// pastel lines and grey axes as they are, which a projector in a lit room washes out. With it on, a plot
// gets a white plotting area, black axes, grid and text, and thick lines in a colour-blind-safe palette;
// turned off, every pen, colour and brush it changed comes back as it was.

#include <QColor>

class QCustomPlot;

namespace nnp {

/// Series colour k of the high-contrast plots: Okabe and Ito's colour-blind-safe palette (blue, vermilion,
/// bluish green, reddish purple, orange, sky blue, black), cycling.
[[nodiscard]] QColor highContrastSeriesColor(int k);

/// Line width of a series in high contrast: at least 3 px, twice its own.
[[nodiscard]] double highContrastLineWidth(double width);

/// Turns the high-contrast style of `plot` on or off (idempotent). While on, series the plot adds later get
/// the style at its next replot.
void setPlotHighContrast(QCustomPlot *plot, bool on);

[[nodiscard]] bool plotHighContrast(const QCustomPlot *plot);

} // namespace nnp
