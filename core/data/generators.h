#pragma once
// Built-in 2-D datasets: TensorFlow Playground's four classifications and two regressions, plus more.

#include "data/dataset.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnp {

enum class GeneratorKind {
    Circle,        ///< 2 classes: inside / outside a circle (playground)
    Xor,           ///< 2 classes: sign of x1·x2 (playground)
    Gaussian,      ///< 2 classes: two Gaussian blobs (playground)
    Spiral,        ///< 2 classes: two interleaved spirals (playground)
    Plane,         ///< regression: a tilted plane (playground)
    MultiGaussian, ///< regression: a sum of Gaussian bumps (playground)
    TwoMoons,      ///< 2 classes: interleaving half circles
    Checkerboard,  ///< 2 classes: 4x4 checkerboard
    Spiral3,       ///< 3 classes: three interleaved spirals
};

struct GeneratorConfig {
    GeneratorKind kind = GeneratorKind::Circle;
    int samples = 500;  ///< 1 .. 1,000,000
    double noise = 0.0; ///< 0 .. 0.5 (the playground's 0–50 %)
    std::uint64_t seed = 1;
    bool operator==(const GeneratorConfig &) const = default;
};

/// Engineered inputs computed from (x1, x2), in this order, as TensorFlow Playground offers them.
struct FeatureConfig {
    bool x1 = true, x2 = true, x1Squared = false, x2Squared = false, x1x2 = false, sinX1 = false,
         sinX2 = false;
    [[nodiscard]] int count() const;
    bool operator==(const FeatureConfig &) const = default;
};

/// Points lie in [-6, 6]² as in the playground (tensorflow/playground src/dataset.ts; its +1/-1 labels are
/// classes 1/0 here, 0/1/2 for Spiral3). Regression targets: multi-Gaussian in [-1, 1]; plane (x1 + x2)/10 as
/// in the playground, so up to ±1.2 without noise. The same config always gives the same points, in a fixed
/// order (class by class). Throws DataError for an out-of-range sample count or noise.
Dataset generate(const GeneratorConfig &config);
/// The dataset's two raw coordinates turned into the selected features (names "x1", "x1^2", "sin(x1)" ...).
Dataset withFeatures(const Dataset &plane, const FeatureConfig &features);
/// Features for arbitrary points [2 x N] (the boundary grid, the probe).
Matrix engineerFeatures(const Matrix &points, const FeatureConfig &features);

/// Ratings from hidden tastes (issue 11), for recommenders: every user and every item has a 2-D taste vector
/// drawn from N(0, I); a user likes an item with probability p = σ(sharpness·⟨u, i⟩ + noise·z), where z ~
/// N(0, 1) is fixed per (user, item) pair (a quirk no taste explains). Each rating picks a user and an item
/// uniformly and draws liked ~ Bernoulli(p). The same config always gives the same ratings.
struct RatingsConfig {
    int users = 200;        ///< ids 1 … users
    int items = 100;        ///< ids 1 … items
    int ratings = 8000;     ///< rows
    double sharpness = 3.0; ///< k: how strongly tastes decide
    double noise = 0.5;     ///< the pair quirk's standard deviation (on the logit)
    std::uint64_t seed = 1;
};

struct Ratings {
    std::vector<int> user, item, liked; ///< one entry per rating; ids from 1
    Matrix userTastes;                  ///< [2 x users]: column u − 1 is user u's hidden taste
    Matrix itemTastes;                  ///< [2 x items]
    std::vector<double> probability;    ///< the true P(liked) of each rating's pair

    /// The best accuracy any model can expect on these ratings: the mean of max(p, 1 − p), what predicting
    /// the likelier answer from the true probabilities scores on average. `rows` (indices) limits it to a
    /// split; empty: every rating.
    [[nodiscard]] double bayesAccuracy(const std::vector<int> &rows = {}) const;
    /// "user,item,liked" and one line per rating.
    [[nodiscard]] std::string csv() const;
};

/// Throws DataError for sizes outside 1 … 1,000,000 (ratings) or 1 … 100,000 (users, items).
Ratings generateRatings(const RatingsConfig &config);

/// The sequence task of the "vanishing gradients" samples: `steps` steps of 4 features, time-major per sample
/// ([steps, 4]). Step 0 carries a marker (feature 0 = 1) and the class as −1 or +1 (feature 1); features 0
/// and 1 are zero at every later step; features 2 and 3 are Gaussian noise (standard deviation `noise`) at
/// every step. The class (0 or 1, each with probability ½) must be carried through the whole sequence.
struct SequenceMemoryConfig {
    int samples = 1200; ///< 1 .. 1,000,000
    int steps = 25;     ///< 1 .. 10,000
    double noise = 2.0; ///< 0 .. 100
    std::uint64_t seed = 1;
};
/// The same config always gives the same sequences (nnp::Rng). Throws DataError for out-of-range values.
Dataset generateSequenceMemory(const SequenceMemoryConfig &config);

bool isRegression(GeneratorKind k);
/// "circle", "xor", "gaussian", "spiral", "plane", "multi_gaussian", "two_moons", "checkerboard", "spiral3"
std::string_view toString(GeneratorKind k);
/// Case-insensitive; '-', ' ' and '_' are interchangeable or may be left out ("Two moons", "multigaussian").
std::optional<GeneratorKind> generatorFromString(std::string_view s);
const std::vector<GeneratorKind> &allGenerators();

} // namespace nnp
