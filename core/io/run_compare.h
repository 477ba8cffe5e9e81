#pragma once
// What differs between the settings of two runs ("lr 0.03 → 0.3", "SGD → Adam", "dropout 0.5", "hidden 4 →
// 8"), as data: a code, an English template marked for lupdate in the context "Diagnostics" and its values,
// so the UI translates and formats them as it does diagnostics (diagnosticText). Used to label kept runs side
// by side.

#include "graph/validator.h"
#include "io/project.h"

#include <string>
#include <vector>

namespace nnp {

enum class RunChange {
    Optimizer,     ///< "SGD → Adam"
    LearningRate,  ///< "lr 0.03 → 0.3"
    Momentum,      ///< "momentum 0 → 0.9" (SGD, RMSProp)
    Schedule,      ///< "schedule constant → cosine"
    BatchSize,     ///< "batch 32 → 8"
    Epochs,        ///< "epochs 100 → 300"
    Loss,          ///< "loss MSE → binary cross-entropy"
    Seed,          ///< "seed 1 → 2" (training or data)
    Dataset,       ///< "data Spiral → Circle" (generator, CSV file or IDX images)
    Noise,         ///< "noise 0 % → 20 %"
    Samples,       ///< "samples 500 → 1000"
    Features,      ///< "inputs x1, x2 → x1, x2, x1²"
    Normalization, ///< "normalisation none → z-score"
    TestSplit,     ///< "test 50 % → 20 %"
    ValidationSplit,
    Hidden,     ///< "hidden 4 → 8", "hidden 8-8-8 → 8-8": the widths of the hidden layers
    Activation, ///< "activation tanh → relu" (every changed layer alike), or "%1: activation …" per layer
    L1,         ///< "L1 0 → 0.001", likewise
    L2,         ///< "L2 0 → 0.001", likewise
    Dropout,    ///< "dropout 0.5" (added), "dropout 0.2 → 0.5", "no dropout (was 0.5)"
    LayerAdded, ///< a layer that is neither Dense nor Dropout: "+ Batch norm 'bn'"
    LayerRemoved, ///< "− Batch norm 'bn'"
    LayerOption,  ///< any other option of a layer: "%1: %2 %3 → %4" (layer, option label, old, new)
};

struct RunDifference {
    RunChange code = RunChange::LayerOption;
    const char *format = ""; ///< English template with %1, %2 … (context "Diagnostics")
    std::vector<DiagnosticArg> args = {};
    [[nodiscard]] std::string english() const;
};

/// What changed from `from` to `to` among what a run's result depends on (the network, the data, the
/// preprocessing and the training settings; not the layout, the names or trained weights), in a fixed order:
/// optimizer, learning rate, the other training settings, the network, the data. Empty when they train alike.
/// A group of layers changed in the same way (every Dense layer's activation tanh → relu) is one difference.
std::vector<RunDifference> settingsDifferences(const Project &from, const Project &to);

/// The widths of the hidden layers in the order they compute ("8-8-8"): Dense units, Conv2D filters,
/// recurrent units; the output layer (the one nothing reads) is left out. Empty for a network without such
/// layers.
std::string hiddenWidths(const GraphSpec &graph);

/// A number as people write it in a label: "0.03", "1e-05", "300".
std::string shortNumber(double v);

} // namespace nnp
