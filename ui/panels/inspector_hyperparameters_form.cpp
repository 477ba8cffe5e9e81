#include "panels/inspector_hyperparameters_form.h"

#include "commands/graph_commands.h"
#include "document/graph_document.h"
#include "document/layer_catalog.h"
#include "panels/inspector_number_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QUndoStack>
#include <QVBoxLayout>

namespace nnp {

InspectorHyperparametersForm::InspectorHyperparametersForm(GraphDocument *document, QWidget *parent)
    : QWidget(parent), m_doc(document)
{
    build();
    connect(m_doc, &GraphDocument::hyperparametersChanged, this, &InspectorHyperparametersForm::refresh);
    refresh();
}

QFormLayout *InspectorHyperparametersForm::addGroup(const QString &title)
{
    auto *box = new QGroupBox(title, this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    static_cast<QVBoxLayout *>(layout())->addWidget(box);
    return form;
}

void InspectorHyperparametersForm::build()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 8, 8, 8);
    auto *title = new QLabel(tr("Training settings"), this);
    QFont f = title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.25);
    title->setFont(f);
    outer->addWidget(title);
    auto *hint =
        new QLabel(tr("Select a layer on the canvas to edit it; with nothing selected these settings "
                      "of the run are shown."),
                   this);
    hint->setWordWrap(true);
    outer->addWidget(hint);

    using T = TrainingConfig;
    auto number = [this](QFormLayout *form, const QString &label, double lo, double hi, const QString &field,
                         std::function<void(T &, double)> set) {
        auto *box = new InspectorNumberBox(lo, hi, this);
        form->addRow(label, box);
        connect(box, &QDoubleSpinBox::valueChanged, this,
                [this, field, set](double v) { change(field, [&](T &c) { set(c, v); }); });
        return box;
    };

    m_optForm = addGroup(tr("Optimizer"));
    m_optimizer = new QComboBox(this);
    m_optimizer->setObjectName(QStringLiteral("optimizer"));
    for (OptimizerKind k : allOptimizers())
        m_optimizer->addItem(LayerCatalog::title(k), static_cast<int>(k));
    m_optForm->addRow(tr("Method"), m_optimizer);
    connect(m_optimizer, &QComboBox::currentIndexChanged, this, [this](int i) {
        const auto k = static_cast<OptimizerKind>(m_optimizer->itemData(i).toInt());
        // A new method starts from its usual settings (Adam's learning rate is not SGD's).
        change(tr("optimizer"), [&](T &c) { c.optimizer = defaultOptimizerConfig(k); });
    });
    m_lr = number(m_optForm, tr("Learning rate"), 1e-7, 10.0, tr("learning rate"),
                  [](T &c, double v) { c.optimizer.learningRate = v; });
    m_lr->setObjectName(QStringLiteral("learningRate"));
    m_lr->setToolTip(tr("How big a step each update takes. Too large diverges, too small crawls."));
    m_momentum = number(m_optForm, tr("Momentum"), 0.0, 0.999, tr("momentum"),
                        [](T &c, double v) { c.optimizer.momentum = v; });
    m_nesterov = new QCheckBox(tr("Nesterov momentum"), this);
    m_optForm->addRow(QString(), m_nesterov);
    connect(m_nesterov, &QCheckBox::toggled, this,
            [this](bool on) { change(tr("Nesterov"), [&](T &c) { c.optimizer.nesterov = on; }); });
    m_beta1 = number(m_optForm, tr("Beta 1"), 0.0, 0.9999, tr("beta 1"),
                     [](T &c, double v) { c.optimizer.beta1 = v; });
    m_beta2 = number(m_optForm, tr("Beta 2"), 0.0, 0.99999, tr("beta 2"),
                     [](T &c, double v) { c.optimizer.beta2 = v; });
    m_rho = number(m_optForm, tr("Rho"), 0.0, 0.9999, tr("rho"), [](T &c, double v) { c.optimizer.rho = v; });
    m_alpha = number(m_optForm, tr("Alpha"), 0.0, 0.9999, tr("alpha"),
                     [](T &c, double v) { c.optimizer.alpha = v; });
    m_eps = number(m_optForm, tr("Epsilon"), 1e-12, 1.0, tr("epsilon"),
                   [](T &c, double v) { c.optimizer.epsilon = v; });
    m_decay = number(m_optForm, tr("Weight decay"), 0.0, 1.0, tr("weight decay"),
                     [](T &c, double v) { c.optimizer.weightDecay = v; });

    m_schedForm = addGroup(tr("Learning-rate schedule"));
    m_schedule = new QComboBox(this);
    m_schedule->setObjectName(QStringLiteral("schedule"));
    for (ScheduleKind k : allSchedules())
        m_schedule->addItem(LayerCatalog::title(k), static_cast<int>(k));
    m_schedForm->addRow(tr("Schedule"), m_schedule);
    connect(m_schedule, &QComboBox::currentIndexChanged, this, [this](int i) {
        const auto k = static_cast<ScheduleKind>(m_schedule->itemData(i).toInt());
        change(tr("schedule"), [&](T &c) { c.schedule.kind = k; });
    });
    m_stepEpochs = new QSpinBox(this);
    m_stepEpochs->setRange(1, 100000);
    m_stepEpochs->setKeyboardTracking(false);
    m_schedForm->addRow(tr("Every (epochs)"), m_stepEpochs);
    connect(m_stepEpochs, &QSpinBox::valueChanged, this,
            [this](int v) { change(tr("step epochs"), [&](T &c) { c.schedule.stepEpochs = v; }); });
    m_gamma = number(m_schedForm, tr("Factor (gamma)"), 1e-6, 1.0, tr("gamma"),
                     [](T &c, double v) { c.schedule.gamma = v; });
    m_minLr = number(m_schedForm, tr("Final rate"), 0.0, 10.0, tr("final rate"),
                     [](T &c, double v) { c.schedule.minLearningRate = v; });

    m_runForm = addGroup(tr("Training"));
    m_loss = new QComboBox(this);
    m_loss->setObjectName(QStringLiteral("loss"));
    for (LossKind k : allLosses())
        m_loss->addItem(LayerCatalog::title(k), static_cast<int>(k));
    m_runForm->addRow(tr("Loss"), m_loss);
    connect(m_loss, &QComboBox::currentIndexChanged, this, [this](int i) {
        const auto k = static_cast<LossKind>(m_loss->itemData(i).toInt());
        change(tr("loss"), [&](T &c) { c.loss.kind = k; });
    });
    m_huber = number(m_runForm, tr("Huber delta"), 1e-6, 1000.0, tr("Huber delta"),
                     [](T &c, double v) { c.loss.huberDelta = static_cast<Scalar>(v); });
    m_batch = new QSpinBox(this);
    m_batch->setObjectName(QStringLiteral("batchSize"));
    m_batch->setRange(1, 100000);
    m_batch->setKeyboardTracking(false);
    m_batch->setToolTip(tr("Samples averaged for each update."));
    m_runForm->addRow(tr("Batch size"), m_batch);
    connect(m_batch, &QSpinBox::valueChanged, this,
            [this](int v) { change(tr("batch size"), [&](T &c) { c.batchSize = v; }); });
    m_epochs = new QSpinBox(this);
    m_epochs->setObjectName(QStringLiteral("epochs"));
    m_epochs->setRange(1, 1000000);
    m_epochs->setKeyboardTracking(false);
    m_epochs->setToolTip(tr("Passes over the training data before the run stops."));
    m_runForm->addRow(tr("Epochs"), m_epochs);
    connect(m_epochs, &QSpinBox::valueChanged, this,
            [this](int v) { change(tr("epochs"), [&](T &c) { c.epochs = v; }); });
    m_target = number(m_runForm, tr("Stop at loss"), 0.0, 1e6, tr("target loss"),
                      [](T &c, double v) { c.targetLoss = v; });
    m_target->setSpecialValueText(tr("off"));
    m_target->setToolTip(tr("Stop as soon as an epoch's training loss is this low (0: never)."));
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, 2147483647);
    m_seed->setKeyboardTracking(false);
    m_seed->setToolTip(tr("The same seed gives the same starting weights and the same run."));
    m_runForm->addRow(tr("Seed"), m_seed);
    connect(m_seed, &QSpinBox::valueChanged, this,
            [this](int v) { change(tr("seed"), [&](T &c) { c.seed = static_cast<std::uint64_t>(v); }); });
    m_shuffle = new QCheckBox(tr("Shuffle the samples every epoch"), this);
    m_runForm->addRow(QString(), m_shuffle);
    connect(m_shuffle, &QCheckBox::toggled, this,
            [this](bool on) { change(tr("shuffle"), [&](T &c) { c.shuffle = on; }); });
    outer->addStretch(1);
}

