#pragma once
// The rows of each split, in words, for the data panel: what a run will train, validate and test on.

#include "io/project.h"

#include <QString>

namespace nnp {

/// "120 training · 0 validation · 30 test rows" for generated data and CSV files (up to 32 MB, read whole:
/// the counts of a stratified split depend on every row); IDX images and larger files: a sentence saying the
/// counts come when training starts; unreadable data: empty (the preview says why).
QString splitCountsText(const DataSource &source, const Preprocessing &pre, const QString &baseDir);

} // namespace nnp
