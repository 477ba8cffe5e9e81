// The classic mistakes of issue 12, caught before training: the network's output against its loss and data.
// Each case checks the code, the node it is shown on and the one-click fix (or that none is offered).
#include "layers/activations.h"
#include "layers/dense.h"
#include "layers/simple_layers.h"
#include "train/divergence_cause.h"
#include "train/fit_check.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace nnp;

Q_DECLARE_METATYPE(nnp::GraphSpec)
Q_DECLARE_METATYPE(nnp::LossKind)
Q_DECLARE_METATYPE(nnp::DiagnosticCode)
Q_DECLARE_METATYPE(nnp::FitFix::Kind)
Q_DECLARE_METATYPE(nnp::DataFacts)

namespace {

/// Input(inputs) → Dense(8, ReLU) → Dense(units, out) [→ Softmax]; ids 1, 2, 3 [, 4].
GraphSpec net(int inputs, int units, ActivationKind out, bool softmax = false)
{
    GraphSpec g;
    LayerOptions in;
    in.set(opt::input::shape, std::vector<int>{inputs});
    const NodeId i = g.addNode(LayerKind::Input, "x", in);
    LayerOptions hidden, last;
    hidden.set(opt::dense::units, 8).set(opt::activation, ActivationKind::ReLU);
    last.set(opt::dense::units, units).set(opt::activation, out);
    const NodeId h = g.addNode(LayerKind::Dense, "hidden", hidden);
    const NodeId o = g.addNode(LayerKind::Dense, "out", last);
    g.connect(i, h);
    g.connect(h, o);
    if (softmax) g.connect(o, g.addNode(LayerKind::Softmax, "probabilities"));
    return g;
}

DataFacts classes(int n, long long features = 2)
{
    return {TaskKind::Classification, features, n, 0};
}
DataFacts regression(int targets = 1, long long features = 2)
{
    return {TaskKind::Regression, features, 0, targets};
}
/// A regression whose target is far from unit scale (house prices, 25–346 …), scaled or not.
DataFacts farTarget(bool scaled)
{
    DataFacts d = regression();
    d.targetFarFromUnitScale = true;
    d.targetScaled = scaled;
    return d;
}

} // namespace

class TestFitCheck : public QObject {
    Q_OBJECT
private slots:
    void mistakes_data();
    void mistakes();
    void rightSetupsPass_data();
    void rightSetupsPass();
    void nothingWhileTheGraphHasErrors();
    void lossForOutputFitsTheOutput();
    void divergenceNamesTheVisibleCause();
};

