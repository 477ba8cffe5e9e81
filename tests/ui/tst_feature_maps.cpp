// The Feature maps and Kernels views (issue 10, "Views") on real widgets in the real window: the maps the
// worker computes are the network's own forward activations for the chosen sample, one image per channel per
// layer, a placeholder for a network without convolution, the kernels are the first Conv2D's weight rows,
// and no two texts of the view overlap (both CNN samples, English and Chinese).
#include "document/graph_document.h"
#include "export/figure_export.h"
#include "figures/figure_registry.h"
#include "insights/feature_maps_view.h"
#include "insights/insights_docks.h"
#include "insights/kernels_view.h"
#include "insights/map_grid.h"
#include "insights_window.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "settle.h"
#include "style/palette.h"
#include "training/insights_engine.h"
#include "training/training_controller.h"
#include "training/training_session.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <cmath>

using namespace nnp;

namespace {
const std::filesystem::path kSamples = std::filesystem::path(NNP_SOURCE_DIR) / "samples";

/// A network built from the project's graph with the weights of a snapshot (the independent side).
Network networkWith(const Project &project, const TrainedWeights &w)
{
    Project p = project;
    p.weights = w.tensors;
    Network net = Network::build(p.graph, p.training.seed);
    restoreWeights(p, net);
    net.setLoss(p.training.loss);
    return net;
}

bool isMapLayer(LayerKind k)
{
    return k == LayerKind::Conv2D || k == LayerKind::MaxPool2D || k == LayerKind::AveragePool2D ||
           k == LayerKind::GlobalAveragePool2D;
}

/// Every parameter set to a fixed pattern of both signs (not the seed's initialisation).
void setWeights(Network &net)
{
    int p = 0;
    for (const NodeParam &param : net.parameters()) {
        Matrix &v = *param.ref.value;
        for (Eigen::Index i = 0; i < v.size(); ++i)
            v.data()[i] = Scalar(0.35 * std::sin(1.7 * double(i) + 0.9 * p));
        ++p;
    }
}

/// The maps shown equal `net`'s forward node outputs on column `col` of `x`: same layers, shapes and values.
void compareWithForward(const FeatureMapsData &f, Network &net, const Matrix &x, int col)
{
    const Matrix out = net.forward(x.middleCols(col, 1), Mode::Eval);
    std::size_t layer = 0;
    for (const Network::Node &node : net.nodes()) {
        if (node.kind == LayerKind::Input) {
            QCOMPARE(f.input.values.size(), std::size_t(node.y.rows()));
            for (Eigen::Index i = 0; i < node.y.rows(); ++i)
                QCOMPARE(f.input.values[std::size_t(i)], float(node.y(i, 0)));
            continue;
        }
        if (!isMapLayer(node.kind)) continue;
        QVERIFY(layer < f.layers.size());
        const ChannelMaps &m = f.layers[layer++];
        QCOMPARE(m.name, QString::fromStdString(node.name));
        QCOMPARE(m.channels, node.shape.dims[0]);
        QCOMPARE(m.height, node.shape.dims.size() == 3 ? node.shape.dims[1] : 1);
        QCOMPARE(m.width, node.shape.dims.size() == 3 ? node.shape.dims[2] : 1);
        QCOMPARE(Eigen::Index(m.values.size()), node.y.rows());
        QCOMPARE(m.images.size(), std::size_t(m.channels));
        double top = 0;
        for (Eigen::Index i = 0; i < node.y.rows(); ++i) {
            QCOMPARE(m.values[std::size_t(i)], float(node.y(i, 0)));
            top = std::max(top, double(std::abs(node.y(i, 0))));
        }
        QCOMPARE(m.scale, top);
        // Channels-first: value (c, y, x) is row c·H·W + y·W + x, and it is pixel (x, y) of image c.
        const int c = m.channels - 1, yy = m.height / 2, xx = m.width - 1;
        const float v = node.y((c * m.height + yy) * m.width + xx, 0);
        QCOMPARE(m.at(c, yy, xx), v);
        QCOMPARE(m.images[std::size_t(c)].pixel(xx, yy),
                 divergingColor(top > 0 ? double(v) / top : 0.0).rgb());
    }
    QCOMPARE(layer, f.layers.size());
    QVERIFY(!f.layers.empty());
    QCOMPARE(f.probabilities.size(), std::size_t(out.rows()));
    for (Eigen::Index k = 0; k < out.rows(); ++k)
        QVERIFY(std::abs(f.probabilities[std::size_t(k)] - float(out(k, 0))) < 1e-6f);
}

struct Window : testutil::InsightsWindow {
    /// The feature maps of the latest snapshot, once they are of its weights and shown.
    const FeatureMapsData *shownMaps()
    {
        const SnapshotPtr s = controller->lastSnapshot();
        if (!s || !s->insights || !s->insights->featureMaps) return nullptr;
        const FeatureMapsData *shown = insights->featureMaps()->data();
        return shown == s->insights->featureMaps.get() ? shown : nullptr;
    }
};

/// Picks entry `target` by keyboard in the closed box, as a user without the popup.
bool chooseIndexByKeys(QComboBox *box, int target)
{
    box->setFocus();
    if (target < 0 || target >= box->count()) return false;
    while (box->currentIndex() != target) {
        const int before = box->currentIndex();
        QTest::keyClick(box, box->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
        if (box->currentIndex() == before) return false;
    }
    return true;
}

/// Picks the entry with this data by keyboard.
bool chooseByKeys(QComboBox *box, const QVariant &data)
{
    return chooseIndexByKeys(box, box->findData(data));
}

bool intersects(const std::vector<QRect> &rects, QString *which)
{
    for (std::size_t i = 0; i < rects.size(); ++i)
        for (std::size_t j = i + 1; j < rects.size(); ++j)
            if (rects[i].intersects(rects[j])) {
                *which = QStringLiteral("(%1,%2 %3×%4) and (%5,%6 %7×%8)")
                             .arg(rects[i].x())
                             .arg(rects[i].y())
                             .arg(rects[i].width())
                             .arg(rects[i].height())
                             .arg(rects[j].x())
                             .arg(rects[j].y())
                             .arg(rects[j].width())
                             .arg(rects[j].height());
                return true;
            }
    return false;
}
} // namespace

class TestFeatureMaps : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void engineMapsAreForwardActivations();
    void engineKernelsAreFirstConvWeights();
    void viewShowsEveryChannelLive();
    void closedForMlp();
    void kernelsViewShowsFilters();
    void labelsDoNotOverlap_data();
    void labelsDoNotOverlap();
    void readableInTheDefaultDock();
    void exportsFigure_data();
    void exportsFigure();
};

