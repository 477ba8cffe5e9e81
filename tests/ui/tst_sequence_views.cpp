// The Embedding map and Unrolled sequence views (issue 11, "Views") on real widgets in the real window: the
// worker's map is core's PCA projection of the run's own table (recommender), drawn at an equal scale on
// both axes with labels that never overlap (English and Chinese, 1600×1000); the unrolled view shows one
// column per step of the essay scorer's sentence with the LSTM's own states, padded steps as padding, and a
// typed sentence tokenised with the stored vocabulary.
#include "data/ratings_truth.h"
#include "data/tokenizer.h"
#include "document/graph_document.h"
#include "insights/embedding_map_view.h"
#include "insights/insights_docks.h"
#include "insights/unrolled_view.h"
#include "insights_window.h"
#include "layers/embedding.h"
#include "settle.h"
#include "training/insights_engine.h"
#include "training/training_session.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <cmath>

using namespace nnp;

namespace {
const std::filesystem::path kSamples = std::filesystem::path(NNP_SOURCE_DIR) / "samples";

Network networkWith(const Project &project, const TrainedWeights &w)
{
    Project p = project;
    p.weights = w.tensors;
    Network net = Network::build(p.graph, p.training.seed);
    restoreWeights(p, net);
    net.setLoss(p.training.loss);
    return net;
}

struct Window : testutil::InsightsWindow {
    template <class T> const T *shown(const std::shared_ptr<const T> Insights::*part, const T *inView)
    {
        const SnapshotPtr s = controller->lastSnapshot();
        if (!s || !s->insights || !((*s->insights).*part)) return nullptr;
        return inView == ((*s->insights).*part).get() ? inView : nullptr;
    }
    const EmbeddingMapData *shownMap()
    {
        return shown(&Insights::embeddingMap, insights->embeddingMap()->data());
    }
    const UnrolledData *shownSentence() { return shown(&Insights::unrolled, insights->unrolled()->data()); }
};

/// The same projection up to each axis' direction (the view keeps the previous picture's).
void compareProjections(const EmbeddingMap &shown, const EmbeddingMap &core)
{
    QCOMPARE(shown.ids, core.ids);
    QCOMPARE(shown.labels, core.labels);
    QCOMPARE(shown.pca.points.cols(), core.pca.points.cols());
    for (int axis = 0; axis < 2; ++axis) {
        const double sign = shown.pca.axes.col(axis).dot(core.pca.axes.col(axis)) < 0 ? -1 : 1;
        const double diff =
            (shown.pca.points.row(axis) - sign * core.pca.points.row(axis)).cwiseAbs().maxCoeff();
        QVERIFY2(diff < 1e-6, qPrintable(QString("axis %1: %2").arg(axis).arg(diff)));
        QVERIFY(std::abs(shown.pca.variance[axis] - core.pca.variance[axis]) < 1e-9);
    }
}

bool overlapping(const std::vector<QRectF> &rects, QString *which)
{
    for (std::size_t i = 0; i < rects.size(); ++i)
        for (std::size_t j = i + 1; j < rects.size(); ++j)
            if (rects[i].intersects(rects[j])) {
                *which = QStringLiteral("labels %1 and %2").arg(i).arg(j);
                return true;
            }
    return false;
}
} // namespace