void TestFitCheck::mistakes_data()
{
    QTest::addColumn<GraphSpec>("graph");
    QTest::addColumn<LossKind>("loss");
    QTest::addColumn<bool>("withData");
    QTest::addColumn<DataFacts>("data");
    QTest::addColumn<DiagnosticCode>("code");
    QTest::addColumn<bool>("error");
    QTest::addColumn<int>("node");
    QTest::addColumn<FitFix::Kind>("fix");
    QTest::addColumn<int>("fixValue"); // units, shape, activation or loss as int
    using A = ActivationKind;
    using C = DiagnosticCode;
    using F = FitFix::Kind;
    using L = LossKind;
    QTest::newRow("linear output with BCE")
        << net(2, 1, A::Linear) << L::BinaryCrossEntropy << false << DataFacts{} << C::OutputNotSigmoid
        << true << 3 << F::SetActivation << int(A::Sigmoid);
    QTest::newRow("relu output with BCE (a new Dense)")
        << net(2, 1, A::ReLU) << L::BinaryCrossEntropy << true << classes(2) << C::OutputNotSigmoid << true
        << 3 << F::SetActivation << int(A::Sigmoid);
    QTest::newRow("softmax with BCE")
        << net(2, 2, A::Linear, true) << L::BinaryCrossEntropy << true << classes(2)
        << C::SoftmaxWithBinaryLoss << true << 4 << F::SetLoss << int(L::SparseCategoricalCrossEntropy);
    QTest::newRow("several sigmoid outputs with BCE")
        << net(2, 3, A::Sigmoid) << L::BinaryCrossEntropy << true << classes(3)
        << C::SeveralOutputsWithBinaryLoss << false << 3 << F::None << 0;
    QTest::newRow("SCCE without softmax")
        << net(4, 3, A::Linear) << L::SparseCategoricalCrossEntropy << true << classes(3, 4)
        << C::NoSoftmaxForCategorical << true << 3 << F::AppendSoftmax << 0;
    QTest::newRow("CCE without softmax, no data")
        << net(4, 3, A::Sigmoid) << L::CategoricalCrossEntropy << false << DataFacts{}
        << C::NoSoftmaxForCategorical << true << 3 << F::AppendSoftmax << 0;
    QTest::newRow("SCCE: 2 units for 3 classes")
        << net(4, 2, A::Linear, true) << L::SparseCategoricalCrossEntropy << true << classes(3, 4)
        << C::OutputsVsClasses << true << 4 << F::SetUnits << 3;
    QTest::newRow("CCE: 4 units for 3 classes")
        << net(4, 4, A::Linear, true) << L::CategoricalCrossEntropy << true << classes(3, 4)
        << C::OutputsVsClasses << true << 4 << F::SetUnits << 3;
    QTest::newRow("BCE: 2 units for 2 classes")
        << net(2, 2, A::Sigmoid) << L::BinaryCrossEntropy << true << classes(2) << C::OutputsVsClasses << true
        << 3 << F::SetUnits << 1;
    QTest::newRow("MSE: 2 outputs for 1 target") << net(2, 2, A::Linear) << L::MSE << true << regression(1)
                                                 << C::OutputsVsTargets << true << 3 << F::SetUnits << 1;
    QTest::newRow("class loss on a continuous target")
        << net(2, 1, A::Linear) << L::SparseCategoricalCrossEntropy << true << regression(1)
        << C::ClassLossOnRegression << true << 3 << F::SetLoss << int(L::MSE);
    QTest::newRow("inputs are not the features")
        << net(2, 1, A::Sigmoid) << L::BinaryCrossEntropy << true << classes(2, 13) << C::InputsVsFeatures
        << true << 1 << F::SetInputShape << 13;
    // A warning, not an error (the run may still start), fixed by turning the target scaling on.
    QTest::newRow("regression target far from unit scale")
        << net(2, 1, A::Linear) << L::MSE << true << farTarget(false) << C::UnscaledTarget << false << 3
        << F::ScaleTarget << 0;
}

void TestFitCheck::mistakes()
{
    QFETCH(GraphSpec, graph);
    QFETCH(LossKind, loss);
    QFETCH(bool, withData);
    QFETCH(DataFacts, data);
    QFETCH(DiagnosticCode, code);
    QFETCH(bool, error);
    QFETCH(int, node);
    QFETCH(FitFix::Kind, fix);
    QFETCH(int, fixValue);
    const ValidationResult v = validate(graph);
    QVERIFY2(v.ok(), v.summary().c_str());
    const auto problems = fitProblems(graph, v, LossParams{loss, 1}, withData ? &data : nullptr);
    QCOMPARE(problems.size(), std::size_t(1));
    const FitProblem &p = problems.front();
    QCOMPARE(p.diagnostic.code, code);
    QCOMPARE(p.diagnostic.severity == Severity::Error, error);
    QCOMPARE(p.diagnostic.node, node);
    QVERIFY(!p.diagnostic.message().empty());
    QCOMPARE(p.fix.kind, fix);
    switch (fix) {
    case FitFix::Kind::SetActivation:
        QCOMPARE(int(p.fix.activation), fixValue);
        QCOMPARE(p.fix.node, node);
        break;
    case FitFix::Kind::SetLoss:
        QCOMPARE(int(p.fix.loss), fixValue);
        break;
    case FitFix::Kind::SetUnits: // the Dense before the Softmax
        QCOMPARE(p.fix.count, fixValue);
        QCOMPARE(p.fix.node, 3);
        break;
    case FitFix::Kind::SetInputShape:
        QCOMPARE(p.fix.count, fixValue);
        QCOMPARE(p.fix.node, 1);
        break;
    case FitFix::Kind::AppendSoftmax:
    case FitFix::Kind::ScaleTarget:
        QCOMPARE(p.fix.node, node);
        break;
    case FitFix::Kind::None:
        break;
    }
}

