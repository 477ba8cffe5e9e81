// Presentation mode on a 1920×1080 screen (the offscreen platform configured by offscreen_1920x1080.json):
// body text, plot ticks, canvas blocks and the confusion matrix's counts are at least 24 px; each activity
// shows its docks; leaving (F5 or Esc) restores the window exactly; the scale lives in QSettings. It also
// writes presentation-mode screenshots in English and Chinese (CTest attachments, shown in the README).
#include "document/graph_document.h"
#include "editor/graph_scene.h"
#include "editor/graph_view.h"
#include "editor/node_item.h"
#include "explain/explain_docks.h"
#include "explain/explain_model.h"
#include "insights/confusion_view.h"
#include "main_window.h"
#include "panels/inspector_widget.h"
#include "panels/on_screen.h"
#include "panels/training_docks.h"
#include "panels/training_toolbar.h"
#include "plots/loss_plot.h"
#include "presentation/presentation_mode.h"
#include "settle.h"
#include "style/high_contrast.h"
#include "style/plot_contrast.h"
#include "style/text_scale.h"
#include "training/training_controller.h"
#include "training/training_pace.h"
#include "viz/plane_canvas.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFontInfo>
#include <QLabel>
#include <QMenuBar>
#include <QPainter>
#include <QScreen>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTextEdit>
#include <QToolBar>
#include <QTranslator>

#include <qcustomplot.h>

#include <set>

using namespace nnp;

namespace {

constexpr int kMinPixels = 24;

int pixels(const QFont &f)
{
    return QFontInfo(f).pixelSize();
}

QString saveShot(QWidget *w, const QString &name)
{
    const QString dir = QStringLiteral(NNP_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + name;
    if (!w->grab().save(path)) return {};
    qInfo("screenshot: %s", qPrintable(path));
    return path;
}

QStringList visibleDocks(const MainWindow &w)
{
    QStringList names;
    for (const QDockWidget *d : w.findChildren<QDockWidget *>())
        if (d->isVisible()) names << d->objectName();
    names.sort();
    return names;
}

/// What the user sees of the window's layout: every dock's and toolbar's visibility, area and geometry.
QStringList layoutOf(const MainWindow &w)
{
    QStringList out;
    for (QDockWidget *d : w.findChildren<QDockWidget *>()) {
        QString line =
            QStringLiteral("%1 %2 %3").arg(d->objectName()).arg(d->isVisible()).arg(int(w.dockWidgetArea(d)));
        if (d->isVisible() && d->x() >= 0 && d->y() >= 0) // not a tab behind another
            line += QStringLiteral(" %1,%2 %3×%4").arg(d->x()).arg(d->y()).arg(d->width()).arg(d->height());
        out << line;
    }
    for (QToolBar *t : w.findChildren<QToolBar *>())
        out << QStringLiteral("%1 %2 %3")
                   .arg(t->objectName())
                   .arg(t->isVisible())
                   .arg(t->isVisible() ? QStringLiteral("%1,%2 %3×%4")
                                             .arg(t->x())
                                             .arg(t->y())
                                             .arg(t->width())
                                             .arg(t->height())
                                       : QString());
    out.sort();
    return out;
}

/// The canvas blocks' smallest text in screen pixels: every line of BodyLines at the view's zoom.
double smallestBlockPixels(const MainWindow &w)
{
    double smallest = 1e9;
    const double pxPerPoint = w.view()->logicalDpiY() / 72.0 * w.view()->zoom();
    for (const NodeSpec &n : w.document()->graph().nodes) {
        const NodeItem *item = w.scene()->nodeItem(n.id);
        if (!item) continue;
        const NodeItem::BodyLines b = item->bodyLines(w.view()->font());
        for (const double points : {b.titlePointSize, b.detailsPointSize, b.shapePointSize})
            smallest = std::min(smallest, points * pxPerPoint);
    }
    return smallest;
}

/// Whether every layer's block lies inside the canvas's visible area.
bool wholeNetworkInView(const MainWindow &w)
{
    const QRect visible = w.view()->viewport()->rect();
    for (const NodeSpec &n : w.document()->graph().nodes) {
        const NodeItem *item = w.scene()->nodeItem(n.id);
        if (item && !visible.contains(w.view()->mapFromScene(item->sceneBoundingRect()).boundingRect()))
            return false;
    }
    return true;
}

/// Pixels darker than 40 of 255 (the frames, rims and grid lines high contrast draws in black).
int blackPixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += qGray(image.pixel(x, y)) < 40 ? 1 : 0;
    return n;
}

/// The views that paint with colours of their own (not QCustomPlot): the decision boundary and the
/// confusion matrix, rendered as they are now.
std::pair<int, int> ownViewsBlack(MainWindow &w)
{
    PlaneCanvas *canvas = nullptr;
    for (PlaneCanvas *c : w.findChildren<PlaneCanvas *>())
        if (c->isVisible() && (!canvas || c->width() > canvas->width())) canvas = c;
    auto *grid = w.findChild<ConfusionGrid *>();
    if (!canvas || !grid) return {-1, -1};
    QImage matrix(400, 360, QImage::Format_RGB32);
    matrix.fill(Qt::white);
    QPainter p(&matrix);
    grid->render(p, QRectF(0, 0, 400, 360));
    p.end();
    return {blackPixels(canvas->grab().toImage()), blackPixels(matrix)};
}

std::shared_ptr<ConfusionData> tenClasses()
{
    auto d = std::make_shared<ConfusionData>();
    d->classes = 10;
    d->counts.assign(10, std::vector<int>(10, 3));
    for (int k = 0; k < 10; ++k)
        d->counts[std::size_t(k)][std::size_t(k)] = 95;
    d->accuracy = 0.78;
    return d;
}

} // namespace