class TestSequenceViews : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The engine's part is core's embeddingMap on the run's training inputs, labelled with the id column's
    // values.
    void engineMapIsCoreProjection()
    {
        const Project project = loadProject(kSamples / "recommender.nnp");
        TrainingSession session(project, kSamples);
        const auto d = InsightsEngine::embeddingMapData(session.network(), session, 0);
        QVERIFY2(d->note.isEmpty(), qPrintable(d->note));
        QCOMPARE(d->nodes.size(), std::size_t(2));
        QCOMPARE(d->names, (QStringList{QStringLiteral("user_embedding"), QStringLiteral("item_embedding")}));
        QCOMPARE(d->map.node, NodeId(d->nodes[0]));
        const PreparedData &data = session.data();
        const EmbeddingMap core = embeddingMap(session.network(), NodeId(d->nodes[0]), data.train.x,
                                               EmbeddingMapData::kMostIds, &*data.csvSchema);
        compareProjections(d->map, core);
        QCOMPARE(int(d->map.ids.size()), 200); // every user occurs
        // Labels are the users' values in the CSV: id k is the k-th value of the vocabulary.
        const CsvColumn &users = data.csvSchema->features.at(0);
        for (std::size_t k = 0; k < d->map.ids.size(); ++k)
            QCOMPARE(d->map.labels[k], users.categories.at(static_cast<std::size_t>(d->map.ids[k] - 1)));
        // The generator's hidden tastes of the same users beside the map: the data are its default ratings.
        QVERIFY(d->hasTruth);
        const Ratings ratings = generateRatings(RatingsConfig{});
        for (std::size_t k = 0; k < d->map.ids.size(); ++k) {
            const int user = std::stoi(d->map.labels[k]);
            QCOMPARE(d->truth(0, Eigen::Index(k)), double(ratings.userTastes(0, user - 1)));
            QCOMPARE(d->truth(1, Eigen::Index(k)), double(ratings.userTastes(1, user - 1)));
        }
        QVERIFY(defaultRatingsBehind(data.full, *data.csvSchema).has_value());
        Dataset changed = data.full; // one rating otherwise: not the generator's data
        changed.labels[17] = 1 - changed.labels[17];
        QVERIFY(!defaultRatingsBehind(changed, *data.csvSchema).has_value());
        // The item table when asked for it.
        const auto items = InsightsEngine::embeddingMapData(session.network(), session, d->nodes[1]);
        QCOMPARE(items->map.name, std::string("item_embedding"));
        QCOMPARE(int(items->map.ids.size()), 100);
        QVERIFY(items->hasTruth);
        const int item = std::stoi(items->map.labels[0]);
        QCOMPARE(items->truth(1, 0), double(ratings.itemTastes(1, item - 1)));
    }

    // In the window: the map of the run's weights, live, points at one scale on both axes, and the other
    // table when chosen in the box; nothing computed once the dock is closed.
    void mapViewLive()
    {
        Window win;
        QVERIFY(win.open(QStringLiteral("recommender.nnp")));
        win.showDock(QStringLiteral("embeddingMapDock"));
        QTRY_VERIFY(win.controller->insightsRequest().embeddingMap);
        QVERIFY(win.stepTo(20));
        QTRY_VERIFY_WITH_TIMEOUT(win.shownMap(), 30000);
        EmbeddingMapView *view = win.insights->embeddingMap();
        QVERIFY(!view->showsPlaceholder());
        const Project project = win.w.document()->project();
        const PreparedData data = prepareData(project, kSamples);
        {
            Network net = networkWith(project, *win.controller->lastWeights());
            compareProjections(win.shownMap()->map,
                               embeddingMap(net, win.shownMap()->map.node, data.train.x,
                                            EmbeddingMapData::kMostIds, &*data.csvSchema));
        }
        // Drawn at one scale: widget distance = scale × PCA distance on both axes (the second axis up).
        const EmbeddingMapCanvas *canvas = view->canvas();
        const auto &pts = win.shownMap()->map.pca.points;
        const QPointF a = canvas->pointAt(0), b = canvas->pointAt(1);
        const double scale = (b.x() - a.x()) / (pts(0, 1) - pts(0, 0));
        QVERIFY(scale > 0);
        for (int k = 2; k < pts.cols(); k += 17) {
            const QPointF p = canvas->pointAt(k);
            QVERIFY(std::abs(p.x() - a.x() - scale * (pts(0, k) - pts(0, 0))) < 1e-6);
            QVERIFY(std::abs(p.y() - a.y() + scale * (pts(1, k) - pts(1, 0))) < 1e-6);
            QVERIFY(QRectF(canvas->rect()).contains(p));
        }
        QVERIFY(view->info()->text().contains(QStringLiteral("PC1")));
        QVERIFY(view->truthCanvas()->isVisible());
        QVERIFY(view->truthCanvas()
                    ->toolTipAt(view->truthCanvas()->pointAt(0))
                    .contains(QStringLiteral("hidden taste")));
        QVERIFY(canvas->toolTipAt(canvas->pointAt(0))
                    .contains(QString::fromStdString(win.shownMap()->map.labels[0])));
        // Live: more steps move the points.
        const Eigen::MatrixXd before = win.shownMap()->map.pca.points;
        QVERIFY(win.stepTo(win.controller->lastSnapshot()->step + 5));
        QTRY_VERIFY(win.shownMap() && !win.shownMap()->map.pca.points.isApprox(before));
        // The item table, chosen in the box.
        view->layerBox()->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(win.shownMap() && win.shownMap()->map.name == "item_embedding", 30000);
        QCOMPARE(view->layerBox()->currentText(), QStringLiteral("item_embedding"));
        win.insights->dock(QStringLiteral("embeddingMapDock"))->close();
        QTRY_VERIFY(!win.controller->insightsRequest().embeddingMap);
    }

    void labelsDoNotOverlap_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }
    // Both views at 1600×1000 in both languages: the map's labels never overlap and stay inside, the most
    // frequent first; screenshots of both docks.
    void labelsDoNotOverlap()
    {
        QFETCH(QString, language);
        QTranslator chinese;
        if (language == QStringLiteral("zh_CN")) {
            QVERIFY(chinese.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("nnp"), QStringLiteral("_"),
                                 QStringLiteral(":/i18n")));
            QVERIFY(QCoreApplication::installTranslator(&chinese));
        }
        const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&chinese); });
        const QString dir = QStringLiteral(NNP_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        {
            Window win;
            QVERIFY(win.open(QStringLiteral("recommender.nnp")));
            win.showDock(QStringLiteral("embeddingMapDock"));
            QVERIFY(win.stepTo(30));
            QTRY_VERIFY_WITH_TIMEOUT(win.shownMap(), 30000);
            testutil::settle();
            const EmbeddingMapCanvas *canvas = win.insights->embeddingMap()->canvas();
            const auto &rects = canvas->labelRects();
            QVERIFY(rects.size() >= 10);
            QVERIFY(int(rects.size()) <= EmbeddingMapCanvas::kMaxLabels);
            QCOMPARE(canvas->labelledPoints().front(), 0); // the most frequent id is labelled
            QString which;
            QVERIFY2(!overlapping(rects, &which), qPrintable(which));
            for (const QRectF &r : rects)
                QVERIFY(QRectF(canvas->rect()).contains(r));
            if (language == QStringLiteral("zh_CN"))
                QVERIFY2(win.insights->embeddingMap()->info()->text().contains(QStringLiteral("方差")),
                         qPrintable(win.insights->embeddingMap()->info()->text()));
            QVERIFY(win.insights->dock(QStringLiteral("embeddingMapDock"))
                        ->grab()
                        .save(dir + QStringLiteral("/embedding_map_%1.png").arg(language)));
        }
        {
            Window win;
            QVERIFY(win.open(QStringLiteral("essay_lstm.nnp")));
            win.showDock(QStringLiteral("unrolledDock"));
            QVERIFY(win.stepTo(5));
            QTRY_VERIFY_WITH_TIMEOUT(win.shownSentence(), 30000);
            testutil::settle();
            QCOMPARE(win.insights->unrolled()->canvas()->columnCount(), 12);
            if (language == QStringLiteral("zh_CN"))
                QVERIFY2(win.insights->unrolled()
                             ->canvas()
                             ->toolTipAt(win.insights->unrolled()
                                             ->canvas()
                                             ->rowRect(11, UnrolledCanvas::Row::Word)
                                             .center())
                             .contains(QStringLiteral("步")),
                         "the view speaks Chinese");
            QVERIFY(win.insights->dock(QStringLiteral("unrolledDock"))
                        ->grab()
                        .save(dir + QStringLiteral("/unrolled_%1.png").arg(language)));
        }
    }

    void unrolledView_data()
    {
        QTest::addColumn<bool>("maskZero");
        QTest::newRow("essay_lstm (padding read as a word)") << false;
        QTest::newRow("essay_lstm with mask_zero") << true;
    }
    // The essay scorer: the engine's steps are core's unrollSequence of the run's network on the sample; the
    // view shows T = 12 columns; with mask_zero the sample's padding in front is shown as padding (state
    // unchanged); a typed sentence is tokenised with the stored vocabulary.
    void unrolledView()
    {
        QFETCH(bool, maskZero);
        Window win;
        QTemporaryDir dir;
        if (maskZero) { // the sample with mask_zero on, its data path made absolute
            Project p = loadProject(kSamples / "essay_lstm.nnp");
            for (auto &n : p.graph.nodes)
                if (n.kind == LayerKind::Embedding) n.options.set(opt::embedding::maskZero, true);
            p.data.path = (kSamples / p.data.path).string();
            const QString file = dir.filePath(QStringLiteral("essay_masked.nnp"));
            saveProject(p, file.toStdString());
            QVERIFY(win.openFile(file));
        } else {
            QVERIFY(win.open(QStringLiteral("essay_lstm.nnp")));
        }
        win.showDock(QStringLiteral("unrolledDock"));
        QTRY_VERIFY(win.controller->insightsRequest().unrolled);
        QVERIFY(win.stepTo(10));
        QTRY_VERIFY_WITH_TIMEOUT(win.shownSentence(), 30000);
        UnrolledView *view = win.insights->unrolled();
        QVERIFY(!view->showsPlaceholder());
        const UnrolledData &d = *win.shownSentence();
        QCOMPARE(d.sample, 0);
        const Project project = win.w.document()->project();
        const PreparedData data =
            prepareData(project, maskZero ? dir.path().toStdString() : kSamples.string());
        const Matrix x = data.test.x.middleCols(0, 1);
        Network net = networkWith(project, *win.controller->lastWeights());
        const UnrolledSequence core = unrollSequence(net, d.sequence.node, x);
        QCOMPARE(d.sequence.steps.size(), std::size_t(12));
        QCOMPARE(view->canvas()->columnCount(), 12);
        int padded = 0;
        for (std::size_t t = 0; t < 12; ++t) {
            const UnrolledStep &s = d.sequence.steps[t];
            QCOMPARE(s.id, double(x(Eigen::Index(t), 0)));
            QCOMPARE(s.padding, maskZero && x(Eigen::Index(t), 0) == 0);
            QCOMPARE(s.hidden.size(), std::size_t(64));
            QCOMPARE(s.cell.size(), std::size_t(64));
            QCOMPARE(s.gates.size(), std::size_t(4 * 64));
            for (std::size_t k = 0; k < 64; ++k) {
                QVERIFY(std::abs(s.hidden[k] - core.steps[t].hidden[k]) < 1e-6);
                QVERIFY(std::abs(s.cell[k] - core.steps[t].cell[k]) < 1e-6);
            }
            QVERIFY(std::abs(s.output[0] - core.steps[t].output[0]) < 1e-6);
            if (x(Eigen::Index(t), 0) == 0) {
                ++padded;
                QCOMPARE(d.words[int(t)], QStringLiteral("<pad>"));
            } else {
                QVERIFY(!d.words[int(t)].isEmpty() && d.words[int(t)] != QStringLiteral("<pad>"));
            }
            if (s.padding) {
                const std::vector<double> previous =
                    t > 0 ? d.sequence.steps[t - 1].hidden : std::vector<double>(64, 0.0);
                QCOMPARE(s.hidden, previous);
            }
            QVERIFY(view->canvas()->columnRect(int(t)).width() > 20);
        }
        QVERIFY(padded > 0); // the generated reviews are shorter than T = 12
        // Hover: a unit's number.
        const QRectF hidden = view->canvas()->rowRect(11, UnrolledCanvas::Row::Hidden);
        const QString tip = view->canvas()->toolTipAt(hidden.topLeft() + QPointF(2, 1));
        QVERIFY2(tip.contains(QStringLiteral("h[0] = %1").arg(d.sequence.steps[11].hidden[0], 0, 'g', 4)),
                 qPrintable(tip));
        QVERIFY(view->canvas()
                    ->toolTipAt(view->canvas()->rowRect(11, UnrolledCanvas::Row::Gates).center())
                    .contains(QStringLiteral("f: mean")));

        // A typed sentence: five words, seven steps of padding in front; a word never seen is unknown.
        view->textEdit()->setText(QStringLiteral("the food was not zebra"));
        QMetaObject::invokeMethod(view->textEdit(), "editingFinished");
        QTRY_VERIFY_WITH_TIMEOUT(win.shownSentence() && win.shownSentence()->sample == -1, 30000);
        const UnrolledData &typed = *win.shownSentence();
        QCOMPARE(typed.text, QStringLiteral("the food was not zebra"));
        const QStringList words{QStringLiteral("the"), QStringLiteral("food"), QStringLiteral("was"),
                                QStringLiteral("not"), QStringLiteral("<unknown>")};
        for (int t = 0; t < 12; ++t) {
            QCOMPARE(typed.sequence.steps[std::size_t(t)].padding, maskZero && t < 7);
            if (t >= 7) QCOMPARE(typed.words[t], words[t - 7]);
        }
        QCOMPARE(typed.textNotes.size(), 1);
        QVERIFY(view->info()->text().contains(typed.textNotes[0]));
        // The view's prediction after the last word is the network's on the tokenised sentence.
        const CsvColumn &column = data.csvSchema->features.at(0);
        const std::vector<int> ids =
            TextEncoder(column.categories, column.textLength).encode("the food was not zebra");
        Matrix y(12, 1);
        for (int t = 0; t < 12; ++t)
            y(t, 0) = Scalar(ids[std::size_t(t)]);
        Network again = networkWith(project, *win.controller->lastWeights());
        QVERIFY(std::abs(typed.sequence.steps.back().output[0] - again.forward(y, Mode::Eval)(0, 0)) < 1e-6);
        // Back to a sample: another one, chosen in the box.
        view->sampleBox()->setValue(3);
        QTRY_VERIFY_WITH_TIMEOUT(win.shownSentence() && win.shownSentence()->sample == 3, 30000);
        QVERIFY(view->textEdit()->text().isEmpty());
    }

    // Networks without an Embedding or a recurrent layer: the docks are closed whatever shows them (issue
    // 12's rule, ui/insights/applicable_docks.h), and View > Panels says what they need.
    void closedWithoutTheirLayers()
    {
        Window win;
        QVERIFY(win.open(QStringLiteral("xor.nnp")));
        for (const auto &[name, needs] :
             {std::pair{QStringLiteral("embeddingMapDock"), QStringLiteral("Embedding")},
              std::pair{QStringLiteral("unrolledDock"), QStringLiteral("LSTM")}}) {
            QDockWidget *dock = win.insights->dock(name);
            win.showDock(name);
            QTRY_VERIFY(dock->isHidden());
            QVERIFY(!dock->toggleViewAction()->isEnabled());
            QVERIFY2(dock->toggleViewAction()->toolTip().contains(needs),
                     qPrintable(dock->toggleViewAction()->toolTip()));
        }
        QVERIFY(win.stepTo(1));
        QVERIFY(win.insights->dock(QStringLiteral("unrolledDock"))->isHidden());
    }
};

QTEST_MAIN(TestSequenceViews)
#include "tst_sequence_views.moc"
