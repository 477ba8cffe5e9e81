// Autosave and recovery (issue 13): unsaved work reaches the recovery file by the timers, never the user's
// own file; after a run that did not close normally a new window offers it back, and Restore brings back the
// graph, the hyperparameters and the file it belongs to; Discard, a save and a normal close remove it.
#include "commands/graph_commands.h"
#include "document/autosave.h"
#include "main_window_driver.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSysInfo>

using namespace nnp;
using namespace nnp::testutil;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

/// Copies the iris sample and its CSV into `dir` (the data path stays relative to the project).
QString copyIris(const QTemporaryDir &dir)
{
    const QString samples = QStringLiteral(NNP_SOURCE_DIR "/samples");
    QDir(dir.path()).mkpath(QStringLiteral("datasets/iris"));
    const QString project = dir.filePath(QStringLiteral("iris.nnp"));
    if (!QFile::copy(samples + QStringLiteral("/iris.nnp"), project) ||
        !QFile::copy(samples + QStringLiteral("/datasets/iris/iris.csv"),
                     dir.filePath(QStringLiteral("datasets/iris/iris.csv"))))
        return {};
    return project;
}

/// Removes every recovery no open window holds (those of earlier runs of this test).
void removeLeftRecoveries()
{
    for (const Recovery &r : Autosave::pending())
        Autosave::remove(r);
}

QMessageBox *recoveryBox(MainWindow &w)
{
    return w.findChild<QMessageBox *>(QStringLiteral("recoveryBox"));
}

} // namespace

class TestAutosave : public QObject, protected MainWindowDriver {
    Q_OBJECT
private slots:
    void initTestCase() { useTestSettings("tst_autosave"); }
    void init()
    {
        removeLeftRecoveries();
        openWindow();
    }
    void cleanup()
    {
        if (m_window) closeWindow();
        removeLeftRecoveries();
    }

    void restoreAfterCrash();
    void discardRemovesTheRecovery();
    void normalCloseAndSaveRemoveIt();
    void twoWindowsKeepTheirOwnRecovery();
    void staleLocksAreOfferedLiveOnesAreNot();

private:
    /// Opens the copied iris project, adds a layer and changes the learning rate, and lets the timers write
    /// the recovery file.
    void editAndAutosave(const QString &project);
};

void TestAutosave::editAndAutosave(const QString &project)
{
    QVERIFY2(m_window->loadFile(project), qPrintable(m_window->lastError()));
    const QByteArray before = fileHash(project);
    const QString recovery = m_window->autosave()->recoveryFile();
    QVERIFY(!QFile::exists(recovery));
    // The minute and the seconds after an edit, shortened; nothing is written while nothing is unsaved.
    m_window->autosave()->setIntervals(200, 50);
    QTest::qWait(400);
    QVERIFY(!QFile::exists(recovery));

    dropLayer(LayerKind::Dropout, {300, 600});
    TrainingConfig config = m_window->document()->training();
    config.optimizer.learningRate = 0.0123;
    config.batchSize = 7;
    m_window->document()->undoStack()->push(
        new ChangeHyperparametersCommand(m_window->document(), config, QStringLiteral("learningRate")));
    QVERIFY(m_window->document()->isModified());
    QTRY_VERIFY(QFile::exists(recovery));
    QVERIFY2(m_window->autosave()->lastError().isEmpty(), qPrintable(m_window->autosave()->lastError()));
    QCOMPARE(fileHash(project), before); // the user's own file is never written by autosave
    QVERIFY(m_window->document()->isModified());
}

