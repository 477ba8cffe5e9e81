// The embedding map's projection (issue 11): PCA in double against a construction whose answer is known, and
// against NumPy (numpy.linalg.eigh of numpy.cov on the same matrix: the values below); orthonormal axes, the
// share of variance each explains, signs that do not flip between updates; and an Embedding's map: which ids,
// in which order, with which labels, at which points.
#include "gradcheck.h"
#include "layers/embedding.h"
#include "layers/simple_layers.h"
#include "train/embedding_map.h"
#include "train/network.h"

#include <QtTest>

using namespace nnp;

class TestEmbeddingMap : public QObject {
    Q_OBJECT

private slots:
    // Points mean + aᵢ·u + bᵢ·v with u ⟂ v unit vectors and a, b of zero mean and uncorrelated: the axes are
    // ±u and ±v, the variances var(a) = 20/3 and var(b) = 4/3 of a total 8, the coordinates a and ±b.
    void knownAxes()
    {
        // (Dynamic vectors: GCC 12 warns falsely about AVX-512 loads from fixed-size 3-vectors.)
        const Eigen::VectorXd u = (Eigen::VectorXd(3) << -0.6, 0.8, 0).finished(),
                              v = (Eigen::VectorXd(3) << 0, 0, -1).finished(),
                              mean = (Eigen::VectorXd(3) << 1, -2, 0.5).finished();
        const double a[] = {3, -3, 1, -1}, b[] = {1, 1, -1, -1};
        Eigen::MatrixXd x(3, 4);
        for (int i = 0; i < 4; ++i)
            x.col(i) = mean + a[i] * u + b[i] * v;
        const Pca2 p = pca2(x);
        QVERIFY(std::abs(p.variance[0] - 20.0 / 3) < 1e-12);
        QVERIFY(std::abs(p.variance[1] - 4.0 / 3) < 1e-12);
        QVERIFY(std::abs(p.totalVariance - 8) < 1e-12);
        QVERIFY(std::abs(p.explained(0) - 5.0 / 6) < 1e-12);
        QVERIFY(std::abs(p.explained(1) - 1.0 / 6) < 1e-12);
        QVERIFY((p.mean - mean).norm() < 1e-12);
        // Signs: the largest component positive: u as it is (0.8), v turned round (−1 → +1).
        QVERIFY((p.axes.col(0) - u).norm() < 1e-12);
        QVERIFY((p.axes.col(1) + v).norm() < 1e-12);
        for (int i = 0; i < 4; ++i) {
            QVERIFY(std::abs(p.points(0, i) - a[i]) < 1e-12);
            QVERIFY(std::abs(p.points(1, i) + b[i]) < 1e-12);
        }
    }

    // numpy: X below, C = np.cov(X), w, V = np.linalg.eigh(C), the two largest, signs as ours.
    void matchesNumPy()
    {
        Eigen::MatrixXd x(4, 6);
        x << 1, 4, -2, 0, 3, 5, //
            2, -1, 0, 3, 1, -2, //
            0, 2, 2, -1, 4, 1,  //
            -3, 1, 0, 2, -2, 0;
        const Pca2 p = pca2(x);
        QVERIFY(std::abs(p.variance[0] - 9.163973450119702) < 1e-12);
        QVERIFY(std::abs(p.variance[1] - 4.106318936923265) < 1e-12);
        QVERIFY(std::abs(p.totalVariance - 17) < 1e-12);
        QVERIFY(std::abs(p.explained(0) - 0.5390572617717471) < 1e-12);
        QVERIFY(std::abs(p.explained(1) - 0.24154817276019203) < 1e-12);
        const double axes[] = {0.820109279201462, -0.488102601888438, 0.292752870810527,  -0.058926876971292,
                               0.150406289217638, -0.143876621825639, -0.490947834888924, 0.845959626266939};
        for (int k = 0; k < 2; ++k)
            for (int d = 0; d < 4; ++d)
                QVERIFY(std::abs(p.axes(d, k) - axes[k * 4 + d]) < 1e-12);
        const double points[] = {-1.6487771246578,   2.625656752347788,  -2.72417464777813,
                                 -3.544376261414687, 1.591628641904379,  3.700042639598453,
                                 -1.942448730613097, 1.342342837806645,  -0.549931145591763,
                                 2.484014324567247,  -2.615591243640939, 1.281613957471907};
        for (int k = 0; k < 2; ++k)
            for (int i = 0; i < 6; ++i)
                QVERIFY(std::abs(p.points(k, i) - points[k * 6 + i]) < 1e-12);
        // Orthonormal axes.
        const Eigen::Matrix2d gram = p.axes.transpose() * p.axes;
        QVERIFY((gram - Eigen::Matrix2d::Identity()).norm() < 1e-12);
    }

