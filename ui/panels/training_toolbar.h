#pragma once
// Play/Pause, Step, Step epoch, Reset, the epoch and sample counters, the speed and the settings that may
// change while a run goes on (learning rate, batch size, regularisation), and the run's state in words.

#include "training/training_snapshot.h"

#include <QToolBar>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSlider;
class QSpinBox;

namespace nnp {

class GraphDocument;
class TrainingController;

class TrainingToolbar : public QToolBar {
    Q_OBJECT
public:
    /// Learning-rate, batch-size and regularisation edits are undoable changes of the document, their one
    /// home (saved with the project; the document pushes them to the controller, which applies them to the
    /// running trainer at once). The regularisation is the Dense layers' own L1/L2 rates: the toolbar shows
    /// "L2 0.01" when every Dense layer has it, and "Per layer" when they differ.
    TrainingToolbar(TrainingController *controller, GraphDocument *document, QWidget *parent = nullptr);

    [[nodiscard]] QAction *playAction() const { return m_play; }
    [[nodiscard]] QAction *stepAction() const { return m_step; }
    [[nodiscard]] QAction *stepEpochAction() const { return m_stepEpoch; }
    [[nodiscard]] QAction *resetAction() const { return m_reset; }
    [[nodiscard]] QDoubleSpinBox *learningRateBox() const { return m_learningRate; }
    [[nodiscard]] QSpinBox *batchSizeBox() const { return m_batchSize; }
    [[nodiscard]] QComboBox *regularizationBox() const { return m_regKind; }
    [[nodiscard]] QDoubleSpinBox *regularizationRateBox() const { return m_regRate; }
    [[nodiscard]] QSlider *paceSlider() const { return m_pace; }
    /// The learning rate, batch size, regularisation and the state: a toolbar of their own beside this one
    /// (the window adds it after the training toolbar), so that a projector's large text can move them to
    /// another row instead of the overflow menu.
    [[nodiscard]] QToolBar *settingsBar() const { return m_settingsBar; }
    /// The pace in words with its unit ("5 epochs/s").
    [[nodiscard]] QString paceValueText() const;
    [[nodiscard]] QString epochText() const;
    [[nodiscard]] QString samplesText() const;
    [[nodiscard]] QString statusText() const;

private:
    void buildActions();
    void buildSettings();
    void onStatusChanged(TrainingStatus status);
    void showPace(int level);
    void updateEnabled();
    void onSnapshot(const SnapshotPtr &s);
    void updateStatusLabel();
    void showSettings(const TrainingConfig &config);
    void onLearningRateEdited();
    void onBatchSizeEdited();
    void onRegularizationEdited();
    void showDocumentRegularization();

    TrainingController *m_controller;
    GraphDocument *m_document;
    QAction *m_play = nullptr, *m_step = nullptr, *m_stepEpoch = nullptr, *m_reset = nullptr;
    QLabel *m_epoch = nullptr, *m_samples = nullptr, *m_status = nullptr;
    QSlider *m_pace = nullptr;
    QLabel *m_paceValue = nullptr;
    QDoubleSpinBox *m_learningRate = nullptr, *m_regRate = nullptr;
    QSpinBox *m_batchSize = nullptr;
    QComboBox *m_regKind = nullptr;
    QAction *m_regRateAction = nullptr;
    QToolBar *m_settingsBar = nullptr;
};

/// A notch of the pace slider in words, with its unit ("5 epochs/s", "As fast as possible").
QString paceText(int level);

/// The state in a few words for the toolbar ("Running", "Diverged" ...).
QString statusName(TrainingStatus status);

/// The regularisation every Dense layer of `graph` shares (None without Dense layers), as the toolbar shows
/// it; PerLayer when the layers differ or one has both L1 and L2. `rate` gets the shared rate.
RegularizationKind sharedRegularization(const GraphSpec &graph, double *rate = nullptr);

} // namespace nnp
