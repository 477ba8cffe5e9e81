#include "layers/dense.h"

#include "init/init.h"
#include "layers/layer_registry.h"
#include "layers/product.h"
#include "layers/weight_options.h"

#include <stdexcept>

namespace nnp {

Dense::Dense(Options o) : m_options(o)
{
    if (o.units <= 0) throw std::invalid_argument("Dense: units must be positive");
}

void Dense::initialize(std::span<const Shape> inputs, Rng &rng)
{
    const int in = static_cast<int>(inputs[0].size());
    initializeWeights(m_w, m_options.init, in, m_options.units, rng);
    m_b = Matrix::Zero(m_options.useBias ? m_options.units : 0, 1);
    m_dw = Matrix::Zero(m_w.rows(), m_w.cols());
    m_db = Matrix::Zero(m_b.rows(), 1);
}

void Dense::forward(std::span<const Matrix *const> x, Matrix &y, Mode)
{
    multiply(m_z, m_w, Op::None, *x[0], Op::None, m_options.useBias ? &m_b : nullptr);
    activate(m_options.activation, m_z, y);
}

void Dense::backward(std::span<const Matrix *const> x, const Matrix &y, const Matrix &dy,
                     std::span<Matrix *const> dx)
{
    activateBackward(m_options.activation, m_z, y, dy, m_dz);
    backwardFromPreActivation(*x[0], m_dz, dx[0]);
}

void Dense::backwardFromPreActivation(const Matrix &x, const Matrix &dz, Matrix *dx)
{
    if (&dz != &m_dz) m_dz = dz;
    multiply(m_dw, m_dz, Op::None, x, Op::Transpose);
    if (m_options.useBias) m_db.noalias() = m_dz.rowwise().sum();
    if (dx) multiply(*dx, m_w, Op::Transpose, m_dz, Op::None);
}

std::vector<ParamRef> Dense::parameters()
{
    std::vector<ParamRef> p{{"weight", &m_w, &m_dw, m_options.l1, m_options.l2}};
    if (m_options.useBias) p.push_back({"bias", &m_b, &m_db, 0, 0});
    return p;
}

namespace {

std::optional<Shape> denseShape(ShapeCheck &c)
{
    if (!c.requireFlat(0)) return std::nullopt;
    const long long params = trainableCount(layerKind(LayerKind::Dense), c.node.options, c.in);
    if (params > kMaxParametersPerLayer)
        return c.fail(DiagnosticCode::TooLarge,
                      QT_TRANSLATE_NOOP("Diagnostics",
                                        "%1 would have %2 parameters (the limit is %3) — use fewer units."),
                      {c.label, DiagnosticArg::value(params), DiagnosticArg::value(kMaxParametersPerLayer)});
    return Shape{c.node.options.get(opt::dense::units)};
}

std::vector<ParamShape> denseParameters(const LayerOptions &o, std::span<const Shape> in)
{
    const long long units = o.get(opt::dense::units);
    const long long inputs = in.empty() ? 0 : in[0].size();
    std::vector<ParamShape> r{
        {"weight", units, inputs, true, {static_cast<int>(units), static_cast<int>(inputs)}}};
    if (o.get(opt::dense::useBias)) r.push_back({"bias", units, 1});
    return r;
}

std::unique_ptr<Layer> makeDense(const LayerOptions &o)
{
    return std::make_unique<Dense>(Dense::Options{
        o.get(opt::dense::units), activationOf(o), o.get(opt::dense::init), o.get(opt::dense::useBias),
        static_cast<Scalar>(o.get(opt::dense::l1)), static_cast<Scalar>(o.get(opt::dense::l2))});
}

} // namespace

template <> const LayerKindInfo &kindInfo<LayerKind::Dense>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::Dense;
        k.fileName = "Dense";
        k.options.push_back(
            option(opt::dense::units)
                .range(1, 10'000'000)
                .text(QT_TRANSLATE_NOOP("LayerOptions", "Units"),
                      QT_TRANSLATE_NOOP("LayerOptions", "How many neurons this layer has (its output size)."))
                .onBlock(QT_TRANSLATE_NOOP("LayerOptions", "%1 units"),
                         QT_TRANSLATE_NOOP("LayerOptions", "1 unit")));
        for (OptionSpec &s :
             weightOptionSpecs(opt::dense::init, opt::dense::useBias,
                               QT_TRANSLATE_NOOP("LayerOptions", "Add a bias to each neuron")))
            k.options.push_back(std::move(s));
        k.traits.builtInActivation = true;
        // A new layer is usually a hidden one: ReLU lets it learn something a Linear layer cannot (the
        // output layer's activation is checked against the loss, core/train/fit_check.h).
        k.newNode.set(opt::activation, ActivationKind::ReLU);
        k.ui = {QT_TRANSLATE_NOOP("LayerCatalog", "Dense"),
                QT_TRANSLATE_NOOP("LayerCatalog",
                                  "Neurons that each weigh every input, add a bias and apply an activation."),
                "dense", 0x1565c0, "dense"};
        k.inferShape = denseShape;
        k.parameters = denseParameters;
        k.make = makeDense;
        return k;
    }();
    return info;
}

} // namespace nnp