    // The previous picture's axes decide the signs: a slightly changed set of vectors whose own rule would
    // turn an axis round keeps the old direction.
    void signsFollowThePreviousAxes()
    {
        Eigen::MatrixXd x(4, 6);
        x << 1, 4, -2, 0, 3, 5, //
            2, -1, 0, 3, 1, -2, //
            0, 2, 2, -1, 4, 1,  //
            -3, 1, 0, 2, -2, 0;
        const Pca2 first = pca2(x);
        PcaAxes turned = first.axes;
        turned.col(1) *= -1;
        const Pca2 second = pca2(x, &turned);
        QVERIFY((second.axes.col(0) - first.axes.col(0)).norm() < 1e-12);
        QVERIFY((second.axes.col(1) + first.axes.col(1)).norm() < 1e-12);
        QVERIFY((second.points.row(1) + first.points.row(1)).norm() < 1e-12);
    }

    void degenerate()
    {
        const Pca2 one = pca2(Eigen::MatrixXd::Ones(3, 1));
        QCOMPARE(one.variance[0], 0.0);
        QCOMPARE(one.points.cols(), Eigen::Index(1));
        QVERIFY(one.points.isZero());
        const Pca2 flat = pca2(Eigen::MatrixXd::Random(1, 5));
        QCOMPARE(flat.variance[1], 0.0);
        QVERIFY(flat.axes.col(1).isZero());
        QVERIFY(std::abs(std::abs(flat.axes(0, 0)) - 1) < 1e-12);
    }

    // A text column's words: the ids that occur, most frequent first, padding left out (mask_zero), labelled
    // with their words, at the PCA points of their rows of the table.
    void mapOfAnEmbedding()
    {
        GraphSpec g;
        const NodeId in =
            g.addNode(LayerKind::Input, "review",
                      LayerOptions().set(opt::input::shape, {3}).set(opt::input::values, InputValues::Ids));
        const NodeId emb = g.addNode(LayerKind::Embedding, "words",
                                     LayerOptions()
                                         .set(opt::embedding::inputDim, 6)
                                         .set(opt::embedding::outputDim, 3)
                                         .set(opt::embedding::maskZero, true));
        const NodeId pool = g.addNode(LayerKind::GlobalAveragePool1D, "mean");
        g.connect(in, emb);
        g.connect(emb, pool);
        Network net = Network::build(g, 4);
        CsvSchema schema;
        CsvColumn text;
        text.name = "review";
        text.textLength = 3;
        text.categories = {"good", "bad", "not", "food"}; // ids 2 … 5
        schema.features.push_back(text);
        Matrix x(3, 4);
        x << 0, 0, 4, 1, //
            0, 3, 2, 3,  //
            2, 2, 3, 3;
        // Counts: id 3 ("bad") 4, id 2 ("good") 3, id 1 (<unknown>) 1, id 4 ("not") 1; id 0 is padding.
        const EmbeddingMap m = embeddingMap(net, emb, x, 10, &schema);
        QCOMPARE(m.ids, (std::vector<int>{3, 2, 1, 4}));
        QCOMPARE(m.counts, (std::vector<long long>{4, 3, 1, 1}));
        QCOMPARE(m.labels, (std::vector<std::string>{"bad", "good", "<unknown>", "not"}));
        QCOMPARE(m.vocabulary, 6);
        QCOMPARE(m.dim, 3);
        const Matrix &table = static_cast<const Embedding &>(net.layer(net.nodeIndex(emb))).weight();
        Eigen::MatrixXd rows(3, 4);
        for (int k = 0; k < 4; ++k)
            rows.col(k) = table.row(m.ids[static_cast<std::size_t>(k)]).transpose();
        QVERIFY((pca2(rows).points - m.pca.points).norm() < 1e-12);
        // At most `most` ids; no schema: "#id".
        const EmbeddingMap two = embeddingMap(net, emb, x, 2);
        QCOMPARE(two.labels, (std::vector<std::string>{"#3", "#2"}));
        QCOMPARE(embeddingNodes(net), std::vector<NodeId>{emb});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, embeddingMap(net, pool, x, 10));
    }
};

QTEST_GUILESS_MAIN(TestEmbeddingMap)
#include "tst_embedding_map.moc"
