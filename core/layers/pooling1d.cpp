// GlobalAveragePool1D and GlobalMaxPool1D: a sequence [time, features] becomes [features], the mean or the
// largest value of each feature over time (Keras' GlobalAveragePooling1D / GlobalMaxPooling1D). Behind an
// Embedding with mask_zero (stepMaskSource) padded steps are left out: the mean over the real steps only, as
// Keras' GlobalAveragePooling1D does with a mask, and the largest value among the real steps (Keras'
// GlobalMaxPooling1D ignores the mask; ours does not, as the padding's zero vectors would otherwise compete).
// A sample whose every step is padding gives 0 (Keras' mean would give 0/0 = NaN).

#include "layers/layer_registry.h"
#include "layers/recurrent.h"
#include "layers/step_mask_reader.h"

#include <stdexcept>
#include <string>

namespace nnp {

namespace {

using Eigen::Index;

class GlobalPool1D final : public Layer, public StepMaskReader {
public:
    explicit GlobalPool1D(LayerKind kind) : m_kind(kind) {}
    LayerKind kind() const override { return m_kind; }
    void initialize(std::span<const Shape> inputs, Rng &) override
    {
        m_steps = inputs[0].dims[0];
        m_features = inputs[0].dims[1];
    }
    void setMask(const Matrix &mask) override
    {
        if (mask.rows() != m_steps)
            throw std::invalid_argument("GlobalPool1D: the mask needs one row per step");
        m_mask = mask;
        m_hasMask = true;
    }
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode) override
    {
        const Matrix &in = *x[0];
        const Index n = in.cols();
        if (m_hasMask && m_mask.cols() != n)
            throw std::invalid_argument("GlobalPool1D: the mask has " + std::to_string(m_mask.cols()) +
                                        " columns for a batch of " + std::to_string(n));
        y.resize(m_features, n);
        if (m_kind == LayerKind::GlobalAveragePool1D) {
            // Step by step: Eigen's partial reductions and broadcasts may allocate a temporary per sample.
            m_share.resize(n);
            for (Index s = 0; s < n; ++s) {
                y.col(s).setZero();
                Index kept = 0;
                for (Index t = 0; t < m_steps; ++t)
                    if (real(t, s)) {
                        y.col(s) += in.col(s).segment(t * m_features, m_features);
                        ++kept;
                    }
                m_share(s) = kept > 0 ? Scalar(1) / static_cast<Scalar>(kept) : Scalar(0);
                y.col(s) *= m_share(s);
            }
            return;
        }
        // The first of equal values wins, as PyTorch's max; `m_winner` keeps its row for backward (-1: every
        // step is padding, the output is 0).
        m_winner.resize(m_features, n);
        for (Index s = 0; s < n; ++s)
            for (Index f = 0; f < m_features; ++f) {
                Index best = -1;
                for (Index t = 0; t < m_steps; ++t)
                    if (real(t, s) && (best < 0 || in(t * m_features + f, s) > in(best, s)))
                        best = t * m_features + f;
                m_winner(f, s) = best;
                y(f, s) = best >= 0 ? in(best, s) : Scalar(0);
            }
    }
    void backward(std::span<const Matrix *const> x, const Matrix &, const Matrix &dy,
                  std::span<Matrix *const> dx) override
    {
        if (!dx[0]) return;
        const Index n = x[0]->cols();
        if (m_kind == LayerKind::GlobalAveragePool1D) {
            dx[0]->resize(x[0]->rows(), n);
            for (Index s = 0; s < n; ++s)
                for (Index t = 0; t < m_steps; ++t) {
                    auto step = dx[0]->col(s).segment(t * m_features, m_features);
                    if (real(t, s))
                        step = dy.col(s) * m_share(s);
                    else
                        step.setZero();
                }
            return;
        }
        dx[0]->setZero(x[0]->rows(), n);
        for (Index s = 0; s < n; ++s)
            for (Index f = 0; f < m_features; ++f)
                if (const Index w = m_winner(f, s); w >= 0) (*dx[0])(w, s) += dy(f, s);
    }
    std::unique_ptr<Layer> clone() const override { return std::make_unique<GlobalPool1D>(*this); }

private:
    /// Whether step t of sample s is a real step (not padding).
    bool real(Index t, Index s) const { return !m_hasMask || m_mask(t, s) != Scalar(0); }

    LayerKind m_kind;
    Index m_steps = 1, m_features = 1;
    Eigen::Matrix<Index, Eigen::Dynamic, Eigen::Dynamic> m_winner;
    Eigen::Matrix<Scalar, Eigen::Dynamic, 1>
        m_share; ///< per sample: 1 / its number of real steps (0 if none)
    Matrix m_mask;
    bool m_hasMask = false;
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
                           "One number per feature: its mean over all steps (padding steps left out). Turns "
                           "a sequence into a flat vector."),
         "globalpool1d", 0x2e7d32, "gap1d"});
    return info;
}

template <> const LayerKindInfo &kindInfo<LayerKind::GlobalMaxPool1D>()
{
    static const LayerKindInfo info = poolInfo<LayerKind::GlobalMaxPool1D>(
        "GlobalMaxPool1D",
        {QT_TRANSLATE_NOOP("LayerCatalog", "Max over time"),
         QT_TRANSLATE_NOOP("LayerCatalog",
                           "One number per feature: its largest value over all steps (padding steps left "
                           "out). Turns a sequence into a flat vector."),
         "globalmaxpool1d", 0x1b5e20, "gmp1d"});
    return info;
}

} // namespace nnp
