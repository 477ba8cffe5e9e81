// The ways in (issue 12): File > Open data on a CSV (the network fits it, trains, one undo step, a relative
// data path beside the project, a dropped file), samples as templates (Save goes to the user's documents,
// exports too, Reset to sample), and the start page (every sample, thumbnails, a click or Enter opens one),
// with screenshots of the start page in English and Chinese (CTest attachments).
#include "main_window_driver.h"
#include "settle.h"

#include "commands/graph_commands.h"
#include "export/export_dialog.h"
#include "start/open_data_dialog.h"
#include "start/sample_catalog.h"
#include "start/sample_titles.h"
#include "start/start_page.h"
#include "train/network.h"
#include "train/trainer.h"

#include <QCryptographicHash>

#include <QFileDialog>
#include <QLabel>
#include <QScopeGuard>
#include <QScrollArea>
#include <QSet>
#include <algorithm>

using namespace nnp;
using namespace nnp::testutil;

namespace {

QString samplesPath(const QString &rel)
{
    return QDir(findSamplesDir()).filePath(rel);
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha1);
}

/// Distinct colours of an image: a blank thumbnail has one.
int colourCount(const QImage &img)
{
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2)
            colours.insert(img.pixel(x, y));
    return int(colours.size());
}

} // namespace

class TestStartPage : public QObject, protected MainWindowDriver {
    Q_OBJECT
private slots:
    void initTestCase();
    void init() { openWindow(); }
    void cleanup();

    void openDataFitsIrisAndTrains();
    void openDataIsOneUndoStep();
    void openDataRegression();
    void openDataStoresPathBesideProject();
    void droppedCsvOpensData();
    void sampleSavesToDocuments();
    void resetToSample();
    void startPageListsAndOpensSamples();
    void startPageKeyboard();
    void startPageAtPresentationSize();
    void screenshots_data();
    void screenshots();

private:
    /// Opens `csv` with File > Open data and returns the dialog it shows.
    OpenDataDialog *openDataDialog(const QString &csv);
    QTemporaryDir m_home;
};

void TestStartPage::initTestCase()
{
    // A home of our own: the user's Documents folder (where templates save) is a temporary one.
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toLocal8Bit());
    useTestSettings("tst_start_page");
    QVERIFY(!findSamplesDir().isEmpty());
}

void TestStartPage::cleanup()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *d = qobject_cast<QDialog *>(w); d && d->isVisible()) d->reject();
    settle();
    closeWindow();
}

OpenDataDialog *TestStartPage::openDataDialog(const QString &csv)
{
    m_window->openData(csv);
    return m_window->findChild<OpenDataDialog *>();
}

