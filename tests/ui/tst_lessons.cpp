// Every lesson of samples/lessons, opened from File ▸ Lessons and walked through as a student would: each
// step shows its panels (the others hidden), its locked controls are disabled and the others enabled, a
// scripted action (a widget set, Reset and Play) reaches its goal, the goal turns green and Next becomes
// enabled. Lessons open as templates: Save asks where to save and never writes into the lesson's file.
#include "explain/explain_docks.h"
#include "explain/explain_model.h"
#include "explain/explain_panel.h"
#include "i18n/language.h"
#include "lesson/lesson_docks.h"
#include "lesson/lesson_locks.h"
#include "lesson/lesson_panel.h"
#include "main_window_driver.h"
#include "settle.h"
#include "training/training_pace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QTranslator>
#include <QtTest>

#include <functional>
#include <map>

using namespace nnp;
using namespace nnp::testutil;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestLessons : public QObject, public MainWindowDriver {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase() { closeWindow(); }
    void menuListsEveryLesson();
    void lesson_data();
    void lesson();
    void saveAsksInsteadOfOverwriting();
    void leavingALessonUnlocksAndRestoresPanels();
    void chineseInterfaceShowsChineseText();

private:
    using Action = std::function<void()>;
    LessonPanel *panel() const { return m_window->findChild<LessonPanel *>(); }
    LessonDocks *docks() const { return m_window->findChild<LessonDocks *>(); }
    TrainingController *controller() const { return m_window->training()->controller(); }
    NodeId nodeNamed(const std::string &name) const;
    void openLesson(const QString &path);
    void checkPanels(const LessonStep &step);
    void checkLocks(const LessonStep &step);
    /// The student's actions for each step of each lesson (file base name → one action per step).
    std::map<QString, std::vector<Action>> script();

    // What a student does.
    void resetAndPlay();
    void play();
    void selectNode(const std::string &name);
    void setActivation(const std::string &node, const char *activation);
    void setUnits(const std::string &node, int units);
    void showHyperparameters();
    void setLearningRate(double lr);
    void setBatchSize(int batch);
    void setOptimizer(OptimizerKind kind);
    void setLoss(LossKind kind);
    void setRegularization(RegularizationKind kind, double rate);
    void setSamples(int samples);
    /// Explain step (when no walk is shown yet), then Next in the Explain panel until the step's goal is met.
    void walkExplain();
};

void TestLessons::initTestCase()
{
    useTestSettings("tst_lessons");
    openWindow();
    QVERIFY(panel());
    QVERIFY(docks());
}

NodeId TestLessons::nodeNamed(const std::string &name) const
{
    for (const NodeSpec &n : m_window->document()->graph().nodes)
        if (n.name == name) return n.id;
    return -1;
}

void TestLessons::menuListsEveryLesson()
{
    const QStringList lessons = listLessons();
    QVERIFY(lessons.size() >= 6);
    QMenu *menu = docks()->lessonsMenu();
    // In File, right after Samples.
    const QList<QAction *> file = m_window->fileMenu()->actions();
    const auto samples = file.indexOf(m_window->samplesMenu()->menuAction());
    QVERIFY(samples >= 0 && samples + 1 < file.size());
    QCOMPARE(file[samples + 1], menu->menuAction());
    for (const QString &path : lessons)
        QVERIFY2(
            menu->findChild<QAction *>(QStringLiteral("lesson:%1").arg(QFileInfo(path).completeBaseName())),
            qPrintable(path));
}

