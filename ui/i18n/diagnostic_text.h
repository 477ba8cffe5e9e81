#pragma once
// A graph diagnostic as the UI shows it: its template and its values translated ("Diagnostics", with layer
// titles from "LayerCatalog" and option labels from "LayerOptions"). Every view that shows a diagnostic uses
// this, never Diagnostic::message() (the English text the CLI prints).

#include "graph/validator.h"

#include <QString>

namespace nnp {

/// "全连接层“hidden1”没有输入——请给它连接一个层。" under zh_CN; without a translation, the English text
/// (where a layer is named by its title, "Batch norm", rather than its name in files).
QString diagnosticText(const Diagnostic &d);

} // namespace nnp
