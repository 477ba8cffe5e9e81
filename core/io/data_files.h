#pragma once
// The data files a project reads, and a copy of a project that carries them: "Save lesson for students"
// writes the project and every data file it reads into one folder, with relative paths, so the folder
// opens anywhere (a teacher hands it out, a student moves it).

#include "io/project.h"

#include <array>
#include <filesystem>
#include <string>

namespace nnp {

/// Every data path field of a project (CSV file and test file, IDX images and labels and their test files);
/// unused ones are empty. The one list the path rules (saveProject, rebaseDataPaths, saveWithData) walk.
std::array<std::string *, 6> dataPathFields(Project &project);

/// Writes `project` (its relative data paths relative to `fromDir`) to `folder/fileName`, and copies each
/// data file it reads into `folder/data/` (named as it was; a second file of the same name gets a number),
/// unless it lies in or under `folder` already. The stored paths are relative to the folder, by the rule of
/// storedDataPath. Creates the folder when needed. Returns the project file written. Throws ProjectError when
/// a data file is missing or cannot be copied, or the project cannot be written.
std::filesystem::path saveWithData(const Project &project, const std::filesystem::path &fromDir,
                                   const std::filesystem::path &folder, const std::string &fileName);

} // namespace nnp
