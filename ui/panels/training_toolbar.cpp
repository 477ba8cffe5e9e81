#include "panels/training_toolbar.h"
#include "layers/dense.h"
#include "layers/layer_registry.h"

#include "commands/graph_commands.h"
#include "document/graph_document.h"
#include "training/training_controller.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QUndoStack>

#include <algorithm>

namespace nnp {

namespace {
QWidget *labelled(const QString &text, QWidget *field, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(4);
    auto *label = new QLabel(text, box);
    label->setBuddy(field);
    layout->addWidget(label);
    layout->addWidget(field);
    box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred); // the toolbar must not stretch it
    return box;
}

/// The state label's width without its margins: the longest state, at least this (the "changed" note wraps
/// below it in small print).
constexpr int kStatusMinWidth = 150;

QFont counterFont(const QWidget *w)
{
    QFont f = w->font();
    f.setPointSizeF(f.pointSizeF() * 1.35);
    f.setBold(true);
    return f;
}
} // namespace

QString statusName(TrainingStatus status)
{
    // Literal context and text, so that lupdate finds these messages (it cannot follow a variable).
    switch (status) {
    case TrainingStatus::Idle:
        return QCoreApplication::translate("nnp::TrainingToolbar", "Ready to train");
    case TrainingStatus::Preparing:
        return QCoreApplication::translate("nnp::TrainingToolbar", "Preparing…");
    case TrainingStatus::Ready:
        return QCoreApplication::translate("nnp::TrainingToolbar", "Initialised");
    case TrainingStatus::Running:
        return QCoreApplication::translate("nnp::TrainingToolbar", "Training", "status: a run is going on");
    case TrainingStatus::Paused:
        return QCoreApplication::translate("nnp::TrainingToolbar", "Paused");
    case TrainingStatus::Finished:
        return QCoreApplication::translate("nnp::TrainingToolbar", "Finished");
    case TrainingStatus::ReachedTarget:
        return QCoreApplication::translate("nnp::TrainingToolbar", "Target reached");
    case TrainingStatus::Diverged:
        return QCoreApplication::translate("nnp::TrainingToolbar", "Diverged");
    case TrainingStatus::Failed:
        return QCoreApplication::translate("nnp::TrainingToolbar", "Cannot train");
    }
    return {};
}

RegularizationKind sharedRegularization(const GraphSpec &graph, double *rate)
{
    std::optional<std::pair<double, double>> shared;
    for (const NodeSpec &n : graph.nodes) {
        if (!hasWeightPenalties(n.kind)) continue;
        const std::pair<double, double> rates{n.options.get(opt::l1), n.options.get(opt::l2)};
        if (shared && *shared != rates) return RegularizationKind::PerLayer;
        shared = rates;
    }
    if (rate) *rate = 0;
    if (!shared || (shared->first == 0 && shared->second == 0)) return RegularizationKind::None;
    if (shared->first != 0 && shared->second != 0) return RegularizationKind::PerLayer;
    if (rate) *rate = shared->first != 0 ? shared->first : shared->second;
    return shared->first != 0 ? RegularizationKind::L1 : RegularizationKind::L2;
}