void TestFeatureMaps::engineMapsAreForwardActivations()
{
    const Project project = loadProject(kSamples / "digits_8x8_cnn.nnp");
    TrainingSession session(project, kSamples);
    setWeights(session.network());
    const Network reference(session.network()); // the same weights, evaluated on its own
    const int sample = 5;
    const auto f = InsightsEngine::featureMaps(session.network(), session, InsightSplit::Test, sample);
    QVERIFY2(f->note.isEmpty(), qPrintable(f->note));
    QCOMPARE(f->split, InsightSplit::Test);
    QCOMPARE(f->sample, sample);
    QCOMPARE(f->layers.size(), std::size_t(4)); // conv_1, pool_1, conv_2, pool_2
    QVERIFY(f->inputIsImage);
    QCOMPARE(f->input.channels, 1);
    QCOMPARE(f->input.height, 8);
    QCOMPARE(f->input.width, 8);
    const PreparedData data = prepareData(project, kSamples);
    QCOMPARE(f->samples, int(data.test.x.cols()));
    Network net(reference);
    compareWithForward(*f, net, data.test.x, sample);
    QCOMPARE(f->truth,
             labelsFromTargets(data.test.y.middleCols(sample, 1), project.training.loss.kind, 10)[0]);

    // The training split, and a sample past the end clamped to the last one.
    const auto last = InsightsEngine::featureMaps(session.network(), session, InsightSplit::Train, 1 << 30);
    QCOMPARE(last->split, InsightSplit::Train);
    QCOMPARE(last->sample, int(data.train.x.cols()) - 1);
    compareWithForward(*last, net, data.train.x, last->sample);
}

