#pragma once
// The explain panel: pick a sample (or a mini-batch), press "Explain step", then walk through the phases
// (Back / Next, or Play at a chosen pace). The text shows the formulas of the selected neuron or weight with
// the trace's numbers, and one sentence on what is happening.

#include "explain/explain_model.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
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
    /// The samples "Explain step" uses now.
    [[nodiscard]] std::vector<int> chosenSamples() const;

private:
    void refresh();
    void updateControls();
    void setPlaying(bool on);

    ExplainModel *m_model;
    QSpinBox *m_sample, *m_batch;
    QPushButton *m_nextInBatch = nullptr;
    QPushButton *m_explain, *m_random, *m_back, *m_next, *m_play, *m_close;
    QComboBox *m_pace;
    QLabel *m_phaseLabel;
    QTextBrowser *m_text;
    WindowView *m_window;
    QTimer *m_timer;
    int m_trainSamples = 0;
};

} // namespace nnp
