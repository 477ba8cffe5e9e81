#pragma once
// Plugs the explain mode into the main window: the Neurons dock (neuronDock), the Explain dock (explainDock),
// the shared ExplainModel, and the "neurons" figure for File > Export > Figure.

#include <QObject>

class QDockWidget;

namespace nnp {

class ExplainModel;
class ExplainPanel;
class MainWindow;
class NeuronView;

class ExplainDocks : public QObject {
    Q_OBJECT
public:
    explicit ExplainDocks(MainWindow *window);

    [[nodiscard]] ExplainModel *model() const { return m_model; }
    [[nodiscard]] NeuronView *neuronView() const { return m_view; }
    [[nodiscard]] ExplainPanel *panel() const { return m_panel; }
    [[nodiscard]] QDockWidget *neuronDock() const { return m_neuronDock; }
    [[nodiscard]] QDockWidget *explainDock() const { return m_explainDock; }

private:
    ExplainModel *m_model;
    NeuronView *m_view;
    ExplainPanel *m_panel;
    QDockWidget *m_neuronDock, *m_explainDock;
};

} // namespace nnp
