#pragma once
// The run's hyperparameters, shown when no layer is selected: optimizer and its settings, learning rate
// and schedule, loss, batch size, epochs, seed, target loss. Edits push ChangeHyperparametersCommand.

#include "train/trainer.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QSpinBox;

namespace nnp {

class GraphDocument;
class InspectorNumberBox;

class InspectorHyperparametersForm : public QWidget {
    Q_OBJECT
public:
    explicit InspectorHyperparametersForm(GraphDocument *document, QWidget *parent = nullptr);
    void refresh();

    QComboBox *optimizerBox() const { return m_optimizer; }
    InspectorNumberBox *learningRateBox() const { return m_lr; }
    QSpinBox *batchSizeBox() const { return m_batch; }
    QSpinBox *epochsBox() const { return m_epochs; }
    QComboBox *lossBox() const { return m_loss; }

private:
    void build();
    void change(const QString &field, const std::function<void(TrainingConfig &)> &edit);
    void updateRows();
    QFormLayout *addGroup(const QString &title);

    GraphDocument *m_doc;
    QFormLayout *m_optForm = nullptr, *m_schedForm = nullptr, *m_runForm = nullptr;
    QComboBox *m_optimizer = nullptr, *m_schedule = nullptr, *m_loss = nullptr;
    InspectorNumberBox *m_lr = nullptr, *m_momentum = nullptr, *m_beta1 = nullptr, *m_beta2 = nullptr,
                       *m_eps = nullptr, *m_rho = nullptr, *m_alpha = nullptr, *m_decay = nullptr,
                       *m_gamma = nullptr, *m_minLr = nullptr, *m_huber = nullptr, *m_target = nullptr;
    QCheckBox *m_nesterov = nullptr, *m_shuffle = nullptr;
    QSpinBox *m_stepEpochs = nullptr, *m_batch = nullptr, *m_epochs = nullptr, *m_seed = nullptr;
};

} // namespace nnp