void TestStartPage::openDataFitsIrisAndTrains()
{
    OpenDataDialog *dialog = openDataDialog(samplesPath(QStringLiteral("datasets/iris/iris.csv")));
    QVERIFY(dialog && dialog->isVisible());
    // What will be made, shown before it is: the last column as target, 3 classes, the split's counts.
    QCOMPARE(dialog->targetBox()->currentText(), QStringLiteral("species"));
    QVERIFY2(dialog->project().has_value(), qPrintable(dialog->summaryText()));
    QVERIFY2(dialog->summaryText().contains(QStringLiteral("3 classes")), qPrintable(dialog->summaryText()));
    QVERIFY(dialog->summaryText().contains(QStringLiteral("setosa")));
    QVERIFY((dialog->splitCounts() == std::array<int, 3>{120, 0, 30}));
    // Every choice changes what will be made.
    dialog->validationBox()->setValue(10);
    QCOMPARE(dialog->splitCounts()[1], 15);
    dialog->validationBox()->setValue(0);
    dialog->hiddenEdit()->setText(QStringLiteral("sixteen"));
    QVERIFY(!dialog->project().has_value());
    dialog->hiddenEdit()->setText(QStringLiteral("16, 8"));
    QVERIFY(dialog->project().has_value());
    settle();
    const QString shots = QStringLiteral(NNP_BINARY_DIR "/screenshots");
    QDir().mkpath(shots);
    QVERIFY(dialog->grab().save(shots + QStringLiteral("/open_data_dialog.png")));
    dialog->accept();
    settle();

    // An empty canvas: a new, untitled project named after its data.
    const GraphDocument *doc = m_window->document();
    QVERIFY(doc->filePath().isEmpty());
    QCOMPARE(QString::fromStdString(doc->project().name), QStringLiteral("iris"));
    QVERIFY(doc->preprocessing().normalization == NormalizationKind::ZScore);
    QVERIFY(doc->training().loss.kind == LossKind::SparseCategoricalCrossEntropy);
    QVERIFY(doc->graph().nodes.front().options.get(opt::input::shape) == std::vector<int>{4});
    QVERIFY(doc->graph().nodes.back().kind == LayerKind::Softmax);
    QVERIFY2(doc->canTrain(), "the network Open data makes trains as it is");
    // The data panel shows the split with its counts.
    auto *counts = m_window->findChild<QLabel *>(QStringLiteral("splitCounts"));
    QVERIFY(counts);
    QTRY_COMPARE(counts->text(), QStringLiteral("120 training · 0 validation · 30 test rows"));
    if (QDockWidget *dataDock = m_window->dock(DockRole::Data)) {
        dataDock->setFloating(true); // a picture of the whole panel (it shares a tab with the layers)
        dataDock->resize(420, 760);
        dataDock->show();
        settle();
        QVERIFY(dataDock->grab().save(QStringLiteral(NNP_BINARY_DIR "/screenshots/data_panel_split.png")));
    }
    auto *validation = m_window->findChild<QSpinBox *>(QStringLiteral("validationBox"));
    QVERIFY(validation);
    validation->setValue(20);
    QCOMPARE(doc->preprocessing().split.validation, 0.2);
    QTRY_COMPARE(counts->text(), QStringLiteral("90 training · 30 validation · 30 test rows"));
    validation->setValue(0);

    // It learns: 90 % on the training split within a few epochs (fixed seed), and the trained model does as
    // well on the 30 test rows it never saw.
    trainUntil(0.9, 60000);
    const auto &history = m_window->training()->controller()->history();
    const auto reached = std::find_if(history.begin(), history.end(),
                                      [](const EpochRecord &r) { return r.trainMetric >= 0.9; });
    QVERIFY(reached != history.end());
    const Project &p = doc->project();
    const PreparedData data = prepareData(p, {}, &*p.normalizer);
    Network net = Network::build(p.graph, p.training.seed);
    net.setLoss(p.training.loss);
    restoreWeights(p, net);
    const Evaluation test = evaluate(net, data.test);
    qInfo("iris from Open data: 90 %% training accuracy after %d epochs; after %d epochs %.3f training, %.3f "
          "test accuracy (30 rows)",
          reached->epoch, int(history.size()), history.back().trainMetric, test.accuracy);
    QVERIFY2(reached->epoch <= 30, qPrintable(QString::number(reached->epoch)));
    QCOMPARE(data.test.x.cols(), Eigen::Index(30));
    QVERIFY(test.accuracy >= 0.9);
}

void TestStartPage::openDataIsOneUndoStep()
{
    QVERIFY(m_window->loadFile(samplesPath(QStringLiteral("spiral.nnp"))));
    const QByteArray before = serialised();
    const std::string beforeText = projectToText(m_window->document()->project());
    const int steps = m_window->document()->undoStack()->count();
    OpenDataDialog *dialog = openDataDialog(samplesPath(QStringLiteral("datasets/penguins/penguins.csv")));
    QVERIFY(dialog);
    QCOMPARE(dialog->targetBox()->currentText(), QStringLiteral("species"));
    dialog->accept();
    settle();
    const GraphDocument *doc = m_window->document();
    QCOMPARE(doc->undoStack()->count(), steps + 1);
    QVERIFY(doc->dataSource().kind == DataSourceKind::Csv);
    QVERIFY(doc->graph().nodes.back().kind == LayerKind::Softmax);
    QCOMPARE(m_window->scene()->items().isEmpty(), false);
    const QByteArray after = serialised();
    QVERIFY(after != before);
    m_window->action(QStringLiteral("actionUndo"))->trigger();
    QCOMPARE(serialised(), before);
    QVERIFY(projectToText(doc->project()) == beforeText);
    QCOMPARE(m_window->scene()->nodeItem(doc->graph().nodes.front().id) != nullptr, true);
    m_window->action(QStringLiteral("actionRedo"))->trigger();
    QCOMPARE(serialised(), after);
}