TrainingToolbar::TrainingToolbar(TrainingController *controller, GraphDocument *document, QWidget *parent)
    : QToolBar(tr("Training"), parent), m_controller(controller), m_document(document)
{
    setObjectName(QStringLiteral("trainingToolbar"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setIconSize(QSize(28, 28));
    m_settingsBar = new QToolBar(tr("Training settings"), parent);
    m_settingsBar->setObjectName(QStringLiteral("trainingSettingsToolbar"));
    m_settingsBar->setMovable(false); // no handle: at 1600 px its room holds the state label
    buildActions();
    // Play and Pause share one button: as wide as the wider text, so nothing to its right moves under the
    // mouse when it flips.
    if (auto *play = widgetForAction(m_play)) {
        int wide = 0;
        for (const QString &text : {tr("Pause"), tr("Play")}) {
            m_play->setText(text);
            wide = std::max(wide, play->sizeHint().width());
        }
        play->setMinimumWidth(wide);
    }
    addSeparator();
    m_epoch = new QLabel(this);
    m_samples = new QLabel(this);
    for (QLabel *l : {m_epoch, m_samples}) {
        l->setFont(counterFont(this));
        l->setContentsMargins(8, 0, 8, 0);
        addWidget(l);
    }
    // Room for large counts from the start: a growing number must not push the toolbar wider.
    const QLocale locale;
    m_epoch->setMinimumWidth(
        QFontMetrics(m_epoch->font()).horizontalAdvance(tr("Epoch %1").arg(locale.toString(8888))) + 16);
    m_samples->setMinimumWidth(
        QFontMetrics(m_samples->font()).horizontalAdvance(tr("Samples %1").arg(locale.toString(888888LL))) +
        16);
    addSeparator();
    buildSettings();
    m_settingsBar->addSeparator();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setContentsMargins(4, 0, 4, 0);
    m_status->setTextFormat(Qt::RichText);
    // A fixed width, so a change of state moves nothing, and room enough that the state stays on the toolbar
    // at 1600 px instead of in its overflow menu; "Network changed — press Reset to apply" wraps below it.
    m_status->setWordWrap(true);
    QFont bold = m_status->font();
    bold.setBold(true);
    int widestStatus = 0;
    for (TrainingStatus st :
         {TrainingStatus::Idle, TrainingStatus::Preparing, TrainingStatus::Ready, TrainingStatus::Running,
          TrainingStatus::Paused, TrainingStatus::Finished, TrainingStatus::ReachedTarget,
          TrainingStatus::Diverged, TrainingStatus::Failed})
        widestStatus = std::max(widestStatus, QFontMetrics(bold).horizontalAdvance(statusName(st)));
    m_status->setFixedWidth(std::max(widestStatus, kStatusMinWidth) + 16);
    m_settingsBar->addWidget(m_status);

    connect(controller, &TrainingController::statusChanged, this, &TrainingToolbar::onStatusChanged);
    connect(controller, &TrainingController::snapshotReceived, this, &TrainingToolbar::onSnapshot);
    connect(controller, &TrainingController::staleChanged, this, &TrainingToolbar::updateStatusLabel);
    connect(controller, &TrainingController::messageChanged, this, &TrainingToolbar::updateStatusLabel);
    connect(controller, &TrainingController::runReset, this, [this] { onSnapshot(nullptr); });
    // The settings' home is the document: the toolbar shows it and edits it (undoable); the document pushes
    // the change to the run.
    auto fromDocument = [this] { showSettings(m_document->training()); };
    connect(m_document, &GraphDocument::hyperparametersChanged, this, fromDocument);
    connect(m_document, &GraphDocument::documentReset, this, fromDocument);
    connect(m_document, &GraphDocument::graphChanged, this, &TrainingToolbar::showDocumentRegularization);
    connect(m_document, &GraphDocument::diagnosticsChanged, this, &TrainingToolbar::updateEnabled);
    fromDocument();
    onStatusChanged(controller->status());
    onSnapshot(nullptr);
}

void TrainingToolbar::buildActions()
{
    m_play = addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Play"));
    m_play->setShortcut(Qt::Key_Space);
    m_step = addAction(style()->standardIcon(QStyle::SP_MediaSeekForward), tr("Step"));
    m_step->setShortcut(Qt::Key_S);
    m_step->setToolTip(tr("Train on one mini-batch (S)"));
    m_stepEpoch = addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), tr("Step epoch"));
    m_stepEpoch->setShortcut(Qt::Key_E);
    m_stepEpoch->setToolTip(tr("Train to the end of the current epoch (E)"));
    m_reset = addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Reset"));
    m_reset->setShortcut(Qt::Key_R);
    m_reset->setToolTip(
        tr("Start again: rebuild the network from the editor and initialise it with the seed (R)"));
    connect(m_play, &QAction::triggered, m_controller, &TrainingController::togglePlay);
    connect(m_step, &QAction::triggered, m_controller, &TrainingController::step);
    connect(m_stepEpoch, &QAction::triggered, m_controller, &TrainingController::stepEpoch);
    connect(m_reset, &QAction::triggered, m_controller, &TrainingController::reset);
}

