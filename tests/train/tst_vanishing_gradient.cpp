// Backpropagation through time on the shipped "vanishing gradients" pair (issue 11): sequence_rnn
// (SimpleRNN(8)) and sequence_lstm (LSTM(8)) read the same 25-step sequences. After the same fixed-seed
// training, an explained step on the same 32 samples records ‖∂E/∂hₜ‖ at every step; the SimpleRNN's
// gradient at the first steps is a far smaller fraction of its gradient at the last step than the LSTM's,
// and smaller outright. That is what the explain panel's bars show a class. Float core, as the app trains.
#include "io/project.h"
#include "io/project_run.h"
#include "train/recurrent_trace.h"
#include "train/trace.h"

#include <QtTest>

#include <numeric>
#include <vector>

using namespace nnp;

namespace {

struct Profile {
    std::vector<double> norms; ///< ‖∂E/∂hₜ‖, t = 1..T
    [[nodiscard]] double early() const { return (norms[0] + norms[1] + norms[2]) / 3.0; }
};

Profile trainAndTrace(const char *sample, int epochs)
{
    const std::filesystem::path file = std::filesystem::path(NNP_SOURCE_DIR) / "samples" / sample;
    Project p = loadProject(file);
    ProjectRun run(p, file.parent_path(), ProjectRun::Start::Seed);
    for (int e = 0; e < epochs; ++e)
        run.trainer().runEpoch();
    std::vector<int> samples(32);
    std::iota(samples.begin(), samples.end(), 0);
    const Trace t = run.trainer().traceStep(samples);
    Profile prof;
    for (const NodeTrace &nt : t.nodes)
        for (const RecurrentStepTrace &s : nt.recurrent.steps)
            prof.norms.push_back(stateGradientNorm(s));
    return prof;
}

} // namespace

class TestVanishingGradient : public QObject {
    Q_OBJECT
private slots:
    void simpleRnnFadesLstmCarries()
    {
        const Profile rnn = trainAndTrace("sequence_rnn.nnp", 3);
        const Profile lstm = trainAndTrace("sequence_lstm.nnp", 3);
        QCOMPARE(int(rnn.norms.size()), 25);
        QCOMPARE(int(lstm.norms.size()), 25);
        const double rnnRatio = rnn.early() / rnn.norms.back(), lstmRatio = lstm.early() / lstm.norms.back();
        qInfo("SimpleRNN: early %.3g, last %.3g, ratio %.3g; LSTM: early %.3g, last %.3g, ratio %.3g",
              rnn.early(), rnn.norms.back(), rnnRatio, lstm.early(), lstm.norms.back(), lstmRatio);
        QVERIFY(rnn.norms.back() > 0 && lstm.norms.back() > 0);
        QVERIFY2(rnnRatio < 0.1 * lstmRatio,
                 "the SimpleRNN's early gradient does not fade against the LSTM's");
        QVERIFY(rnn.early() < lstm.early());
    }
};

QTEST_GUILESS_MAIN(TestVanishingGradient)
#include "tst_vanishing_gradient.moc"