void TestFitCheck::rightSetupsPass_data()
{
    QTest::addColumn<GraphSpec>("graph");
    QTest::addColumn<LossKind>("loss");
    QTest::addColumn<DataFacts>("data");
    using A = ActivationKind;
    QTest::newRow("spiral: sigmoid + BCE")
        << net(2, 1, A::Sigmoid) << LossKind::BinaryCrossEntropy << classes(2);
    QTest::newRow("iris: softmax + SCCE")
        << net(4, 3, A::Linear, true) << LossKind::SparseCategoricalCrossEntropy << classes(3, 4);
    QTest::newRow("mnist: softmax + CCE")
        << net(784, 10, A::Linear, true) << LossKind::CategoricalCrossEntropy << classes(10, 784);
    QTest::newRow("regression: linear + MSE") << net(2, 1, A::Linear) << LossKind::MSE << regression(1);
    QTest::newRow("regression: a far target, scaled")
        << net(2, 1, A::Linear) << LossKind::MSE << farTarget(true);
    QTest::newRow("TF Playground: tanh + MSE on two classes")
        << net(2, 1, A::Tanh) << LossKind::MSE << classes(2);
}

void TestFitCheck::rightSetupsPass()
{
    QFETCH(GraphSpec, graph);
    QFETCH(LossKind, loss);
    QFETCH(DataFacts, data);
    const ValidationResult v = validate(graph);
    const auto problems = fitProblems(graph, v, LossParams{loss, 1}, &data);
    QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().diagnostic.message().c_str());
}

void TestFitCheck::nothingWhileTheGraphHasErrors()
{
    GraphSpec g = net(2, 1, ActivationKind::Linear);
    g.edges.pop_back(); // the output is cut off: the graph's own error comes first
    const ValidationResult v = validate(g);
    QVERIFY(!v.ok());
    QVERIFY(fitProblems(g, v, LossParams{LossKind::BinaryCrossEntropy, 1}, nullptr).empty());
}

void TestFitCheck::lossForOutputFitsTheOutput()
{
    // The loss an imported model gets; with it the model passes the checks that do not need data.
    const auto check = [](const GraphSpec &g, LossKind want) {
        const ValidationResult v = validate(g);
        const LossKind k = lossForOutput(g, v);
        QCOMPARE(int(k), int(want));
        QVERIFY(fitProblems(g, v, LossParams{k, 1}, nullptr).empty());
    };
    check(net(2, 3, ActivationKind::Linear, true), LossKind::SparseCategoricalCrossEntropy);
    check(net(2, 1, ActivationKind::Sigmoid), LossKind::BinaryCrossEntropy);
    check(net(2, 1, ActivationKind::Linear), LossKind::MSE);
    check(net(2, 2, ActivationKind::Tanh), LossKind::MSE);
    GraphSpec broken = net(2, 1, ActivationKind::Sigmoid);
    broken.edges.pop_back();
    QVERIFY(lossForOutput(broken, validate(broken)) == LossKind::MSE);
}

