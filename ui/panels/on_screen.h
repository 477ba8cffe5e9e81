#pragma once
// Whether a view can be seen. QWidget::isVisible() is not it for a dock behind another tab: Qt moves such a
// dock out of sight (negative coordinates) but leaves it "visible" and only emits visibilityChanged(false).
// Live views that cost the training thread work (layer statistics, confusion matrix, probe, feature maps,
// the runs comparison) are computed and drawn only while they can be seen.

class QWidget;

namespace nnp {

/// Shown, and some part of it is inside its window: not a tab in the background, not hidden.
[[nodiscard]] bool onScreen(const QWidget *widget);

} // namespace nnp