void TestAutosave::restoreAfterCrash()
{
    QTemporaryDir dir;
    const QString project = copyIris(dir);
    QVERIFY(!project.isEmpty());
    editAndAutosave(project);
    const GraphSpec graph = m_window->document()->graph();
    const TrainingConfig training = m_window->document()->training();
    const QByteArray userFile = fileHash(project);
    const QString crashed = m_window->autosave()->recoveryFile();

    // A crash: the window goes without closing (no close event, nothing cleaned up).
    m_window.reset();
    QVERIFY(QFile::exists(crashed));
    std::optional<Recovery> left;
    {
        std::vector<Recovery> all = Autosave::pending();
        QCOMPARE(all.size(), std::size_t(1));
        left = all.front();
        left->claim.reset(); // released, so the next window can claim it
    }
    QCOMPARE(left->file, QFileInfo(crashed).absoluteFilePath());
    QCOMPARE(left->originalPath, QFileInfo(project).absoluteFilePath());

    openWindow();
    QVERIFY(m_window->offerRecovery());
    QMessageBox *box = recoveryBox(*m_window);
    QVERIFY(box && box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("iris.nnp")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QDir::toNativeSeparators(QFileInfo(crashed).absoluteFilePath())),
             qPrintable(box->text()));
    QVERIFY2(box->text().contains(QLocale().toString(left->saved, QLocale::LongFormat)),
             qPrintable(box->text()));
    auto *restore = box->findChild<QPushButton *>(QStringLiteral("restoreButton"));
    QVERIFY(restore);
    QTest::mouseClick(restore, Qt::LeftButton);
    QTRY_VERIFY(!recoveryBox(*m_window));

    const GraphDocument *doc = m_window->document();
    QCOMPARE(doc->graph().nodes.size(), graph.nodes.size());
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        QVERIFY(doc->graph().nodes[i].kind == graph.nodes[i].kind);
        QCOMPARE(doc->graph().nodes[i].name, graph.nodes[i].name);
    }
    QCOMPARE(doc->graph().edges.size(), graph.edges.size());
    QCOMPARE(doc->training().optimizer.learningRate, 0.0123);
    QCOMPARE(doc->training().batchSize, 7);
    QVERIFY(doc->training() == training);
    QCOMPARE(doc->filePath(), QFileInfo(project).absoluteFilePath());
    QVERIFY(doc->isModified());
    QVERIFY(m_window->isWindowModified());
    // The data is found again from the restored project.
    const QString data = QString::fromStdString(doc->project().data.path);
    QVERIFY2(QFileInfo(QDir(dir.path()).filePath(data)).exists() || QFileInfo(data).exists(),
             qPrintable(data));
    // Kept in this window's recovery file until it is saved; the crashed window's file is gone.
    QVERIFY(QFile::exists(m_window->autosave()->recoveryFile()));
    QVERIFY(!QFile::exists(crashed));
    QVERIFY(Autosave::pending().empty()); // this window's file is locked: not offered
    QCOMPARE(fileHash(project), userFile);

    // Saving writes the user's file and ends the recovery.
    QVERIFY(m_window->saveTo(project));
    QVERIFY(!QFile::exists(m_window->autosave()->recoveryFile()));
    QCOMPARE(loadProject(project.toStdString()).training.optimizer.learningRate, 0.0123);
}

void TestAutosave::discardRemovesTheRecovery()
{
    QTemporaryDir dir;
    const QString project = copyIris(dir);
    QVERIFY(!project.isEmpty());
    editAndAutosave(project);
    const QString crashed = m_window->autosave()->recoveryFile();
    m_window.reset(); // a crash
    QCOMPARE(Autosave::pending().size(), std::size_t(1));

    openWindow();
    const GraphSpec fresh = m_window->document()->graph();
    QVERIFY(m_window->offerRecovery());
    QMessageBox *box = recoveryBox(*m_window);
    QVERIFY(box);
    auto *discard = box->findChild<QPushButton *>(QStringLiteral("discardButton"));
    QVERIFY(discard);
    QTest::mouseClick(discard, Qt::LeftButton);
    QTRY_VERIFY(!recoveryBox(*m_window));
    QVERIFY(!QFile::exists(crashed));
    QVERIFY(Autosave::pending().empty());
    QCOMPARE(m_window->document()->graph().nodes.size(), fresh.nodes.size());
    QVERIFY(m_window->document()->filePath().isEmpty());
    QVERIFY(!m_window->document()->isModified());
    // Nothing left: the next start asks nothing.
    QVERIFY(!m_window->offerRecovery());
}

void TestAutosave::normalCloseAndSaveRemoveIt()
{
    QTemporaryDir dir;
    const QString project = copyIris(dir);
    QVERIFY(!project.isEmpty());
    editAndAutosave(project);
    // Closing normally (the unsaved changes let go) leaves nothing to recover.
    QTimer::singleShot(0, this, [] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        box->button(QMessageBox::Discard)->click();
    });
    const QString recovery = m_window->autosave()->recoveryFile();
    QVERIFY(m_window->close());
    QVERIFY(!QFile::exists(recovery));
    m_window.reset();

    // Undoing back to the saved state is no unsaved work either.
    openWindow();
    editAndAutosave(project);
    while (m_window->document()->undoStack()->canUndo())
        m_window->document()->undoStack()->undo();
    QVERIFY(!m_window->document()->isModified());
    QVERIFY(!QFile::exists(m_window->autosave()->recoveryFile()));
}