void TestFeatureMaps::engineKernelsAreFirstConvWeights()
{
    const Project project = loadProject(kSamples / "digits_8x8_cnn.nnp");
    TrainingSession session(project, kSamples);
    setWeights(session.network());
    const auto k = InsightsEngine::kernels(session.network());
    QVERIFY2(k->note.isEmpty(), qPrintable(k->note));
    QCOMPARE(k->name, QStringLiteral("conv_1"));
    QCOMPARE(k->filters, 8);
    QCOMPARE(k->channels, 1);
    QCOMPARE(k->kh, 3);
    QCOMPARE(k->kw, 3);
    QCOMPARE(k->images.size(), std::size_t(8));
    const Matrix *w = nullptr;
    for (const NodeParam &p : session.network().parameters())
        if (p.nodeName == "conv_1" && p.ref.name == "weight") w = p.ref.value;
    QVERIFY(w);
    QCOMPARE(Eigen::Index(k->weights.size()), w->size());
    double top = 0;
    for (Eigen::Index f = 0; f < w->rows(); ++f)
        for (Eigen::Index j = 0; j < w->cols(); ++j) {
            QCOMPARE(k->weights[std::size_t(f * w->cols() + j)], float((*w)(f, j)));
            top = std::max(top, double(std::abs((*w)(f, j))));
        }
    QCOMPARE(k->scale, top);
    // Weight (i, j) of filter f is pixel (j, i) of its image.
    QCOMPARE(k->images[3].pixel(2, 1), divergingColor(double((*w)(3, 1 * 3 + 2)) / top).rgb());

    // The MNIST CNN's second convolution is not "the first".
    const Project mnist = loadProject(kSamples / "mnist_cnn.nnp");
    TrainingSession ms(mnist, kSamples);
    const auto mk = InsightsEngine::kernels(ms.network());
    QCOMPARE(mk->filters, 32);
    QCOMPARE(mk->channels, 1);
    QCOMPARE(mk->images.size(), std::size_t(32));
}

void TestFeatureMaps::viewShowsEveryChannelLive()
{
    Window win;
    QVERIFY(win.open(QStringLiteral("digits_8x8_cnn.nnp")));
    win.showDock(QStringLiteral("featureMapsDock"));
    QTRY_VERIFY(win.controller->insightsRequest().featureMaps);
    QCOMPARE(win.controller->insightsRequest().featureSplit, InsightSplit::Test);
    QCOMPARE(win.controller->insightsRequest().featureSample, 0);
    QVERIFY(win.stepTo(3));
    QTRY_VERIFY(win.shownMaps());
    FeatureMapsView *view = win.insights->featureMaps();
    QVERIFY(!view->showsPlaceholder());
    const Project project = win.w.document()->project();
    const PreparedData data = prepareData(project, kSamples);
    {
        Network net = networkWith(project, *win.controller->lastWeights());
        compareWithForward(*win.shownMaps(), net, data.test.x, 0);
    }
    // One image per channel per layer, as many as the graph's shapes say.
    const std::vector<int> channels{8, 8, 16, 16};
    QCOMPARE(view->grid()->sectionCount(), 4);
    for (int l = 0; l < 4; ++l) {
        QCOMPARE(view->grid()->imageCount(l), channels[std::size_t(l)]);
        for (int c = 0; c < channels[std::size_t(l)]; ++c) {
            const QRect r = view->grid()->imageRect(l, c);
            QVERIFY(r.width() >= MapGrid::kMinSide && r.height() >= MapGrid::kMinSide); // readable
        }
    }
    QCOMPARE(view->inputPanel()->imageRects().size(), std::size_t(1));
    QVERIFY(view->inputPanel()->imageRects()[0].width() >= 8 * 12);
    QVERIFY(view->classBars()->isVisible());
    // Hover: the tooltip names the layer, channel and pixel and shows the value there.
    const ChannelMaps &conv2 = view->data()->layers[2];
    const QString tip = view->tooltipText(2, 5, 1, 3);
    QVERIFY2(tip.contains(QStringLiteral("conv_2")) && tip.contains(QStringLiteral("channel 5")) &&
                 tip.contains(QStringLiteral("(y 1, x 3)")) &&
                 tip.contains(QString::number(double(conv2.at(5, 1, 3)), 'g', 4)),
             qPrintable(tip));
    const MapGrid::Hit hit = view->grid()->hitAt(view->grid()->imageRect(2, 5).topLeft() + QPoint(1, 1));
    QCOMPARE(hit.section, 2);
    QCOMPARE(hit.index, 5);
    QCOMPARE(hit.y, 0);
    QCOMPARE(hit.x, 0);

    // Another sample: picked in the view, computed by the worker.
    view->sampleBox()->setValue(7);
    QTRY_VERIFY(win.controller->insightsRequest().featureSample == 7);
    QTRY_VERIFY_WITH_TIMEOUT(win.shownMaps() && win.shownMaps()->sample == 7, 20000);
    {
        Network net = networkWith(project, *win.controller->lastWeights());
        compareWithForward(*win.shownMaps(), net, data.test.x, 7);
    }
    // Live: more training, new maps from the new weights.
    const std::vector<float> before = win.shownMaps()->layers[0].values;
    QVERIFY(win.stepTo(win.controller->lastSnapshot()->step + 2));
    QTRY_VERIFY(win.shownMaps() && win.shownMaps()->layers[0].values != before);
    {
        Network net = networkWith(project, *win.controller->lastWeights());
        compareWithForward(*win.shownMaps(), net, data.test.x, 7);
    }
    // Nothing is computed while the dock is closed. (Offscreen, a tabbed dock behind another tab still
    // reports isVisible(), so the closed dock stands in for the hidden tab.)
    win.insights->dock(QStringLiteral("featureMapsDock"))->close();
    QTRY_VERIFY(!win.controller->insightsRequest().featureMaps);
}

