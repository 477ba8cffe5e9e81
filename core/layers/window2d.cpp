#include "layers/window2d.h"

#include <algorithm>

namespace nnp {

std::string_view toString(Padding p)
{
    return p == Padding::Same ? "same" : "valid";
}

std::optional<Padding> ChoiceNames<Padding>::parse(std::string_view s)
{
    if (s == "valid") return Padding::Valid;
    if (s == "same") return Padding::Same;
    return std::nullopt;
}

std::vector<std::string> ChoiceNames<Padding>::all()
{
    return {"valid", "same"};
}

namespace {

int first(const std::vector<int> &v, int def)
{
    return v.empty() ? def : v.front();
}
int second(const std::vector<int> &v, int def)
{
    return v.size() > 1 ? v[1] : first(v, def);
}

/// One axis: the output length and the padding before and after (Keras/TensorFlow's rule).
void placeAxis(long long in, int k, int s, int d, Padding p, int &out, int &before, int &after)
{
    const long long span = static_cast<long long>(k - 1) * d + 1;
    before = after = 0;
    if (p == Padding::Valid) {
        out = in >= span ? static_cast<int>((in - span) / s + 1) : 0;
        return;
    }
    out = static_cast<int>((in + s - 1) / s);
    const long long total = std::max<long long>((static_cast<long long>(out) - 1) * s + span - in, 0);
    before = static_cast<int>(total / 2);
    after = static_cast<int>(total - before);
}

} // namespace

WindowGeometry windowGeometry(const Shape &in, const WindowOptions &w)
{
    WindowGeometry g;
    if (in.dims.size() != 3) return g;
    g.channels = in.dims[0];
    g.height = in.dims[1];
    g.width = in.dims[2];
    g.kh = first(w.size, 1);
    g.kw = second(w.size, 1);
    g.sh = first(w.stride, 1);
    g.sw = second(w.stride, 1);
    g.dh = first(w.dilation, 1);
    g.dw = second(w.dilation, 1);
    placeAxis(g.height, g.kh, g.sh, g.dh, w.padding, g.outHeight, g.padTop, g.padBottom);
    placeAxis(g.width, g.kw, g.sw, g.dw, w.padding, g.outWidth, g.padLeft, g.padRight);
    if (g.outHeight <= 0 || g.outWidth <= 0) g.outHeight = g.outWidth = 0;
    return g;
}

std::string windowText(const std::vector<int> &size)
{
    const int h = first(size, 1), w = second(size, 1);
    return std::to_string(h) + "×" + std::to_string(w);
}

namespace {

/// The output columns [lo, hi) of a row whose kernel tap at column offset `tap` (j·dw − padLeft) lands inside
/// the image: lo is the first with 0 ≤ ox·sw + tap, hi one past the last with ox·sw + tap < width.
void insideRange(const WindowGeometry &g, int tap, int &lo, int &hi)
{
    lo = tap >= 0 ? 0 : (-tap + g.sw - 1) / g.sw;
    hi = g.width - tap <= 0 ? 0 : std::min(g.outWidth, (g.width - tap - 1) / g.sw + 1);
    lo = std::min(lo, g.outWidth);
    hi = std::max(hi, lo);
}

} // namespace

void imageToColumns(const WindowGeometry &g, const Matrix &x, Eigen::Index first, Eigen::Index count,
                    Eigen::Ref<Matrix> cols)
{
    // Row by row: the window's tap (i, j) reads a stretch of one image row, contiguous when the stride is 1;
    // only the ends that fall into the padding are zero.
    const Eigen::Index P = g.outPlane();
    for (Eigen::Index s = 0; s < count; ++s) {
        const Scalar *img = x.col(first + s).data();
        for (int c = 0; c < g.channels; ++c)
            for (int i = 0; i < g.kh; ++i)
                for (int j = 0; j < g.kw; ++j) {
                    Scalar *out = cols.col((c * g.kh + i) * g.kw + j).data() + s * P;
                    const int tap = j * g.dw - g.padLeft;
                    int lo, hi;
                    insideRange(g, tap, lo, hi);
                    for (int oy = 0; oy < g.outHeight; ++oy) {
                        const int y = oy * g.sh - g.padTop + i * g.dh;
                        Scalar *row = out + static_cast<Eigen::Index>(oy) * g.outWidth;
                        if (y < 0 || y >= g.height) {
                            std::fill(row, row + g.outWidth, Scalar(0));
                            continue;
                        }
                        const Scalar *src = img + (static_cast<Eigen::Index>(c) * g.height + y) * g.width;
                        std::fill(row, row + lo, Scalar(0));
                        if (g.sw == 1)
                            std::copy(src + (lo + tap), src + (hi + tap), row + lo);
                        else
                            for (int ox = lo; ox < hi; ++ox)
                                row[ox] = src[ox * g.sw + tap];
                        std::fill(row + hi, row + g.outWidth, Scalar(0));
                    }
                }
    }
}

void columnsToImage(const WindowGeometry &g, const Eigen::Ref<const Matrix> &cols, Eigen::Index first,
                    Eigen::Index count, Matrix &dx)
{
    const Eigen::Index P = g.outPlane();
    for (Eigen::Index s = 0; s < count; ++s) {
        Scalar *img = dx.col(first + s).data();
        for (int c = 0; c < g.channels; ++c)
            for (int i = 0; i < g.kh; ++i)
                for (int j = 0; j < g.kw; ++j) {
                    const Scalar *in = cols.col((c * g.kh + i) * g.kw + j).data() + s * P;
                    const int tap = j * g.dw - g.padLeft;
                    int lo, hi;
                    insideRange(g, tap, lo, hi);
                    for (int oy = 0; oy < g.outHeight; ++oy) {
                        const int y = oy * g.sh - g.padTop + i * g.dh;
                        if (y < 0 || y >= g.height) continue;
                        const Scalar *row = in + static_cast<Eigen::Index>(oy) * g.outWidth;
                        Scalar *dst = img + (static_cast<Eigen::Index>(c) * g.height + y) * g.width;
                        if (g.sw == 1)
                            for (int ox = lo; ox < hi; ++ox)
                                dst[ox + tap] += row[ox];
                        else
                            for (int ox = lo; ox < hi; ++ox)
                                dst[ox * g.sw + tap] += row[ox];
                    }
                }
    }
}

} // namespace nnp
