#include "layers/layer_registry.h"

#include "checked.h"

#include <algorithm>
#include <array>
#include <limits>

namespace nnp {

const char *const ShapeCheck::kExpectsFlatInput =
    QT_TRANSLATE_NOOP("Diagnostics", "%1 expects a flat input but receives %2 — add Flatten.");

std::optional<Shape> ShapeCheck::fail(DiagnosticCode code, const char *format,
                                      std::vector<DiagnosticArg> args)
{
    errors.push_back({node.id, Severity::Error, code, format, std::move(args)});
    return std::nullopt;
}

bool ShapeCheck::requireFlat(std::size_t i, const char *format)
{
    if (in[i].isFlat()) return true;
    fail(DiagnosticCode::NotFlat, format, {label, DiagnosticArg::value(in[i].toString())});
    return false;
}

long long cappedSize(const std::vector<int> &dims)
{
    long long size = 1;
    for (int d : dims)
        size = std::min(saturatingMul(size, d), kMaxInputSize + 1);
    return size;
}

const OptionSpec *LayerKindInfo::option(std::string_view name) const
{
    for (const auto &o : options)
        if (o.name == name) return &o;
    return nullptr;
}

namespace {

using InfoFn = const LayerKindInfo &(*)();

// The one list of kinds, in the enum's order; a kind without its kindInfo<> specialisation does not link.
constexpr std::array<InfoFn, kLayerKindCount> kInfos = {
#define NNP_LAYER_KIND_INFO(k) &kindInfo<LayerKind::k>,
    NNP_LAYER_KINDS(NNP_LAYER_KIND_INFO)
#undef NNP_LAYER_KIND_INFO
};

} // namespace

const LayerKindInfo &layerKind(LayerKind k)
{
    return kInfos.at(static_cast<std::size_t>(k))();
}

const std::vector<const LayerKindInfo *> &layerKinds()
{
    static const std::vector<const LayerKindInfo *> all = [] {
        std::vector<const LayerKindInfo *> r;
        for (InfoFn f : kInfos)
            r.push_back(&f());
        return r;
    }();
    return all;
}

long long trainableCount(const LayerKindInfo &info, const LayerOptions &o, std::span<const Shape> inputs)
{
    if (!info.parameters) return 0;
    long long n = 0;
    for (const ParamShape &p : info.parameters(o, inputs))
        if (p.trained) n = saturatingAdd(n, saturatingMul(p.rows, p.cols));
    return n;
}

std::string_view toString(LayerKind k)
{
    return layerKind(k).fileName;
}

std::optional<LayerKind> layerKindFromString(std::string_view s)
{
    for (const LayerKindInfo *i : layerKinds())
        if (i->fileName == s) return i->kind;
    return std::nullopt;
}

const std::vector<LayerKind> &allLayerKinds()
{
    static const std::vector<LayerKind> all = [] {
        std::vector<LayerKind> r;
        for (const LayerKindInfo *i : layerKinds())
            r.push_back(i->kind);
        return r;
    }();
    return all;
}

bool hasParameters(LayerKind k)
{
    return layerKind(k).hasParameters();
}

} // namespace nnp

namespace nnp {

std::unique_ptr<Layer> makeLayer(const NodeSpec &spec)
{
    return layerKind(spec.kind).make(spec.options);
}

bool hasWeightPenalties(LayerKind k)
{
    const LayerKindInfo &info = layerKind(k);
    return info.option(opt::l1.name) && info.option(opt::l2.name);
}

} // namespace nnp