void TestLessons::openLesson(const QString &path)
{
    m_window->document()->reset(makeEmptyProject()); // nothing to save: the menu entry opens at once
    QAction *entry = docks()->lessonsMenu()->findChild<QAction *>(
        QStringLiteral("lesson:%1").arg(QFileInfo(path).completeBaseName()));
    QVERIFY(entry);
    entry->trigger();
    QCOMPARE(m_window->document()->filePath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(m_window->document()->project().lesson.has_value());
    QVERIFY(docks()->dock()->isVisible());
    controller()->setPaceLevel(kPaceLevels); // as fast as possible: the goals in seconds
    settle();
}

void TestLessons::checkPanels(const LessonStep &step)
{
    for (const std::string_view name : kLessonPanels) {
        auto *dock = m_window->findChild<QDockWidget *>(
            dockNameOfPanel(QString::fromUtf8(name.data(), int(name.size()))));
        QVERIFY2(dock, name.data());
        const bool wanted = std::find(step.panels.begin(), step.panels.end(), name) != step.panels.end();
        QVERIFY2(dock->isVisible() == wanted, name.data());
    }
    QVERIFY(docks()->dock()->isVisible());
}

void TestLessons::checkLocks(const LessonStep &step)
{
    // A hidden layer selected, so that the layer form shows the editors the layer controls stand for.
    for (const NodeSpec &n : m_window->document()->graph().nodes)
        if (n.kind == LayerKind::Dense) {
            m_window->scene()->selectNodes({n.id});
            break;
        }
    settle();
    QVERIFY(m_window->inspector()->showsLayer());
    for (LessonControl c : allLessonControls()) {
        const bool locked = std::find(step.locked.begin(), step.locked.end(), c) != step.locked.end();
        const LockTargets t = lockTargets(m_window.get(), c);
        if (c != LessonControl::Epochs && c != LessonControl::Loss && c != LessonControl::Optimizer &&
            c != LessonControl::Data)
            QVERIFY2(!t.widgets.isEmpty(), toString(c).data());
        for (QWidget *w : t.widgets) {
            // The rate box is off while the regularization is None: not the lesson's doing.
            if (!locked && w == m_window->training()->toolbar()->regularizationRateBox()) continue;
            QVERIFY2(w->isEnabled() == !locked, qPrintable(QStringLiteral("%1: %2").arg(
                                                    QString::fromUtf8(toString(c).data()),
                                                    w->objectName() + w->metaObject()->className())));
        }
        if (locked)
            for (QAction *a : t.actions)
                QVERIFY2(!a->isEnabled(), qPrintable(a->objectName()));
    }
    QCOMPARE(m_window->scene()->structureLocked(),
             std::find(step.locked.begin(), step.locked.end(), LessonControl::Network) != step.locked.end());
    m_window->scene()->clearSelection();
    settle();
}

void TestLessons::lesson_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : listLessons())
        QTest::newRow(qPrintable(QFileInfo(path).completeBaseName())) << path;
}

void TestLessons::lesson()
{
    QFETCH(QString, path);
    const auto scripts = script();
    const auto it = scripts.find(QFileInfo(path).completeBaseName());
    QVERIFY2(it != scripts.end(), "every shipped lesson has a script here");
    openLesson(path);
    const Lesson lesson = *m_window->document()->project().lesson;
    QCOMPARE(it->second.size(), lesson.steps.size());
    LessonPanel *p = panel();
    for (int i = 0; i < p->stepCount(); ++i) {
        const LessonStep &step = lesson.steps[static_cast<std::size_t>(i)];
        QCOMPARE(p->step(), i);
        QCOMPARE(p->counterLabel()->text(), LessonPanel::tr("Step %1 of %2").arg(i + 1).arg(p->stepCount()));
        QCOMPARE(p->titleLabel()->text(), QString::fromStdString(step.title.en));
        QCOMPARE(p->backButton()->isEnabled(), i > 0);
        checkPanels(step);
        checkLocks(step);
        if (step.goal.kind != GoalKind::None) {
            QVERIFY2(!p->goalMet(), "a goal is not met before the student acts");
            QVERIFY(!p->nextButton()->isEnabled());
            QVERIFY(!p->goalLabel()->property("met").toBool());
        }
        it->second[static_cast<std::size_t>(i)]();
        QTRY_VERIFY2_WITH_TIMEOUT(p->goalMet(), qPrintable(p->goalLabel()->text()), 30000);
        QVERIFY(p->goalLabel()->property("met").toBool());
        QVERIFY(p->nextButton()->isEnabled());
        controller()->pause();
        QTest::mouseClick(p->nextButton(), Qt::LeftButton);
    }
    // The last Next is Finish: the lesson is complete.
    QVERIFY(!p->nextButton()->isEnabled());
    QVERIFY(p->goalLabel()->text().contains(
        LessonPanel::tr("✓ Lesson complete. Open another from File ▸ Lessons.")));
    // Back goes one step back, always.
    QTest::mouseClick(p->backButton(), Qt::LeftButton);
    QCOMPARE(p->step(), p->stepCount() - 2);
    controller()->discard();
}

