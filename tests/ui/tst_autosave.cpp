// Autosave and recovery (issue 13): unsaved work reaches the recovery file by the timers, never the user's
// own file; after a run that did not close normally a new window offers it back, and Restore brings back the
// graph, the hyperparameters and the file it belongs to; Discard, a save and a normal close remove it.
#include "commands/graph_commands.h"
#include "document/autosave.h"
#include "main_window_driver.h"

#include <QCryptographicHash>

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
        Autosave::remove();
        openWindow();
    }
    void cleanup()
    {
        if (m_window) closeWindow();
        Autosave::remove();
    }

    void restoreAfterCrash();
    void discardRemovesTheRecovery();
    void normalCloseAndSaveRemoveIt();

private:
    /// Opens the copied iris project, adds a layer and changes the learning rate, and lets the timers write
    /// the recovery file.
    void editAndAutosave(const QString &project);
};

void TestAutosave::editAndAutosave(const QString &project)
{
    QVERIFY2(m_window->loadFile(project), qPrintable(m_window->lastError()));
    const QByteArray before = fileHash(project);
    QVERIFY(!QFile::exists(Autosave::recoveryFile()));
    // The minute and the seconds after an edit, shortened; nothing is written while nothing is unsaved.
    m_window->autosave()->setIntervals(200, 50);
    QTest::qWait(400);
    QVERIFY(!QFile::exists(Autosave::recoveryFile()));

    dropLayer(LayerKind::Dropout, {300, 600});
    TrainingConfig config = m_window->document()->training();
    config.optimizer.learningRate = 0.0123;
    config.batchSize = 7;
    m_window->document()->undoStack()->push(
        new ChangeHyperparametersCommand(m_window->document(), config, QStringLiteral("learningRate")));
    QVERIFY(m_window->document()->isModified());
    QTRY_VERIFY(QFile::exists(Autosave::recoveryFile()));
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

    // A crash: the window goes without closing (no close event, nothing cleaned up).
    m_window.reset();
    QVERIFY(QFile::exists(Autosave::recoveryFile()));
    const std::optional<Recovery> left = Autosave::pending();
    QVERIFY(left);
    QCOMPARE(left->originalPath, QFileInfo(project).absoluteFilePath());

    openWindow();
    QVERIFY(m_window->offerRecovery());
    QMessageBox *box = recoveryBox(*m_window);
    QVERIFY(box && box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("iris.nnp")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QDir::toNativeSeparators(Autosave::recoveryFile())),
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
    QVERIFY(QFile::exists(Autosave::recoveryFile())); // until the work is saved
    QCOMPARE(fileHash(project), userFile);

    // Saving writes the user's file and ends the recovery.
    QVERIFY(m_window->saveTo(project));
    QVERIFY(!QFile::exists(Autosave::recoveryFile()));
    QCOMPARE(loadProject(project.toStdString()).training.optimizer.learningRate, 0.0123);
}

void TestAutosave::discardRemovesTheRecovery()
{
    QTemporaryDir dir;
    const QString project = copyIris(dir);
    QVERIFY(!project.isEmpty());
    editAndAutosave(project);
    m_window.reset(); // a crash
    QVERIFY(Autosave::pending());

    openWindow();
    const GraphSpec fresh = m_window->document()->graph();
    QVERIFY(m_window->offerRecovery());
    QMessageBox *box = recoveryBox(*m_window);
    QVERIFY(box);
    auto *discard = box->findChild<QPushButton *>(QStringLiteral("discardButton"));
    QVERIFY(discard);
    QTest::mouseClick(discard, Qt::LeftButton);
    QTRY_VERIFY(!recoveryBox(*m_window));
    QVERIFY(!QFile::exists(Autosave::recoveryFile()));
    QVERIFY(!Autosave::pending());
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
    QVERIFY(m_window->close());
    QVERIFY(!QFile::exists(Autosave::recoveryFile()));
    m_window.reset();

    // Undoing back to the saved state is no unsaved work either.
    openWindow();
    editAndAutosave(project);
    while (m_window->document()->undoStack()->canUndo())
        m_window->document()->undoStack()->undo();
    QVERIFY(!m_window->document()->isModified());
    QVERIFY(!QFile::exists(Autosave::recoveryFile()));
}

QTEST_MAIN(TestAutosave)
#include "tst_autosave.moc"
