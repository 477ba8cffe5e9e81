#pragma once
// Internal to the project reader and writer: the names version 1 of the file format uses.

#include "data/dataset.h"
#include "data/generators.h"
#include "io/project.h"

#include "io/json_cursor.h"

#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace nnp::io {

/// Normaliser values are stored as JSON numbers and read back as float32: any finite float is valid.
inline constexpr double kMaxFloat = 3.4028234663852886e38; // FLT_MAX

/// Empty when every value of `t` is a finite float, else where the first one that is not lies:
/// `the tensor "weight" of node 3 "output" holds NaN at index 1` (the node named from `graph`).
std::string nonFiniteValue(const StoredTensor &t, const GraphSpec &graph);

/// The names the reader accepts, for its messages.
inline const std::vector<std::string_view> kNormalizationNames{"none", "zscore", "minmax", "pixels"};
inline const std::vector<std::string_view> kSourceNames{"generator", "csv", "idx"};
inline const std::vector<std::string_view> kTaskNames{"classification", "regression"};

/// Engineered generator features, in FeatureConfig order, as the file names them.
inline constexpr std::array<std::pair<bool FeatureConfig::*, std::string_view>, 7> kFeatureNames{{
    {&FeatureConfig::x1, "x1"},
    {&FeatureConfig::x2, "x2"},
    {&FeatureConfig::x1Squared, "x1^2"},
    {&FeatureConfig::x2Squared, "x2^2"},
    {&FeatureConfig::x1x2, "x1*x2"},
    {&FeatureConfig::sinX1, "sin(x1)"},
    {&FeatureConfig::sinX2, "sin(x2)"},
}};

inline std::string_view toString(DataSourceKind k)
{
    switch (k) {
    case DataSourceKind::Generator:
        return "generator";
    case DataSourceKind::Csv:
        return "csv";
    case DataSourceKind::Idx:
        return "idx";
    }
    return "?";
}

inline std::optional<DataSourceKind> dataSourceFromString(std::string_view s)
{
    for (auto k : {DataSourceKind::Generator, DataSourceKind::Csv, DataSourceKind::Idx})
        if (toString(k) == s) return k;
    return std::nullopt;
}

inline std::string_view toString(TaskKind k)
{
    return k == TaskKind::Regression ? "regression" : "classification";
}

inline std::optional<TaskKind> taskFromString(std::string_view s)
{
    if (s == "classification") return TaskKind::Classification;
    if (s == "regression") return TaskKind::Regression;
    return std::nullopt;
}

/// The delimiter as the file writes it: "auto" for 0 (detect), else the character itself.
inline std::string delimiterName(char c)
{
    return c == 0 ? std::string("auto") : std::string(1, c);
}

// Sanity limits: far above any real project, far below what a typo or a hostile file could make us allocate.
inline constexpr std::size_t kMaxNodes = 10'000;
inline constexpr std::size_t kMaxEdges = 100'000;
inline constexpr std::size_t kMaxTensors = 20'000;
inline constexpr std::size_t kMaxHistory = 1'000'000;
inline constexpr std::size_t kMaxNameLength = 200;
inline constexpr std::size_t kMaxDescriptionLength = 20'000;
inline constexpr std::size_t kMaxPathLength = 4096;
inline constexpr std::size_t kMaxCategories = 100'000;
inline constexpr std::size_t kMaxCsvColumns = 1'000'000;
inline constexpr int kMaxDims = 8;
inline constexpr int kMaxJsonDepth = 64;
inline constexpr std::size_t kMaxJsonValues = 20'000'000;

/// Reads a parsed version-1 document (project_reader.cpp).
Project projectFromJson(const Json &root, const std::string &file);

} // namespace nnp::io
