// A teacher authors a lesson in the app (issue 12): Lesson ▸ New Lesson from This Project and Add Step from
// the Current State, the step editor driven by its real widgets (titles and texts in English and Chinese,
// panels, locks, a goal with its threshold), steps moved and deleted, every change undoable; the project is
// saved and opened again as a student, who finds the locks and the goals. Lesson ▸ Save Lesson for Students
// writes the project and its data into one folder that still opens and trains after being moved.
#include "lesson/lesson_docks.h"
#include "lesson/lesson_editor.h"
#include "lesson/lesson_locks.h"
#include "lesson/lesson_panel.h"
#include "main_window_driver.h"
#include "settle.h"
#include "training/training_pace.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QtTest>

#include <cmath>

using namespace nnp;
using namespace nnp::testutil;

class TestLessonAuthoring : public QObject, public MainWindowDriver {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase() { closeWindow(); }
    void authorTwoStepsSaveAndOpenAsStudent();
    void saveForStudentsOpensElsewhereAndTrains();

private:
    LessonDocks *docks() const { return m_window->findChild<LessonDocks *>(); }
    LessonPanel *panel() const { return m_window->findChild<LessonPanel *>(); }
    const Lesson &lesson() const { return *m_window->document()->project().lesson; }
    static void type(QWidget *field, const QString &text);
    QTemporaryDir m_tmp;
};

void TestLessonAuthoring::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    useTestSettings("tst_lesson_authoring");
    openWindow();
    QVERIFY(docks());
}

namespace {
/// Clicks a check box on its indicator: a box stretched by its grid is not hit at its centre, past its text.
void tick(QAbstractButton *box)
{
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(box->height() / 2, box->height() / 2));
}
} // namespace

void TestLessonAuthoring::type(QWidget *field, const QString &text)
{
    // Select what is there, then type over it, as a teacher would.
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    // QTest::keyClicks takes Latin-1 only; Chinese characters arrive as key events carrying their text, as
    // an input method delivers them.
    for (const QChar c : text) {
        if (c.unicode() < 128) {
            QTest::keyClick(field, c.toLatin1());
        } else {
            QTest::sendKeyEvent(QTest::Press, field, Qt::Key_unknown, QString(c), Qt::NoModifier);
            QTest::sendKeyEvent(QTest::Release, field, Qt::Key_unknown, QString(c), Qt::NoModifier);
        }
    }
}