class TestPresentation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void textIsLargeAt1920x1080();
    void activitiesShowTheirDocks();
    void leavingRestoresTheWindow();
    void scaleIsStoredAndApplied();
    void settingsRowCount_data();
    void settingsRowCount();
    void highContrastReachesThePlots();
    void screenshots_data();
    void screenshots();

private:
    void open(MainWindow &w, const QString &sample = QStringLiteral("spiral.nnp"));
};

void TestPresentation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QScreen *screen = QGuiApplication::primaryScreen();
    QVERIFY(screen);
    QCOMPARE(screen->geometry().size(), QSize(1920, 1080));
}

void TestPresentation::init()
{
    QSettings().clear();
}

void TestPresentation::open(MainWindow &w, const QString &sample)
{
    QVERIFY2(w.loadFile(QStringLiteral(NNP_SOURCE_DIR "/samples/") + sample), qPrintable(w.lastError()));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showNormal(); // the first show maximises
    w.resize(1400, 900);
    w.move(40, 30);
    testutil::settle();
}

void TestPresentation::textIsLargeAt1920x1080()
{
    MainWindow w;
    open(w);
    PresentationMode *pm = w.presentation();
    QCOMPARE(pm->scalePercent(), PresentationSettings::kDefaultScale);
    // The desktop's sizes, for comparison: the canvas and the counts are below 24 px there.
    auto *confusion = w.findChild<ConfusionView *>();
    QVERIFY(confusion);
    confusion->showConfusion(tenClasses());
    const int countBefore = pixels(confusion->grid()->countFont());
    QVERIFY(smallestBlockPixels(w) < kMinPixels);

    pm->toggleAction()->trigger();
    QVERIFY(pm->isActive());
    pm->setActivity(Activity::Train);
    testutil::settle();
    QVERIFY(w.isFullScreen());
    QCOMPARE(w.geometry(), QRect(0, 0, 1920, 1080));
    QCOMPARE(textScale(), 2.0);

    // Body text: the application's font and representative widgets (menus, the inspector, the data panel's
    // labels, the training toolbar, the explain panel's text with its own size).
    QVERIFY2(pixels(QApplication::font()) >= kMinPixels,
             qPrintable(QString::number(pixels(QApplication::font()))));
    QList<QWidget *> widgets{w.menuBar(), w.inspector(), w.training()->toolbar(),
                             w.dock(DockRole::Data)->widget()};
    for (QLabel *label : w.dock(DockRole::Data)->widget()->findChildren<QLabel *>())
        widgets << label;
    const auto *ex = w.findChild<ExplainDocks *>();
    QVERIFY(ex);
    for (QTextEdit *text : ex->explainDock()->findChildren<QTextEdit *>())
        widgets << text;
    for (QWidget *widget : widgets)
        QVERIFY2(pixels(widget->font()) >= kMinPixels,
                 qPrintable(QStringLiteral("%1 (%2): %3 px")
                                .arg(widget->objectName(), widget->metaObject()->className())
                                .arg(pixels(widget->font()))));
    // The docks' titles (a dock draws its title in the theme's title font unless it has a font of its own).
    for (QDockWidget *d : w.findChildren<QDockWidget *>())
        if (d->isVisible()) {
            QVERIFY(d->font() != QApplication::font("QDockWidget"));
            QVERIFY2(pixels(d->font()) >= kMinPixels, qPrintable(d->objectName()));
        }
    // Plot tick labels (QCustomPlot).
    QCustomPlot *plot = w.training()->lossPlot()->plot();
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis, plot->yAxis2}) {
        QVERIFY2(pixels(axis->tickLabelFont()) >= kMinPixels,
                 qPrintable(QString::number(pixels(axis->tickLabelFont()))));
        QVERIFY(pixels(axis->labelFont()) >= kMinPixels);
    }
    QVERIFY(pixels(plot->legend->font()) >= kMinPixels);
    // The rotated "Accuracy" label keeps clear of its tick labels (it touched them at 200 %).
    QVERIFY(plot->yAxis2->labelPadding() >= 10 && plot->yAxis2->tickLabelPadding() >= 10);
    // The confusion matrix's counts (a tab of the Train activity, behind the curves until chosen; chosen, it
    // is computed for the run and shown in its dock's full size).
    auto *confusionDock = w.findChild<QDockWidget *>(QStringLiteral("confusionDock"));
    QVERIFY(confusionDock->isVisible());
    confusionDock->raise();
    QTRY_VERIFY(onScreen(confusionDock));
    QTRY_VERIFY(confusion->data() && confusion->data()->classes != tenClasses()->classes);
    testutil::settle();
    const int countNow = pixels(confusion->grid()->countFont());
    QVERIFY2(countNow >= kMinPixels && countNow > countBefore,
             qPrintable(QStringLiteral("%1 px, %2 px before").arg(countNow).arg(countBefore)));
    // Every training control is on a toolbar, none in an overflow menu (the learning rate, the batch and the
    // state fell into it at 200 % in English), and the canvas shows the whole network as an overview.
    TrainingToolbar *bar = w.training()->toolbar();
    for (QWidget *control : std::initializer_list<QWidget *>{
             bar->paceSlider(), bar->learningRateBox(), bar->batchSizeBox(), bar->regularizationBox(),
             bar->settingsBar()->findChild<QLabel *>(QStringLiteral("statusLabel"))}) {
        QVERIFY(control);
        QVERIFY2(control->isVisible() && control->window()->rect().contains(control->mapTo(&w, QPoint(0, 0))),
                 qPrintable(control->objectName() + QLatin1Char(' ') + control->metaObject()->className()));
    }
    for (const Activity a : {Activity::Train, Activity::Explain}) {
        pm->setActivity(a);
        testutil::settle();
        QVERIFY2(wholeNetworkInView(w), qPrintable(QStringLiteral("activity %1").arg(int(a))));
    }
    // Building, the canvas is the main view: its blocks' text (BodyLines, at the canvas's zoom) is large.
    pm->setActivity(Activity::Build);
    testutil::settle();
    QVERIFY2(smallestBlockPixels(w) >= kMinPixels, qPrintable(QString::number(smallestBlockPixels(w))));
}

