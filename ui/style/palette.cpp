#include "style/palette.h"
#include "training/training_snapshot.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace nnp {

namespace {
// Okabe & Ito, "Color Universal Design" (2008), reordered so that the first two are the diverging ends.
constexpr std::array<QRgb, 8> kOkabeIto = {0xE69F00, 0x0072B2, 0x009E73, 0xCC79A7,
                                           0xD55E00, 0x56B4E9, 0xF0E442, 0x000000};
constexpr double kSmoothWash = 0.55;   // how much lighter than the points the smooth background is
constexpr double kDiscreteWash = 0.65; // flat areas are lighter still, so the points stand out

QColor mix(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

/// The probabilities of one cell as the class colours blended, washed out where the network is unsure.
QColor blendClasses(const float *p, int classes)
{
    double r = 0, g = 0, b = 0, best = 0, sum = 0;
    for (int k = 0; k < classes; ++k) {
        const QColor c = classColor(k);
        const double w = std::clamp(double(p[k]), 0.0, 1.0);
        r += w * c.redF();
        g += w * c.greenF();
        b += w * c.blueF();
        best = std::max(best, w);
        sum += w;
    }
    sum = std::max(sum, 1e-9);
    const QColor blended = QColor::fromRgbF(static_cast<float>(std::clamp(r / sum, 0.0, 1.0)),
                                            static_cast<float>(std::clamp(g / sum, 0.0, 1.0)),
                                            static_cast<float>(std::clamp(b / sum, 0.0, 1.0)));
    const double chance = 1.0 / classes;
    return mix(Qt::white, blended, (best / sum - chance) / (1.0 - chance));
}

int argmax(const float *p, int classes)
{
    return static_cast<int>(std::max_element(p, p + classes) - p);
}
} // namespace

QColor classColor(int k)
{
    return QColor(kOkabeIto[static_cast<std::size_t>(std::abs(k)) % kOkabeIto.size()]);
}

QColor divergingColor(double v)
{
    if (!std::isfinite(v)) return QColor(Qt::gray);
    v = std::clamp(v, -1.0, 1.0);
    return v < 0 ? mix(Qt::white, classColor(0), -v) : mix(Qt::white, classColor(1), v);
}

QColor lighten(const QColor &c, double amount)
{
    return mix(c, Qt::white, amount);
}

QImage renderBoundary(const BoundaryGrid &grid, bool discrete)
{
    const int n = grid.size;
    QImage img(n, n, QImage::Format_RGB32);
    if (n <= 0) return img;
    const int stride = grid.classes > 0 ? grid.classes : 1;
    if (grid.values.size() <
        static_cast<std::size_t>(n) * static_cast<std::size_t>(n) * static_cast<std::size_t>(stride)) {
        img.fill(Qt::white);
        return img;
    }
    for (int r = 0; r < n; ++r) {
        auto *line = reinterpret_cast<QRgb *>(img.scanLine(r));
        for (int c = 0; c < n; ++c) {
            const float *v =
                grid.values.data() + static_cast<std::size_t>(r * n + c) * static_cast<std::size_t>(stride);
            QColor color;
            if (grid.classes == 0) {
                const double x = discrete ? (v[0] >= 0 ? 1.0 : -1.0) : double(v[0]);
                color = lighten(divergingColor(x), discrete ? kDiscreteWash : kSmoothWash);
            } else if (grid.classes == 2) {
                const double p1 = double(v[1]);
                const double x = discrete ? (p1 >= 0.5 ? 1.0 : -1.0) : 2.0 * p1 - 1.0;
                color = lighten(divergingColor(x), discrete ? kDiscreteWash : kSmoothWash);
            } else if (discrete) {
                color = lighten(classColor(argmax(v, grid.classes)), kDiscreteWash);
            } else {
                color = lighten(blendClasses(v, grid.classes), kSmoothWash);
            }
            line[c] = color.rgb();
        }
    }
    return img;
}

} // namespace nnp
