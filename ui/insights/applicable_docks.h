#pragma once
// Views that only mean something for some networks (Feature maps and Kernels for convolutions, the Embedding
// map for Embedding layers, the Unrolled sequence for recurrent layers) are closed while the network has no
// such layer, so that the bottom dock's tabs keep readable titles; they come back when it has one. Whatever
// shows one of them (a restored layout, leaving presentation mode, a lesson step) meets the same rule. The
// View menu keeps listing them, disabled, with a tooltip that says why. The rule of which view needs what is
// here.

#include "graph/graph_spec.h"

#include <QObject>

#include <set>
#include <vector>

class QDockWidget;

namespace nnp {

class GraphDocument;
class MainWindow;

enum class ViewNeed { ImageLayer, Convolution, Embedding, Recurrent };

/// Whether the graph has a layer that the view needs.
[[nodiscard]] bool graphHas(const GraphSpec &graph, ViewNeed need);

/// Widens the bottom row's tabbed group (the curves and the views beside them) until no tab title is cut,
/// taking the room from the docks beside it (the Neurons and Explain views).
void fitBottomTabs(MainWindow *window);

class ApplicableDocks : public QObject {
    Q_OBJECT
public:
    struct Entry {
        QDockWidget *dock = nullptr;
        ViewNeed need = ViewNeed::ImageLayer;
    };
    /// Also keeps the bottom tabs' titles whole when the window is resized (fitBottomTabs).
    ApplicableDocks(MainWindow *window, GraphDocument *doc, std::vector<Entry> entries, QObject *parent);
    /// Applies the rule to the document's graph now (also after every change of the graph).
    void refresh();
    /// Why `need`'s views are closed (the View menu's tooltip).
    [[nodiscard]] static QString reason(ViewNeed need);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void enforce(const Entry &e);
    void fitLater();

    MainWindow *m_window;
    GraphDocument *m_doc;
    std::vector<Entry> m_entries;
    std::set<QDockWidget *> m_closedByRule; // reopened when the network has the layer again
    bool m_enforceQueued = false;
};

} // namespace nnp
