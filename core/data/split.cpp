#include "data/split.h"

#include "data/data_error.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace nnp {

namespace {

/// Splits `total` into parts proportional to `weights` (largest remainder; part i never exceeds weights[i]).
/// requires: 0 <= total <= sum(weights).
std::vector<int> allocate(const std::vector<int> &weights, int total)
{
    const long long sum = std::accumulate(weights.begin(), weights.end(), 0LL);
    std::vector<int> parts(weights.size(), 0);
    if (sum == 0 || total <= 0) return parts;
    std::vector<std::pair<long long, std::size_t>> remainders; // (remainder numerator, index)
    int given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const long long exact = static_cast<long long>(total) * weights[i]; // ideal part = exact / sum
        parts[i] = static_cast<int>(exact / sum);
        given += parts[i];
        remainders.emplace_back(exact % sum, i);
    }
    // Largest remainders first; ties go to the earlier class so that the result depends on nothing else.
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (std::size_t k = 0; given < total && k < remainders.size(); ++k) {
        if (remainders[k].first == 0) break;
        ++parts[remainders[k].second];
        ++given;
    }
    return parts;
}

int roundedCount(double fraction, int n)
{
    return static_cast<int>(std::llround(fraction * n));
}

} // namespace

SplitIndices splitDataset(const Dataset &d, const SplitConfig &config)
{
    const auto fractionOk = [](double f) { return std::isfinite(f) && f >= 0.0 && f < 1.0; };
    if (!fractionOk(config.validation) || !fractionOk(config.test))
        throw DataError("Split fractions must lie in [0, 1): validation " +
                        std::to_string(config.validation) + ", test " + std::to_string(config.test) + ".");
    if (config.validation + config.test >= 1.0)
        throw DataError("The validation and test fractions add up to " +
                        std::to_string(config.validation + config.test) +
                        ", which leaves no training sample.");
    const int n = d.size();
    if (n == 0) throw DataError("Cannot split an empty dataset.");

    int nTest = roundedCount(config.test, n);
    int nVal = roundedCount(config.validation, n);
    // Rounding can take the last sample away from training on tiny sets; training keeps at least one.
    while (nTest + nVal > n - 1) {
        if (nVal > 0)
            --nVal;
        else
            --nTest;
    }

    const bool stratify = config.stratify && d.task == TaskKind::Classification &&
                          d.labels.size() == static_cast<std::size_t>(n) && d.classes > 0;
    // Groups of sample indices: one per class when stratifying, else one for everything.
    std::vector<std::vector<int>> groups(stratify ? static_cast<std::size_t>(d.classes) : 1);
    for (int i = 0; i < n; ++i) {
        std::size_t g = 0;
        if (stratify) {
            const int label = d.labels[static_cast<std::size_t>(i)];
            if (label < 0 || label >= d.classes)
                throw DataError("Sample " + std::to_string(i) + " has label " + std::to_string(label) +
                                ", outside 0.." + std::to_string(d.classes - 1) + ".");
            g = static_cast<std::size_t>(label);
        }
        groups[g].push_back(i);
    }

    Rng rng(config.seed);
    for (auto &g : groups)
        rng.shuffle(g.begin(), g.end());

    std::vector<int> sizes;
    for (const auto &g : groups)
        sizes.push_back(static_cast<int>(g.size()));
    const std::vector<int> testParts = allocate(sizes, nTest);
    std::vector<int> rest(sizes.size());
    for (std::size_t k = 0; k < sizes.size(); ++k)
        rest[k] = sizes[k] - testParts[k];
    const std::vector<int> valParts = allocate(rest, nVal);

    SplitIndices s;
    for (std::size_t k = 0; k < groups.size(); ++k) {
        const auto &g = groups[k];
        const auto t = static_cast<std::ptrdiff_t>(testParts[k]),
                   v = static_cast<std::ptrdiff_t>(valParts[k]);
        s.test.insert(s.test.end(), g.begin(), g.begin() + t);
        s.validation.insert(s.validation.end(), g.begin() + t, g.begin() + t + v);
        s.train.insert(s.train.end(), g.begin() + t + v, g.end());
    }
    std::sort(s.train.begin(), s.train.end());
    std::sort(s.validation.begin(), s.validation.end());
    std::sort(s.test.begin(), s.test.end());
    return s;
}

Dataset subset(const Dataset &d, const std::vector<int> &indices)
{
    for (int i : indices)
        if (i < 0 || i >= d.size())
            throw std::invalid_argument("subset: sample index " + std::to_string(i) + " is outside 0.." +
                                        std::to_string(d.size() - 1) + ".");
    Dataset out;
    out.name = d.name;
    out.task = d.task;
    out.classes = d.classes;
    out.featureNames = d.featureNames;
    out.classNames = d.classNames;
    out.targetNames = d.targetNames;
    out.sampleShape = d.sampleShape;
    const auto m = static_cast<Eigen::Index>(indices.size());
    out.x.resize(d.x.rows(), m);
    const bool hasLabels = d.labels.size() == static_cast<std::size_t>(d.size());
    const bool hasTargets = d.targets.cols() == d.x.cols() && d.targets.rows() > 0;
    if (hasTargets) out.targets.resize(d.targets.rows(), m);
    for (Eigen::Index j = 0; j < m; ++j) {
        const int i = indices[static_cast<std::size_t>(j)];
        out.x.col(j) = d.x.col(i);
        if (hasLabels) out.labels.push_back(d.labels[static_cast<std::size_t>(i)]);
        if (hasTargets) out.targets.col(j) = d.targets.col(i);
    }
    return out;
}

} // namespace nnp
