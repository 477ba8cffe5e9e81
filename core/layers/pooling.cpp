#include "layers/pooling.h"

#include "layers/layer_registry.h"

namespace nnp {

WindowOptions poolWindow(const LayerOptions &o)
{
    return {o.get(opt::pool2d::size), o.get(opt::pool2d::strides), {1, 1}, o.get(opt::pool2d::padding)};
}

namespace {

using Eigen::Index;

/// Calls f(outputIndex, inputIndex) for every pixel of every window of one channel plane, window by window.
template <class F> void forEachWindow(const WindowGeometry &g, F &&f)
{
    for (int oy = 0; oy < g.outHeight; ++oy)
        for (int ox = 0; ox < g.outWidth; ++ox) {
            const Index p = static_cast<Index>(oy) * g.outWidth + ox;
            for (int i = 0; i < g.kh; ++i) {
                const int y = oy * g.sh - g.padTop + i;
                if (y < 0 || y >= g.height) continue;
                for (int j = 0; j < g.kw; ++j) {
                    const int x = ox * g.sw - g.padLeft + j;
                    if (x >= 0 && x < g.width) f(p, static_cast<Index>(y) * g.width + x);
                }
            }
        }
}

/// Whether every window lies inside the image (no padding reached): the pooling layers then take the direct
/// loops below instead of forEachWindow's checks.
bool windowsInside(const WindowGeometry &g)
{
    return g.padTop == 0 && g.padLeft == 0 && (g.outHeight - 1) * g.sh + g.kh <= g.height &&
           (g.outWidth - 1) * g.sw + g.kw <= g.width;
}

/// One channel plane of MaxPool2D when every window lies inside: the same scan order and rule as the
/// general loop (the first of equals wins; a NaN in the first place stays), with the window's size fixed at
/// compile time when KH and KW are given (0: taken from g).
template <int KH, int KW>
void maxPoolPlane(const WindowGeometry &g, const Scalar *img, Scalar *out, int *win, int offset)
{
    const int kh = KH ? KH : g.kh, kw = KW ? KW : g.kw;
    for (int oy = 0; oy < g.outHeight; ++oy)
        for (int ox = 0; ox < g.outWidth; ++ox) {
            const int base = oy * g.sh * g.width + ox * g.sw;
            Scalar best = img[base];
            int at = base;
            for (int i = 0; i < kh; ++i)
                for (int j = 0; j < kw; ++j) {
                    const int k = base + i * g.width + j;
                    if (img[k] > best) {
                        best = img[k];
                        at = k;
                    }
                }
            const Index p = static_cast<Index>(oy) * g.outWidth + ox;
            out[p] = best;
            win[p] = offset + at;
        }
}

class MaxPool2D final : public Layer {
public:
    explicit MaxPool2D(WindowOptions w) : m_window(std::move(w)) {}
    LayerKind kind() const override { return LayerKind::MaxPool2D; }
    void initialize(std::span<const Shape> inputs, Rng &) override
    {
        m_geometry = windowGeometry(inputs[0], m_window);
    }
    /// Each output is its window's largest value (the first of equals, as PyTorch); `m_winner` remembers
    /// which input it was, for backward and for the explain mode.
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode) override
    {
        const Matrix &in = *x[0];
        const WindowGeometry &g = m_geometry;
        const Index P = g.outPlane(), plane = g.inPlane(), n = in.cols();
        y.resize(g.channels * P, n);
        m_winner.resize(y.rows(), n);
        const bool inside = windowsInside(g), twoByTwo = inside && g.kh == 2 && g.kw == 2;
        for (Index s = 0; s < n; ++s)
            for (Index c = 0; c < g.channels; ++c) {
                const Scalar *img = in.col(s).data() + c * plane;
                Scalar *out = y.col(s).data() + c * P;
                int *win = m_winner.col(s).data() + c * P;
                if (inside) {
                    const int offset = static_cast<int>(c * plane);
                    if (twoByTwo)
                        maxPoolPlane<2, 2>(g, img, out, win, offset);
                    else
                        maxPoolPlane<0, 0>(g, img, out, win, offset);
                    continue;
                }
                std::fill(win, win + P, -1);
                forEachWindow(g, [&](Index p, Index i) {
                    if (win[p] < 0 || img[i] > out[p]) {
                        out[p] = img[i];
                        win[p] = static_cast<int>(c * plane + i);
                    }
                });
            }
    }
    void backward(std::span<const Matrix *const> x, const Matrix &, const Matrix &dy,
                  std::span<Matrix *const> dx) override
    {
        if (!dx[0]) return;
        dx[0]->setZero(x[0]->rows(), x[0]->cols());
        for (Index s = 0; s < dy.cols(); ++s)
            for (Index r = 0; r < dy.rows(); ++r)
                (*dx[0])(m_winner(r, s), s) += dy(r, s);
    }
    std::unique_ptr<Layer> clone() const override { return std::make_unique<MaxPool2D>(*this); }

private:
    WindowOptions m_window;
    WindowGeometry m_geometry;
    Eigen::Matrix<int, Eigen::Dynamic, Eigen::Dynamic> m_winner;
};

class AveragePool2D final : public Layer {
public:
    explicit AveragePool2D(WindowOptions w) : m_window(std::move(w)) {}
    LayerKind kind() const override { return LayerKind::AveragePool2D; }
    /// Counts the image pixels in each window once: windows that reach into `same` padding average fewer.
    void initialize(std::span<const Shape> inputs, Rng &) override
    {
        m_geometry = windowGeometry(inputs[0], m_window);
        m_count = Vector::Zero(m_geometry.outPlane());
        forEachWindow(m_geometry, [&](Index p, Index) { m_count[p] += 1; });
        m_count = m_count.cwiseInverse();
    }
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode) override
    {
        const Matrix &in = *x[0];
        const WindowGeometry &g = m_geometry;
        const Index P = g.outPlane(), plane = g.inPlane(), n = in.cols();
        y.setZero(g.channels * P, n);
        for (Index s = 0; s < n; ++s)
            for (Index c = 0; c < g.channels; ++c) {
                const Scalar *img = in.col(s).data() + c * plane;
                Scalar *out = y.col(s).data() + c * P;
                forEachWindow(g, [&](Index p, Index i) { out[p] += img[i]; });
                Eigen::Map<Vector>(out, P).array() *= m_count.array();
            }
    }
    void backward(std::span<const Matrix *const> x, const Matrix &, const Matrix &dy,
                  std::span<Matrix *const> dx) override
    {
        if (!dx[0]) return;
        const WindowGeometry &g = m_geometry;
        const Index P = g.outPlane(), plane = g.inPlane();
        dx[0]->setZero(x[0]->rows(), x[0]->cols());
        for (Index s = 0; s < dy.cols(); ++s)
            for (Index c = 0; c < g.channels; ++c) {
                const Scalar *d = dy.col(s).data() + c * P;
                Scalar *out = dx[0]->col(s).data() + c * plane;
                forEachWindow(g, [&](Index p, Index i) { out[i] += d[p] * m_count[p]; });
            }
    }
    std::unique_ptr<Layer> clone() const override { return std::make_unique<AveragePool2D>(*this); }

private:
    WindowOptions m_window;
    WindowGeometry m_geometry;
    Vector m_count; ///< 1 / (image pixels in the window), per output position
};

