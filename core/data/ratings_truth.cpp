#include "data/ratings_truth.h"

#include <charconv>
#include <string>

namespace nnp {

namespace {

const CsvColumn *idColumn(const CsvSchema &schema, const std::string &name, int *row)
{
    for (std::size_t i = 0; i < schema.features.size(); ++i)
        if (schema.features[i].name == name && schema.features[i].ids) {
            *row = static_cast<int>(i);
            return &schema.features[i];
        }
    return nullptr;
}

/// The number an id of an id column stands for (its cell), or −1.
int numberOf(const CsvColumn &c, int id)
{
    if (id < 1 || id > static_cast<int>(c.categories.size())) return -1;
    const std::string &cell = c.categories[static_cast<std::size_t>(id - 1)];
    int v = -1;
    const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
    return ec == std::errc() && end == cell.data() + cell.size() ? v : -1;
}

} // namespace

std::optional<Ratings> defaultRatingsBehind(const Dataset &full, const CsvSchema &schema)
{
    const RatingsConfig config{};
    int userRow = -1, itemRow = -1;
    const CsvColumn *users = idColumn(schema, "user", &userRow), *items = idColumn(schema, "item", &itemRow);
    // Every feature column is one of the two (one row each), and the target is "liked" with classes 0, 1.
    if (!users || !items || schema.features.size() != 2 || schema.target.name != "liked") return std::nullopt;
    if (full.x.rows() != 2 || full.x.cols() != config.ratings ||
        full.labels.size() != static_cast<std::size_t>(config.ratings) || full.classNames.size() != 2)
        return std::nullopt;
    Ratings r = generateRatings(config);
    for (Eigen::Index k = 0; k < full.x.cols(); ++k) {
        const auto n = static_cast<std::size_t>(k);
        if (numberOf(*users, static_cast<int>(full.x(userRow, k))) != r.user[n] ||
            numberOf(*items, static_cast<int>(full.x(itemRow, k))) != r.item[n] ||
            full.classNames[static_cast<std::size_t>(full.labels[n])] != std::to_string(r.liked[n]))
            return std::nullopt;
    }
    return r;
}

std::optional<Eigen::Vector2d> hiddenTaste(const Ratings &ratings, const CsvSchema &schema,
                                           const std::string &column, int id)
{
    int row = -1;
    const CsvColumn *c = idColumn(schema, column, &row);
    if (!c) return std::nullopt;
    const Matrix &tastes = column == "user"   ? ratings.userTastes
                           : column == "item" ? ratings.itemTastes
                                              : Matrix();
    const int number = numberOf(*c, id);
    if (number < 1 || number > tastes.cols()) return std::nullopt;
    return Eigen::Vector2d(static_cast<double>(tastes(0, number - 1)),
                           static_cast<double>(tastes(1, number - 1)));
}

} // namespace nnp