void InspectorHyperparametersForm::change(const QString &field,
                                          const std::function<void(TrainingConfig &)> &edit)
{
    TrainingConfig c = m_doc->training();
    edit(c);
    m_doc->undoStack()->push(new ChangeHyperparametersCommand(m_doc, c, field));
}

void InspectorHyperparametersForm::refresh()
{
    const TrainingConfig &c = m_doc->training();
    const QList<QWidget *> editors{m_optimizer, m_schedule, m_loss,   m_lr,       m_momentum, m_beta1,
                                   m_beta2,     m_eps,      m_rho,    m_alpha,    m_decay,    m_gamma,
                                   m_minLr,     m_huber,    m_target, m_nesterov, m_shuffle,  m_stepEpochs,
                                   m_batch,     m_epochs,   m_seed};
    std::vector<std::unique_ptr<QSignalBlocker>> blockers;
    for (QWidget *w : editors)
        blockers.push_back(std::make_unique<QSignalBlocker>(w));
    m_optimizer->setCurrentIndex(m_optimizer->findData(static_cast<int>(c.optimizer.kind)));
    m_lr->setValue(c.optimizer.learningRate);
    m_momentum->setValue(c.optimizer.momentum);
    m_nesterov->setChecked(c.optimizer.nesterov);
    m_beta1->setValue(c.optimizer.beta1);
    m_beta2->setValue(c.optimizer.beta2);
    m_eps->setValue(c.optimizer.epsilon);
    m_rho->setValue(c.optimizer.rho);
    m_alpha->setValue(c.optimizer.alpha);
    m_decay->setValue(c.optimizer.weightDecay);
    m_schedule->setCurrentIndex(m_schedule->findData(static_cast<int>(c.schedule.kind)));
    m_stepEpochs->setValue(c.schedule.stepEpochs);
    m_gamma->setValue(c.schedule.gamma);
    m_minLr->setValue(c.schedule.minLearningRate);
    m_loss->setCurrentIndex(m_loss->findData(static_cast<int>(c.loss.kind)));
    m_huber->setValue(static_cast<double>(c.loss.huberDelta));
    m_batch->setValue(c.batchSize);
    m_epochs->setValue(c.epochs);
    m_target->setValue(c.targetLoss);
    m_seed->setValue(static_cast<int>(std::min<std::uint64_t>(c.seed, 2147483647u)));
    m_shuffle->setChecked(c.shuffle);
    updateRows();
}