void TestLessons::saveAsksInsteadOfOverwriting()
{
    const QString path = listLessons().constFirst();
    const QByteArray before = fileHash(path);
    openLesson(path);
    // Save shows a file dialog (Save As) instead of writing into the lesson; the student cancels it.
    bool asked = false;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
        asked = qobject_cast<QFileDialog *>(QApplication::activeModalWidget()) != nullptr;
        QApplication::activeModalWidget()->close();
    });
    QVERIFY(!m_window->saveTo(m_window->document()->filePath()));
    QVERIFY(asked);
    QCOMPARE(fileHash(path), before);
    m_window->document()->reset(makeEmptyProject());
}

void TestLessons::leavingALessonUnlocksAndRestoresPanels()
{
    m_window->document()->reset(makeEmptyProject());
    m_window->newProject(false);
    settle();
    QStringList shownBefore;
    // Open docks (one in a stack of tabs is open though only the front tab is visible).
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
        if (!d->isHidden()) shownBefore << d->objectName();
    openLesson(listLessons().constFirst());
    QVERIFY(!m_window->training()->toolbar()->learningRateBox()->isEnabled());
    m_window->newProject(false);
    settle();
    QVERIFY(!docks()->dock()->isVisible());
    QVERIFY(m_window->training()->toolbar()->learningRateBox()->isEnabled());
    QVERIFY(m_window->palette()->isEnabled());
    QVERIFY(!m_window->scene()->structureLocked());
    QStringList shownAfter;
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
        if (!d->isHidden()) shownAfter << d->objectName();
    shownBefore.sort();
    shownAfter.sort();
    QCOMPARE(shownAfter, shownBefore);
}