void TestStartPage::openDataRegression()
{
    // A numeric target with many values: a regression, linear output and mean squared error; the task can
    // be changed in the dialog and the summary follows.
    OpenDataDialog *dialog = openDataDialog(samplesPath(QStringLiteral("datasets/sat_act/sat_act.csv")));
    QVERIFY(dialog && dialog->project());
    QVERIFY2(dialog->summaryText().contains(QStringLiteral("regression")), qPrintable(dialog->summaryText()));
    QVERIFY(dialog->project()->training.loss.kind == LossKind::MSE);
    QVERIFY(!dialog->summaryText().contains(QStringLiteral("stratified")));
    QVERIFY(chooseByKeys(dialog->taskBox(), int(TaskKind::Classification)));
    // Hundreds of distinct scores as classes: still made, and said.
    if (dialog->project()) QVERIFY(dialog->summaryText().contains(QStringLiteral("classes")));
    QVERIFY(chooseByKeys(dialog->taskBox(), int(TaskKind::Regression)));
    dialog->accept();
    const GraphDocument *doc = m_window->document();
    QVERIFY(doc->training().loss.kind == LossKind::MSE);
    QVERIFY(doc->graph().nodes.back().kind == LayerKind::Dense);
    QVERIFY(doc->canTrain());
}

void TestStartPage::openDataStoresPathBesideProject()
{
    // A project in a folder, its data beside it: the stored path is relative (the folder travels).
    QTemporaryDir dir;
    QVERIFY(QFile::copy(samplesPath(QStringLiteral("datasets/iris/iris.csv")), dir.filePath("flowers.csv")));
    m_window->newProject(false);
    QVERIFY(m_window->saveTo(dir.filePath("lesson.nnp")));
    OpenDataDialog *dialog = openDataDialog(dir.filePath("flowers.csv"));
    QVERIFY(dialog && dialog->project());
    dialog->accept();
    QCOMPARE(QString::fromStdString(m_window->document()->dataSource().path), QStringLiteral("flowers.csv"));
    QCOMPARE(m_window->document()->filePath(), QFileInfo(dir.filePath("lesson.nnp")).absoluteFilePath());
}

