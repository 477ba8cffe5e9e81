#include "layers/simple_layers.h"

#include "checked.h"
#include "layers/layer_registry.h"

#include <algorithm>

namespace nnp {

std::string_view toString(InputValues v)
{
    return v == InputValues::Ids ? "ids" : "real";
}

std::optional<InputValues> ChoiceNames<InputValues>::parse(std::string_view s)
{
    if (s == "real") return InputValues::Real;
    if (s == "ids") return InputValues::Ids;
    return std::nullopt;
}

std::vector<std::string> ChoiceNames<InputValues>::all()
{
    return {"real", "ids"};
}

bool hasIdInputs(const GraphSpec &g)
{
    return std::any_of(g.nodes.begin(), g.nodes.end(), [](const NodeSpec &n) {
        return n.kind == LayerKind::Input && n.options.get(opt::input::values) == InputValues::Ids;
    });
}

void Softmax::forward(std::span<const Matrix *const> x, Matrix &y, Mode)
{
    const Matrix &in = *x[0];
    y.resize(in.rows(), in.cols());
    for (Eigen::Index c = 0; c < in.cols(); ++c) {
        const Scalar m = in.col(c).maxCoeff();
        y.col(c) = (in.col(c).array() - m).exp();
        y.col(c) /= y.col(c).sum();
    }
}

void Softmax::backward(std::span<const Matrix *const>, const Matrix &y, const Matrix &dy,
                       std::span<Matrix *const> dx)
{
    if (!dx[0]) return;
    // dx = y ⊙ (dy − Σ_k y_k dy_k), per column.
    m_tmp.noalias() = (y.array() * dy.array()).matrix().colwise().sum();
    dx[0]->resize(y.rows(), y.cols());
    dx[0]->array() = y.array() * (dy.array().rowwise() - m_tmp.array());
}

void Dropout::forward(std::span<const Matrix *const> x, Matrix &y, Mode mode)
{
    m_trained = mode == Mode::Train && m_rate > 0;
    if (!m_trained) {
        y = *x[0];
        return;
    }
    const Scalar keep = Scalar(1) - m_rate;
    const Scalar scale = Scalar(1) / keep;
    m_mask.resize(x[0]->rows(), x[0]->cols());
    for (Eigen::Index c = 0; c < m_mask.cols(); ++c)
        for (Eigen::Index r = 0; r < m_mask.rows(); ++r)
            m_mask(r, c) = m_rng.uniform() < static_cast<double>(keep) ? scale : Scalar(0);
    y.noalias() = (x[0]->array() * m_mask.array()).matrix();
}

void Dropout::backward(std::span<const Matrix *const>, const Matrix &, const Matrix &dy,
                       std::span<Matrix *const> dx)
{
    if (!dx[0]) return;
    if (m_trained)
        dx[0]->noalias() = (dy.array() * m_mask.array()).matrix();
    else
        *dx[0] = dy;
}

void Concatenate::forward(std::span<const Matrix *const> x, Matrix &y, Mode)
{
    Eigen::Index rows = 0;
    for (const Matrix *m : x)
        rows += m->rows();
    y.resize(rows, x[0]->cols());
    Eigen::Index off = 0;
    for (const Matrix *m : x) {
        y.middleRows(off, m->rows()) = *m;
        off += m->rows();
    }
}

void Concatenate::backward(std::span<const Matrix *const> x, const Matrix &, const Matrix &dy,
                           std::span<Matrix *const> dx)
{
    Eigen::Index off = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (dx[i]) *dx[i] = dy.middleRows(off, x[i]->rows());
        off += x[i]->rows();
    }
}

void Add::forward(std::span<const Matrix *const> x, Matrix &y, Mode)
{
    y = *x[0];
    for (std::size_t i = 1; i < x.size(); ++i)
        y += *x[i];
}

void Add::backward(std::span<const Matrix *const> x, const Matrix &, const Matrix &dy,
                   std::span<Matrix *const> dx)
{
    for (std::size_t i = 0; i < x.size(); ++i)
        if (dx[i]) *dx[i] = dy;
}

