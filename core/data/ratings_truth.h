#pragma once
// The hidden tastes behind the ratings generator's data (issue 11): when a dataset is exactly what
// generateRatings(RatingsConfig{}) wrote (the shipped samples/datasets/ratings/ratings.csv, read with user
// and item as id columns), the generator knows each user's and item's true 2-D taste, which the embedding
// map shows beside the learned vectors.

#include "data/csv.h"
#include "data/dataset.h"
#include "data/generators.h"

#include <optional>

namespace nnp {

/// The generator's ratings when `full` (as loaded, with `schema`) holds exactly the ratings of
/// generateRatings(RatingsConfig{}) in their order: id columns "user" and "item" whose cells are the
/// numbers, the target "liked"; else empty.
std::optional<Ratings> defaultRatingsBehind(const Dataset &full, const CsvSchema &schema);

/// The hidden taste of id `id` of the schema's id column `column` ("user" or "item": the cell's value is
/// the number), or empty (another column, an unknown id).
std::optional<Eigen::Vector2d> hiddenTaste(const Ratings &ratings, const CsvSchema &schema,
                                           const std::string &column, int id);

} // namespace nnp