void TestFitCheck::divergenceNamesTheVisibleCause()
{
    // A CSV of 40 rows: a feature near 1000, a small one, a target of 25–346 (the trial's regression).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string csv = dir.filePath(QStringLiteral("data.csv")).toStdString();
    {
        std::ofstream out(csv);
        out << "big,small,cls,y\n";
        for (int i = 0; i < 40; ++i)
            out << 900 + i * 5 << "," << (i % 7) * 0.1 << "," << i % 3 << "," << 25 + i * 8 << "\n";
    }
    Project p;
    p.data.kind = DataSourceKind::Csv;
    p.data.path = csv;
    p.data.csv.task = TaskKind::Regression;
    p.data.csv.target = "y";
    p.data.csv.ignore = {"cls"};
    p.graph = net(2, 1, ActivationKind::Linear);
    p.training.loss.kind = LossKind::MSE;
    p.preprocessing.split = {};

    using K = DivergenceCause::Kind;
    DivergenceCause c = likelyDivergenceCause(p, prepareData(p, {}));
    QCOMPARE(c.kind, K::UnscaledInputs);
    QVERIFY(c.magnitude >= 900);
    QVERIFY(divergenceAdvice(c).find("normalise") != std::string::npos);

    p.preprocessing.normalization = NormalizationKind::ZScore; // the inputs are fine now: the target is not
    c = likelyDivergenceCause(p, prepareData(p, {}));
    QCOMPARE(c.kind, K::UnscaledTarget);
    QVERIFY(c.magnitude >= 300);
    QVERIFY(divergenceAdvice(c).find("scale the target") != std::string::npos);
    // The data says so before any run: the fit check warns, with the scaling as its fix.
    PreparedData prepared = prepareData(p, {});
    DataFacts facts = dataFacts(prepared.full);
    QVERIFY(facts.targetFarFromUnitScale);
    const ValidationResult v = validate(p.graph);
    auto problems = fitProblems(p.graph, v, p.training.loss, &facts);
    QCOMPARE(problems.size(), std::size_t(1));
    QCOMPARE(problems.front().diagnostic.code, DiagnosticCode::UnscaledTarget);
    QCOMPARE(problems.front().fix.kind, FitFix::Kind::ScaleTarget);

    // With the scaling on, the network trains on the z-scored target (fitted on the training rows) and the
    // scaler gives the target's own values back.
    p.preprocessing.scaleTarget = true;
    prepared = prepareData(p, {});
    QVERIFY(!prepared.targetScaler.isIdentity());
    QVERIFY(std::abs(prepared.train.y.mean()) < 1e-5);
    QVERIFY(prepared.train.y.cwiseAbs().maxCoeff() < 2.0);
    Matrix back = prepared.train.y;
    prepared.targetScaler.invertInPlace(back);
    for (Eigen::Index k = 0; k < back.cols(); ++k)
        QVERIFY(std::abs(back(0, k) - prepared.full.targets(0, prepared.split.train[std::size_t(k)])) < 1e-3);
    c = likelyDivergenceCause(p, prepared);
    QCOMPARE(c.kind, K::LearningRate); // nothing visible is wrong any more
    facts.targetScaled = true;
    QVERIFY(fitProblems(p.graph, v, p.training.loss, &facts).empty());
    p.preprocessing.scaleTarget = false;

    p.data.csv.task = TaskKind::Classification; // three classes, z-scored inputs: nothing visible is wrong
    p.data.csv.target = "cls";
    p.data.csv.ignore = {"y"};
    p.graph = net(2, 3, ActivationKind::Linear, true);
    p.training.loss.kind = LossKind::SparseCategoricalCrossEntropy;
    c = likelyDivergenceCause(p, prepareData(p, {}));
    QCOMPARE(c.kind, K::LearningRate);
    QVERIFY(divergenceAdvice(c).find("learning rate") != std::string::npos);

    p.training.loss.kind = LossKind::BinaryCrossEntropy; // Softmax with BCE: refused before training
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, prepareData(p, {}));
}

QTEST_GUILESS_MAIN(TestFitCheck)
#include "tst_fit_check.moc"