void TestFeatureMaps::closedForMlp()
{
    // A network without convolution or pooling: the views are closed whatever shows them (a lesson step, a
    // restored layout; issue 12's rule, ui/insights/applicable_docks.h), and View > Panels says why.
    Window win;
    QVERIFY(win.open(QStringLiteral("digits_8x8.nnp")));
    for (const QString &name : {QStringLiteral("featureMapsDock"), QStringLiteral("kernelsDock")}) {
        QDockWidget *dock = win.insights->dock(name);
        win.showDock(name);
        QTRY_VERIFY(dock->isHidden());
        QVERIFY(!dock->toggleViewAction()->isEnabled());
        QVERIFY2(dock->toggleViewAction()->toolTip().contains(QStringLiteral("Conv2D")),
                 qPrintable(dock->toggleViewAction()->toolTip()));
    }
    QVERIFY(win.stepTo(1));
    QVERIFY(win.insights->dock(QStringLiteral("featureMapsDock"))->isHidden());
    QVERIFY(win.insights->featureMaps()->labelRects().empty());
}

void TestFeatureMaps::kernelsViewShowsFilters()
{
    Window win;
    QVERIFY(win.open(QStringLiteral("digits_8x8_cnn.nnp")));
    win.showDock(QStringLiteral("kernelsDock"));
    QTRY_VERIFY(win.controller->insightsRequest().kernels);
    QVERIFY(win.stepTo(2));
    KernelsView *view = win.insights->kernels();
    QTRY_VERIFY(view->data() && win.controller->lastSnapshot()->insights &&
                view->data() == win.controller->lastSnapshot()->insights->kernels.get());
    QVERIFY(!view->showsPlaceholder());
    const Project project = win.w.document()->project();
    Network net = networkWith(project, *win.controller->lastWeights());
    const Matrix *w = nullptr;
    for (const NodeParam &p : net.parameters())
        if (p.nodeName == "conv_1" && p.ref.name == "weight") w = p.ref.value;
    QVERIFY(w);
    const KernelsData &k = *view->data();
    QCOMPARE(Eigen::Index(k.weights.size()), w->size());
    for (Eigen::Index f = 0; f < w->rows(); ++f)
        for (Eigen::Index j = 0; j < w->cols(); ++j)
            QCOMPARE(k.weights[std::size_t(f * w->cols() + j)], float((*w)(f, j)));
    QCOMPARE(view->grid()->sectionCount(), 1);
    QCOMPARE(view->grid()->imageCount(0), 8);
    QVERIFY(view->grid()->imageRect(0, 0).width() >= 48);
    const QString tip = view->tooltipText(4, 0, 2, 1);
    QVERIFY2(tip.contains(QString::number(double((*w)(4, 2 * 3 + 1)), 'g', 4)), qPrintable(tip));
    QString which;
    QVERIFY2(!intersects(view->grid()->labelRects(), &which), qPrintable(which));

    // Several input channels: one row per filter, one image per input channel.
    auto multi = std::make_shared<KernelsData>();
    multi->name = QStringLiteral("conv_rgb");
    multi->filters = 4;
    multi->channels = 3;
    multi->kh = multi->kw = 3;
    multi->weights.assign(4 * 3 * 9, 0.5f);
    multi->scale = 0.5;
    for (int i = 0; i < 12; ++i)
        multi->images.emplace_back(3, 3, QImage::Format_RGB32);
    view->showData(multi);
    QCOMPARE(view->grid()->imageCount(0), 12);
    for (int f = 0; f < 4; ++f)
        for (int c = 0; c < 3; ++c) {
            QCOMPARE(view->grid()->imageRect(0, f * 3 + c).top(), view->grid()->imageRect(0, f * 3).top());
            if (f > 0)
                QVERIFY(view->grid()->imageRect(0, f * 3).top() >
                        view->grid()->imageRect(0, f * 3 - 1).bottom());
        }
    QVERIFY2(!intersects(view->grid()->labelRects(), &which), qPrintable(which));
}