void TestPresentation::activitiesShowTheirDocks()
{
    MainWindow w;
    open(w);
    PresentationMode *pm = w.presentation();
    pm->setActive(true);
    for (const Activity a : {Activity::Build, Activity::Train, Activity::Explain}) {
        pm->setActivity(a);
        testutil::settle();
        QStringList expected = PresentationMode::docksOf(a);
        expected.sort();
        QCOMPARE(visibleDocks(w), expected);
        QVERIFY(pm->toolBar()->isVisible());
    }
    // The activity is also an action of the toolbar.
    w.findChild<QAction *>(QStringLiteral("actionPresent0"))->trigger();
    QCOMPARE(pm->activity(), Activity::Build);
}

void TestPresentation::leavingRestoresTheWindow()
{
    MainWindow w;
    open(w);
    w.dock(DockRole::Inspector)->hide(); // a layout of the user's own
    w.view()->setZoom(0.8);
    testutil::settle();
    const QRect geometry = w.geometry();
    const Qt::WindowStates state = w.windowState();
    const QStringList docks = layoutOf(w);
    const QStringList shown = visibleDocks(w);
    const QFont appFont = QApplication::font();
    const QFont inspectorFont = w.inspector()->font();
    const QFont tickFont = w.training()->lossPlot()->plot()->xAxis->tickLabelFont();
    const QPalette palette = QApplication::palette();
    const QTransform canvas = w.view()->transform();

    // F5 enters; the scale and the contrast change while presenting; Esc (unhandled by the canvas) leaves.
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(w.view(), Qt::Key_F5);
    PresentationMode *pm = w.presentation();
    QVERIFY(pm->isActive());
    pm->setActivity(Activity::Explain);
    pm->scaleBox()->setValue(250);
    pm->setHighContrast(true);
    testutil::settle();
    QVERIFY(QApplication::font() != appFont);
    QVERIFY(QApplication::palette() != palette);
    QTest::keyClick(w.view(), Qt::Key_Escape);
    QVERIFY(!pm->isActive());
    testutil::settle();

    QCOMPARE(w.windowState(), state);
    QCOMPARE(w.geometry(), geometry);
    QCOMPARE(visibleDocks(w), shown);
    QCOMPARE(layoutOf(w), docks);
    QCOMPARE(QApplication::font(), appFont);
    QCOMPARE(w.inspector()->font(), inspectorFont);
    QCOMPARE(w.training()->lossPlot()->plot()->xAxis->tickLabelFont(), tickFont);
    QVERIFY(QApplication::palette() == palette);
    QCOMPARE(w.view()->transform(), canvas);
    QCOMPARE(textScale(), 1.0);
    QVERIFY(!pm->toolBar()->isVisible());

    // F5 leaves too, and a second round trip restores the same.
    QTest::keyClick(w.view(), Qt::Key_F5);
    QVERIFY(pm->isActive());
    QTest::keyClick(w.view(), Qt::Key_F5);
    QVERIFY(!pm->isActive());
    testutil::settle();
    QCOMPARE(w.geometry(), geometry);
    QCOMPARE(layoutOf(w), docks);
    QCOMPARE(QApplication::font(), appFont);
}

