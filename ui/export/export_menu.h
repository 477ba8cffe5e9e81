#pragma once
// File > Export ▸ (ONNX, PyTorch, Keras, Weights, Data, Figure) and File > Import ONNX….

#include <QString>

namespace nnp {

class MainWindow;

/// Adds the Export submenu and Import ONNX… to the window's File menu (actions "actionExportOnnx",
/// "actionExportPytorch", "actionExportKeras", "actionExportWeights", "actionExportData",
/// "actionExportFigure", "actionImportOnnx"). The dialogs open window-modal and delete themselves.
void installExportMenu(MainWindow *window);

/// Imports an ONNX file as a new, unsaved project with its weights (the menu asks about unsaved changes
/// first). On failure shows why (MainWindow::lastError) and keeps the current project. Returns whether it
/// imported.
bool importOnnxProject(MainWindow *window, const QString &path);

} // namespace nnp