void TestAutosave::twoWindowsKeepTheirOwnRecovery()
{
    // Two windows at once (two instances are the same: one file and one lock each) edit their projects; each
    // autosave holds its own work, and neither is offered while both are open.
    QTemporaryDir dir1, dir2;
    const QString project1 = copyIris(dir1), project2 = copyIris(dir2);
    QVERIFY(!project1.isEmpty() && !project2.isEmpty());
    editAndAutosave(project1); // learning rate 0.0123
    auto second = std::make_unique<MainWindow>();
    QVERIFY(second->loadFile(project2));
    second->autosave()->setIntervals(200, 50);
    TrainingConfig config = second->document()->training();
    config.optimizer.learningRate = 0.0456;
    second->document()->undoStack()->push(
        new ChangeHyperparametersCommand(second->document(), config, QStringLiteral("learningRate")));
    const QString file1 = m_window->autosave()->recoveryFile(), file2 = second->autosave()->recoveryFile();
    QVERIFY(file1 != file2);
    QTRY_VERIFY(QFile::exists(file2));
    QVERIFY(m_window->autosave()->saveNow() || QFile::exists(file1));
    QTest::qWait(400); // both timers have fired again
    QCOMPARE(loadProject(file1.toStdString()).training.optimizer.learningRate, 0.0123);
    QCOMPARE(loadProject(file2.toStdString()).training.optimizer.learningRate, 0.0456);
    QVERIFY(Autosave::pending().empty()); // both windows are open

    // The second one goes without closing: its work is offered, the first window's is not.
    second.reset();
    const std::vector<Recovery> left = Autosave::pending();
    QCOMPARE(left.size(), std::size_t(1));
    QCOMPARE(left.front().file, QFileInfo(file2).absoluteFilePath());
    QCOMPARE(left.front().originalPath, QFileInfo(project2).absoluteFilePath());
    QVERIFY(QFile::exists(file1));
}

void TestAutosave::staleLocksAreOfferedLiveOnesAreNot()
{
    // Recovery files of two other instances: one whose process died (its lock names a process that has
    // ended) and one still running (its lock names a live process). Only the first is offered.
    QProcess ended;
    ended.start(QStringLiteral("true"));
    QVERIFY(ended.waitForStarted());
    const qint64 deadPid = ended.processId();
    QVERIFY(ended.waitForFinished());
    QProcess running;
    running.start(QStringLiteral("sleep"), {QStringLiteral("60")});
    QVERIFY(running.waitForStarted());
    const qint64 livePid = running.processId();

    const Project iris = loadProject(NNP_SOURCE_DIR "/samples/iris.nnp");
    const auto leave = [&](qint64 pid, const QString &program) {
        const QString file =
            QDir(Autosave::recoveryDir()).filePath(QStringLiteral("recovery-%1-0.nnp").arg(pid));
        Project p = iris;
        p.name = program.toStdString();
        saveProject(p, file.toStdString());
        // What QLockFile writes: the process id, its name and the host.
        QFile lock(file.chopped(4) + QStringLiteral(".lock"));
        if (!lock.open(QIODevice::WriteOnly)) return QString();
        lock.write(
            QStringLiteral("%1\n%2\n%3\n").arg(pid).arg(program, QSysInfo::machineHostName()).toUtf8());
        return file;
    };
    const QString deadFile = leave(deadPid, QStringLiteral("nn-playground"));
    const QString liveFile = leave(livePid, QStringLiteral("sleep"));
    QVERIFY(!deadFile.isEmpty() && !liveFile.isEmpty());

    {
        const std::vector<Recovery> offered = Autosave::pending();
        QCOMPARE(offered.size(), std::size_t(1));
        QCOMPARE(offered.front().file, QFileInfo(deadFile).absoluteFilePath());
        // Claimed while offered: a third instance starting now does not offer it too.
        QVERIFY(Autosave::pending().empty());
    }
    QVERIFY(QFile::exists(liveFile));

    // When the running instance ends without closing, its work is offered too.
    running.kill();
    QVERIFY(running.waitForFinished());
    const std::vector<Recovery> after = Autosave::pending();
    QCOMPARE(after.size(), std::size_t(2));
    for (const Recovery &r : after)
        Autosave::remove(r);
    QVERIFY(!QFile::exists(deadFile) && !QFile::exists(liveFile));
}

QTEST_MAIN(TestAutosave)
#include "tst_autosave.moc"
