// Issue 13: the app keeps the optimizer's state with the weights it stores, as `nnp train` does. Trained N
// steps in the window (Step), saved, opened again and trained M more steps, a project holds the weights and
// the training state of N + M steps in one go, to the bit: compared with the core's own run (ProjectRun from
// the seed). The project uses Adam, a learning rate that halves every epoch, a validation split and a Dropout
// layer, so the moments, the schedule's epoch, the position inside an epoch and the random stream all matter.
#include "io/project_run.h"
#include "main_window_driver.h"

#include <cstring>

using namespace nnp;
using namespace nnp::testutil;

namespace {

Project resumeProject()
{
    Project p = loadProject(NNP_SOURCE_DIR "/samples/circle.nnp");
    p.training.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
    p.training.optimizer.learningRate = 0.02;
    p.training.schedule.kind = ScheduleKind::StepDecay;
    p.training.schedule.stepEpochs = 1;
    p.training.schedule.gamma = 0.5;
    p.training.batchSize = 16;
    p.training.epochs = 50;
    p.preprocessing.split.validation = 0.2;
    GraphSpec &g = p.graph;
    const EdgeSpec first = g.outputsOf(g.outputsOf(g.nodes.front().id).front().to).front();
    g.edges.erase(std::find(g.edges.begin(), g.edges.end(), first));
    LayerOptions o;
    o.set(opt::dropout::rate, 0.3);
    const NodeId drop = g.addNode(LayerKind::Dropout, "drop", o);
    g.connect(first.from, drop);
    g.connect(drop, first.to, first.port);
    return p;
}

bool sameTensors(const std::vector<StoredTensor> &a, const std::vector<StoredTensor> &b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].node != b[i].node || a[i].name != b[i].name || a[i].values.size() != b[i].values.size() ||
            std::memcmp(a[i].values.data(), b[i].values.data(), a[i].values.size() * sizeof(float)) != 0)
            return false;
    return true;
}

} // namespace

class TestAppResume : public QObject, public MainWindowDriver {
    Q_OBJECT
private slots:
    void initTestCase() { useTestSettings("tst_app_resume"); }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }

    void savedRunContinuesToTheBit()
    {
        constexpr int n = 23, m = 31; // batches; an epoch holds 10 (150 training samples, 16 each)
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString start = dir.filePath(QStringLiteral("start.nnp"));
        const QString saved = dir.filePath(QStringLiteral("saved.nnp"));
        saveProject(resumeProject(), start.toStdString());

        TrainingController *c = m_window->training()->controller();
        QAction *step = m_window->training()->toolbar()->stepAction();
        GraphDocument *doc = m_window->document();
        const auto stepTo = [&](long long steps, int presses) {
            QTRY_VERIFY_WITH_TIMEOUT(
                c->status() == TrainingStatus::Ready || c->status() == TrainingStatus::Paused, 20000);
            for (int i = 0; i < presses; ++i)
                clickToolButton(step);
            // The document takes the paused run's weights and the trainer's state that goes with them.
            QTRY_VERIFY_WITH_TIMEOUT(c->pendingSteps() == 0 && doc->project().trainerState &&
                                         doc->project().trainerState->step == steps,
                                     30000);
        };

        QVERIFY(m_window->loadFile(start));
        stepTo(n, n);
        QVERIFY(m_window->saveTo(saved));
        const Project afterN = loadProject(saved.toStdString());
        QVERIFY(afterN.trainerState);
        QCOMPARE(afterN.trainerState->step, n);
        QVERIFY(!afterN.trainerState->moments.empty());
        QVERIFY(!afterN.trainerState->random.empty()); // Dropout's stream

        QVERIFY(m_window->loadFile(saved));
        stepTo(n + m, m);
        QVERIFY(m_window->saveTo(saved));
        const Project continued = loadProject(saved.toStdString());

        // The core's run of N + M steps in one go.
        Project once = resumeProject();
        {
            ProjectRun run(once, NNP_SOURCE_DIR "/samples", ProjectRun::Start::Seed);
            for (int i = 0; i < n + m; ++i)
                run.trainer().runBatch();
            run.store(once);
        }
        QVERIFY(once.trainerState && continued.trainerState);
        QVERIFY(once.trainerState->epoch >= 2); // the schedule moved on twice
        QCOMPARE(continued.trainerState->step, once.trainerState->step);
        QCOMPARE(continued.trainerState->epoch, once.trainerState->epoch);
        QCOMPARE(continued.trainerState->position, once.trainerState->position);
        QVERIFY(*continued.trainerState == *once.trainerState); // moments and random streams, to the bit
        QVERIFY(sameTensors(continued.weights, once.weights));
    }
};

QTEST_MAIN(TestAppResume)
#include "tst_app_resume.moc"
