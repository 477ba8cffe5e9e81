#pragma once
// Plugs training into the main window: the controller fed from the document, the training toolbar, and the
// Data, Output and Training curves docks. Edits made before anything is trained rebuild the run at once
// (so the output view shows the new data); edits during a run only mark it stale.

#include "training/training_snapshot.h"

#include <QObject>

class QTimer;

namespace nnp {

class DataPanel;
class LossPlot;
class MainWindow;
class OutputView;
class TrainingController;
class TrainingToolbar;

class TrainingDocks : public QObject {
    Q_OBJECT
public:
    explicit TrainingDocks(MainWindow *window);

    [[nodiscard]] TrainingController *controller() const { return m_controller; }
    [[nodiscard]] TrainingToolbar *toolbar() const { return m_toolbar; }
    [[nodiscard]] LossPlot *lossPlot() const { return m_lossPlot; }
    [[nodiscard]] OutputView *outputView() const { return m_outputView; }
    [[nodiscard]] DataPanel *dataPanel() const { return m_dataPanel; }

private:
    void createDocks();
    void createMenu();
    /// Before anything is trained, an edit rebuilds the run (after a short delay); returns whether it did.
    bool rebuildIfUntrained();
    void onProjectEdited();
    void onGraphEdited();
    void keepTrainedState(const SnapshotPtr &s);

    MainWindow *m_window;
    TrainingController *m_controller;
    TrainingToolbar *m_toolbar = nullptr;
    LossPlot *m_lossPlot = nullptr;
    OutputView *m_outputView = nullptr;
    DataPanel *m_dataPanel = nullptr;
    QTimer *m_rebuild;
};

} // namespace nnp
