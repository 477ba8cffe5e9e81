// GlobalAveragePool1D and GlobalMaxPool1D: a sequence [time, features] becomes [features], the mean or the
// largest value of each feature over time (Keras' GlobalAveragePooling1D / GlobalMaxPooling1D).

#include "layers/layer_registry.h"
#include "layers/recurrent.h"

namespace nnp {

namespace {

using Eigen::Index;

class GlobalPool1D final : public Layer {
public:
    explicit GlobalPool1D(LayerKind kind) : m_kind(kind) {}
    LayerKind kind() const override { return m_kind; }
    void initialize(std::span<const Shape> inputs, Rng &) override
    {
        m_steps = inputs[0].dims[0];
        m_features = inputs[0].dims[1];
    }
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode) override
    {
        const Matrix &in = *x[0];
        const Index n = in.cols();
        y.resize(m_features, n);
        if (m_kind == LayerKind::GlobalAveragePool1D) {
            // Step by step: Eigen's partial reductions and broadcasts may allocate a temporary per sample.
            const Scalar share = Scalar(1) / static_cast<Scalar>(m_steps);
            for (Index s = 0; s < n; ++s) {
                y.col(s).setZero();
                for (Index t = 0; t < m_steps; ++t)
                    y.col(s) += in.col(s).segment(t * m_features, m_features);
                y.col(s) *= share;
            }
            return;
        }
        // The first of equal values wins, as PyTorch's max; `m_winner` keeps its row for backward.
        m_winner.resize(m_features, n);
        for (Index s = 0; s < n; ++s)
            for (Index f = 0; f < m_features; ++f) {
                Index best = f;
                for (Index t = 1; t < m_steps; ++t)
                    if (in(t * m_features + f, s) > in(best, s)) best = t * m_features + f;
                m_winner(f, s) = best;
                y(f, s) = in(best, s);
            }
    }
    void backward(std::span<const Matrix *const> x, const Matrix &, const Matrix &dy,
                  std::span<Matrix *const> dx) override
    {
        if (!dx[0]) return;
        const Index n = x[0]->cols();
        if (m_kind == LayerKind::GlobalAveragePool1D) {
            dx[0]->resize(x[0]->rows(), n);
            const Scalar share = Scalar(1) / static_cast<Scalar>(m_steps);
            for (Index s = 0; s < n; ++s)
                for (Index t = 0; t < m_steps; ++t)
                    dx[0]->col(s).segment(t * m_features, m_features) = dy.col(s) * share;
            return;
        }
        dx[0]->setZero(x[0]->rows(), n);
        for (Index s = 0; s < n; ++s)
            for (Index f = 0; f < m_features; ++f)
                (*dx[0])(m_winner(f, s), s) += dy(f, s);
    }
    std::unique_ptr<Layer> clone() const override { return std::make_unique<GlobalPool1D>(*this); }

private:
    LayerKind m_kind;
    Index m_steps = 1, m_features = 1;
    Eigen::Matrix<Index, Eigen::Dynamic, Eigen::Dynamic> m_winner;
};

template <LayerKind K> LayerKindInfo poolInfo(std::string_view fileName, LayerPresentation ui)
{
    LayerKindInfo k;
    k.kind = K;
    k.fileName = fileName;
    k.ui = ui;
    k.inferShape = [](ShapeCheck &c) -> std::optional<Shape> {
        if (!requireSequence(c)) return std::nullopt;
        return Shape{c.in[0].dims[1]};
    };
    k.make = [](const LayerOptions &) -> std::unique_ptr<Layer> { return std::make_unique<GlobalPool1D>(K); };
    return k;
}

} // namespace

template <> const LayerKindInfo &kindInfo<LayerKind::GlobalAveragePool1D>()
{
    static const LayerKindInfo info = poolInfo<LayerKind::GlobalAveragePool1D>(
        "GlobalAveragePool1D",
        {QT_TRANSLATE_NOOP("LayerCatalog", "Average over time"),
         QT_TRANSLATE_NOOP("LayerCatalog",
                           "One number per feature: its mean over all steps. Turns a sequence into a flat "
                           "vector."),
         "globalpool1d", 0x2e7d32, "gap1d"});
    return info;
}

template <> const LayerKindInfo &kindInfo<LayerKind::GlobalMaxPool1D>()
{
    static const LayerKindInfo info = poolInfo<LayerKind::GlobalMaxPool1D>(
        "GlobalMaxPool1D",
        {QT_TRANSLATE_NOOP("LayerCatalog", "Max over time"),
         QT_TRANSLATE_NOOP(
             "LayerCatalog",
             "One number per feature: its largest value over all steps. Turns a sequence into a "
             "flat vector."),
         "globalmaxpool1d", 0x1b5e20, "gmp1d"});
    return info;
}

} // namespace nnp
