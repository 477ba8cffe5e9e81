#include "lesson/lesson_locks.h"

#include "document/graph_document.h"
#include "editor/graph_scene.h"
#include "layers/layer_registry.h"
#include "lesson/lesson_goal.h"
#include "main_window.h"
#include "panels/data_panel.h"
#include "panels/inspector_hyperparameters_form.h"
#include "panels/inspector_layer_form.h"
#include "panels/inspector_number_box.h"
#include "panels/inspector_widget.h"
#include "panels/palette_widget.h"
#include "panels/training_docks.h"
#include "panels/training_toolbar.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QTimer>

#include <algorithm>

namespace nnp {

namespace {

/// The selected layer's option editors that `control` owns (controlOfOption decides, as the goals do).
void addLayerEditors(MainWindow *window, LessonControl control, QList<QWidget *> &out)
{
    InspectorLayerForm *form = window->inspector()->layerForm();
    const NodeSpec *node = window->document()->graph().find(form->node());
    if (!node) return;
    for (const OptionSpec &spec : layerKind(node->kind).options)
        if (controlOfOption(spec.name) == control)
            if (QWidget *editor = form->editor(spec.name)) out << editor;
}

} // namespace

LockTargets lockTargets(MainWindow *window, LessonControl control)
{
    LockTargets t;
    InspectorHyperparametersForm *hyper = window->inspector()->hyperparametersForm();
    TrainingToolbar *toolbar = window->training()->toolbar();
    switch (control) {
    case LessonControl::LearningRate:
        t.widgets << hyper->learningRateBox() << toolbar->learningRateBox();
        break;
    case LessonControl::Optimizer:
        t.widgets << hyper->optimizerBox();
        break;
    case LessonControl::BatchSize:
        t.widgets << hyper->batchSizeBox() << toolbar->batchSizeBox();
        break;
    case LessonControl::Epochs:
        t.widgets << hyper->epochsBox();
        break;
    case LessonControl::Loss:
        t.widgets << hyper->lossBox();
        break;
    case LessonControl::Activation:
        addLayerEditors(window, control, t.widgets);
        break;
    case LessonControl::Regularization:
        t.widgets << toolbar->regularizationBox() << toolbar->regularizationRateBox();
        addLayerEditors(window, control, t.widgets);
        break;
    case LessonControl::Network:
        t.widgets << window->palette();
        addLayerEditors(window, control, t.widgets);
        for (const char *name : {"actionCut", "actionPaste", "actionDelete", "actionAutoLayout"})
            if (QAction *a = window->action(QString::fromLatin1(name))) t.actions << a;
        break;
    case LessonControl::Data:
        t.widgets << window->training()->dataPanel();
        break;
    }
    return t;
}

LessonLocks::LessonLocks(MainWindow *window) : QObject(window), m_window(window)
{
    // Whatever rebuilds or re-enables a form: the document's edits, a new selection, a reset.
    GraphDocument *doc = window->document();
    for (auto signal : {&GraphDocument::graphChanged, &GraphDocument::hyperparametersChanged,
                        &GraphDocument::dataSourceChanged, &GraphDocument::documentReset,
                        &GraphDocument::diagnosticsChanged})
        connect(doc, signal, this, &LessonLocks::applySoon);
    connect(doc, &GraphDocument::nodeChanged, this, &LessonLocks::applySoon);
    connect(window->scene(), &QGraphicsScene::selectionChanged, this, &LessonLocks::applySoon);
}

void LessonLocks::setLocked(const std::vector<LessonControl> &controls)
{
    m_locked = {controls.begin(), controls.end()};
    apply();
}

void LessonLocks::applySoon()
{
    // Now, after the slots connected before this one (the window enables Delete on a selection), and once
    // more when the forms have rebuilt their editors.
    apply();
    if (m_pending) return;
    m_pending = true;
    QTimer::singleShot(0, this, [this] {
        m_pending = false;
        apply();
    });
}

void LessonLocks::apply()
{
    // Give back what a control that is no longer locked took.
    const auto unlocked = [this](LessonControl c) { return m_locked.count(c) == 0; };
    for (auto it = m_disabledWidgets.begin(); it != m_disabledWidgets.end();) {
        if (!it->first || unlocked(it->second)) {
            if (it->first) it->first->setEnabled(true);
            it = m_disabledWidgets.erase(it);
        } else
            ++it;
    }
    for (auto it = m_disabledActions.begin(); it != m_disabledActions.end();) {
        if (!it->first || unlocked(it->second)) {
            if (it->first) it->first->setEnabled(true);
            it = m_disabledActions.erase(it);
        } else
            ++it;
    }
    for (LessonControl c : m_locked) {
        const LockTargets t = lockTargets(m_window, c);
        for (QWidget *w : t.widgets)
            if (w && !w->testAttribute(Qt::WA_Disabled)) {
                w->setEnabled(false);
                m_disabledWidgets.emplace_back(w, c);
            }
        for (QAction *a : t.actions)
            if (a->isEnabled()) {
                a->setEnabled(false);
                m_disabledActions.emplace_back(a, c);
            }
    }
    m_window->scene()->setStructureLocked(m_locked.count(LessonControl::Network) > 0);
}

} // namespace nnp
