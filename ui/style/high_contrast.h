#pragma once
// The high-contrast palette of presentation mode: black on white, strong frames and selection, so that a
// projector in a lit room still shows every control.

#include <QPalette>

namespace nnp {

[[nodiscard]] QPalette highContrastPalette();

/// Whether the window is in high contrast now (presentation mode with its option on). Views that paint with
/// colours of their own (the decision boundary's frame and points, the confusion matrix's grid and counts)
/// read it when they paint; the palette change that comes with it repaints them.
[[nodiscard]] bool highContrastActive();
/// Presentation mode's switch (ui/presentation): the palette above goes with it.
void setHighContrastActive(bool on);

} // namespace nnp
