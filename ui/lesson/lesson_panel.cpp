#include "lesson/lesson_panel.h"

#include "document/graph_document.h"
#include "explain/explain_docks.h"
#include "explain/explain_model.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "training/training_controller.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace nnp {

namespace {

QString number(double v)
{
    return QLocale().toString(v, 'g', 3);
}

QString percent(double fraction)
{
    return QLocale().toString(fraction * 100, 'f', 1);
}

} // namespace

LessonPanel::LessonPanel(MainWindow *window, QWidget *parent)
    : QWidget(parent), m_window(window), m_counter(new QLabel(this)), m_title(new QLabel(this)),
      m_text(new QLabel(this)), m_goal(new QLabel(this)), m_back(new QPushButton(tr("◀ Back"), this)),
      m_next(new QPushButton(tr("Next ▶"), this))
{
    setObjectName(QStringLiteral("lessonPanel"));
    m_counter->setObjectName(QStringLiteral("lessonCounter"));
    m_title->setObjectName(QStringLiteral("lessonTitle"));
    m_text->setObjectName(QStringLiteral("lessonText"));
    m_goal->setObjectName(QStringLiteral("lessonGoal"));
    m_back->setObjectName(QStringLiteral("lessonBack"));
    m_next->setObjectName(QStringLiteral("lessonNext"));
    for (QLabel *l : {m_title, m_text, m_goal}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::PlainText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_goal->setMargin(6);
    m_goal->setAutoFillBackground(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addStretch(1);
    buttons->addWidget(m_counter);
    buttons->addStretch(1);
    buttons->addWidget(m_next);
    auto *column = new QVBoxLayout(this);
    column->addWidget(m_title);
    column->addWidget(m_text, 1);
    column->addWidget(m_goal);
    column->addLayout(buttons);
    updateFonts();

    connect(m_back, &QPushButton::clicked, this, [this] { goTo(m_step - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] {
        if (m_step + 1 < stepCount())
            goTo(m_step + 1);
        else {
            m_finished = true;
            evaluate();
        }
    });
    TrainingController *controller = window->training()->controller();
    connect(controller, &TrainingController::snapshotReceived, this, &LessonPanel::evaluate);
    connect(controller, &TrainingController::statusChanged, this, &LessonPanel::evaluate);
    connect(controller, &TrainingController::runReset, this, &LessonPanel::evaluate);
    GraphDocument *doc = window->document();
    for (auto signal : {&GraphDocument::graphChanged, &GraphDocument::hyperparametersChanged,
                        &GraphDocument::dataSourceChanged})
        connect(doc, signal, this, &LessonPanel::evaluate);
    connect(doc, &GraphDocument::nodeChanged, this, &LessonPanel::evaluate);
    if (auto *explain = window->findChild<ExplainDocks *>())
        connect(explain->model(), &ExplainModel::phaseChanged, this, &LessonPanel::followExplainWalk);
}

void LessonPanel::followExplainWalk()
{
    const auto *explain = m_window->findChild<ExplainDocks *>();
    if (!explain || m_lesson.steps.empty()) return;
    const ExplainModel *model = explain->model();
    const std::vector<Phase> &phases = model->phases();
    const int i = model->phaseIndex();
    if (i < 0 || i >= static_cast<int>(phases.size())) return;
    const auto next = [&](int k) {
        return k < static_cast<int>(phases.size()) ? phases[std::size_t(k)].kind : PhaseKind::None;
    };
    // The walk's order: forward stops, Loss, backward stops, Update. The stop before Loss is the output
    // layer; the backward stop before Update is the first hidden layer.
    switch (phases[std::size_t(i)].kind) {
    case PhaseKind::Forward:
        m_walk.forward = m_walk.forward || next(i + 1) == PhaseKind::Loss;
        break;
    case PhaseKind::Backward:
        m_walk.backward = m_walk.backward || next(i + 1) == PhaseKind::Update;
        break;
    case PhaseKind::Update:
        m_walk.update = true;
        break;
    case PhaseKind::Loss:
    case PhaseKind::None:
        break;
    }
    evaluate();
}

QString LessonPanel::textLanguage()
{
    //: The language lesson texts are shown in: "zh" in the Chinese translation (lessons carry English and
    //: Chinese texts).
    return tr("en");
}

void LessonPanel::setLesson(const Lesson &lesson)
{
    m_lesson = lesson;
    goTo(0);
}

void LessonPanel::goTo(int index)
{
    if (m_lesson.steps.empty()) return;
    m_step = std::clamp(index, 0, stepCount() - 1);
    m_met = false;
    m_finished = false;
    m_walk = {};
    m_stepStart = m_window->document()->project();
    // A run that had trained before the step began is the last step's: this step's goal waits for a new one
    // (Reset), or for the first epochs of a run not trained yet.
    const TrainingController *controller = m_window->training()->controller();
    m_oldRun = controller->history().empty() && controller->status() != TrainingStatus::Diverged
                   ? std::nullopt
                   : std::optional<quint64>(controller->generation());
    showTexts();
    emit stepShown(m_step);
    evaluate();
}

void LessonPanel::updateLesson(const Lesson &lesson)
{
    if (lesson.steps.empty()) return;
    m_lesson = lesson;
    m_step = std::clamp(m_step, 0, stepCount() - 1);
    showTexts();
    evaluate();
}

void LessonPanel::showTexts()
{
    const LessonStep &s = m_lesson.steps[static_cast<std::size_t>(m_step)];
    const std::string lang = textLanguage().toStdString();
    m_title->setText(QString::fromStdString(localized(s.title, lang)));
    m_text->setText(QString::fromStdString(localized(s.text, lang)));
    m_counter->setText(tr("Step %1 of %2").arg(m_step + 1).arg(stepCount()));
    m_next->setText(m_step + 1 < stepCount() ? tr("Next ▶") : tr("Finish"));
    m_back->setEnabled(m_step > 0);
}

void LessonPanel::evaluate()
{
    if (m_lesson.steps.empty()) return;
    const LessonStep &s = m_lesson.steps[static_cast<std::size_t>(m_step)];
    const TrainingController *controller = m_window->training()->controller();
    LessonRunFacts run;
    if (controller->generation() != m_oldRun) {
        run.history = controller->history();
        if (const SnapshotPtr snapshot = controller->lastSnapshot()) run.units = snapshot->lossUnits;
        run.diverged = controller->status() == TrainingStatus::Diverged;
    }
    run.explained = m_walk; // a walk counts whatever run it explains
    const GoalProgress progress = evaluateGoal(s.goal, run, m_stepStart, m_window->document()->project());
    const bool newlyMet = progress.met && !m_met;
    m_met = m_met || progress.met; // a reached goal stays reached while the student goes on
    showGoal(progress);
    m_next->setEnabled(m_met && !m_finished);
    if (newlyMet) emit goalReached(m_step);
}

void LessonPanel::showGoal(const GoalProgress &progress)
{
    const LessonStep &s = m_lesson.steps[static_cast<std::size_t>(m_step)];
    QString text = goalText(s.goal, progress);
    QPalette p = palette();
    if (m_met) {
        text = m_finished ? tr("✓ Lesson complete. Open another from File ▸ Lessons.")
               : s.goal.kind == GoalKind::None ? text
               : m_step + 1 < stepCount()      ? tr("✓ Goal reached! %1 Press Next.").arg(text)
                                               : tr("✓ Goal reached! %1 Press Finish.").arg(text);
        p.setColor(QPalette::Window, QColor(0xd8, 0xf0, 0xd8)); // green, readable in high contrast too
        p.setColor(QPalette::WindowText, QColor(0x10, 0x50, 0x10));
    }
    m_goal->setPalette(p);
    m_goal->setProperty("met", m_met);
    m_goal->setText(text);
}

QString LessonPanel::controlName(LessonControl control)
{
    switch (control) {
    case LessonControl::LearningRate:
        return tr("the learning rate");
    case LessonControl::Optimizer:
        return tr("the optimizer");
    case LessonControl::BatchSize:
        return tr("the batch size");
    case LessonControl::Epochs:
        return tr("the epoch limit");
    case LessonControl::Loss:
        return tr("the loss");
    case LessonControl::Activation:
        return tr("an activation function");
    case LessonControl::Regularization:
        return tr("the regularization");
    case LessonControl::Network:
        return tr("the network");
    case LessonControl::Data:
        return tr("the data");
    }
    return {};
}

QString LessonPanel::goalText(const LessonGoal &goal, const GoalProgress &progress)
{
    const auto now = [&](const QString &format) {
        return progress.current ? QLatin1Char(' ') + format.arg(number(*progress.current)) : QString();
    };
    const auto nowPercent = [&] {
        return progress.current ? QLatin1Char(' ') + tr("Now: %1 %.").arg(percent(*progress.current))
                                : QString();
    };
    const QString notBefore = goal.epochs > 0 && goalParameters(goal.kind).epochsOptional
                                  ? QLatin1Char(' ') + tr("Not before epoch %1.").arg(goal.epochs)
                                  : QString();
    switch (goal.kind) {
    case GoalKind::None:
        return tr("Read this, then press Next.");
    case GoalKind::TestAccuracyAtLeast:
        return tr("Goal: a test accuracy of at least %1 %.").arg(percent(goal.value)) + notBefore +
               nowPercent();
    case GoalKind::TrainAccuracyAtLeast:
        return tr("Goal: a training accuracy of at least %1 %.").arg(percent(goal.value)) + notBefore +
               nowPercent();
    case GoalKind::TrainLossAtMost:
        return tr("Goal: a training loss of at most %1.").arg(number(goal.value)) + notBefore +
               now(tr("Now: %1."));
    case GoalKind::TestLossAtMost:
        return tr("Goal: a test loss of at most %1.").arg(number(goal.value)) + notBefore +
               now(tr("Now: %1."));
    case GoalKind::Diverged:
        return tr("Goal: make the training diverge (the loss explodes).");
    case GoalKind::Stalled:
        return tr("Goal: make the training stall: the loss falls by less than %1 % over %n epoch(s).", "",
                  goal.epochs)
                   .arg(number(goal.percent)) +
               now(tr("Now: it fell by %1 %."));
    case GoalKind::EpochsAtLeast:
        return tr("Goal: train for at least %n epoch(s).", "", goal.epochs) + now(tr("Now: %1."));
    case GoalKind::Edited:
        return tr("Goal: change %1.").arg(controlName(goal.control));
    case GoalKind::Overfitting:
        return tr("Goal: overfit: the test loss rises %1 % above its lowest while the training loss keeps "
                  "falling.")
                   .arg(number(goal.percent)) +
               now(tr("Now: %1 % above its lowest."));
    case GoalKind::ExplainedForward:
        return tr("Goal: press Explain step, then Next until the forward pass reaches the output layer.");
    case GoalKind::ExplainedBackward:
        return tr("Goal: walk the backward pass with Next until δ reaches the first hidden layer.");
    case GoalKind::ExplainedUpdate:
        return tr("Goal: walk on with Next to the Update phase, where every weight moves.");
    }
    return {};
}

void LessonPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) updateFonts();
}

void LessonPanel::updateFonts()
{
    // The title a third larger than the text, whatever size the text has (presentation mode scales it).
    if (m_settingFonts) return;
    m_settingFonts = true;
    QFont title = font();
    title.setBold(true);
    if (title.pointSizeF() > 0)
        title.setPointSizeF(title.pointSizeF() * 1.35);
    else
        title.setPixelSize(qRound(title.pixelSize() * 1.35));
    m_title->setFont(title);
    m_settingFonts = false;
}

} // namespace nnp
