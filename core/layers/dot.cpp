// Dot: the dot product of two vectors of one length, y = Σᵢ aᵢ bᵢ (Keras' Dot(axes=1)); in a recommender, how
// well a user's embedding matches an item's.
#include "layers/layer_registry.h"

namespace nnp {

namespace {

class Dot final : public Layer {
public:
    LayerKind kind() const override { return LayerKind::Dot; }
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode) override
    {
        y.resize(1, x[0]->cols());
        y.noalias() = x[0]->cwiseProduct(*x[1]).colwise().sum();
    }
    /// ∂L/∂a = ∂L/∂y · b and ∂L/∂b = ∂L/∂y · a, each column scaled by its sample's dy.
    void backward(std::span<const Matrix *const> x, const Matrix &, const Matrix &dy,
                  std::span<Matrix *const> dx) override
    {
        for (std::size_t i = 0; i < 2; ++i) {
            if (!dx[i]) continue;
            const Matrix &other = *x[1 - i];
            dx[i]->resize(other.rows(), other.cols());
            dx[i]->noalias() = (other.array().rowwise() * dy.row(0).array()).matrix();
        }
    }
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Dot>(*this); }
};

} // namespace

template <> const LayerKindInfo &kindInfo<LayerKind::Dot>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::Dot;
        k.fileName = "Dot";
        k.traits.minInputs = 2;
        k.traits.maxInputs = 2;
        k.ui = {
            QT_TRANSLATE_NOOP("LayerCatalog", "Dot"),
            QT_TRANSLATE_NOOP("LayerCatalog",
                              "Multiplies two vectors of one length element by element and sums: one number "
                              "that is large when they agree."),
            "dot", 0x00695c, "dot"};
        k.inferShape = [](ShapeCheck &c) -> std::optional<Shape> {
            const char *flat =
                QT_TRANSLATE_NOOP("Diagnostics", "%1 multiplies flat vectors but receives %2 — add Flatten.");
            if (!c.requireFlat(0, flat) || !c.requireFlat(1, flat)) return std::nullopt;
            if (c.in[0] != c.in[1])
                return c.fail(DiagnosticCode::ShapeMismatch,
                              QT_TRANSLATE_NOOP("Diagnostics",
                                                "%1 multiplies vectors of one length but receives "
                                                "%2 and %3 — give both branches the same size."),
                              {c.label, DiagnosticArg::value(c.in[0].toString()),
                               DiagnosticArg::value(c.in[1].toString())});
            return Shape{1};
        };
        k.make = [](const LayerOptions &) -> std::unique_ptr<Layer> { return std::make_unique<Dot>(); };
        return k;
    }();
    return info;
}

} // namespace nnp