void TestPresentation::scaleIsStoredAndApplied()
{
    MainWindow w;
    open(w);
    PresentationMode *pm = w.presentation();
    pm->setActive(true);
    // The text size menu and the toolbar's box are one setting.
    pm->scaleBox()->setValue(150);
    QCOMPARE(pm->scalePercent(), 150);
    QCOMPARE(QSettings().value(QStringLiteral("presentation/scale")).toInt(), 150);
    QCOMPARE(PresentationSettings::scalePercent(), 150);
    QCOMPARE(pixels(QApplication::font()), pm->bodyPixelSize(150));
    QVERIFY(w.view()->zoom() <= 1.5); // Train: the whole network, at most at the text's factor
    pm->setActivity(Activity::Build);
    QCOMPARE(w.view()->zoom(), 1.5); // Build: the canvas grows with the text
    pm->setScalePercent(400);        // clamped
    QCOMPARE(pm->scalePercent(), PresentationSettings::kMaxScale);
    QCOMPARE(pm->scaleBox()->value(), PresentationSettings::kMaxScale);
    QCOMPARE(pixels(QApplication::font()), pm->bodyPixelSize(250));
    pm->setHighContrast(true);
    pm->setActive(false);
    // A new window reads the stored settings.
    MainWindow again;
    QCOMPARE(again.presentation()->scalePercent(), PresentationSettings::kMaxScale);
    QVERIFY(again.presentation()->highContrast());
}

