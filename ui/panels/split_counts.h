#pragma once
// The rows of each split, in words, for the data panel: what a run will train, validate and test on, and
// what a CSV's missing-value policy did.

#include "io/project.h"

#include <QString>

namespace nnp {

struct DataCounts {
    /// "120 training · 0 validation · 30 test rows" for generated data and CSV files (up to 32 MB, read
    /// whole: the counts of a stratified split depend on every row; with a CSV's test file or split column,
    /// as they decide); IDX images and larger files: a sentence saying the counts come when training starts;
    /// unreadable data: empty (the preview says why).
    QString rows;
    /// A CSV's missing values: "Rows left out for a missing value: 3.", "Missing cells filled: 5.", "No cell
    /// is missing."; empty when unknown (not counted, or the policy refuses them).
    QString missing;
};

DataCounts dataCounts(const DataSource &source, const Preprocessing &pre, const QString &baseDir);
/// dataCounts(…).rows
QString splitCountsText(const DataSource &source, const Preprocessing &pre, const QString &baseDir);

} // namespace nnp
