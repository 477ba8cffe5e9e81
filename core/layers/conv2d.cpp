#include "layers/conv2d.h"

#include "init/init.h"
#include "layers/layer_registry.h"
#include "layers/product.h"
#include "layers/weight_options.h"

#include <algorithm>
#include <stdexcept>

namespace nnp {

namespace {

using Eigen::Index;
using MatrixMap = Eigen::Map<Matrix>;

void grow(Vector &v, Index size)
{
    if (v.size() < size) v.resize(size);
}

} // namespace

WindowOptions convWindow(const LayerOptions &o)
{
    return {o.get(opt::conv2d::kernel), o.get(opt::conv2d::strides), o.get(opt::conv2d::dilation),
            o.get(opt::conv2d::padding)};
}

Conv2D::Conv2D(Options o) : m_options(std::move(o))
{
    if (m_options.filters <= 0) throw std::invalid_argument("Conv2D: filters must be positive");
}

void Conv2D::initialize(std::span<const Shape> inputs, Rng &rng)
{
    m_geometry = windowGeometry(inputs[0], m_options.window);
    const WindowGeometry &g = m_geometry;
    const double taps = static_cast<double>(g.kh) * g.kw;
    initializeWeights(m_w, m_options.init, m_options.filters, g.patch(), g.patch(), m_options.filters * taps,
                      rng);
    m_b = Matrix::Zero(m_options.useBias ? m_options.filters : 0, 1);
    m_dw = Matrix::Zero(m_w.rows(), m_w.cols());
    m_db = Matrix::Zero(m_b.rows(), 1);
}

// One sample at a time: its im2col block (P × K) stays in the cache, and its output column, laid out
// [filter][position], is the P × F product itself, so the product writes straight into it (after the bias)
// with no reordering.
void Conv2D::forward(std::span<const Matrix *const> x, Matrix &y, Mode)
{
    const Matrix &in = *x[0];
    const WindowGeometry &g = m_geometry;
    const Index n = in.cols(), P = g.outPlane(), K = g.patch(), F = m_options.filters;
    m_z.resize(F * P, n);
    grow(m_cols, P * K);
    MatrixMap cols(m_cols.data(), P, K);
    for (Index s = 0; s < n; ++s) {
        imageToColumns(g, in, s, 1, cols);
        MatrixMap z(m_z.col(s).data(), P, F); // row p, column f
        if (m_options.useBias)
            for (Index f = 0; f < F; ++f)
                z.col(f).setConstant(m_b(f, 0));
        multiplyInto(z, cols, Op::None, m_w, Op::Transpose, m_options.useBias);
    }
    activate(m_options.activation, m_z, y);
}

void Conv2D::backward(std::span<const Matrix *const> x, const Matrix &y, const Matrix &dy,
                      std::span<Matrix *const> dx)
{
    const Matrix &in = *x[0];
    const WindowGeometry &g = m_geometry;
    const Index n = in.cols(), P = g.outPlane(), K = g.patch(), F = m_options.filters;
    activateBackward(m_options.activation, m_z, y, dy, m_dz);
    if (m_options.useBias)
        for (Index f = 0; f < F; ++f)
            m_db(f, 0) = m_dz.middleRows(f * P, P).sum();
    Matrix *dxp = dx[0];
    if (dxp) {
        dxp->resize(in.rows(), n);
        dxp->setZero();
    }
    m_dw.resize(F, K);
    if (n == 0) m_dw.setZero();
    grow(m_cols, P * K);
    if (dxp) grow(m_dcols, P * K);
    MatrixMap cols(m_cols.data(), P, K), dcols(m_dcols.data(), dxp ? P : 0, dxp ? K : 0);
    for (Index s = 0; s < n; ++s) {
        imageToColumns(g, in, s, 1, cols);
        const MatrixMap dz(m_dz.col(s).data(), P, F);
        // ∂L/∂W = Σ over positions and samples of δ · patchᵀ; ∂L/∂patch = δ · W, folded back onto the pixels.
        multiplyInto(m_dw, dz, Op::Transpose, cols, Op::None, s > 0);
        if (dxp) {
            multiplyInto(dcols, dz, Op::None, m_w, Op::None);
            columnsToImage(g, dcols, s, 1, *dxp);
        }
    }
}

std::vector<ParamRef> Conv2D::parameters()
{
    std::vector<ParamRef> p{{"weight", &m_w, &m_dw, m_options.l1, m_options.l2}};
    if (m_options.useBias) p.push_back({"bias", &m_b, &m_db, 0, 0});
    return p;
}

namespace {

std::optional<Shape> convShape(ShapeCheck &c)
{
    const LayerOptions &o = c.node.options;
    if (c.in[0].dims.size() != 3)
        return c.fail(DiagnosticCode::ShapeMismatch,
                      QT_TRANSLATE_NOOP("Diagnostics",
                                        "%1 slides over images [channels, height, width] but receives %2 — "
                                        "add a Reshape before it (e.g. to 1x28x28)."),
                      {c.label, DiagnosticArg::value(c.in[0].toString())});
    const WindowOptions w = convWindow(o);
    const WindowGeometry g = windowGeometry(c.in[0], w);
    if (g.outPlane() == 0)
        return c.fail(
            DiagnosticCode::ShapeMismatch,
            QT_TRANSLATE_NOOP("Diagnostics",
                              "%1's %2 kernel does not fit in its %3 input — use a smaller kernel or "
                              "padding 'same'."),
            {c.label, DiagnosticArg::value(windowText(w.size)), DiagnosticArg::value(c.in[0].toString())});
    const long long params = trainableCount(layerKind(LayerKind::Conv2D), o, c.in);
    if (params > kMaxParametersPerLayer)
        return c.fail(DiagnosticCode::TooLarge,
                      QT_TRANSLATE_NOOP("Diagnostics",
                                        "%1 would have %2 parameters (the limit is %3) — use fewer filters."),
                      {c.label, DiagnosticArg::value(params), DiagnosticArg::value(kMaxParametersPerLayer)});
    const Shape out{o.get(opt::conv2d::filters), g.outHeight, g.outWidth};
    if (out.size() > kMaxInputSize)
        return c.fail(DiagnosticCode::TooLarge,
                      QT_TRANSLATE_NOOP("Diagnostics",
                                        "%1 would give %2 values per sample (the limit is %3) — use fewer "
                                        "filters or a larger stride."),
                      {c.label, DiagnosticArg::value(out.size()), DiagnosticArg::value(kMaxInputSize)});
    return out;
}

std::vector<ParamShape> convParameters(const LayerOptions &o, std::span<const Shape> in)
{
    const long long filters = o.get(opt::conv2d::filters);
    const WindowGeometry g = in.empty() ? WindowGeometry{} : windowGeometry(in[0], convWindow(o));
    std::vector<ParamShape> r{
        {"weight", filters, g.patch(), true, {static_cast<int>(filters), g.channels, g.kh, g.kw}}};
    if (o.get(opt::conv2d::useBias)) r.push_back({"bias", filters, 1});
    return r;
}

std::unique_ptr<Layer> makeConv(const LayerOptions &o)
{
    return std::make_unique<Conv2D>(
        Conv2D::Options{o.get(opt::conv2d::filters), convWindow(o), activationOf(o), o.get(opt::conv2d::init),
                        o.get(opt::conv2d::useBias), static_cast<Scalar>(o.get(opt::conv2d::l1)),
                        static_cast<Scalar>(o.get(opt::conv2d::l2))});
}

} // namespace

template <> const LayerKindInfo &kindInfo<LayerKind::Conv2D>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::Conv2D;
        k.fileName = "Conv2D";
        k.options.push_back(
            option(opt::conv2d::filters)
                .range(1, 4096)
                .text(QT_TRANSLATE_NOOP("LayerOptions", "Filters"),
                      QT_TRANSLATE_NOOP("LayerOptions",
                                        "How many kernels slide over the image: each gives one feature map."))
                .onBlock(QT_TRANSLATE_NOOP("LayerOptions", "%1 filters"),
                         QT_TRANSLATE_NOOP("LayerOptions", "1 filter")));
        k.options.push_back(
            option(opt::conv2d::kernel)
                .range(1, 1024)
                .counts(1, 2)
                .text(QT_TRANSLATE_NOOP("LayerOptions", "Kernel size"),
                      QT_TRANSLATE_NOOP("LayerOptions",
                                        "The window each filter looks at, height × width (3 means 3×3)."))
                .onBlock("%1")); // "16 filters · 3×3 · ReLU": after the filters, a size is the kernel's
        k.options.push_back(
            option(opt::conv2d::strides)
                .range(1, 1024)
                .counts(1, 2)
                .text(QT_TRANSLATE_NOOP("LayerOptions", "Strides"),
                      QT_TRANSLATE_NOOP("LayerOptions",
                                        "How far the window moves each step, down × across (2 halves the "
                                        "image).")));
        k.options.push_back(
            option(opt::conv2d::padding)
                .text(
                    QT_TRANSLATE_NOOP("LayerOptions", "Padding"),
                    QT_TRANSLATE_NOOP("LayerOptions",
                                      "valid: only windows that fit (the image shrinks); same: zeros around "
                                      "the edge keep the size (with stride 1).")));
        k.options.push_back(
            option(opt::conv2d::dilation)
                .range(1, 1024)
                .counts(1, 2)
                .text(QT_TRANSLATE_NOOP("LayerOptions", "Dilation"),
                      QT_TRANSLATE_NOOP("LayerOptions",
                                        "Gaps between the kernel's taps: 2 spreads a 3×3 kernel over 5×5.")));
        for (OptionSpec &s :
             weightOptionSpecs(opt::conv2d::init, opt::conv2d::useBias,
                               QT_TRANSLATE_NOOP("LayerOptions", "Add a bias to each filter")))
            k.options.push_back(std::move(s));
        k.traits.builtInActivation = true;
        k.newNode.set(opt::activation, ActivationKind::ReLU);
        k.ui = {QT_TRANSLATE_NOOP("LayerCatalog", "Conv2D"),
                QT_TRANSLATE_NOOP("LayerCatalog",
                                  "Filters that slide over an image, each giving a map of where its pattern "
                                  "appears."),
                "conv2d", 0x00838f, "conv"};
        k.inferShape = convShape;
        k.parameters = convParameters;
        k.make = makeConv;
        return k;
    }();
    return info;
}

} // namespace nnp