// --- the registry's descriptions of these kinds
// ------------------------------------------------------------------------------------------------------------

namespace {

std::optional<Shape> sameShape(ShapeCheck &c)
{
    return c.in[0];
}

std::optional<Shape> flatSameShape(ShapeCheck &c)
{
    if (!c.requireFlat(0)) return std::nullopt;
    return c.in[0];
}

template <class L> std::unique_ptr<Layer> makeSimple(const LayerOptions &)
{
    return std::make_unique<L>();
}

} // namespace

template <> const LayerKindInfo &kindInfo<LayerKind::Input>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::Input;
        k.fileName = "Input";
        k.options = {
            option(opt::input::shape)
                .range(1, static_cast<double>(kMaxInputSize))
                .counts(1, 4)
                .text(QT_TRANSLATE_NOOP("LayerOptions", "Input shape"),
                      QT_TRANSLATE_NOOP("LayerOptions", "Values per sample: one number for a vector, or "
                                                        "sizes joined by x for a grid."))
                .onBlock(QT_TRANSLATE_NOOP("LayerOptions", "shape %1")),
            option(opt::input::values)
                .text(
                    QT_TRANSLATE_NOOP("LayerOptions", "Values"),
                    QT_TRANSLATE_NOOP("LayerOptions",
                                      "Real numbers (measurements, pixels), or integer ids (a user, an item, "
                                      "a word) for an Embedding to look up."))
                .onBlockUnlessDefault("%1")};
        k.traits.minInputs = 0;
        k.traits.maxInputs = 0;
        k.ui = {
            QT_TRANSLATE_NOOP("LayerCatalog", "Input"),
            QT_TRANSLATE_NOOP("LayerCatalog", "Where the data enters: one value per feature of a sample."),
            "input", 0x2e7d32, "input"};
        k.inferShape = [](ShapeCheck &c) -> std::optional<Shape> {
            const auto dims = c.node.options.get(opt::input::shape);
            if (cappedSize(dims) > kMaxInputSize)
                return c.fail(DiagnosticCode::TooLarge,
                              QT_TRANSLATE_NOOP("Diagnostics", "%1 is too large (%2 values per sample)."),
                              {c.label, DiagnosticArg::value(Shape(dims).toString())});
            return Shape(dims);
        };
        k.make = [](const LayerOptions &) -> std::unique_ptr<Layer> {
            return std::make_unique<Identity>(LayerKind::Input);
        };
        return k;
    }();
    return info;
}

template <> const LayerKindInfo &kindInfo<LayerKind::Activation>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::Activation;
        k.fileName = "Activation";
        k.options = activationOptionSpecs();
        k.ui = {QT_TRANSLATE_NOOP("LayerCatalog", "Activation"),
                QT_TRANSLATE_NOOP("LayerCatalog", "Bends its input with a function such as ReLU or tanh."),
                "activation", 0xef6c00, "activation"};
        k.inferShape = sameShape;
        k.make = [](const LayerOptions &o) -> std::unique_ptr<Layer> {
            return std::make_unique<ActivationLayer>(activationOf(o));
        };
        return k;
    }();
    return info;
}

template <> const LayerKindInfo &kindInfo<LayerKind::Softmax>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::Softmax;
        k.fileName = "Softmax";
        k.ui = {QT_TRANSLATE_NOOP("LayerCatalog", "Softmax"),
                QT_TRANSLATE_NOOP("LayerCatalog", "Turns scores into class probabilities that sum to 1."),
                "softmax", 0x6a1b9a, "softmax"};
        k.inferShape = flatSameShape;
        k.make = makeSimple<Softmax>;
        return k;
    }();
    return info;
}

