// The window's files and state: the title, every sample, bad files, Save and recent files, the dock layout,
// closing with unsaved changes, embedded resources.
#include "main_window_driver.h"

using namespace nnp;
using namespace nnp::testutil;

class TestMainWindowFiles : public QObject, protected MainWindowDriver {
    Q_OBJECT
private slots:
    void initTestCase() { useTestSettings("tst_main_window_files"); }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }

    void titleShowsUnsavedChanges();
    void openEverySample();
    void badFileKeepsCurrentProject();
    void saveShortcutAndRecentFiles();
    void dockLayoutIsRestored();
    void closingWithUnsavedChangesAsks();
    void destroyedWhileBusy();
    void resourcesAreEmbedded();
};

void TestMainWindowFiles::titleShowsUnsavedChanges()
{
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Untitled")));
    QVERIFY(!m_window->isWindowModified());
    dropLayer(LayerKind::Input, {400, 300});
    QVERIFY(m_window->isWindowModified());
    m_window->action("actionUndo")->trigger();
    QVERIFY(!m_window->isWindowModified());
}

void TestMainWindowFiles::openEverySample()
{
    const QStringList samples = listSamples();
    if (samples.isEmpty()) QSKIP("No samples/*.nnp yet.");
    for (const QString &path : samples) {
        QVERIFY2(m_window->loadFile(path), qPrintable(path + ": " + m_window->lastError()));
        const GraphDocument *doc = m_window->document();
        QCOMPARE(doc->filePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY2(!doc->graph().nodes.empty(), qPrintable(path));
        QVERIFY2(doc->validation().ok(),
                 qPrintable(path + ": " + QString::fromStdString(doc->validation().summary())));
        QCOMPARE(m_window->scene()->selectedNodeIds().size(), 0u);
        for (const auto &n : doc->graph().nodes)
            QVERIFY(m_window->scene()->nodeItem(n.id));
        QVERIFY(!doc->isModified());
        QVERIFY(m_window->windowTitle().contains(QFileInfo(path).fileName()));
    }
    QVERIFY(m_window->samplesMenu()->actions().size() >= samples.size());
}

void TestMainWindowFiles::badFileKeepsCurrentProject()
{
    m_window->newProject(false);
    dropLayer(LayerKind::Dropout, {400, 600});
    const QByteArray before = serialised();
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("broken.nnp"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": \"nnp\", \"version\": 1, \"graph\": {\"nodes\": [ {\"id\": ");
    f.close();
    for (const QString &path : {bad, dir.filePath(QStringLiteral("missing.nnp"))}) {
        QVERIFY(!m_window->loadFile(path));
        QCOMPARE(serialised(), before);
        QVERIFY(m_window->document()->filePath().isEmpty());
        QVERIFY(m_window->document()->isModified()); // the user's unsaved work is still there
        QVERIFY2(m_window->lastError().contains(QFileInfo(path).fileName()),
                 qPrintable(m_window->lastError()));
        auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("errorBox"));
        QVERIFY(box && box->isVisible());
        box->close();
        QApplication::processEvents();
    }
}

