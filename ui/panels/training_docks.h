#pragma once
// Plugs training into the main window: the controller, to which the document pushes every change, the
// training toolbar, and the Data, Output and Training curves docks.

#include "training/training_snapshot.h"

#include <QObject>

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
    void keepTrainedState(const SnapshotPtr &s);

    MainWindow *m_window;
    TrainingController *m_controller;
    TrainingToolbar *m_toolbar = nullptr;
    LossPlot *m_lossPlot = nullptr;
    OutputView *m_outputView = nullptr;
    DataPanel *m_dataPanel = nullptr;
    QString m_shownRunMessage; ///< the run's message last put in the status bar
};

} // namespace nnp
