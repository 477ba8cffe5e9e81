#pragma once
// A typed row's problem (the probe's row of raw values) as the user reads it, in the interface language.

#include "io/typed_row.h"

#include <QString>

namespace nnp {

/// "“alcohol” is a number column; “abc” is not a number." — checkTypedRow's finding, translated.
QString typedRowProblemText(const TypedRowProblem &p);

} // namespace nnp
