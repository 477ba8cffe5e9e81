#pragma once
// The output of a network trained on two-input data, as in TensorFlow Playground but for any number of
// classes: the decision boundary (or regression surface) behind the training and test points, with
// "Show test data" and "Discretize output" toggles and a legend.

#include "training/training_snapshot.h"

#include <QWidget>

class QCheckBox;
class QLabel;

namespace nnp {

class PlaneCanvas;
class TrainingController;

class OutputView : public QWidget {
    Q_OBJECT
public:
    explicit OutputView(QWidget *parent = nullptr);

    /// Follows a controller: every snapshot's plane and boundary; cleared on reset.
    void attach(TrainingController *controller);
    void showSnapshot(const TrainingSnapshot &s);
    void clear();

    [[nodiscard]] PlaneCanvas *canvas() const { return m_canvas; }
    [[nodiscard]] QCheckBox *showTestBox() const { return m_showTest; }
    [[nodiscard]] QCheckBox *discreteBox() const { return m_discrete; }
    [[nodiscard]] QString legendText() const;

private:
    void updateLegend();

    PlaneCanvas *m_canvas;
    QCheckBox *m_showTest, *m_discrete;
    QLabel *m_legend;
};

} // namespace nnp
