#include "layers/embedding.h"

#include "layers/layer_registry.h"

#include <cmath>
#include <cstdio>

namespace nnp {

std::string_view toString(EmbeddingInit i)
{
    return i == EmbeddingInit::Normal ? "normal" : "uniform";
}

std::optional<EmbeddingInit> ChoiceNames<EmbeddingInit>::parse(std::string_view s)
{
    if (s == "uniform") return EmbeddingInit::Uniform;
    if (s == "normal") return EmbeddingInit::Normal;
    return std::nullopt;
}

std::vector<std::string> ChoiceNames<EmbeddingInit>::all()
{
    return {"uniform", "normal"};
}

namespace {
std::string badIdText(double value, int vocabulary)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.9g", value);
    return std::string("the id ") + buf + " is not a whole number from 0 to " +
           std::to_string(vocabulary - 1);
}
} // namespace

BadIdError::BadIdError(double v, long long c, int vocab)
    : std::invalid_argument(badIdText(v, vocab)), value(v), column(c), vocabulary(vocab)
{
}

Embedding::Embedding(Options o) : m_options(o)
{
    if (o.inputDim <= 0 || o.inputDim > kMaxVocabulary || o.outputDim <= 0)
        throw std::invalid_argument(
            "Embedding: the vocabulary size must be 1 to 2^24 and the dimension positive");
}

void Embedding::initialize(std::span<const Shape>, Rng &rng)
{
    m_w.resize(m_options.inputDim, m_options.outputDim);
    // Id by id, so that a seed gives the same vectors whatever the dimension's layout.
    for (Eigen::Index i = 0; i < m_w.rows(); ++i)
        for (Eigen::Index d = 0; d < m_w.cols(); ++d)
            m_w(i, d) = static_cast<Scalar>(
                m_options.init == EmbeddingInit::Normal ? rng.normal() : rng.uniform(-0.05, 0.05));
    if (m_options.maskZero) m_w.row(0).setZero(); // as PyTorch's padding_idx: the padding vector is zero
    m_dw = Matrix::Zero(m_w.rows(), m_w.cols());
}

void Embedding::forward(std::span<const Matrix *const> x, Matrix &y, Mode)
{
    const Matrix &ids = *x[0];
    const Eigen::Index steps = ids.rows(), dim = m_options.outputDim;
    const auto vocab = static_cast<Scalar>(m_options.inputDim);
    y.resize(steps * dim, ids.cols());
    if (m_options.maskZero) m_mask.resize(steps, ids.cols());
    for (Eigen::Index c = 0; c < ids.cols(); ++c)
        for (Eigen::Index t = 0; t < steps; ++t) {
            const Scalar v = ids(t, c);
            // NaN fails the range test; a float below 2^24 compares exactly with its floor.
            if (!(v >= 0 && v < vocab) || v != std::floor(v))
                throw BadIdError(static_cast<double>(v), c, m_options.inputDim);
            const auto id = static_cast<Eigen::Index>(v);
            auto out = y.col(c).segment(t * dim, dim);
            if (m_options.maskZero) {
                m_mask(t, c) = id == 0 ? Scalar(0) : Scalar(1);
                if (id == 0) {
                    out.setZero();
                    continue;
                }
            }
            out = m_w.row(id).transpose();
        }
}

void Embedding::backward(std::span<const Matrix *const> x, const Matrix &, const Matrix &dy,
                         std::span<Matrix *const> dx)
{
    const Matrix &ids = *x[0];
    const Eigen::Index steps = ids.rows(), dim = m_options.outputDim;
    m_dw.setZero();
    for (Eigen::Index c = 0; c < ids.cols(); ++c)
        for (Eigen::Index t = 0; t < steps; ++t) {
            const auto id = static_cast<Eigen::Index>(ids(t, c)); // checked by forward
            if (m_options.maskZero && id == 0) continue;
            m_dw.row(id) += dy.col(c).segment(t * dim, dim).transpose();
        }
    if (dx[0]) dx[0]->setZero(ids.rows(), ids.cols());
}