void TestLessonAuthoring::authorTwoStepsSaveAndOpenAsStudent()
{
    m_window->newProject(false); // the default network on generated data
    settle();
    QVERIFY(!m_window->document()->project().lesson);
    QMenu *menu = docks()->lessonMenu();
    QVERIFY(menu && m_window->menuBar()->actions().contains(menu->menuAction()));
    QVERIFY(!docks()->editStepsAction()->isEnabled());
    QUndoStack *undo = m_window->document()->undoStack();

    // Show the panels the first step should show, then make a lesson from the project.
    for (const char *dock : {"outputDock", "curvesDock"})
        m_window->findChild<QDockWidget *>(QString::fromLatin1(dock))->show();
    m_window->findChild<QDockWidget *>(QStringLiteral("neuronDock"))->hide();
    docks()->newLessonAction()->trigger();
    QVERIFY(m_window->document()->project().lesson.has_value());
    QCOMPARE(lesson().steps.size(), std::size_t(1));
    const auto &panels = lesson().steps[0].panels;
    QVERIFY(std::find(panels.begin(), panels.end(), "output") != panels.end());
    QVERIFY(std::find(panels.begin(), panels.end(), "neurons") == panels.end());
    LessonEditor *editor = docks()->editor();
    QVERIFY(editor && editor->isVisible());
    QCOMPARE(editor->selectedStep(), 0);
    QVERIFY(docks()->editStepsAction()->isEnabled());

    // Step 1: its texts, the learning rate locked, "train for at least 3 epochs".
    type(editor->titleEdit(false), QStringLiteral("Watch it learn"));
    type(editor->titleEdit(true), QStringLiteral("看它学习"));
    type(editor->textEdit(false), QStringLiteral("Press Play."));
    type(editor->textEdit(true), QStringLiteral("按播放。"));
    tick(editor->lockBox(LessonControl::LearningRate));
    QVERIFY(chooseByKeys(editor->goalBox(), static_cast<int>(GoalKind::EpochsAtLeast)));
    QVERIFY(editor->epochsBox()->isVisible());
    QVERIFY(!editor->valueBox()->isVisible());
    editor->epochsBox()->setValue(3);
    {
        const LessonStep &s = lesson().steps[0];
        QCOMPARE(s.title.en, std::string("Watch it learn"));
        QCOMPARE(s.title.zh, std::string("看它学习"));
        QCOMPARE(s.text.en, std::string("Press Play."));
        QCOMPARE(s.text.zh, std::string("按播放。"));
        QVERIFY(s.locked == std::vector<LessonControl>{LessonControl::LearningRate});
        QVERIFY(s.goal.kind == GoalKind::EpochsAtLeast);
        QCOMPARE(s.goal.epochs, 3);
    }
    // Typing a title is one undo step, not one per letter.
    const int beforeTyping = undo->index();
    type(editor->titleEdit(false), QStringLiteral("Watch it learn!"));
    QCOMPARE(undo->index(), beforeTyping + 1);
    undo->undo();
    QCOMPARE(lesson().steps[0].title.en, std::string("Watch it learn"));
    QCOMPARE(editor->titleEdit(false)->text(), QStringLiteral("Watch it learn")); // the editor follows

    // Step 2 from the current state: the network locked, a test accuracy of 80 %.
    docks()->addStepAction()->trigger();
    QCOMPARE(lesson().steps.size(), std::size_t(2));
    QCOMPARE(editor->selectedStep(), 1);
    type(editor->titleEdit(false), QStringLiteral("Reach 80 %"));
    type(editor->titleEdit(true), QStringLiteral("达到 80 %"));
    tick(editor->lockBox(LessonControl::Network));
    // The step took the panels open now; the confusion matrix is shown in it either way.
    if (!editor->panelBox("confusion")->isChecked()) tick(editor->panelBox("confusion"));
    QVERIFY(editor->panelBox("confusion")->isChecked());
    QVERIFY(chooseByKeys(editor->goalBox(), static_cast<int>(GoalKind::TestAccuracyAtLeast)));
    QVERIFY(editor->valueBox()->isVisible());
    editor->valueBox()->setValue(0.8);
    QVERIFY(lesson().steps[1].goal.kind == GoalKind::TestAccuracyAtLeast);
    QCOMPARE(lesson().steps[1].goal.value, 0.8);
    QVERIFY(lesson().steps[1].locked == std::vector<LessonControl>{LessonControl::Network});
    const auto &p2 = lesson().steps[1].panels;
    QVERIFY(std::find(p2.begin(), p2.end(), "confusion") != p2.end());

    // A third step, deleted again; moving steps; all undoable.
    docks()->addStepAction()->trigger();
    QCOMPARE(lesson().steps.size(), std::size_t(3));
    QTest::mouseClick(editor->deleteButton(), Qt::LeftButton);
    QCOMPARE(lesson().steps.size(), std::size_t(2));
    undo->undo();
    QCOMPARE(lesson().steps.size(), std::size_t(3));
    undo->redo();
    QCOMPARE(lesson().steps.size(), std::size_t(2));
    editor->selectStep(1);
    QTest::mouseClick(editor->upButton(), Qt::LeftButton);
    QCOMPARE(lesson().steps[0].title.en, std::string("Reach 80 %"));
    QCOMPARE(editor->stepList()->item(0)->text(), QStringLiteral("1. Reach 80 %"));
    undo->undo();
    QCOMPARE(lesson().steps[0].title.en, std::string("Watch it learn"));
    QCOMPARE(editor->stepList()->item(1)->text(), QStringLiteral("2. Reach 80 %"));
    const Lesson authored = lesson();
    const QString shots = QStringLiteral(NNP_BINARY_DIR "/screenshots");
    QDir().mkpath(shots);
    QVERIFY(editor->grab().save(shots + QStringLiteral("/lesson_editor.png")));

    // Saved in the project file; opened again as a student.
    const QString path = m_tmp.filePath(QStringLiteral("authored.nnp"));
    QVERIFY(m_window->saveTo(path));
    editor->close();
    m_window->newProject(false);
    settle();
    QVERIFY(!docks()->dock()->isVisible());
    QVERIFY(m_window->loadFile(path));
    settle();
    QVERIFY(m_window->document()->project().lesson.has_value());
    QVERIFY(lesson() == authored);
    QVERIFY(docks()->dock()->isVisible());
    LessonPanel *p = panel();
    QCOMPARE(p->stepCount(), 2);
    QCOMPARE(p->titleLabel()->text(), QStringLiteral("Watch it learn"));
    QCOMPARE(p->goalLabel()->text(),
             LessonPanel::goalText(authored.steps[0].goal,
                                   evaluateGoal(authored.steps[0].goal, {}, m_window->document()->project(),
                                                m_window->document()->project())));
    QVERIFY(!p->goalMet());
    QVERIFY(!p->nextButton()->isEnabled());
    // Step 1 locks the learning rate, not the network.
    QVERIFY(!m_window->training()->toolbar()->learningRateBox()->isEnabled());
    QVERIFY(m_window->palette()->isEnabled());
    // (open: a dock in a stack of tabs may be behind another)
    QVERIFY(!m_window->findChild<QDockWidget *>(QStringLiteral("outputDock"))->isHidden());
    QVERIFY(m_window->findChild<QDockWidget *>(QStringLiteral("neuronDock"))->isHidden());
    // Train: the goal turns green; Next shows step 2, which locks the network instead.
    m_window->training()->controller()->setPaceLevel(kPaceLevels);
    clickToolButton(m_window->training()->toolbar()->playAction());
    QTRY_VERIFY_WITH_TIMEOUT(p->goalMet(), 30000);
    m_window->training()->controller()->pause();
    QTest::mouseClick(p->nextButton(), Qt::LeftButton);
    QCOMPARE(p->step(), 1);
    QCOMPARE(p->titleLabel()->text(), QStringLiteral("Reach 80 %"));
    QVERIFY(p->goalLabel()->text().startsWith(
        LessonPanel::tr("Goal: a test accuracy of at least %1 %.").arg(QLocale().toString(80.0, 'f', 1))));
    QVERIFY(m_window->training()->toolbar()->learningRateBox()->isEnabled());
    QVERIFY(!m_window->palette()->isEnabled());
    QVERIFY(m_window->scene()->structureLocked());
    QVERIFY(!m_window->findChild<QDockWidget *>(QStringLiteral("confusionDock"))->isHidden());
    QVERIFY(m_window->grab().save(shots + QStringLiteral("/lesson_authored_student.png")));
    m_window->training()->controller()->discard();

    // Remove Lesson takes it away (undoable) and unlocks everything.
    docks()->removeLessonAction()->trigger();
    QVERIFY(!m_window->document()->project().lesson.has_value());
    QVERIFY(!docks()->dock()->isVisible());
    QVERIFY(m_window->palette()->isEnabled());
    undo->undo();
    QVERIFY(m_window->document()->project().lesson.has_value());
    m_window->document()->reset(makeEmptyProject());
}

