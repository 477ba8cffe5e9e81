#pragma once
// Internal to the project reader: the "trained" block (normaliser, CSV schema, weights and the run state that
// goes with them) and the "history" (project_run_reader.cpp).

#include "io/json_cursor.h"
#include "io/project.h"

#include <vector>

namespace nnp::io {

/// Reads "trained" into `p`, whose graph has been read; checks the weights against the graph.
void readTrained(const JsonCursor &c, Project &p);

/// Reads "history": one record per epoch.
std::vector<EpochRecord> readHistory(const JsonCursor &c);

} // namespace nnp::io
