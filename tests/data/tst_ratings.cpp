// The ratings generator and the recommender samples (issue 11): reproducible ratings from hidden 2-D tastes,
// the Bayes-optimal accuracy from the true probabilities, the shipped CSV is exactly the generator's output,
// bad ids in the data are reported before training, and both samples train (float core, fixed seed, a few
// seconds) to the accuracy their descriptions state, which lies below the best possible on the generated
// data.
#include "data/csv.h"
#include "data/data_error.h"
#include "data/generators.h"
#include "io/project_run.h"
#include "layers/embedding.h"
#include "layers/simple_layers.h"
#include "train/network.h"

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace nnp;

namespace {

const std::filesystem::path kSamples = std::filesystem::path(NNP_SOURCE_DIR) / "samples";

/// The shipped data: RatingsConfig's defaults (200 users, 100 items, 8,000 ratings, seed 1).
RatingsConfig sampleConfig()
{
    return RatingsConfig{};
}

std::string readFile(const std::filesystem::path &p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

class TestRatings : public QObject {
    Q_OBJECT

private slots:
    void reproducibleAndSane()
    {
        const Ratings a = generateRatings(sampleConfig()), b = generateRatings(sampleConfig());
        QCOMPARE(a.csv(), b.csv());
        QCOMPARE(a.user.size(), std::size_t(8000));
        QCOMPARE(a.userTastes.cols(), Eigen::Index(200));
        QCOMPARE(a.itemTastes.rows(), Eigen::Index(2));
        RatingsConfig other = sampleConfig();
        other.seed = 2;
        QVERIFY(generateRatings(other).csv() != a.csv());
        int liked = 0;
        for (std::size_t k = 0; k < a.user.size(); ++k) {
            QVERIFY(a.user[k] >= 1 && a.user[k] <= 200 && a.item[k] >= 1 && a.item[k] <= 100);
            // the probability follows the hidden tastes: σ(k⟨u, i⟩ + quirk) leans the same way as ⟨u, i⟩
            // unless the quirk outweighs it
            const double taste =
                static_cast<double>(a.userTastes.col(a.user[k] - 1).dot(a.itemTastes.col(a.item[k] - 1)));
            if (std::abs(taste) > 1.5) QCOMPARE(a.probability[k] > 0.5, taste > 0);
            liked += a.liked[k];
        }
        QVERIFY(liked > 3000 && liked < 5000); // tastes are centred: about half the ratings are likes
        // Bayes: predicting the likelier answer from the true p is right as often as max(p, 1 − p) says,
        // here on 8,000 draws within 2 %.
        int right = 0;
        for (std::size_t k = 0; k < a.user.size(); ++k)
            right += (a.probability[k] > 0.5) == (a.liked[k] == 1);
        const double bayes = a.bayesAccuracy();
        qInfo("ratings: Bayes-optimal accuracy %.4f expected, %.4f realised", bayes, right / 8000.0);
        QVERIFY(std::abs(bayes - right / 8000.0) < 0.02);
        QVERIFY(bayes > 0.7 && bayes < 0.95);
        QCOMPARE(a.bayesAccuracy({0, 1}), (std::max(a.probability[0], 1 - a.probability[0]) +
                                           std::max(a.probability[1], 1 - a.probability[1])) /
                                              2);
        QVERIFY_THROWS_EXCEPTION(DataError, generateRatings(RatingsConfig{0, 10, 10}));
    }

    // samples/datasets/ratings/ratings.csv is the generator's output (NNP_WRITE_SAMPLE_DATA=1 rewrites it).
    void shippedFileIsTheGenerators()
    {
        const std::filesystem::path file = kSamples / "datasets" / "ratings" / "ratings.csv";
        const std::string expected = generateRatings(sampleConfig()).csv();
        if (qEnvironmentVariableIsSet("NNP_WRITE_SAMPLE_DATA"))
            std::ofstream(file, std::ios::binary) << expected;
        QVERIFY(readFile(file) == expected);
    }

    // An id outside the Embedding's vocabulary in the data stops before training, naming the layer, the
    // value and the sample; ids are never normalised.
    void badIdsInTheData()
    {
        Project p = loadProject(kSamples / "recommender.nnp");
        p.preprocessing.normalization = NormalizationKind::ZScore;
        const PreparedData d = prepareData(p, kSamples);
        QCOMPARE(d.normalizer.offset.size(), Eigen::Index(2));
        QVERIFY(d.normalizer.offset.isZero(0) && d.normalizer.scale.isOnes(0));
        p.graph.find(3)->options.set(opt::embedding::inputDim, 150); // fewer than the 200 users
        try {
            prepareData(p, kSamples);
            QFAIL("no error");
        } catch (const InvalidIdError &e) {
            QCOMPARE(e.node, std::string("user_embedding"));
            QVERIFY(e.value >= 150);
        }
    }

    void samplesReachTheirStatedAccuracy_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::newRow("recommender") << "recommender.nnp";
        QTest::newRow("recommender_dot") << "recommender_dot.nnp";
    }
    void samplesReachTheirStatedAccuracy()
    {
        QFETCH(QString, sample);
        const Project p = loadProject(kSamples / sample.toStdString());
        QVERIFY(p.expect && p.expect->min);
        ProjectRun run(p, kSamples, ProjectRun::Start::Seed);
        const RunState state = run.trainer().run();
        QVERIFY(state == RunState::Finished);
        const double accuracy = evaluate(run.network(), run.data().test).accuracy;
        const Ratings truth = generateRatings(sampleConfig());
        const double bayes = truth.bayesAccuracy(run.data().split.test);
        qInfo("%s: test accuracy %.4f, best possible %.4f (Bayes, test split)", qPrintable(sample), accuracy,
              bayes);
        QVERIFY2(accuracy >= *p.expect->min, std::to_string(accuracy).c_str());
        QVERIFY(accuracy <= bayes + 0.03); // no model beats the true probabilities by more than chance
        const std::string stated = std::to_string(static_cast<int>(std::lround(*p.expect->min * 100))) + "%";
        QVERIFY2(p.description.find(stated) != std::string::npos, p.description.c_str());
        const std::string best = std::to_string(static_cast<int>(std::lround(bayes * 100))) + "%";
        QVERIFY2(p.description.find(best) != std::string::npos, ("best " + best).c_str());
    }
};

QTEST_GUILESS_MAIN(TestRatings)
#include "tst_ratings.moc"