void TestLessonAuthoring::saveForStudentsOpensElsewhereAndTrains()
{
    // The CNN lesson reads a CSV beside it, in the samples folder.
    const QString lessonPath =
        QDir(findSamplesDir()).filePath(QStringLiteral("lessons/12_cnn_on_images.nnp"));
    QVERIFY(m_window->loadFile(lessonPath));
    settle();
    QVERIFY(docks()->saveForStudentsAction()->isEnabled());
    const QString folder = m_tmp.filePath(QStringLiteral("class folder"));
    const QString written = docks()->saveForStudents(folder);
    QCOMPARE(written, QDir(folder).filePath(QStringLiteral("12_cnn_on_images.nnp")));
    QVERIFY(QFileInfo::exists(QDir(folder).filePath(QStringLiteral("data/digits_8x8_500.csv"))));
    QCOMPARE(m_window->document()->filePath(), QFileInfo(lessonPath).absoluteFilePath()); // still the lesson

    // Moved elsewhere (a USB stick, another computer), it opens and trains a step.
    const QString moved = m_tmp.filePath(QStringLiteral("elsewhere"));
    QVERIFY(QDir().rename(folder, moved));
    m_window->document()->reset(makeEmptyProject());
    QVERIFY(m_window->loadFile(QDir(moved).filePath(QStringLiteral("12_cnn_on_images.nnp"))));
    settle();
    QCOMPARE(QString::fromStdString(m_window->document()->dataSource().path),
             QStringLiteral("data/digits_8x8_500.csv"));
    TrainingController *controller = m_window->training()->controller();
    clickToolButton(m_window->training()->toolbar()->stepAction());
    QTRY_VERIFY_WITH_TIMEOUT(controller->lastSnapshot() && controller->lastSnapshot()->step == 1, 30000);
    QVERIFY(controller->status() != TrainingStatus::Failed);
    QVERIFY(m_window->lastError().isEmpty());
    controller->discard();
    m_window->document()->reset(makeEmptyProject());
}

QTEST_MAIN(TestLessonAuthoring)
#include "tst_lesson_authoring.moc"
