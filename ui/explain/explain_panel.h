#pragma once
// The explain panel: pick a sample (or a mini-batch), press "Explain step", then walk through the phases
// (Back / Next, or Play at a chosen pace). The text shows the formulas of the selected neuron or weight with
// the trace's numbers, and one sentence on what is happening.

#include "explain/explain_model.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTextBrowser;
class QTimer;

namespace nnp {

class WindowView;

class ExplainPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExplainPanel(ExplainModel *model, QWidget *parent = nullptr);

    [[nodiscard]] QPushButton *explainButton() const { return m_explain; }
    [[nodiscard]] QPushButton *nextInBatchButton() const { return m_nextInBatch; }
    [[nodiscard]] QPushButton *nextButton() const { return m_next; }
    [[nodiscard]] QPushButton *backButton() const { return m_back; }
    [[nodiscard]] QPushButton *playButton() const { return m_play; }
    [[nodiscard]] QSpinBox *sampleBox() const { return m_sample; }
    [[nodiscard]] QSpinBox *batchBox() const { return m_batch; }
    [[nodiscard]] QTextBrowser *text() const { return m_text; }
    /// The maps of a convolution or pooling phase (hidden in other phases).
    [[nodiscard]] WindowView *windowView() const { return m_window; }
    /// A recurrent node's controls (hidden in other phases): the time step, the unit, and the weight whose
    /// gradient the backward phase sums (parameter, gate, column).
    [[nodiscard]] QWidget *recurrentControls() const { return m_recurrentRow; }
    [[nodiscard]] QSlider *stepSlider() const { return m_stepSlider; }
    [[nodiscard]] QSpinBox *unitBox() const { return m_unitBox; }
    [[nodiscard]] QComboBox *paramBox() const { return m_paramBox; }
    [[nodiscard]] QComboBox *gateBox() const { return m_gateBox; }
    [[nodiscard]] QSpinBox *columnBox() const { return m_columnBox; }
    /// The samples "Explain step" uses now.
    [[nodiscard]] std::vector<int> chosenSamples() const;

private:
    void refresh();
    void updateControls();
    void setPlaying(bool on);
    void buildRecurrentControls();
    /// Shows and fills the recurrent controls for the current phase; whether it is a recurrent one.
    bool updateRecurrentControls();
    void recurrentEdited();

    ExplainModel *m_model;
    QSpinBox *m_sample, *m_batch;
    QPushButton *m_nextInBatch = nullptr;
    QPushButton *m_explain, *m_random, *m_back, *m_next, *m_play, *m_close;
    QComboBox *m_pace;
    QLabel *m_phaseLabel;
    QTextBrowser *m_text;
    WindowView *m_window;
    QWidget *m_recurrentRow = nullptr;
    QSlider *m_stepSlider = nullptr;
    QLabel *m_stepLabel = nullptr;
    QSpinBox *m_unitBox = nullptr, *m_columnBox = nullptr;
    QComboBox *m_paramBox = nullptr, *m_gateBox = nullptr;
    QWidget *m_weightPart = nullptr;
    QTimer *m_timer;
    int m_trainSamples = 0;
};

} // namespace nnp