void TrainingToolbar::buildSettings()
{
    m_pace = new QSlider(Qt::Horizontal, this);
    m_pace->setObjectName(QStringLiteral("paceSlider"));
    m_pace->setRange(1, kPaceLevels);
    m_pace->setPageStep(1);
    m_pace->setFixedWidth(100);
    m_pace->setToolTip(tr("Pace: single steps a class can follow on the left, as fast as possible on the "
                          "right"));
    m_paceValue = new QLabel(this);
    m_paceValue->setObjectName(QStringLiteral("paceValue"));
    // As wide as the widest rate ("100 epochs/s"), whatever the pace, so the toolbar keeps its width; the
    // words of the last notch take two lines.
    int widest = 0;
    for (int level = 1; level < kPaceLevels; ++level)
        widest = std::max(widest, m_paceValue->fontMetrics().horizontalAdvance(paceText(level)));
    m_paceValue->setFixedWidth(widest + 4);
    m_paceValue->setWordWrap(true);
    connect(m_pace, &QSlider::valueChanged, m_controller, &TrainingController::setPaceLevel);
    connect(m_controller, &TrainingController::paceLevelChanged, this, &TrainingToolbar::showPace);
    QWidget *pace = labelled(tr("Pace"), m_pace, this);
    pace->layout()->addWidget(m_paceValue);
    addWidget(pace);
    showPace(m_controller->paceLevel());

    m_learningRate = new QDoubleSpinBox(this);
    m_learningRate->setDecimals(5);
    m_learningRate->setRange(0.00001, 10.0);
    m_learningRate->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_learningRate->setKeyboardTracking(false);
    m_learningRate->setToolTip(tr("Learning rate: the size of each step down the loss (applies at once)"));
    connect(m_learningRate, &QDoubleSpinBox::valueChanged, this, &TrainingToolbar::onLearningRateEdited);
    m_settingsBar->addWidget(labelled(tr("Learning rate"), m_learningRate, this));

    m_batchSize = new QSpinBox(this);
    m_batchSize->setRange(1, 65536);
    m_batchSize->setKeyboardTracking(false);
    m_batchSize->setToolTip(tr("Samples per mini-batch (applies from the next batch)"));
    connect(m_batchSize, &QSpinBox::valueChanged, this, &TrainingToolbar::onBatchSizeEdited);
    m_settingsBar->addWidget(labelled(tr("Batch"), m_batchSize, this));

    m_regKind = new QComboBox(this);
    m_regKind->addItem(tr("Per layer"), int(RegularizationKind::PerLayer));
    m_regKind->addItem(tr("None"), int(RegularizationKind::None));
    m_regKind->addItem(tr("L1"), int(RegularizationKind::L1));
    m_regKind->addItem(tr("L2"), int(RegularizationKind::L2));
    m_regKind->setToolTip(
        tr("Regularisation of the weights of every Dense and Conv2D layer: sets each layer's L1/L2 rate "
           "(saved with the "
           "project, applied to a running training at once); \"Per layer\" when the layers differ "
           "(set them in the inspector)"));
    m_regRate = new QDoubleSpinBox(this);
    m_regRate->setDecimals(4);
    m_regRate->setRange(0.0, 10.0);
    m_regRate->setValue(0.001);
    m_regRate->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_regRate->setKeyboardTracking(false);
    m_regRate->setEnabled(false);
    m_regRate->setToolTip(tr("Regularisation rate"));
    connect(m_regKind, &QComboBox::currentIndexChanged, this, &TrainingToolbar::onRegularizationEdited);
    connect(m_regRate, &QDoubleSpinBox::valueChanged, this, &TrainingToolbar::onRegularizationEdited);
    m_settingsBar->addWidget(labelled(tr("Regularisation"), m_regKind, this));
    m_regRateAction =
        m_settingsBar->addWidget(m_regRate); // shown only with L1 or L2: the toolbar needs its room
    m_regRateAction->setVisible(false);
}

QString paceText(int level)
{
    const TrainingPace p = paceForLevel(level);
    const QLocale locale;
    switch (p.unit) {
    case TrainingPace::Unit::Steps:
        return p.perSecond == 1 ? QCoreApplication::translate("nnp::TrainingToolbar", "1 step/s")
                                : QCoreApplication::translate("nnp::TrainingToolbar", "%1 steps/s")
                                      .arg(locale.toString(p.perSecond));
    case TrainingPace::Unit::Epochs:
        return p.perSecond == 1 ? QCoreApplication::translate("nnp::TrainingToolbar", "1 epoch/s")
                                : QCoreApplication::translate("nnp::TrainingToolbar", "%1 epochs/s")
                                      .arg(locale.toString(p.perSecond));
    case TrainingPace::Unit::Unlimited:
        return QCoreApplication::translate("nnp::TrainingToolbar", "As fast as possible");
    }
    return {};
}

void TrainingToolbar::showPace(int level)
{
    const QSignalBlocker block(m_pace);
    m_pace->setValue(level);
    m_paceValue->setText(paceText(level));
}

void TrainingToolbar::showSettings(const TrainingConfig &config)
{
    const QSignalBlocker b1(m_learningRate), b2(m_batchSize);
    if (config.optimizer.learningRate > 0) m_learningRate->setValue(config.optimizer.learningRate);
    if (config.batchSize > 0) m_batchSize->setValue(config.batchSize);
    showDocumentRegularization();
}

void TrainingToolbar::onLearningRateEdited()
{
    const double lr = m_learningRate->value();
    TrainingConfig cfg = m_document->training();
    if (cfg.optimizer.learningRate == lr) return;
    cfg.optimizer.learningRate = lr;
    m_document->undoStack()->push(new ChangeHyperparametersCommand(m_document, cfg, tr("learning rate")));
}

void TrainingToolbar::onBatchSizeEdited()
{
    const int n = m_batchSize->value();
    TrainingConfig cfg = m_document->training();
    if (cfg.batchSize == n) return;
    cfg.batchSize = n;
    m_document->undoStack()->push(new ChangeHyperparametersCommand(m_document, cfg, tr("batch size")));
}

