// The explain mode through a recurrent layer (issue 11), driven like a user on the essay scorer
// (Embedding → LSTM(64) → Dense) and on variants of it saved beside the test (a GRU and a SimpleRNN with
// mask_zero, so that the padded front of a short review is masked): one traced step, walked to the recurrent
// node's forward pass, where the step slider and the unit box choose what the gate formulas show; then to its
// backward pass through time, where the bars show ‖∂E/∂hₜ‖ at every step and the chosen weight's gradient
// is the sum of the steps' shares. The panel must show the Trace's numbers (the Trace itself is checked
// against a hand computation in tests/train/tst_trace_recurrent). Screenshots at 1600×1000 in English and
// Chinese go to <build>/screenshots.
#include "explain/explain_docks.h"
#include "explain/explain_model.h"
#include "explain/explain_panel.h"
#include "explain/explain_recurrent.h"
#include "explain/window_view.h"
#include "explain_numbers.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "settle.h"
#include "train/recurrent_trace.h"
#include "training/training_controller.h"

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QScopeGuard>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>

#include <cmath>

using namespace nnp;

namespace {

const ParamTrace &param(const NodeTrace &n, const char *name)
{
    for (const ParamTrace &p : n.params)
        if (p.name == name) return p;
    qFatal("no parameter %s", name);
}

/// essay_lstm.nnp with its recurrent layer changed to `kind` (units 8, to keep the step quick) and
/// mask_zero set, written to `dir` with the data path made absolute.
QString variant(const QTemporaryDir &dir, const QString &kind, bool maskZero)
{
    QFile in(QStringLiteral(NNP_SOURCE_DIR "/samples/essay_lstm.nnp"));
    if (!in.open(QIODevice::ReadOnly)) return {};
    QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    QJsonObject graph = root[QStringLiteral("graph")].toObject();
    QJsonArray nodes = graph[QStringLiteral("nodes")].toArray();
    for (int i = 0; i < nodes.size(); ++i) {
        QJsonObject n = nodes[i].toObject();
        QJsonObject o = n[QStringLiteral("options")].toObject();
        if (n[QStringLiteral("kind")].toString() == QStringLiteral("Embedding"))
            o[QStringLiteral("mask_zero")] = maskZero;
        if (n[QStringLiteral("kind")].toString() == QStringLiteral("LSTM")) {
            n[QStringLiteral("kind")] = kind;
            n[QStringLiteral("name")] = kind.toLower();
            o[QStringLiteral("units")] = 8;
        }
        n[QStringLiteral("options")] = o;
        nodes[i] = n;
    }
    graph[QStringLiteral("nodes")] = nodes;
    root[QStringLiteral("graph")] = graph;
    QJsonObject data = root[QStringLiteral("data")].toObject();
    data[QStringLiteral("path")] =
        QStringLiteral(NNP_SOURCE_DIR "/samples/") + data[QStringLiteral("path")].toString();
    root[QStringLiteral("data")] = data;
    root.remove(QStringLiteral("model")); // no trained weights for another graph
    const QString path = dir.filePath(kind + QStringLiteral(".nnp"));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly)) return {};
    out.write(QJsonDocument(root).toJson());
    return path;
}

void saveShot(QWidget *w, const QString &name)
{
    testutil::settle();
    const QString dir = QStringLiteral(NNP_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + name;
    if (w->grab().save(path)) qInfo("screenshot: %s", qPrintable(path));
}

} // namespace

class TestExplainRecurrent : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void walkThroughTime_data();
    void walkThroughTime();
};

void TestExplainRecurrent::walkThroughTime_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("maskZero");
    QTest::addColumn<QString>("language");
    QTest::newRow("lstm_en") << QStringLiteral("LSTM") << false << QStringLiteral("en");
    QTest::newRow("lstm_zh") << QStringLiteral("LSTM") << false << QStringLiteral("zh_CN");
    QTest::newRow("gru_masked_en") << QStringLiteral("GRU") << true << QStringLiteral("en");
    QTest::newRow("simplernn_masked_zh") << QStringLiteral("SimpleRNN") << true << QStringLiteral("zh_CN");
}