template <> const LayerKindInfo &kindInfo<LayerKind::Dropout>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::Dropout;
        k.fileName = "Dropout";
        k.options = {option(opt::dropout::rate)
                         .range(0.0, 1.0, false, true)
                         .text(QT_TRANSLATE_NOOP("LayerOptions", "Drop rate"),
                               QT_TRANSLATE_NOOP("LayerOptions",
                                                 "The fraction of units switched off at each training step."))
                         .onBlock(QT_TRANSLATE_NOOP("LayerOptions", "drop %1 %"), "", 100)};
        k.ui = {
            QT_TRANSLATE_NOOP("LayerCatalog", "Dropout"),
            QT_TRANSLATE_NOOP("LayerCatalog",
                              "While training, switches off random units so the network cannot memorise."),
            "dropout", 0x546e7a, "dropout"};
        k.inferShape = sameShape;
        k.make = [](const LayerOptions &o) -> std::unique_ptr<Layer> {
            return std::make_unique<Dropout>(static_cast<Scalar>(o.get(opt::dropout::rate)));
        };
        return k;
    }();
    return info;
}

template <> const LayerKindInfo &kindInfo<LayerKind::Concatenate>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::Concatenate;
        k.fileName = "Concatenate";
        k.traits.minInputs = 2;
        k.traits.maxInputs = kManyInputs;
        k.ui = {QT_TRANSLATE_NOOP("LayerCatalog", "Concatenate"),
                QT_TRANSLATE_NOOP("LayerCatalog", "Joins several inputs end to end into one longer vector."),
                "concatenate", 0xad1457, "concat"};
        k.inferShape = [](ShapeCheck &c) -> std::optional<Shape> {
            long long total = 0;
            for (std::size_t i = 0; i < c.in.size(); ++i) {
                if (!c.requireFlat(i,
                                   QT_TRANSLATE_NOOP("Diagnostics",
                                                     "%1 joins flat vectors but receives %2 — add Flatten.")))
                    return std::nullopt;
                total = saturatingAdd(total, c.in[i].size());
            }
            if (total > kMaxInputSize)
                return c.fail(
                    DiagnosticCode::TooLarge,
                    QT_TRANSLATE_NOOP("Diagnostics", "%1 would join %2 values per sample (the limit is %3)."),
                    {c.label, DiagnosticArg::value(total), DiagnosticArg::value(kMaxInputSize)});
            return Shape{static_cast<int>(total)};
        };
        k.make = makeSimple<Concatenate>;
        return k;
    }();
    return info;
}

template <> const LayerKindInfo &kindInfo<LayerKind::Add>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::Add;
        k.fileName = "Add";
        k.traits.minInputs = 2;
        k.traits.maxInputs = kManyInputs;
        k.ui = {QT_TRANSLATE_NOOP("LayerCatalog", "Add"),
                QT_TRANSLATE_NOOP("LayerCatalog",
                                  "Adds inputs of the same shape element by element (a skip connection)."),
                "add", 0xc62828, "add"};
        k.inferShape = [](ShapeCheck &c) -> std::optional<Shape> {
            for (const Shape &s : c.in)
                if (s != c.in[0])
                    return c.fail(
                        DiagnosticCode::ShapeMismatch,
                        QT_TRANSLATE_NOOP("Diagnostics",
                                          "%1 adds inputs of the same shape but receives %2 and %3 — "
                                          "give both branches the same number of units."),
                        {c.label, DiagnosticArg::value(c.in[0].toString()),
                         DiagnosticArg::value(s.toString())});
            return c.in[0];
        };
        k.make = makeSimple<Add>;
        return k;
    }();
    return info;
}

template <> const LayerKindInfo &kindInfo<LayerKind::Flatten>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::Flatten;
        k.fileName = "Flatten";
        k.ui = {QT_TRANSLATE_NOOP("LayerCatalog", "Flatten"),
                QT_TRANSLATE_NOOP("LayerCatalog", "Lays an image or grid out as one long row of numbers."),
                "flatten", 0x4e342e, "flatten"};
        k.inferShape = [](ShapeCheck &c) -> std::optional<Shape> {
            return Shape{static_cast<int>(c.in[0].size())};
        };
        k.make = [](const LayerOptions &) -> std::unique_ptr<Layer> {
            return std::make_unique<Identity>(LayerKind::Flatten);
        };
        return k;
    }();
    return info;
}

} // namespace nnp