void TestMainWindowFiles::saveShortcutAndRecentFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString first = dir.filePath(QStringLiteral("first.nnp")),
                  second = dir.filePath(QStringLiteral("second.nnp"));
    m_window->newProject(false);
    QVERIFY(m_window->saveTo(first));
    m_window->newProject(true);
    dropLayer(LayerKind::Input, {400, 300});
    QVERIFY(m_window->saveTo(second));
    // Ctrl+S saves an edit to the project's file without asking.
    dropLayer(LayerKind::Dense, {700, 300});
    QVERIFY(m_window->isWindowModified());
    m_window->view()->setFocus();
    QTest::keyClick(m_window->view(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(loadProject(second.toStdString()).graph.nodes.size(), 2u);

    // File > Open recent lists both, newest first, and opens them.
    QMenu *recent = nullptr;
    for (QAction *a : m_window->fileMenu()->actions())
        if (a->menu() && a->text().contains(QStringLiteral("recent"))) recent = a->menu();
    QVERIFY(recent);
    QList<QAction *> entries;
    for (QAction *a : recent->actions())
        if (a->toolTip().endsWith(QStringLiteral(".nnp"))) entries << a;
    QVERIFY(entries.size() >= 2);
    QCOMPARE(entries[0]->toolTip(), QFileInfo(second).absoluteFilePath());
    QCOMPARE(entries[1]->toolTip(), QFileInfo(first).absoluteFilePath());
    entries[1]->trigger();
    QCOMPARE(m_window->document()->filePath(), QFileInfo(first).absoluteFilePath());
    QCOMPARE(m_window->document()->graph().nodes.size(), 4u);
    // ... and survive a restart.
    QVERIFY(m_window->close());
    m_window = std::make_unique<MainWindow>();
    bool found = false;
    for (QAction *a : m_window->fileMenu()->actions())
        if (a->menu() && a->text().contains(QStringLiteral("recent")))
            for (QAction *e : a->menu()->actions())
                found = found || e->toolTip() == QFileInfo(first).absoluteFilePath();
    QVERIFY(found);
}

void TestMainWindowFiles::dockLayoutIsRestored()
{
    auto *inspector = m_window->findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    auto *palette = m_window->findChild<QDockWidget *>(QStringLiteral("paletteDock"));
    QVERIFY(inspector && palette);
    inspector->hide();
    m_window->addDockWidget(Qt::RightDockWidgetArea, palette);
    QVERIFY(m_window->close());
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    inspector = m_window->findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    palette = m_window->findChild<QDockWidget *>(QStringLiteral("paletteDock"));
    QVERIFY(inspector->isHidden());
    QCOMPARE(m_window->dockWidgetArea(palette), Qt::RightDockWidgetArea);
    // View > Reset panels brings back the layout the window starts with.
    m_window->action(QStringLiteral("actionResetLayout"))->trigger();
    QVERIFY(!inspector->isHidden());
    QCOMPARE(m_window->dockWidgetArea(palette), Qt::LeftDockWidgetArea);
    QVERIFY(m_window->close());
}

void TestMainWindowFiles::closingWithUnsavedChangesAsks()
{
    dropLayer(LayerKind::Input, {400, 300});
    QVERIFY(m_window->isWindowModified());
    QString question;
    auto answer = [&](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, this, [&question, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            question = box->text();
            box->button(button)->click();
        });
    };
    answer(QMessageBox::Cancel);
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
    QVERIFY(question.contains(QStringLiteral("Untitled")));
    QCOMPARE(m_window->document()->graph().nodes.size(), 1u);
    answer(QMessageBox::Discard);
    QVERIFY(m_window->close());
}

// Issue 13 (8): the window's parts are deleted by ~QWidget, after ~MainWindow has run, and emit on their way
// out: the scene's selectionChanged as its selected block goes reached MainWindow::onSelectionChanged on a
// window that was no longer one (UBSan under the asan preset, Qt's assert under tsan; quiet in Release). So
// when the parts go, no connection from them to the window may be left: checked as each one is destroyed,
// with a selection, unsaved work and a run in progress.
void TestMainWindowFiles::destroyedWhileBusy()
{
    QVERIFY(m_window->loadFile(QStringLiteral(NNP_SOURCE_DIR "/samples/spiral.nnp")));
    dropLayer(LayerKind::Dropout, {300, 600}); // unsaved work
    const auto &nodes = m_window->document()->graph().nodes;
    QVERIFY(nodes.size() > 1);
    m_window->scene()->selectNodes({nodes[1].id});
    TrainingController *controller = m_window->training()->controller();
    controller->play();
    QTRY_VERIFY(controller->status() == TrainingStatus::Running);

    QObject *window = m_window.get();
    QStringList stillConnected;
    QObject probe;
    const std::pair<QObject *, const char *> parts[] = {
        {m_window->scene(), "scene"}, {m_window->document(), "document"}, {m_window->view(), "view"}};
    for (const auto &[part, name] : parts)
        connect(part, &QObject::destroyed, &probe, [&stillConnected, window, name = name](QObject *dying) {
            if (QObject::disconnect(dying, nullptr, window, nullptr))
                stillConnected << QString::fromLatin1(name);
        });
    m_window.reset(); // no close event: destroyed as it is
    openWindow();     // for cleanup()
    QVERIFY2(stillConnected.isEmpty(),
             qPrintable(stillConnected.join(QStringLiteral(", ")) +
                        QStringLiteral(" still connected to the destroyed window")));
}

void TestMainWindowFiles::resourcesAreEmbedded()
{
    // Icons for every layer kind, the app icon, and the compiled Chinese catalogue that main() loads.
    for (LayerKind kind : allLayerKinds())
        QVERIFY2(QFile::exists(LayerCatalog::iconPath(kind)), qPrintable(LayerCatalog::iconPath(kind)));
    QVERIFY(QFile::exists(QStringLiteral(":/icons/app.svg")));
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("nnp"),
                            QStringLiteral("_"), QStringLiteral(":/i18n")));
}

QTEST_MAIN(TestMainWindowFiles)
#include "tst_main_window_files.moc"