void TrainingToolbar::showDocumentRegularization()
{
    double rate = 0;
    const RegularizationKind kind = sharedRegularization(m_document->graph(), &rate);
    const QSignalBlocker b3(m_regKind), b4(m_regRate);
    m_regKind->setCurrentIndex(m_regKind->findData(int(kind)));
    if (rate > 0) m_regRate->setValue(rate);
    m_regRate->setEnabled(kind == RegularizationKind::L1 || kind == RegularizationKind::L2);
    m_regRateAction->setVisible(m_regRate->isEnabled());
}

void TrainingToolbar::onRegularizationEdited()
{
    const auto kind = static_cast<RegularizationKind>(m_regKind->currentData().toInt());
    const bool rated = kind == RegularizationKind::L1 || kind == RegularizationKind::L2;
    m_regRate->setEnabled(rated);
    m_regRateAction->setVisible(rated);
    if (kind == RegularizationKind::PerLayer) {
        showDocumentRegularization(); // nothing to set: the layers keep their own rates
        return;
    }
    // One undo step that gives every layer with weight penalties (Dense, Conv2D) the same rates; the window
    // applies them to a running training at once (TrainingDocks), and Save keeps them.
    const double rate = rated ? m_regRate->value() : 0.0;
    const double l1 = kind == RegularizationKind::L1 ? rate : 0.0,
                 l2 = kind == RegularizationKind::L2 ? rate : 0.0;
    std::vector<NodeSpec> changed;
    for (const NodeSpec &n : m_document->graph().nodes)
        if (hasWeightPenalties(n.kind) && (n.options.get(opt::l1) != l1 || n.options.get(opt::l2) != l2))
            changed.push_back(n);
    if (changed.empty()) return;
    QUndoStack *stack = m_document->undoStack();
    stack->beginMacro(tr("Change regularisation"));
    for (NodeSpec &n : changed) {
        n.options.set(opt::l1, l1).set(opt::l2, l2);
        stack->push(new ChangeNodeOptionsCommand(m_document, n.id, n.name, n.options, tr("regularisation")));
    }
    stack->endMacro();
}

void TrainingToolbar::onStatusChanged(TrainingStatus status)
{
    const bool running = status == TrainingStatus::Running;
    m_play->setText(running ? tr("Pause") : tr("Play"));
    m_play->setIcon(style()->standardIcon(running ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(running ? tr("Pause training (Space)") : tr("Train continuously (Space)"));
    updateEnabled();
    updateStatusLabel();
}

void TrainingToolbar::updateEnabled()
{
    const TrainingStatus status = m_controller->status();
    const bool running = status == TrainingStatus::Running;
    const bool blocked = status == TrainingStatus::Diverged || status == TrainingStatus::Finished ||
                         status == TrainingStatus::ReachedTarget;
    // A network with errors (the canvas and the strip above it say which, with their fixes) cannot train:
    // Play would only fail. A run built before the edit (stale) may go on with its own network.
    const bool broken = !m_document->canTrain() && !canContinue(status);
    m_play->setEnabled(running || (!blocked && !broken));
    m_step->setEnabled(!blocked && !broken);
    m_stepEpoch->setEnabled(!blocked && !broken);
    if (broken && !running)
        m_play->setToolTip(tr("The network cannot train yet: fix the problems shown on the canvas first"));
}

void TrainingToolbar::onSnapshot(const SnapshotPtr &s)
{
    const QLocale locale;
    m_epoch->setText(tr("Epoch %1").arg(locale.toString(s ? s->epoch : 0)));
    m_samples->setText(tr("Samples %1").arg(locale.toString(s ? s->samplesSeen : 0LL)));
}

QString TrainingToolbar::epochText() const
{
    return m_epoch->text();
}
QString TrainingToolbar::samplesText() const
{
    return m_samples->text();
}
QString TrainingToolbar::statusText() const
{
    return m_status->text();
}
QString TrainingToolbar::paceValueText() const
{
    return m_paceValue->text();
}

void TrainingToolbar::updateStatusLabel()
{
    const TrainingStatus st = m_controller->status();
    QString text = QStringLiteral("<b>%1</b>").arg(statusName(st).toHtmlEscaped());
    const bool bad = st == TrainingStatus::Diverged || st == TrainingStatus::Failed;
    if (m_controller->isStale())
        text += QStringLiteral(
                    "<br><span style='background:#FFE9A8; color:#5A4100; font-size:small'>&nbsp;%1&nbsp;"
                    "</span>")
                    .arg(tr("Network changed — press Reset to apply").toHtmlEscaped());
    m_status->setText(text);
    // The full message (why it diverged or failed) can be long: the tooltip and the status bar carry it.
    m_status->setToolTip(m_controller->message());
    m_status->setStyleSheet(bad ? QStringLiteral("color: #B00020") : QString());
}

} // namespace nnp