void TestPresentation::settingsRowCount_data()
{
    QTest::addColumn<bool>("chinese");
    QTest::newRow("en") << false;
    QTest::newRow("zh_CN") << true;
}

void TestPresentation::settingsRowCount()
{
    // The training settings join the presentation bar's row where the two fit side by side on the screen,
    // and take a row of their own only where they do not; no toolbar is ever cut (an overflow menu).
    QFETCH(bool, chinese);
    QTranslator zh;
    if (chinese) {
        QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("nnp"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&zh));
    }
    const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&zh); });
    MainWindow w;
    open(w);
    w.presentation()->toggleAction()->trigger();
    testutil::settle();
    auto *bar = w.findChild<QToolBar *>(QStringLiteral("presentationToolBar"));
    auto *settings = w.findChild<QToolBar *>(QStringLiteral("trainingSettingsToolbar"));
    QVERIFY(bar && settings && bar->isVisible() && settings->isVisible());
    std::set<int> rows;
    for (QToolBar *t : w.findChildren<QToolBar *>())
        if (t->isVisible() && w.toolBarArea(t) == Qt::TopToolBarArea) {
            rows.insert(t->y());
            QVERIFY2(t->width() >= t->sizeHint().width(), qPrintable(QStringLiteral("%1: %2 of %3 px")
                                                                         .arg(t->objectName())
                                                                         .arg(t->width())
                                                                         .arg(t->sizeHint().width())));
        }
    const int wanted = bar->sizeHint().width() + settings->sizeHint().width();
    const bool fits = wanted <= 1920;
    qInfo("%s: %d rows; the presentation bar and the settings want %d of 1920 px", chinese ? "zh_CN" : "en",
          int(rows.size()), wanted);
    QCOMPARE(settings->y() == bar->y(), fits);
    QCOMPARE(int(rows.size()), fits ? 3 : 4);
    if (chinese) QCOMPARE(int(rows.size()), 3); // the shorter Chinese labels fit on the third row
    w.presentation()->setActive(false);
}

void TestPresentation::highContrastReachesThePlots()
{
    MainWindow w;
    open(w);
    QCustomPlot *plot = w.training()->lossPlot()->plot();
    QVERIFY(plot->graphCount() >= 2);
    std::vector<QPen> pens;
    for (int i = 0; i < plot->graphCount(); ++i)
        pens.push_back(plot->graph(i)->pen());
    const QPen axis = plot->xAxis->basePen();
    const QColor ticks = plot->yAxis->tickLabelColor();
    const QBrush background = plot->axisRect()->backgroundBrush();
    PresentationMode *pm = w.presentation();
    w.findChild<ConfusionView *>()->showConfusion(tenClasses());
    pm->setActive(true);
    testutil::settle();
    const auto [canvasBefore, matrixBefore] = ownViewsBlack(w);
    QVERIFY(canvasBefore >= 0);
    pm->setHighContrast(true);
    testutil::settle();
    QVERIFY(plotHighContrast(plot));
    // The views that paint their own colours follow it too: black frames, rims and grid lines.
    const auto [canvasAfter, matrixAfter] = ownViewsBlack(w);
    QVERIFY2(canvasAfter > 2 * canvasBefore + 500,
             qPrintable(QStringLiteral("boundary: %1 → %2 black pixels").arg(canvasBefore).arg(canvasAfter)));
    QVERIFY2(matrixAfter > matrixBefore + 1000, // the class names are black in both
             qPrintable(QStringLiteral("matrix: %1 → %2 black pixels").arg(matrixBefore).arg(matrixAfter)));
    // Thick lines in the colour-blind-safe palette, black axes and text, a white plotting area.
    for (int i = 0; i < plot->graphCount(); ++i) {
        const QPen pen = plot->graph(i)->pen();
        QCOMPARE(pen.color(), highContrastSeriesColor(i));
        QVERIFY2(pen.widthF() >= 3.0 && pen.widthF() >= 2 * pens[std::size_t(i)].widthF(),
                 qPrintable(QString::number(pen.widthF())));
        QCOMPARE(pen.style(), pens[std::size_t(i)].style()); // dashed stays dashed
    }
    QCOMPARE(plot->xAxis->basePen().color(), QColor(Qt::black));
    QVERIFY(plot->xAxis->basePen().widthF() >= 2);
    QCOMPARE(plot->yAxis->tickLabelColor(), QColor(Qt::black));
    QCOMPARE(plot->axisRect()->backgroundBrush(), QBrush(Qt::white));
    QVERIFY(plot->axisRect()->backgroundBrush() != background);
    // A series added while it is on (a kept run's curve) gets the style at the next replot.
    QCPGraph *added = plot->addGraph();
    added->setPen(QPen(QColor(0xAA, 0xAA, 0xAA), 1));
    plot->replot();
    QCOMPARE(added->pen().color(), highContrastSeriesColor(plot->graphCount() - 1));
    plot->removeGraph(added);
    plot->replot();
    QVERIFY(!saveShot(&w, QStringLiteral("presentation_high_contrast.png")).isEmpty());

    // Off again: every pen, colour and brush as it was; leaving presentation mode does the same.
    pm->setHighContrast(false);
    QVERIFY(!plotHighContrast(plot));
    for (int i = 0; i < plot->graphCount(); ++i)
        QCOMPARE(plot->graph(i)->pen(), pens[std::size_t(i)]);
    QCOMPARE(plot->xAxis->basePen(), axis);
    QCOMPARE(plot->yAxis->tickLabelColor(), ticks);
    QCOMPARE(plot->axisRect()->backgroundBrush(), background);
    pm->setHighContrast(true);
    QVERIFY(plotHighContrast(plot));
    pm->setActive(false);
    QVERIFY(!plotHighContrast(plot));
    QCOMPARE(plot->graph(0)->pen(), pens[0]);
    QVERIFY(!highContrastActive());
}

