#pragma once
// The high-contrast palette of presentation mode: black on white, strong frames and selection, so that a
// projector in a lit room still shows every control.

#include <QPalette>

namespace nnp {

[[nodiscard]] QPalette highContrastPalette();

} // namespace nnp