void TestFeatureMaps::labelsDoNotOverlap_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const char *lang : {"en", "zh_CN"})
        for (const char *sample : {"digits_8x8_cnn.nnp", "mnist_cnn.nnp"})
            for (const QSize size : {QSize(1600, 1000), QSize(1920, 1080)})
                QTest::addRow("%s_%s_%d", sample, lang, size.width())
                    << QString::fromLatin1(sample) << QString::fromLatin1(lang) << size;
}

void TestFeatureMaps::labelsDoNotOverlap()
{
    QFETCH(QString, sample);
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QTranslator chinese;
    if (language == QStringLiteral("zh_CN")) {
        QVERIFY(chinese.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("nnp"), QStringLiteral("_"),
                             QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&chinese));
    }
    const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&chinese); });
    Window win;
    QVERIFY(win.open(sample, size));
    win.showDock(QStringLiteral("featureMapsDock"));
    QVERIFY(win.stepTo(1));
    QTRY_VERIFY_WITH_TIMEOUT(win.shownMaps(), 60000);
    testutil::settle();
    FeatureMapsView *view = win.insights->featureMaps();
    const QString dir = QStringLiteral(NNP_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(
        win.insights->dock(QStringLiteral("featureMapsDock"))
            ->grab()
            .save(dir +
                  QStringLiteral("/feature_maps_%1.png").arg(QString::fromLatin1(QTest::currentDataTag()))));
    QVERIFY(!view->showsPlaceholder());
    if (language == QStringLiteral("zh_CN")) // the view speaks Chinese
        QVERIFY2(view->tooltipText(0, 0, 0, 0).contains(QStringLiteral("通道")),
                 qPrintable(view->tooltipText(0, 0, 0, 0)));
    const std::vector<QRect> labels = view->labelRects();
    QVERIFY(labels.size() > 10);
    QString which;
    QVERIFY2(!intersects(labels, &which), qPrintable(which));
    // No text runs over an image, and every text is inside its panel's width.
    std::vector<QRect> images;
    const QPoint gridAt = view->grid()->mapTo(view, QPoint(0, 0));
    QWidget *viewport = view->scrollArea()->viewport();
    const QRect visible(viewport->mapTo(view, QPoint(0, 0)), viewport->size());
    for (int s = 0; s < view->grid()->sectionCount(); ++s)
        for (int i = 0; i < view->grid()->imageCount(s); ++i) {
            QVERIFY(view->grid()->imageRect(s, i).width() >= MapGrid::kMinSide / 2); // 1 × 1 maps are smaller
            images.push_back(view->grid()->imageRect(s, i).translated(gridAt) & visible);
        }
    for (const QRect &l : labels)
        for (const QRect &img : images)
            QVERIFY2(img.isEmpty() || !l.intersects(img),
                     qPrintable(QStringLiteral("label at %1,%2").arg(l.x()).arg(l.y())));
    for (const QRect &l : view->grid()->labelRects())
        QVERIFY(l.right() < view->grid()->width());
    for (const QRect &l : view->classBars()->labelRects())
        QVERIFY(l.right() < view->classBars()->width());
    for (const QRect &l : view->inputPanel()->labelRects())
        QVERIFY(l.right() < view->inputPanel()->width());
}

