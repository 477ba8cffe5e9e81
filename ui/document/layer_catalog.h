#pragma once
// What the UI says and shows about each layer kind, option value and hyperparameter choice: translated
// titles, one-line explanations, icons and colours. One place, so palette, canvas and inspector agree.

#include "graph/graph_spec.h"
#include "losses/loss.h"
#include "optimizers/optimizer.h"
#include "schedules/schedule.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace nnp {

/// Drag data from the palette: the layer kind's stable name (toString(LayerKind)) as UTF-8.
inline constexpr char kLayerKindMimeType[] = "application/x-nnp-layer-kind";

class LayerCatalog {
    Q_DECLARE_TR_FUNCTIONS(LayerCatalog)
public:
    static QString title(LayerKind kind);       ///< "Dense"
    static QString explanation(LayerKind kind); ///< one line for the palette and tooltips
    static QString iconPath(LayerKind kind);    ///< ":/icons/dense.svg"
    static QIcon icon(LayerKind kind);
    static QColor color(LayerKind kind); ///< the block's accent colour
    /// A short default name for a new node ("dense"); the document adds a number to make it unique.
    static QString baseName(LayerKind kind);

    static QString title(ActivationKind kind);
    static QString title(InitKind kind);
    static QString title(OptimizerKind kind);
    static QString title(ScheduleKind kind);
    static QString title(LossKind kind);

    /// An option's label, tooltip and a value as people read it ("Tanh", "28×28", "50").
    static QString optionLabel(const OptionSpec &o);
    static QString optionTooltip(const OptionSpec &o);
    static QString choiceTitle(const OptionSpec &o, const std::string &name);
    static QString valueText(const OptionSpec &o, const OptionValue &v);

    /// The most telling options in a few words ("4 units · tanh"), shown on the block.
    static QString keyOptions(const NodeSpec &node);
};

/// "2", "28×28×1" for shapes shown to people.
QString shapeText(const std::vector<int> &dims);
/// Parses "28x28x1", "28×28×1", "28, 28, 1" or "2"; empty on anything else.
std::vector<int> parseShapeText(const QString &text);

} // namespace nnp
