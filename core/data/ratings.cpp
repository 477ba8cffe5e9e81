// The ratings generator (generators.h): users and items with hidden 2-D tastes.
#include "data/data_error.h"
#include "data/generators.h"

#include <algorithm>
#include <cmath>

namespace nnp {

namespace {

void checkCount(int n, int most, const char *what)
{
    if (n < 1 || n > most)
        throw DataError("The ratings generator needs between 1 and " + std::to_string(most) + " " + what +
                        ", not " + std::to_string(n) + ".");
}

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

/// The pair's quirk z ~ N(0, 1): its own stream, so it is the same however often the pair is rated.
double quirk(std::uint64_t seed, int user, int item)
{
    Rng rng(seed ^ (0x9e3779b97f4a7c15ull *
                    (static_cast<std::uint64_t>(user) * 1'000'003ull + static_cast<std::uint64_t>(item))));
    return rng.normal();
}

} // namespace

Ratings generateRatings(const RatingsConfig &c)
{
    checkCount(c.users, 100'000, "users");
    checkCount(c.items, 100'000, "items");
    checkCount(c.ratings, 1'000'000, "ratings");
    if (!(c.sharpness >= 0 && c.sharpness <= 100) || !(c.noise >= 0 && c.noise <= 10))
        throw DataError("The ratings generator needs a sharpness from 0 to 100 and a noise from 0 to 10.");
    Rng rng(c.seed);
    Ratings r;
    r.userTastes.resize(2, c.users);
    r.itemTastes.resize(2, c.items);
    for (Eigen::Index u = 0; u < c.users; ++u)
        for (Eigen::Index d = 0; d < 2; ++d)
            r.userTastes(d, u) = static_cast<Scalar>(rng.normal());
    for (Eigen::Index i = 0; i < c.items; ++i)
        for (Eigen::Index d = 0; d < 2; ++d)
            r.itemTastes(d, i) = static_cast<Scalar>(rng.normal());
    const auto n = static_cast<std::size_t>(c.ratings);
    r.user.resize(n);
    r.item.resize(n);
    r.liked.resize(n);
    r.probability.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        const int u = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(c.users)));
        const int i = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(c.items)));
        const double taste = static_cast<double>(r.userTastes.col(u - 1).dot(r.itemTastes.col(i - 1)));
        const double p = sigmoid(c.sharpness * taste + c.noise * quirk(c.seed, u, i));
        r.user[k] = u;
        r.item[k] = i;
        r.probability[k] = p;
        r.liked[k] = rng.uniform() < p ? 1 : 0;
    }
    return r;
}

double Ratings::bayesAccuracy(const std::vector<int> &rows) const
{
    double sum = 0;
    std::size_t n = 0;
    const auto add = [&](std::size_t k) {
        sum += std::max(probability[k], 1.0 - probability[k]);
        ++n;
    };
    if (rows.empty())
        for (std::size_t k = 0; k < probability.size(); ++k)
            add(k);
    else
        for (int k : rows)
            add(static_cast<std::size_t>(k));
    return n ? sum / static_cast<double>(n) : 0.0;
}

std::string Ratings::csv() const
{
    std::string s = "user,item,liked\n";
    for (std::size_t k = 0; k < user.size(); ++k)
        s += std::to_string(user[k]) + "," + std::to_string(item[k]) + "," + std::to_string(liked[k]) + "\n";
    return s;
}

} // namespace nnp
