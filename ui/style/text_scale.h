#pragma once
// One scale factor for the text the views draw themselves (presentation mode sets it; 1 otherwise). Widgets
// that take their font from QApplication follow the application font; views that paint with sizes of their
// own (the neuron view, the confusion matrix) read this factor so that their text grows with everything else.

namespace nnp {

/// The current text scale (1 = the desktop's size; presentation mode: 1.0 … 2.5).
[[nodiscard]] double textScale();
/// Sets the factor (clamped to [1, 2.5]); the caller repaints.
void setTextScale(double factor);

} // namespace nnp