// --- the registry's description
// ------------------------------------------------------------------------------------------------------------

namespace {
// Out of line: inlined into the list above, GCC 12 warns (-Wfree-nonheap-object) about the option's default
// value, a false positive.
[[gnu::noinline]] OptionSpec initOption()
{
    return option(opt::embedding::init)
        .text(QT_TRANSLATE_NOOP("LayerOptions", "Initial vectors"),
              QT_TRANSLATE_NOOP("LayerOptions", "Uniform ±0.05 as Keras, or normal with σ = 1 as PyTorch."));
}
} // namespace

template <> const LayerKindInfo &kindInfo<LayerKind::Embedding>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::Embedding;
        k.fileName = "Embedding";
        k.options.push_back(
            option(opt::embedding::inputDim)
                .range(1, kMaxVocabulary)
                .text(QT_TRANSLATE_NOOP("LayerOptions", "Vocabulary size"),
                      QT_TRANSLATE_NOOP("LayerOptions",
                                        "How many different ids there are: ids run from 0 to this size − 1 "
                                        "(at most 16,777,216)."))
                .onBlock(QT_TRANSLATE_NOOP("LayerOptions", "%1 ids")));
        k.options.push_back(
            option(opt::embedding::outputDim)
                .range(1, 100'000)
                .text(QT_TRANSLATE_NOOP("LayerOptions", "Dimension"),
                      QT_TRANSLATE_NOOP("LayerOptions", "How many numbers each id's vector has."))
                .onBlock(QT_TRANSLATE_NOOP("LayerOptions", "dim %1")));
        k.options.push_back(
            option(opt::embedding::maskZero)
                .text(QT_TRANSLATE_NOOP("LayerOptions", "Id 0 is padding"),
                      QT_TRANSLATE_NOOP("LayerOptions", "Id 0 marks padding: its vector is zero, it learns "
                                                        "nothing, and later layers skip it.")));
        k.options.push_back(initOption());
        k.traits.integerIds = true;
        k.ui = {QT_TRANSLATE_NOOP("LayerCatalog", "Embedding"),
                QT_TRANSLATE_NOOP("LayerCatalog",
                                  "Looks up a learned vector for each integer id (a user, an item, a word)."),
                "embedding", 0x00838f, "embedding"};
        k.inferShape = [](ShapeCheck &c) -> std::optional<Shape> {
            if (!c.requireFlat(0, QT_TRANSLATE_NOOP("Diagnostics",
                                                    "%1 looks up a row of ids but receives %2 — give its "
                                                    "Input one size, the number of ids per sample.")))
                return std::nullopt;
            const long long params = trainableCount(layerKind(LayerKind::Embedding), c.node.options, c.in);
            if (params > kMaxParametersPerLayer)
                return c.fail(
                    DiagnosticCode::TooLarge,
                    QT_TRANSLATE_NOOP("Diagnostics", "%1 would have %2 parameters (the limit is %3) "
                                                     "— use a smaller vocabulary or dimension."),
                    {c.label, DiagnosticArg::value(params), DiagnosticArg::value(kMaxParametersPerLayer)});
            return Shape{c.in[0].dims[0], c.node.options.get(opt::embedding::outputDim)};
        };
        k.parameters = [](const LayerOptions &o, std::span<const Shape>) {
            return std::vector<ParamShape>{
                {"weight", o.get(opt::embedding::inputDim), o.get(opt::embedding::outputDim)}};
        };
        k.make = [](const LayerOptions &o) -> std::unique_ptr<Layer> {
            return std::make_unique<Embedding>(
                Embedding::Options{o.get(opt::embedding::inputDim), o.get(opt::embedding::outputDim),
                                   o.get(opt::embedding::maskZero), o.get(opt::embedding::init)});
        };
        return k;
    }();
    return info;
}

} // namespace nnp