void TestStartPage::droppedCsvOpensData()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(samplesPath(QStringLiteral("datasets/iris/iris.csv")))});
    QDragEnterEvent enter(QPoint(400, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(400, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(drop.isAccepted());
    QTRY_VERIFY(m_window->findChild<OpenDataDialog *>() != nullptr);
    OpenDataDialog *dialog = m_window->findChild<OpenDataDialog *>();
    QVERIFY(dialog->isVisible() && dialog->project());
    // Something that is not a CSV is not taken.
    QMimeData other;
    other.setUrls({QUrl::fromLocalFile(samplesPath(QStringLiteral("spiral.nnp")))});
    QDragEnterEvent refused(QPoint(400, 300), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
    refused.ignore();
    QApplication::sendEvent(m_window.get(), &refused);
    QVERIFY(!refused.isAccepted());
}

void TestStartPage::sampleSavesToDocuments()
{
    const QString sample = samplesPath(QStringLiteral("iris.nnp"));
    const QByteArray shipped = fileHash(sample);
    const QStringList samplesBefore = QDir(findSamplesDir()).entryList(QDir::Files);
    QVERIFY(m_window->loadFile(sample));
    QCOMPARE(m_window->templatePath(), QFileInfo(sample).absoluteFilePath());
    QVERIFY(m_window->action(QStringLiteral("actionResetToSample"))->isEnabled());
    // An edit, then Save: the dialog offers the Documents folder and the sample's name.
    TrainingConfig t = m_window->document()->training();
    t.epochs = 7;
    m_window->document()->undoStack()->push(
        new ChangeHyperparametersCommand(m_window->document(), t, QStringLiteral("epochs")));
    QVERIFY(m_window->isWindowModified());
    const QString expected = QDir(QDir::homePath()).filePath(QStringLiteral("Documents/iris.nnp"));
    QString offered;
    QTimer::singleShot(0, this, [&offered] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        offered = dialog->selectedFiles().value(0);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog's own accept() is protected
    });
    m_window->action(QStringLiteral("actionSave"))->trigger();
    QCOMPARE(QFileInfo(offered).absoluteFilePath(), QFileInfo(expected).absoluteFilePath());
    QCOMPARE(m_window->document()->filePath(), QFileInfo(expected).absoluteFilePath());
    QVERIFY(!m_window->isWindowModified());
    // The samples folder is untouched, and the saved project opens with its data from anywhere.
    QCOMPARE(fileHash(sample), shipped);
    QCOMPARE(QDir(findSamplesDir()).entryList(QDir::Files), samplesBefore);
    const Project saved = loadProject(expected.toStdString());
    QCOMPARE(saved.training.epochs, 7);
    QVERIFY(std::filesystem::path(saved.data.path).is_absolute());
    QVERIFY(prepareData(saved, QFileInfo(expected).absolutePath().toStdString()).full.size() == 150);

    // The export dialog starts in the documents too, named after the project.
    QVERIFY(m_window->loadFile(sample));
    ExportDialog exportDialog(m_window.get(), ExportFormat::Onnx);
    auto *path = exportDialog.findChild<QLineEdit *>(QStringLiteral("pathEdit"));
    QVERIFY(path);
    QCOMPARE(QFileInfo(path->text()).absolutePath(), QFileInfo(expected).absolutePath());
    QCOMPARE(QFileInfo(path->text()).fileName(), QStringLiteral("iris.onnx"));
}

void TestStartPage::resetToSample()
{
    const QString sample = samplesPath(QStringLiteral("xor.nnp"));
    QVERIFY(m_window->loadFile(sample));
    const std::string shipped = projectToText(m_window->document()->project());
    m_window->document()->removeItems({m_window->document()->graph().nodes.back().id});
    TrainingConfig t = m_window->document()->training();
    t.optimizer.learningRate = 0.5;
    m_window->document()->undoStack()->push(
        new ChangeHyperparametersCommand(m_window->document(), t, QStringLiteral("learning rate")));
    QVERIFY(projectToText(m_window->document()->project()) != shipped);

    const auto answer = [this](QMessageBox::StandardButton button) {
        m_window->action(QStringLiteral("actionResetToSample"))->trigger();
        QMessageBox *box = nullptr; // the one shown now (an answered one may wait for its deletion)
        for (QMessageBox *b : m_window->findChildren<QMessageBox *>(QStringLiteral("resetSampleBox")))
            if (b->isVisible()) box = b;
        QVERIFY(box);
        box->button(button)->click();
        settle();
    };
    answer(QMessageBox::Cancel); // nothing happens
    QVERIFY(projectToText(m_window->document()->project()) != shipped);
    answer(QMessageBox::Reset);
    QVERIFY(projectToText(m_window->document()->project()) == shipped);
    QCOMPARE(m_window->document()->filePath(), QFileInfo(sample).absoluteFilePath());
    QVERIFY(!m_window->isWindowModified());

    // A project of the user's is no template.
    QTemporaryDir dir;
    QVERIFY(m_window->saveTo(dir.filePath("mine.nnp")));
    QVERIFY(m_window->loadFile(dir.filePath("mine.nnp")));
    QVERIFY(m_window->templatePath().isEmpty());
    QVERIFY(!m_window->action(QStringLiteral("actionResetToSample"))->isEnabled());
}

void TestStartPage::startPageListsAndOpensSamples()
{
    m_window->action(QStringLiteral("actionStartPage"))->trigger();
    auto *page = m_window->findChild<StartPage *>();
    QVERIFY(page && page->isVisible());
    QStringList listed;
    for (SampleCard *card : page->cards())
        listed << card->path();
    for (const QString &sample : listSamples())
        QVERIFY2(listed.contains(sample), qPrintable(sample));
    QCOMPARE(listed.size(), qsizetype(listStartEntries().size()));
    // Grouped: the CNN under Images, the LSTM under Text & sequences, the spiral under Basics.
    for (const auto &[name, group] :
         {std::pair{"mnist_cnn.nnp", SampleGroup::Images}, std::pair{"digits_8x8.nnp", SampleGroup::Images},
          std::pair{"essay_lstm.nnp", SampleGroup::TextSequences},
          std::pair{"spiral.nnp", SampleGroup::Basics}}) {
        const auto entries = listStartEntries();
        const auto it = std::find_if(entries.begin(), entries.end(), [&](const SampleEntry &e) {
            return QFileInfo(e.path).fileName() == QLatin1String(name);
        });
        QVERIFY(it != entries.end());
        QCOMPARE(int(it->group), int(group));
    }
    // Every thumbnail shows something.
    QTRY_VERIFY_WITH_TIMEOUT(page->thumbnailsReady(), 60000);
    for (SampleCard *card : page->cards())
        QVERIFY2(colourCount(card->thumbnail()) > 2, qPrintable(card->path()));

    // One click on a card opens its sample and closes the page.
    SampleCard *xor_ = page->findChild<SampleCard *>(QStringLiteral("card:xor"));
    QVERIFY(xor_);
    page->findChild<QScrollArea *>()->ensureWidgetVisible(xor_);
    QTest::mouseClick(xor_, Qt::LeftButton, {}, xor_->rect().center());
    QCOMPARE(m_window->document()->filePath(), samplesPath(QStringLiteral("xor.nnp")));
    QTRY_VERIFY(!m_window->findChild<StartPage *>());
    QCOMPARE(m_window->templatePath(), samplesPath(QStringLiteral("xor.nnp")));
}

void TestStartPage::startPageKeyboard()
{
    m_window->showStartPage();
    auto *page = m_window->findChild<StartPage *>();
    QVERIFY(page);
    QApplication::setActiveWindow(page);
    SampleCard *first = page->cards().value(0);
    QVERIFY(first);
    QTRY_VERIFY(first->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    SampleCard *second = page->cards().value(1);
    QVERIFY(second->hasFocus());
    QTest::keyClick(second, Qt::Key_Return);
    QCOMPARE(m_window->document()->filePath(), second->path());
    QTRY_VERIFY(!m_window->findChild<StartPage *>());
}

void TestStartPage::startPageAtPresentationSize()
{
    // Presentation mode's body text on a 1920×1080 projector is 24 px (the application font): the cards grow
    // with it, keep their titles at that size and never overlap.
    const QFont before = QApplication::font();
    const auto restore = qScopeGuard([&] { QApplication::setFont(before); });
    QFont big = before;
    big.setPixelSize(24);
    QApplication::setFont(big);
    m_window->showStartPage();
    auto *page = m_window->findChild<StartPage *>();
    QVERIFY(page);
    page->resize(1920, 1080);
    QTRY_VERIFY_WITH_TIMEOUT(page->thumbnailsReady(), 60000);
    settle();
    const QList<SampleCard *> cards = page->cards();
    QVERIFY(!cards.isEmpty());
    for (SampleCard *card : cards) {
        QVERIFY(QFontInfo(card->font()).pixelSize() >= 24);
        QVERIFY2(card->height() >= card->sizeHint().height(), qPrintable(card->path()));
        QVERIFY2(card->width() >= card->height() * 2, qPrintable(card->path())); // room for the text
        const QRect r(card->mapTo(page, QPoint(0, 0)), card->size());
        for (SampleCard *other : cards)
            if (other != card) QVERIFY(!r.intersects(QRect(other->mapTo(page, QPoint(0, 0)), other->size())));
    }
    QVERIFY(page->grab().save(QStringLiteral(NNP_BINARY_DIR "/screenshots/start_page_presentation.png")));
}

void TestStartPage::screenshots_data()
{
    QTest::addColumn<bool>("chinese");
    QTest::newRow("en") << false;
    QTest::newRow("zh_CN") << true;
}

void TestStartPage::screenshots()
{
    QFETCH(bool, chinese);
    QTranslator zh;
    if (chinese) {
        QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("nnp"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&zh));
    }
    const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&zh); });
    m_window->showStartPage();
    auto *page = m_window->findChild<StartPage *>();
    QVERIFY(page);
    page->resize(1600, 1000);
    QTRY_VERIFY_WITH_TIMEOUT(page->thumbnailsReady(), 60000);
    settle();
    if (chinese) {
        QVERIFY(page->findChild<QPushButton *>(QStringLiteral("newEmptyButton"))->text() !=
                QStringLiteral("New empty project"));
    }
    // Every shipped sample and lesson has a title and a summary of its own, in the interface language: in
    // Chinese no card keeps an English title or summary (a Han character in each), in English none has one.
    const QList<SampleCard *> cards = page->findChildren<SampleCard *>();
    QVERIFY(cards.size() >= 30);
    const auto hasHan = [](const QString &text) {
        return std::any_of(text.begin(), text.end(),
                           [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
    };
    for (SampleCard *card : cards) {
        const std::optional<SampleTitle> shipped = shippedSampleTitle(card->path());
        QVERIFY2(shipped.has_value(), qPrintable(card->path()));
        QCOMPARE(card->text(), shipped->title);
        QCOMPARE(card->accessibleDescription(), shipped->summary);
        QVERIFY2(hasHan(card->text()) == chinese, qPrintable(card->text()));
        QVERIFY2(hasHan(card->accessibleDescription()) == chinese, qPrintable(card->accessibleDescription()));
    }
    const QString dir = QStringLiteral(NNP_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString path =
        dir + (chinese ? QStringLiteral("/start_page_zh.png") : QStringLiteral("/start_page_en.png"));
    const QImage shot = page->grab().toImage();
    QCOMPARE(shot.size(), QSize(1600, 1000));
    QVERIFY(shot.save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(TestStartPage)
#include "tst_start_page.moc"
