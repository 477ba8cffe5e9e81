#include "document/fit_fixes.h"

#include "layers/activations.h"
#include "layers/dense.h"
#include "layers/layer_registry.h"
#include "layers/simple_layers.h"

#include "commands/graph_commands.h"
#include "document/graph_document.h"
#include "document/layer_catalog.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace nnp {

namespace {
class FitFixes {
    Q_DECLARE_TR_FUNCTIONS(FitFixes)
};

/// How far right of a layer an appended one goes (a block's width and a gap, as auto-layout places them).
constexpr double kAppendOffset = 220.0;
} // namespace

QString fixLabel(const FitFix &fix)
{
    switch (fix.kind) {
    case FitFix::Kind::None:
        return {};
    case FitFix::Kind::SetActivation:
        return FitFixes::tr("Use %1").arg(LayerCatalog::title(fix.activation));
    case FitFix::Kind::AppendSoftmax:
        return FitFixes::tr("Add Softmax");
    case FitFix::Kind::SetLoss:
        return FitFixes::tr("Use %1").arg(LayerCatalog::title(fix.loss));
    case FitFix::Kind::SetUnits:
        return fix.count == 1 ? FitFixes::tr("Set 1 unit") : FitFixes::tr("Set %1 units").arg(fix.count);
    case FitFix::Kind::SetInputShape:
        return fix.count == 1 ? FitFixes::tr("Set 1 input") : FitFixes::tr("Set %1 inputs").arg(fix.count);
    case FitFix::Kind::ScaleTarget:
        return FitFixes::tr("Scale the target");
    }
    return {};
}

bool applyFix(GraphDocument *doc, const FitFix &fix)
{
    if (fix.kind == FitFix::Kind::None) return false;
    const NodeSpec *found = doc->graph().find(fix.node);
    if (!found && fix.kind != FitFix::Kind::SetLoss && fix.kind != FitFix::Kind::ScaleTarget) return false;
    // One parent: the fix is one undo step, and its option changes do not merge with the user's own edits.
    auto *step = new QUndoCommand(FitFixes::tr("Fix: %1").arg(fixLabel(fix)));
    switch (fix.kind) {
    case FitFix::Kind::None:
        break;
    case FitFix::Kind::SetActivation: {
        LayerOptions o = found->options;
        o.set(opt::activation, fix.activation);
        new ChangeNodeOptionsCommand(doc, fix.node, found->name, o, FitFixes::tr("activation"), step);
        break;
    }
    case FitFix::Kind::AppendSoftmax: {
        // The layer before Softmax gives logits: a Linear activation, as Keras and PyTorch models do.
        if (layerKind(found->kind).traits.builtInActivation &&
            found->options.get(opt::activation) != ActivationKind::Linear) {
            LayerOptions o = found->options;
            o.set(opt::activation, ActivationKind::Linear);
            new ChangeNodeOptionsCommand(doc, fix.node, found->name, o, FitFixes::tr("activation"), step);
        }
        NodeSpec softmax;
        softmax.id = doc->graph().nextId();
        softmax.kind = LayerKind::Softmax;
        softmax.options = layerKind(LayerKind::Softmax).newNode;
        softmax.name = doc->uniqueName(LayerKind::Softmax);
        softmax.x = found->x + kAppendOffset;
        softmax.y = found->y;
        new AddNodeCommand(doc, softmax, step);
        new ConnectCommand(doc, EdgeSpec{fix.node, softmax.id, 0}, step);
        break;
    }
    case FitFix::Kind::SetLoss: {
        TrainingConfig c = doc->training();
        c.loss.kind = fix.loss;
        new ChangeHyperparametersCommand(doc, c, FitFixes::tr("loss"), step);
        break;
    }
    case FitFix::Kind::SetUnits: {
        LayerOptions o = found->options;
        o.set(opt::dense::units, fix.count);
        new ChangeNodeOptionsCommand(doc, fix.node, found->name, o, FitFixes::tr("units"), step);
        break;
    }
    case FitFix::Kind::SetInputShape: {
        LayerOptions o = found->options;
        o.set(opt::input::shape, std::vector<int>{fix.count});
        new ChangeNodeOptionsCommand(doc, fix.node, found->name, o, FitFixes::tr("shape"), step);
        break;
    }
    case FitFix::Kind::ScaleTarget: {
        Preprocessing pre = doc->preprocessing();
        pre.scaleTarget = true;
        new ChangeDataCommand(doc, doc->dataSource(), pre, FitFixes::tr("target scaling"), step);
        break;
    }
    }
    doc->undoStack()->push(step);
    return true;
}

} // namespace nnp