void InspectorHyperparametersForm::updateRows()
{
    const TrainingConfig &c = m_doc->training();
    const auto k = c.optimizer.kind;
    m_optForm->setRowVisible(m_momentum, k == OptimizerKind::SGD || k == OptimizerKind::RMSProp);
    m_optForm->setRowVisible(m_nesterov, k == OptimizerKind::SGD);
    const bool adam = k == OptimizerKind::Adam || k == OptimizerKind::AdamW;
    m_optForm->setRowVisible(m_beta1, adam);
    m_optForm->setRowVisible(m_beta2, adam);
    m_optForm->setRowVisible(m_rho, k == OptimizerKind::Adadelta);
    m_optForm->setRowVisible(m_alpha, k == OptimizerKind::RMSProp);
    m_optForm->setRowVisible(m_eps, k != OptimizerKind::SGD);
    m_optForm->setRowVisible(m_decay, k == OptimizerKind::AdamW);
    const auto s = c.schedule.kind;
    m_schedForm->setRowVisible(m_stepEpochs, s == ScheduleKind::StepDecay);
    m_schedForm->setRowVisible(m_gamma, s == ScheduleKind::StepDecay || s == ScheduleKind::ExponentialDecay);
    m_schedForm->setRowVisible(m_minLr, s == ScheduleKind::Cosine);
    m_runForm->setRowVisible(m_huber, c.loss.kind == LossKind::Huber);
}

} // namespace nnp