// Issue 10, "readable feature maps": at the default window size (1600×1000, the dock where it opens) every
// map of the 8×8 digits CNN is at least 64 px (8 px a value), the hovered value is the snapshot's, one layer
// can be shown larger, and a fixed size can be chosen.
void TestFeatureMaps::readableInTheDefaultDock()
{
    static_assert(MapGrid::kMinSide >= 64);
    Window win;
    QVERIFY(win.open(QStringLiteral("digits_8x8_cnn.nnp")));
    win.showDock(QStringLiteral("featureMapsDock"));
    QVERIFY(win.stepTo(1));
    QTRY_VERIFY(win.shownMaps());
    testutil::settle();
    FeatureMapsView *view = win.insights->featureMaps();
    MapGrid *grid = view->grid();
    QCOMPARE(grid->sectionCount(), 4);
    for (int s = 0; s < 4; ++s)
        for (int i = 0; i < grid->imageCount(s); ++i)
            QVERIFY2(grid->imageRect(s, i).width() >= 64 && grid->imageRect(s, i).height() >= 64,
                     qPrintable(QStringLiteral("layer %1 map %2: %3 px")
                                    .arg(s)
                                    .arg(i)
                                    .arg(grid->imageRect(s, i).width())));

    // Hover: the mouse over pixel (y 2, x 1) of channel 3 of pool_1 shows that value of the snapshot.
    const FeatureMapsData &maps = *win.controller->lastSnapshot()->insights->featureMaps;
    QCOMPARE(maps.layers[1].name, QStringLiteral("pool_1"));
    view->scrollArea()->ensureVisible(grid->imageRect(1, 3).center().x(), grid->imageRect(1, 3).center().y());
    const QRect r = grid->imageRect(1, 3);
    const int k = r.width() / maps.layers[1].width;
    QTest::mouseMove(grid, QPoint(r.left() + 1 * k + k / 2, r.top() + 2 * k + k / 2));
    QTRY_VERIFY(!view->hoverLabel()->text().isEmpty());
    const QString hover = view->hoverLabel()->text();
    QVERIFY2(hover.contains(QStringLiteral("pool_1")) && hover.contains(QStringLiteral("channel 3")) &&
                 hover.contains(QStringLiteral("(y 2, x 1)")) &&
                 hover.contains(QString::number(double(maps.layers[1].at(3, 2, 1)), 'g', 4)),
             qPrintable(hover));
    QVERIFY(view->hoverLabel()->isVisible());

    // One layer: conv_2's 16 maps wrapped to the visible width (as large as the dock's height allows, at
    // least as large as side by side).
    const int sideBySide = grid->imageRect(2, 0).width();
    QVERIFY(chooseIndexByKeys(view->layerBox(), 3));
    QCOMPARE(view->layerBox()->currentText(), QStringLiteral("conv_2"));
    testutil::settle();
    QCOMPARE(grid->sectionCount(), 1);
    QCOMPARE(grid->imageCount(0), 16);
    QCOMPARE(view->layerOfSection(0), 2);
    const int viewportWidth = view->scrollArea()->viewport()->width();
    for (int i = 0; i < 16; ++i) {
        QVERIFY2(grid->imageRect(0, i).width() >= sideBySide, qPrintable(QString::number(sideBySide)));
        QVERIFY(grid->imageRect(0, i).right() < viewportWidth);
    }
    // Hover follows the layer shown.
    const QRect one = grid->imageRect(0, 5);
    QTest::mouseMove(grid, one.topLeft() + QPoint(2, 2));
    QTRY_VERIFY(view->hoverLabel()->text().contains(QStringLiteral("conv_2")));
    QVERIFY(view->hoverLabel()->text().contains(QString::number(double(maps.layers[2].at(5, 0, 0)), 'g', 4)));

    // A fixed size: 128 px maps (a whole factor: 8×8 at 16 px a value).
    QVERIFY(chooseByKeys(view->sizeBox(), 128));
    for (int i = 0; i < 16; ++i)
        QCOMPARE(grid->imageRect(0, i).width(), 128);
    // Back to every layer, fitted.
    QVERIFY(chooseByKeys(view->sizeBox(), 0));
    QVERIFY(chooseIndexByKeys(view->layerBox(), 0));
    QCOMPARE(grid->sectionCount(), 4);
    QCOMPARE(grid->imageRect(2, 0).width(), sideBySide);
}

