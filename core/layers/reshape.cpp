#include "layers/reshape.h"

#include "layers/layer_registry.h"
#include "layers/simple_layers.h"

namespace nnp {

template <> const LayerKindInfo &kindInfo<LayerKind::Reshape>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::Reshape;
        k.fileName = "Reshape";
        k.options = {
            option(opt::reshape::shape)
                .range(1, static_cast<double>(kMaxInputSize))
                .counts(1, 4)
                .text(QT_TRANSLATE_NOOP("LayerOptions", "New shape"),
                      QT_TRANSLATE_NOOP("LayerOptions",
                                        "The new shape of each sample, e.g. 1x28x28 (channels × height × "
                                        "width) or 784; the sizes must multiply to the input's size."))
                .onBlock(QT_TRANSLATE_NOOP("LayerOptions", "to %1"))};
        k.ui = {QT_TRANSLATE_NOOP("LayerCatalog", "Reshape"),
                QT_TRANSLATE_NOOP(
                    "LayerCatalog",
                    "Sees the same numbers in another shape: a row as an image, or an image as a row."),
                "reshape", 0x6d4c41, "reshape"};
        k.inferShape = [](ShapeCheck &c) -> std::optional<Shape> {
            const Shape out(c.node.options.get(opt::reshape::shape));
            const long long size = cappedSize(out.dims);
            if (size != c.in[0].size()) {
                std::vector<DiagnosticArg> args{c.label, DiagnosticArg::value(c.in[0].size()),
                                                DiagnosticArg::value(c.in[0].toString()),
                                                DiagnosticArg::value(out.toString())};
                if (size > kMaxInputSize)
                    return c.fail(DiagnosticCode::ShapeMismatch,
                                  QT_TRANSLATE_NOOP("Diagnostics",
                                                    "%1 turns %2 values (%3) into %4 = too many — "
                                                    "choose sizes that multiply to %2."),
                                  std::move(args));
                args.push_back(DiagnosticArg::value(size));
                return c.fail(DiagnosticCode::ShapeMismatch,
                              QT_TRANSLATE_NOOP("Diagnostics",
                                                "%1 turns %2 values (%3) into %4 = %5 — choose "
                                                "sizes that multiply to %2."),
                              std::move(args));
            }
            return out;
        };
        k.make = [](const LayerOptions &) -> std::unique_ptr<Layer> {
            return std::make_unique<Identity>(LayerKind::Reshape);
        };
        return k;
    }();
    return info;
}

} // namespace nnp