class GlobalAveragePool2D final : public Layer {
public:
    LayerKind kind() const override { return LayerKind::GlobalAveragePool2D; }
    void initialize(std::span<const Shape> inputs, Rng &) override
    {
        m_channels = inputs[0].dims[0];
        m_plane = inputs[0].size() / m_channels;
    }
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode) override
    {
        const Matrix &in = *x[0];
        y.resize(m_channels, in.cols());
        for (Index s = 0; s < in.cols(); ++s)
            for (Index c = 0; c < m_channels; ++c)
                y(c, s) = in.col(s).segment(c * m_plane, m_plane).mean();
    }
    void backward(std::span<const Matrix *const> x, const Matrix &, const Matrix &dy,
                  std::span<Matrix *const> dx) override
    {
        if (!dx[0]) return;
        dx[0]->resize(x[0]->rows(), x[0]->cols());
        const Scalar share = Scalar(1) / static_cast<Scalar>(m_plane);
        for (Index s = 0; s < dy.cols(); ++s)
            for (Index c = 0; c < m_channels; ++c)
                dx[0]->col(s).segment(c * m_plane, m_plane).setConstant(dy(c, s) * share);
    }
    std::unique_ptr<Layer> clone() const override { return std::make_unique<GlobalAveragePool2D>(*this); }

private:
    Index m_channels = 1, m_plane = 1;
};

