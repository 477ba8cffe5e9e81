#pragma once
// The one-click fixes of the classic mistakes (core/train/fit_check.h): what the button says and the edit it
// makes, one undo step each.

#include "train/fit_check.h"

#include <QString>

namespace nnp {

class GraphDocument;

/// The button's text ("Use sigmoid"); empty when the problem has no unambiguous fix.
QString fixLabel(const FitFix &fix);

/// Applies the fix to the document as one undoable step named after it. Returns false when the node it names
/// is gone (nothing is changed).
bool applyFix(GraphDocument *doc, const FitFix &fix);

} // namespace nnp
