#include "init/init.h"

#include <cmath>

namespace nnp {

void initializeWeights(Matrix &w, InitKind kind, int fanIn, int fanOut, Rng &rng)
{
    initializeWeights(w, kind, fanOut, fanIn, fanIn, fanOut, rng);
}

void initializeWeights(Matrix &w, InitKind kind, Eigen::Index rows, Eigen::Index cols, double fanIn,
                       double fanOut, Rng &rng)
{
    w.resize(rows, cols);
    const double fanSum = fanIn + fanOut;
    auto fill = [&](auto draw) {
        for (Eigen::Index r = 0; r < w.rows(); ++r)
            for (Eigen::Index c = 0; c < w.cols(); ++c)
                w(r, c) = static_cast<Scalar>(draw());
    };
    switch (kind) {
    case InitKind::Uniform05:
        fill([&] { return rng.uniform(-0.5, 0.5); });
        break;
    case InitKind::GlorotUniform: {
        const double limit = std::sqrt(6.0 / fanSum);
        fill([&] { return rng.uniform(-limit, limit); });
        break;
    }
    case InitKind::GlorotNormal: {
        const double sd = std::sqrt(2.0 / fanSum);
        fill([&] { return rng.normal(0.0, sd); });
        break;
    }
    case InitKind::HeUniform: {
        const double limit = std::sqrt(6.0 / fanIn);
        fill([&] { return rng.uniform(-limit, limit); });
        break;
    }
    case InitKind::HeNormal: {
        const double sd = std::sqrt(2.0 / fanIn);
        fill([&] { return rng.normal(0.0, sd); });
        break;
    }
    case InitKind::Zeros:
        w.setZero();
        break;
    }
}

} // namespace nnp