bool requireImage(ShapeCheck &c)
{
    if (c.in[0].dims.size() == 3) return true;
    c.fail(
        DiagnosticCode::ShapeMismatch,
        QT_TRANSLATE_NOOP("Diagnostics",
                          "%1 pools images [channels, height, width] but receives %2 — add a Reshape before "
                          "it (e.g. to 1x28x28)."),
        {c.label, DiagnosticArg::value(c.in[0].toString())});
    return false;
}

std::optional<Shape> windowPoolShape(ShapeCheck &c)
{
    if (!requireImage(c)) return std::nullopt;
    const WindowOptions w = poolWindow(c.node.options);
    const WindowGeometry g = windowGeometry(c.in[0], w);
    if (g.outPlane() == 0)
        return c.fail(
            DiagnosticCode::ShapeMismatch,
            QT_TRANSLATE_NOOP("Diagnostics",
                              "%1's %2 window does not fit in its %3 input — use a smaller pool size "
                              "or padding 'same'."),
            {c.label, DiagnosticArg::value(windowText(w.size)), DiagnosticArg::value(c.in[0].toString())});
    return Shape{g.channels, g.outHeight, g.outWidth};
}

std::vector<OptionSpec> windowPoolOptions()
{
    return {option(opt::pool2d::size)
                .range(1, 1024)
                .counts(1, 2)
                .text(QT_TRANSLATE_NOOP("LayerOptions", "Pool size"),
                      QT_TRANSLATE_NOOP("LayerOptions",
                                        "The window pooled into one value, height × width (2 means 2×2)."))
                .onBlock("%1"),
            option(opt::pool2d::strides)
                .range(1, 1024)
                .counts(1, 2)
                .text(QT_TRANSLATE_NOOP("LayerOptions", "Strides"),
                      QT_TRANSLATE_NOOP("LayerOptions",
                                        "How far the window moves each step; usually the pool size.")),
            option(opt::pool2d::padding)
                .text(QT_TRANSLATE_NOOP("LayerOptions", "Padding"),
                      QT_TRANSLATE_NOOP("LayerOptions",
                                        "valid: only windows that fit; same: windows over the edge use the "
                                        "pixels they cover."))};
}

} // namespace

template <> const LayerKindInfo &kindInfo<LayerKind::MaxPool2D>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::MaxPool2D;
        k.fileName = "MaxPool2D";
        k.options = windowPoolOptions();
        k.ui = {QT_TRANSLATE_NOOP("LayerCatalog", "Max pooling"),
                QT_TRANSLATE_NOOP("LayerCatalog",
                                  "Keeps the largest value of each small window: a smaller map that still "
                                  "knows where patterns are."),
                "maxpool", 0x2e7d32, "maxpool"};
        k.inferShape = windowPoolShape;
        k.make = [](const LayerOptions &o) -> std::unique_ptr<Layer> {
            return std::make_unique<MaxPool2D>(poolWindow(o));
        };
        return k;
    }();
    return info;
}

template <> const LayerKindInfo &kindInfo<LayerKind::AveragePool2D>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::AveragePool2D;
        k.fileName = "AveragePool2D";
        k.options = windowPoolOptions();
        k.ui = {QT_TRANSLATE_NOOP("LayerCatalog", "Average pooling"),
                QT_TRANSLATE_NOOP("LayerCatalog", "Averages each small window: a smaller, smoother map."),
                "avgpool", 0x558b2f, "avgpool"};
        k.inferShape = windowPoolShape;
        k.make = [](const LayerOptions &o) -> std::unique_ptr<Layer> {
            return std::make_unique<AveragePool2D>(poolWindow(o));
        };
        return k;
    }();
    return info;
}

template <> const LayerKindInfo &kindInfo<LayerKind::GlobalAveragePool2D>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::GlobalAveragePool2D;
        k.fileName = "GlobalAveragePool2D";
        k.ui = {QT_TRANSLATE_NOOP("LayerCatalog", "Global average pooling"),
                QT_TRANSLATE_NOOP("LayerCatalog",
                                  "One number per feature map: its mean. Turns an image into a flat vector."),
                "globalpool", 0x33691e, "gap"};
        k.inferShape = [](ShapeCheck &c) -> std::optional<Shape> {
            if (!requireImage(c)) return std::nullopt;
            return Shape{c.in[0].dims[0]};
        };
        k.make = [](const LayerOptions &) -> std::unique_ptr<Layer> {
            return std::make_unique<GlobalAveragePool2D>();
        };
        return k;
    }();
    return info;
}

} // namespace nnp