void TestFeatureMaps::exportsFigure_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

// Issue 10, "figure export": the view's button opens the figure dialog on the feature maps, which writes the
// input, every channel of every layer and the probabilities as PNG and SVG, in English and Chinese.
void TestFeatureMaps::exportsFigure()
{
    QFETCH(QString, language);
    QTranslator chinese;
    if (language == QStringLiteral("zh_CN")) {
        QVERIFY(chinese.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("nnp"), QStringLiteral("_"),
                             QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&chinese));
    }
    const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&chinese); });
    Window win;
    QVERIFY(win.open(QStringLiteral("digits_8x8_cnn.nnp")));
    win.showDock(QStringLiteral("featureMapsDock"));
    QVERIFY(win.stepTo(2));
    QTRY_VERIFY(win.shownMaps());
    testutil::settle();
    FeatureMapsView *view = win.insights->featureMaps();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("maps.png"));
    int height = 0;
    {
        QVERIFY(view->exportButton()->isVisible() && view->exportButton()->isEnabled());
        if (language == QStringLiteral("zh_CN"))
            QVERIFY2(view->exportButton()->text() != QStringLiteral("Export figure…"),
                     qPrintable(view->exportButton()->text()));
        QTest::mouseClick(view->exportButton(), Qt::LeftButton);
        auto *dialog = win.w.findChild<FigureExportDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->figureBox()->currentData().toString(), QStringLiteral("feature_maps"));
        QVERIFY(chooseByKeys(dialog->formatBox(), int(FigureFormat::Png)));
        dialog->widthBox()->setValue(1600);
        dialog->pathEdit()->setText(png);
        QVERIFY2(dialog->exportNow(), qPrintable(dialog->messageLabel()->text()));
        height = dialog->heightBox()->value();
        dialog->close(); // deleted on close
        QTRY_VERIFY(!win.w.findChild<FigureExportDialog *>());
    }
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 1600);
    QCOMPARE(image.height(), height);
    const QSize natural = view->figureSize();
    QVERIFY(std::abs(double(height) / 1600 - double(natural.height()) / natural.width()) < 0.01);
    // Not blank: the pixels vary, and the maps' diverging colours and the probabilities' bars are there.
    const auto variance = [](const QImage &img) {
        double sum = 0, sum2 = 0;
        long long n = 0;
        for (int y = 0; y < img.height(); y += 2)
            for (int x = 0; x < img.width(); x += 2) {
                const double g = qGray(img.pixel(x, y));
                sum += g;
                sum2 += g * g;
                ++n;
            }
        return sum2 / double(n) - (sum / double(n)) * (sum / double(n));
    };
    const double v = variance(image);
    QVERIFY2(v > 200, qPrintable(QString::number(v)));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 100, qPrintable(QString::number(colours.size())));
    QVERIFY(colours.contains(classColor(win.shownMaps()->predicted).rgb())); // the predicted class's bar
    // Every channel of every layer is in the figure, also when the view shows one layer.
    QVERIFY(chooseIndexByKeys(view->layerBox(), 1));
    QCOMPARE(view->figureSize(), natural);
    const FigureSource *figure = win.w.figures()->find(QStringLiteral("feature_maps"));
    QVERIFY(figure);
    QCOMPARE(renderFigure(*figure, QSize(1600, height)).convertToFormat(QImage::Format_RGB32),
             image.convertToFormat(QImage::Format_RGB32));

    const QString svg = dir.filePath(QStringLiteral("maps.svg"));
    QVERIFY(writeFigure(*figure, svg, natural, FigureFormat::Svg));
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QImage drawn(natural, QImage::Format_RGB32);
    drawn.fill(Qt::white);
    {
        QPainter p(&drawn);
        renderer.render(&p);
    }
    QVERIFY2(variance(drawn) > 200, qPrintable(QString::number(variance(drawn))));

    const QString shots = QStringLiteral(NNP_BINARY_DIR "/screenshots");
    QDir().mkpath(shots);
    QVERIFY(image.save(shots + QStringLiteral("/feature_maps_figure_%1.png").arg(language)));
}

QTEST_MAIN(TestFeatureMaps)
#include "tst_feature_maps.moc"