void TestLessons::chineseInterfaceShowsChineseText()
{
    QCOMPARE(LessonPanel::textLanguage(), QStringLiteral("en"));
    QCOMPARE(installTranslations(qApp, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    QCOMPARE(LessonPanel::textLanguage(), QStringLiteral("zh"));
    const QString path = listLessons().constFirst();
    openLesson(path);
    const LessonStep &first = m_window->document()->project().lesson->steps.front();
    QCOMPARE(panel()->titleLabel()->text(), QString::fromStdString(first.title.zh));
    QCOMPARE(panel()->textLabel()->text(), QString::fromStdString(first.text.zh));
    QCOMPARE(panel()->counterLabel()->text(), QStringLiteral("第 1 步，共 %1 步").arg(panel()->stepCount()));
    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    m_window->document()->reset(makeEmptyProject());
}

// ---- What a student does
// ----------------------------------------------------------------------------------------

void TestLessons::play()
{
    clickToolButton(m_window->training()->toolbar()->playAction());
}

void TestLessons::resetAndPlay()
{
    clickToolButton(m_window->training()->toolbar()->resetAction());
    QTRY_VERIFY(controller()->status() == TrainingStatus::Ready);
    play();
}

void TestLessons::selectNode(const std::string &name)
{
    const NodeId id = nodeNamed(name);
    QVERIFY2(id >= 0, name.c_str());
    m_window->scene()->selectNodes({id});
    settle();
    QCOMPARE(m_window->inspector()->layerForm()->node(), id);
}

void TestLessons::setActivation(const std::string &node, const char *activation)
{
    selectNode(node);
    QComboBox *box = m_window->inspector()->layerForm()->activationBox();
    QVERIFY(box && box->isEnabled());
    QVERIFY(chooseByKeys(box, QString::fromLatin1(activation)));
}

void TestLessons::setUnits(const std::string &node, int units)
{
    selectNode(node);
    QSpinBox *box = m_window->inspector()->layerForm()->unitsBox();
    QVERIFY(box && box->isEnabled());
    box->setValue(units);
}

void TestLessons::showHyperparameters()
{
    m_window->scene()->clearSelection();
    settle();
    QVERIFY(!m_window->inspector()->showsLayer());
}

void TestLessons::setLearningRate(double lr)
{
    QDoubleSpinBox *box = m_window->training()->toolbar()->learningRateBox();
    QVERIFY(box->isEnabled());
    box->setValue(lr);
    QCOMPARE(m_window->document()->training().optimizer.learningRate, lr);
}

void TestLessons::setBatchSize(int batch)
{
    QSpinBox *box = m_window->training()->toolbar()->batchSizeBox();
    QVERIFY(box->isEnabled());
    box->setValue(batch);
    QCOMPARE(m_window->document()->training().batchSize, batch);
}

void TestLessons::setOptimizer(OptimizerKind kind)
{
    showHyperparameters();
    QComboBox *box = m_window->inspector()->hyperparametersForm()->optimizerBox();
    QVERIFY(box->isEnabled());
    QVERIFY(chooseByKeys(box, static_cast<int>(kind)));
    QVERIFY(m_window->document()->training().optimizer.kind == kind);
}

void TestLessons::setLoss(LossKind kind)
{
    showHyperparameters();
    QComboBox *box = m_window->inspector()->hyperparametersForm()->lossBox();
    QVERIFY(box->isEnabled());
    QVERIFY(chooseByKeys(box, static_cast<int>(kind)));
    QVERIFY(m_window->document()->training().loss.kind == kind);
}

void TestLessons::setRegularization(RegularizationKind kind, double rate)
{
    TrainingToolbar *bar = m_window->training()->toolbar();
    QVERIFY(bar->regularizationBox()->isEnabled());
    bar->regularizationRateBox()->setValue(rate);
    QVERIFY(chooseByKeys(bar->regularizationBox(), static_cast<int>(kind)));
    QVERIFY(sharedRegularization(m_window->document()->graph()) == kind);
}

void TestLessons::setSamples(int samples)
{
    QSpinBox *box = m_window->training()->dataPanel()->samplesBox();
    QVERIFY(box->isEnabled());
    box->setValue(samples);
    QCOMPARE(m_window->document()->dataSource().generator.samples, samples);
}

void TestLessons::walkExplain()
{
    auto *explain = m_window->findChild<ExplainDocks *>();
    QVERIFY(explain);
    ExplainPanel *ep = explain->panel();
    ExplainModel *model = explain->model();
    if (!model->trace()) {
        controller()->pause();
        QTRY_VERIFY_WITH_TIMEOUT(ep->explainButton()->isEnabled(), 10000);
        QTest::mouseClick(ep->explainButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(model->trace() != nullptr, 10000);
    }
    // The student presses Next one phase at a time; the goal turns green at its stop, not before.
    const int phases = static_cast<int>(model->phases().size());
    for (int i = 0; i < phases && !panel()->goalMet(); ++i) {
        QVERIFY(ep->nextButton()->isEnabled());
        QTest::mouseClick(ep->nextButton(), Qt::LeftButton);
    }
}

std::map<QString, std::vector<TestLessons::Action>> TestLessons::script()
{
    const Action play = [this] { this->play(); };
    const Action resetPlay = [this] { resetAndPlay(); };
    const Action read = [] {};
    const Action walk = [this] { walkExplain(); };
    return {
        {"01_neuron_and_layer", {play, [this] { setUnits("hidden_1", 6); }, resetPlay}},
        {"02_forward_pass", {play, walk}},
        {"03_activation_functions",
         {play,
          [this] {
              setActivation("hidden_1", "tanh");
              setActivation("hidden_2", "tanh");
          },
          resetPlay}},
        {"04_loss", {play, [this] { setLoss(LossKind::MAE); }, resetPlay}},
        {"05_backward_pass", {play, walk, walk}},
        {"06_learning_rate",
         {play,
          [this] {
              setLearningRate(1.0);
              resetAndPlay();
          },
          [this] {
              setLearningRate(0.003);
              resetAndPlay();
          }}},
        {"07_mini_batch", {play, [this] { setBatchSize(100); }, resetPlay}},
        {"08_overfitting", {play, [this] { setSamples(400); }, resetPlay}},
        {"09_regularization", {play, [this] { setRegularization(RegularizationKind::L2, 0.01); }, resetPlay}},
        {"10_vanishing_gradients",
         {play,
          [this] {
              for (const char *n : {"hidden_1", "hidden_2", "hidden_3", "hidden_4", "hidden_5"})
                  setActivation(n, "relu");
          },
          resetPlay}},
        {"11_optimizers",
         {play, [this] { setOptimizer(OptimizerKind::Adam); },
          [this] {
              setLearningRate(0.01);
              resetAndPlay();
          }}},
        {"12_cnn_on_images", {play, walk, read}},
    };
}

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