void TestExplainRecurrent::walkThroughTime()
{
    QFETCH(QString, kind);
    QFETCH(bool, maskZero);
    QFETCH(QString, language);
    QTranslator chinese;
    if (language == QStringLiteral("zh_CN")) {
        QVERIFY(chinese.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("nnp"), QStringLiteral("_"),
                             QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&chinese));
    }
    const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&chinese); });
    QTemporaryDir dir;
    QString file = QStringLiteral(NNP_SOURCE_DIR "/samples/essay_lstm.nnp");
    if (kind != QStringLiteral("LSTM") || maskZero) file = variant(dir, kind, maskZero);
    QVERIFY(!file.isEmpty());

    MainWindow w;
    QVERIFY(w.loadFile(file));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showNormal(); // the first show maximises (to the offscreen screen's size)
    w.resize(1600, 1000);
    auto *ex = w.findChild<ExplainDocks *>();
    QVERIFY(ex);
    ex->explainDock()->show();
    ex->explainDock()->raise();
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->controller()->status(), TrainingStatus::Ready, 30000);
    ExplainPanel *panel = ex->panel();
    ExplainModel *model = ex->model();
    QTRY_VERIFY_WITH_TIMEOUT(panel->explainButton()->isEnabled(), 10000);
    panel->sampleBox()->setValue(3);
    panel->batchBox()->setValue(1);
    QTest::mouseClick(panel->explainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(model->trace() != nullptr, 20000);
    const TracePtr t = model->trace();
    const NodeTrace *rec = nullptr;
    for (const NodeTrace &n : t->nodes)
        if (!n.recurrent.steps.empty()) rec = &n;
    QVERIFY(rec);
    const RecurrentTrace &r = rec->recurrent;
    QCOMPARE(int(r.steps.size()), 12);
    QCOMPARE(int(r.words.size()), 12); // the review's words, from the data's vocabulary
    auto text = [&] { return panel->text()->toPlainText(); };
    auto walkTo = [&](PhaseKind kind, NodeId node) {
        while (!(model->phase().kind == kind && model->phase().node == node)) {
            if (!panel->nextButton()->isEnabled()) return false;
            QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
        }
        return true;
    };

    // Forward: the recurrent controls appear (the convolution maps do not).
    QVERIFY(!panel->recurrentControls()->isVisible());
    QVERIFY(walkTo(PhaseKind::Forward, rec->id));
    QTRY_VERIFY(panel->recurrentControls()->isVisible());
    QVERIFY(!panel->windowView()->isVisible());
    QVERIFY(!panel->paramBox()->isVisible());   // the weight is chosen on the way back
    QCOMPARE(panel->stepSlider()->value(), 12); // the last step first
    panel->unitBox()->setValue(2);
    int masked = 0, shownSteps = 0;
    for (int step = 1; step <= 12; ++step) {
        panel->stepSlider()->setValue(step);
        QCOMPARE(model->recurrentSelection().step, step - 1);
        const RecurrentStepTrace &s = r.steps[std::size_t(step - 1)];
        const QString shown = text();
        QVERIFY2(shown.contains(QString::fromStdString(r.words[std::size_t(step - 1)])), qPrintable(shown));
        VERIFY_SHOWN(shown, double(s.h(1, 0)));
        VERIFY_SHOWN(shown, double(s.hPrev(1, 0)));
        if (s.masked.front()) {
            ++masked;
            QVERIFY(shown.contains(ExplainRecurrent::tr("Masked: state unchanged.")));
            QCOMPARE(s.h, s.hPrev);
            continue;
        }
        ++shownSteps;
        for (int g = 0; g < r.gates; ++g) {
            const int row = g * r.units + 1;
            VERIFY_SHOWN(shown, double(s.pre(row, 0)));
            VERIFY_SHOWN(shown, double(s.gates(row, 0)));
            const GateParts p = gateParts(*rec, row, step - 1, 0);
            VERIFY_SHOWN(shown, p.input);
            // Written as a term (" − 0.12") or a first number ("−0.12").
            const auto numbers = testutil::numbersIn(shown);
            QVERIFY2(testutil::shows(numbers, p.recurrent) || testutil::shows(numbers, std::abs(p.recurrent)),
                     qPrintable(shown));
            QVERIFY2(std::abs(p.pre() - double(s.pre(row, 0))) < 1e-4,
                     qPrintable(QStringLiteral("%1 vs %2").arg(p.pre()).arg(double(s.pre(row, 0)))));
        }
        if (rec->kind == LayerKind::LSTM) {
            VERIFY_SHOWN(shown, double(s.c(1, 0)));
            VERIFY_SHOWN(shown, double(s.cPrev(1, 0)));
        }
    }
    QVERIFY(shownSteps > 0);
    if (maskZero)
        QVERIFY(masked > 0); // a short review is padded in front
    else
        QCOMPARE(masked, 0);
    // The last real step for the screenshot.
    panel->stepSlider()->setValue(12);
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    saveShot(&w, QStringLiteral("explain_recurrent_forward_%1.png").arg(tag));

    // Backward through time: ‖∂E/∂hₜ‖ at every step, then one weight's gradient as a sum over the steps.
    QVERIFY(walkTo(PhaseKind::Backward, rec->id));
    QTRY_VERIFY(panel->paramBox()->isVisible());
    QString shown = text();
    for (const RecurrentStepTrace &s : r.steps)
        VERIFY_SHOWN(shown, stateGradientNorm(s));
    panel->paramBox()->setCurrentIndex(1); // U
    panel->gateBox()->setCurrentIndex(r.gates > 1 ? 1 : 0);
    panel->unitBox()->setValue(2);
    panel->columnBox()->setValue(3);
    const RecurrentSelection sel = model->recurrentSelection();
    QCOMPARE(sel.param, 1);
    QCOMPARE(sel.row, (r.gates > 1 ? 1 : 0) * r.units + 1);
    QCOMPARE(sel.col, 2);
    shown = text();
    const ParamTrace &u = param(*rec, "weight_hh");
    double sum = 0;
    for (int step = 0; step < 12; ++step) {
        const double share = stepContribution(rec->kind, r, "weight_hh", sel.row, sel.col, step);
        VERIFY_SHOWN(shown, share);
        sum += share;
    }
    const double grad = double(u.grad(sel.row, sel.col));
    QVERIFY2(std::abs(sum - grad) <= 1e-5 * std::max(1e-3, std::abs(grad)),
             qPrintable(QStringLiteral("%1 vs %2").arg(sum).arg(grad)));
    VERIFY_SHOWN(shown, grad);
    VERIFY_SHOWN(shown, double(u.before(sel.row, sel.col)));
    VERIFY_SHOWN(shown, double(u.after(sel.row, sel.col)));
    saveShot(&w, QStringLiteral("explain_recurrent_backward_%1.png").arg(tag));
}

QTEST_MAIN(TestExplainRecurrent)
#include "tst_explain_recurrent.moc"
