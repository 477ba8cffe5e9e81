#include "layers/weight_options.h"

#include "layers/activations.h"
#include "layers/layer_registry.h"

namespace nnp {

std::vector<OptionSpec> weightOptionSpecs(const OptionKey<InitKind> &init, const OptionKey<bool> &useBias,
                                          const char *biasTooltip)
{
    std::vector<OptionSpec> r = activationOptionSpecs();
    r.push_back(option(init).text(
        QT_TRANSLATE_NOOP("LayerOptions", "Initialiser"),
        QT_TRANSLATE_NOOP("LayerOptions", "How the weights are chosen before training starts.")));
    r.push_back(option(useBias).text(QT_TRANSLATE_NOOP("LayerOptions", "Bias"), biasTooltip));
    r.push_back(option(opt::l1).range(0.0, 1e6).text(
        QT_TRANSLATE_NOOP("LayerOptions", "L1 regularisation"),
        QT_TRANSLATE_NOOP("LayerOptions",
                          "L1 penalty on the weights: pushes unneeded weights to exactly zero.")));
    r.push_back(option(opt::l2).range(0.0, 1e6).text(
        QT_TRANSLATE_NOOP("LayerOptions", "L2 regularisation"),
        QT_TRANSLATE_NOOP("LayerOptions", "L2 penalty on the weights: keeps every weight small.")));
    return r;
}

} // namespace nnp
