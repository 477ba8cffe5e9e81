#pragma once
// The figures that exist in the window itself: the network canvas, the output view and the training
// curves. Other views (neurons, gradients …) register theirs with MainWindow::figures() themselves.

namespace nnp {

class MainWindow;

/// Adds "canvas", "output" and "loss" to the window's figure registry.
void registerStandardFigures(MainWindow *window);

} // namespace nnp
