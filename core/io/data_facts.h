#pragma once
// What the fit checks (core/train/fit_check.h) need to know about a project's data, read cheaply enough for
// the app to check a network before Play: generated data and CSV files; IDX images (tens of MB) are left to
// the run, which checks them as it loads them.

#include "io/project.h"
#include "train/fit_check.h"

#include <filesystem>
#include <optional>

namespace nnp {

/// The facts of the project's data (paths relative to `baseDir`), or nothing for IDX data or data that
/// cannot be read (the run reports why).
std::optional<DataFacts> readDataFacts(const Project &project, const std::filesystem::path &baseDir);

} // namespace nnp