void TestPresentation::screenshots_data()
{
    QTest::addColumn<bool>("chinese");
    QTest::newRow("en") << false;
    QTest::newRow("zh_CN") << true;
}

void TestPresentation::screenshots()
{
    // The spiral sample in presentation mode at 1920×1080: the Train activity after some epochs, the Explain
    // activity on one explained step, the Build activity with a layer selected.
    QFETCH(bool, chinese);
    QTranslator zh;
    if (chinese) {
        QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("nnp"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&zh));
    }
    const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&zh); });
    const QString lang = chinese ? QStringLiteral("zh") : QStringLiteral("en");
    MainWindow w;
    open(w);
    TrainingController *c = w.training()->controller();
    QTRY_COMPARE_WITH_TIMEOUT(c->status(), TrainingStatus::Ready, 30000);
    PresentationMode *pm = w.presentation();
    pm->setActive(true);
    pm->setActivity(Activity::Train);
    testutil::settle();
    w.training()->toolbar()->paceSlider()->setValue(kPaceLevels);
    w.training()->toolbar()->playAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(c->history().size() >= 150, 120000);
    if (c->status() == TrainingStatus::Running) w.training()->toolbar()->playAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot()->status != TrainingStatus::Running, 10000);
    testutil::settle();
    QVERIFY(!saveShot(&w, QStringLiteral("presentation_train_%1.png").arg(lang)).isEmpty());

    pm->setActivity(Activity::Explain);
    auto *ex = w.findChild<ExplainDocks *>();
    QVERIFY(ex);
    QTRY_VERIFY_WITH_TIMEOUT(ex->model()->livePicture() != nullptr, 10000);
    ex->model()->explainNextInBatch(1);
    QTRY_VERIFY_WITH_TIMEOUT(ex->model()->trace() != nullptr, 10000);
    ex->model()->setPhaseIndex(2);
    testutil::settle();
    QVERIFY(!saveShot(&w, QStringLiteral("presentation_explain_%1.png").arg(lang)).isEmpty());
    ex->model()->closeTrace();

    pm->setActivity(Activity::Build);
    w.scene()->selectNodes({w.document()->graph().nodes.at(1).id});
    testutil::settle();
    QVERIFY(!saveShot(&w, QStringLiteral("presentation_build_%1.png").arg(lang)).isEmpty());
    pm->setActive(false);
}

QTEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
