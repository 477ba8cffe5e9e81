// Equivalence (issue 2): a fixed 3-4-2 network (tanh hidden layer) with fixed weights, inputs and targets,
// trained through the Trainer for 5 full-batch steps (no shuffling) with SGD + momentum, SGD + Nesterov
// momentum and Adam, for three output/loss pairs: softmax + categorical cross-entropy, sigmoid + binary
// cross-entropy and linear + MSE (the ½ convention of core/losses/loss.h). Each step's loss and the final
// weights must equal what PyTorch 1.13 computes in float64 for the same maths.
//
// Where the numbers come from: tests/train/reference/equivalence_reference.py, run once offline with
// /usr/bin/python3 (Debian's python3-torch 1.13, torch.float64); its printed output is pasted below
// unchanged. The script and this file build the same starting weights from the same formula (fixedValue) and
// the same literal inputs and targets.
//
// This source builds twice: tst_equivalence against the double core (tolerance 1e-9) and
// tst_equivalence_float against the float core the product uses (tolerance 1e-5).
#include "graph/graph_spec.h"
#include "layers/batch_norm.h"
#include "layers/dense.h"
#include "layers/simple_layers.h"
#include "losses/loss.h"
#include "optimizers/optimizer.h"
#include "train/network.h"
#include "train/trainer.h"

#include <QtTest>

#include <array>
#include <cmath>
#include <string>
#include <type_traits>

using namespace nnp;

namespace {

constexpr int kIn = 3, kHidden = 4, kOut = 2, kSamples = 5, kSteps = 5;
constexpr int kParams = kHidden * kIn + kHidden + kOut * kHidden + kOut;
constexpr double kTolerance = std::is_same_v<Scalar, double> ? 1e-9 : 1e-5;

struct Reference {
    const char *name;
    std::array<double, kSteps> losses;  ///< loss of each step's forward pass, before its update
    std::array<double, kParams> params; ///< hidden W (row-major), hidden b, output W (row-major), output b
};

// clang-format off
const Reference kReferences[] = {
    {"cce_sgd",
     {0.7230608247566036, 0.7139410345206687, 0.6975502898733077, 0.6760306216711334, 0.6512528586437757},
     {-0.5781133666566294, -0.8448477188435953, -0.7115759434135418, -0.8615535647414002, 0.8273114436851875, 0.8938274339802222, 0.7226841576634733, 0.48572561234321415, 0.5985762699088203, 0.4132611101882128, 0.17114911818437922, 0.3208169542073301, -0.23522350452727406, -0.2237208086825229, -0.3256445325344602, -0.3648207342464997, -0.16074413885082126, -0.42911645900309703, -0.39917901312168846, -0.5004896723600747, -0.6392558611491788, -0.570883540996903, -0.8008209868783115, -0.8995103276399253, 0.06302090516413142, 0.08697909483586856}},
    {"cce_nesterov",
     {0.7230608247566036, 0.705960760761165, 0.6838405719559314, 0.658524114823386, 0.6309430452022071},
     {-0.5735270783122572, -0.884390593943421, -0.6845459682513539, -0.8557587674599468, 0.8159364153370585, 0.9083627537950983, 0.7251112643951445, 0.4561230020927528, 0.6250958398672948, 0.41363904623313813, 0.13726186324501286, 0.35392619272401105, -0.24439298477881718, -0.21838139648521962, -0.32951948459556213, -0.36483273548179695, -0.140493669432538, -0.45072732866425247, -0.391246108482496, -0.48993354721008325, -0.6595063305674621, -0.5492726713357474, -0.8087538915175042, -0.9100664527899167, 0.05672114678323776, 0.09327885321676227}},
    {"cce_adam",
     {0.7230608247566036, 0.7112873958032608, 0.7002834125244571, 0.6898698943716745, 0.679880459481254},
     {-0.5500896171876644, -0.7500972963858605, -0.7498415994735369, -0.8503205964738532, 0.8502635106547174, 0.8497261247615319, 0.7492982907651669, 0.5503039325031347, 0.5498041178737819, 0.44896937782678464, 0.25039934983474144, 0.24972317471863661, -0.2498269658382645, -0.19990164343111022, -0.3481563465389599, -0.39517910358748337, -0.14977679434671334, -0.34955019567733747, -0.408114655387302, -0.5329694914216312, -0.6502232056532866, -0.6504498043226625, -0.791885344612698, -0.8670305085783688, 0.05222549622769622, 0.09777450377230379}},
    {"bce_sgd",
     {1.5113749693257168, 1.4659194728390517, 1.3866225680286732, 1.2888245935973066, 1.1879660522184725},
     {-0.7536915859379488, -0.7506689852173135, -0.6727861965479309, -0.9020685302611745, 0.8381226274593102, 0.8926455407815906, 0.4513525948145971, 0.5991622195875836, 0.6847485116192108, 0.0764321726623076, 0.28091286171311713, 0.4293507976962463, -0.05969468583357862, -0.1391224339250791, -0.1316079400383435, -0.15652674007343145, -0.32439809690886207, -0.5856018571491743, -0.23810442592240363, -0.4175928966611723, -0.5505731603625706, -0.7585554856489601, -0.6946591737286902, -0.7820846084840064, 0.11461400963536188, -0.24603560666395086}},
    {"bce_nesterov",
     {1.5113749693257168, 1.4266914758929898, 1.3237389620518767, 1.218373486390071, 1.121902541613792},
     {-0.7883209731284994, -0.7568419365694031, -0.6475270249867494, -0.9077659520067718, 0.8252379713652127, 0.9041725747007952, 0.4016552468996691, 0.5863513856590622, 0.7280520043721055, 0.009104462656373392, 0.2687999643777085, 0.4782527898246801, -0.033180877727200825, -0.1197295626148305, -0.10568248731497884, -0.12085833736096392, -0.35987745357457523, -0.6470123702723594, -0.20755257677489128, -0.40799765173764524, -0.5551763424768192, -0.7718680189446525, -0.6909231183592421, -0.7840983759325639, 0.12372319094269242, -0.2982616932218563}},
    {"bce_adam",
     {1.5113749693257168, 1.4828194608857284, 1.4551714671316505, 1.4284499719261976, 1.4026601203054103},
     {-0.6499297707053815, -0.7489555924496193, -0.750262798758775, -0.8673378362448181, 0.8499100648484866, 0.8499255375091167, 0.6501027628750655, 0.6496741823159639, 0.5498600739809384, 0.3501276283757657, 0.24994381831294052, 0.2498757316556211, -0.15015786825809807, -0.20001647043802775, -0.25019525838953144, -0.3001175973396358, -0.2499321988561665, -0.3498473988189682, -0.3502194684155962, -0.4500227128222891, -0.5517095830620642, -0.7501578824514138, -0.7503517148695241, -0.8505531783192789, 0.14968085617630417, 0.00015873491448268814}},
    {"mse_sgd",
     {0.45992301387744144, 0.3663443000538315, 0.2494153065019981, 0.16924850758448656, 0.13463213223465742},
     {-0.5905156698172077, -0.7497504547429552, -0.8993238140596275, -1.000387877933689, 0.9326516228989755, 0.5882356840816004, 0.6652048114197882, 0.6171165107991229, 0.28257929092537915, 0.3504172715619036, 0.2971670187806684, -0.0866614726356639, 0.029496633934121785, -0.20248859423748822, -0.1272028619887292, -0.11837012109539079, -0.3484951497516019, -0.47709640928763675, -0.09430217006421085, -0.2764032577247557, -0.732321984378864, -0.40072982580453853, -0.6582079039610071, -0.8148333421018212, -0.12864747407258886, -0.19519907093490046}},
    {"mse_nesterov",
     {0.45992301387744144, 0.2990703917573495, 0.19190848222813725, 0.13208777001162403, 0.0954806664588367},
     {-0.5887446719559047, -0.7718945798572079, -0.8984760829063447, -1.0098989687146283, 0.9230491487672294, 0.5774955469991304, 0.665268622897583, 0.6008351752562617, 0.2640978515853646, 0.34118886701749135, 0.27425629720526923, -0.1097934725796828, 0.012659639451934707, -0.23326058763573346, -0.16853106970991866, -0.1700063253940996, -0.3760330722580293, -0.5177343472994494, -0.05209474304854564, -0.24779619826363725, -0.7657334869719675, -0.371499114450495, -0.6560854048700645, -0.8296994512195585, -0.12013819346852585, -0.1422022078209088}},
    {"mse_adam",
     {0.45992301387744144, 0.4187674769587179, 0.38079734242398944, 0.3460309759380785, 0.31440165749075044},
     {-0.5521009945572767, -0.7500454624528715, -0.8496621525764304, -0.9495160973385715, 0.9480679115397106, 0.7504995171402242, 0.6564021094394508, 0.6474948224495295, 0.4503418866906599, 0.3610140142117329, 0.34337036289730233, 0.15037076336322555, -0.15036344193254178, -0.20129721545644905, -0.2507519573700062, -0.30066511295514325, -0.24987027514435967, -0.3499350557207238, -0.35035329222368045, -0.4504239150283308, -0.6501537652521259, -0.6501348468265797, -0.7509096510427146, -0.851155376257764, 0.05043158051418033, 0.0006354799277774291}},
};
// clang-format on

/// The script's fixed(): ((k*37 + salt) % 19 - 9) / 10 for the row-major element index k.
double fixedValue(int k, int salt)
{
    return double((k * 37 + salt) % 19 - 9) / 10.0;
}

Matrix fixedMatrix(int rows, int cols, int salt, double scale = 1.0)
{
    Matrix m(rows, cols);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            m(r, c) = static_cast<Scalar>(fixedValue(r * cols + c, salt) * scale);
    return m;
}

Matrix rowMajor(int rows, int cols, std::initializer_list<double> values)
{
    Matrix m(rows, cols);
    auto it = values.begin();
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            m(r, c) = static_cast<Scalar>(*it++);
    return m;
}

Matrix inputs()
{
    return rowMajor(kIn, kSamples,
                    {0.5, -1.0, 1.5, 0.0, -0.3, //
                     -0.2, 0.8, 0.1, -1.2, 0.7, //
                     1.0, 0.3, -0.6, 0.4, -0.9});
}

Matrix targets(LossKind loss)
{
    switch (loss) {
    case LossKind::CategoricalCrossEntropy: // labels 0 1 1 0 1, one-hot
        return rowMajor(kOut, kSamples, {1, 0, 0, 1, 0, 0, 1, 1, 0, 1});
    case LossKind::BinaryCrossEntropy:
        return rowMajor(kOut, kSamples, {1, 0, 1, 1, 0, 0, 0, 1, 0, 1});
    default:
        return rowMajor(kOut, kSamples, {0.3, -0.5, 0.8, 0.1, -0.2, 1.0, 0.2, -0.4, 0.6, 0.0});
    }
}

GraphSpec spec(LossKind loss)
{
    GraphSpec g;
    LayerOptions in;
    in.set(opt::input::shape, {kIn});
    LayerOptions hidden;
    hidden.set(opt::dense::units, kHidden);
    hidden.set(opt::activation, ActivationKind::Tanh);
    LayerOptions out;
    out.set(opt::dense::units, kOut);
    out.set(opt::activation,
            loss == LossKind::BinaryCrossEntropy ? ActivationKind::Sigmoid : ActivationKind::Linear);
    const NodeId i = g.addNode(LayerKind::Input, "in", in);
    const NodeId h = g.addNode(LayerKind::Dense, "hidden", hidden);
    const NodeId o = g.addNode(LayerKind::Dense, "out", out);
    g.connect(i, h);
    g.connect(h, o);
    if (loss == LossKind::CategoricalCrossEntropy) {
        const NodeId s = g.addNode(LayerKind::Softmax, "softmax");
        g.connect(o, s);
    }
    return g;
}

/// Sets the starting weights of the script through Network::parameters().
void setFixedWeights(Network &net)
{
    const Matrix values[] = {fixedMatrix(kHidden, kIn, 3), fixedMatrix(kHidden, 1, 5, 0.5),
                             fixedMatrix(kOut, kHidden, 7), fixedMatrix(kOut, 1, 11, 0.5)};
    auto params = net.parameters();
    QCOMPARE(params.size(), std::size_t(4));
    for (std::size_t k = 0; k < params.size(); ++k) {
        QCOMPARE(params[k].ref.value->rows(), values[k].rows());
        QCOMPARE(params[k].ref.value->cols(), values[k].cols());
        *params[k].ref.value = values[k];
    }
}

/// The parameters flattened as the script prints them (weights row-major).
std::vector<double> flatParameters(Network &net)
{
    std::vector<double> r;
    for (const auto &p : net.parameters())
        for (Eigen::Index row = 0; row < p.ref.value->rows(); ++row)
            for (Eigen::Index col = 0; col < p.ref.value->cols(); ++col)
                r.push_back(double((*p.ref.value)(row, col)));
    return r;
}

LossKind lossOf(const std::string &name)
{
    if (name.starts_with("cce")) return LossKind::CategoricalCrossEntropy;
    if (name.starts_with("bce")) return LossKind::BinaryCrossEntropy;
    return LossKind::MSE;
}

OptimizerConfig optimizerOf(const std::string &name)
{
    if (name.ends_with("adam")) {
        OptimizerConfig c = defaultOptimizerConfig(OptimizerKind::Adam);
        c.learningRate = 0.01;
        c.beta1 = 0.9;
        c.beta2 = 0.999;
        c.epsilon = 1e-8;
        return c;
    }
    OptimizerConfig c = defaultOptimizerConfig(OptimizerKind::SGD);
    c.learningRate = 0.1;
    c.momentum = 0.9;
    c.nesterov = name.ends_with("nesterov");
    return c;
}

} // namespace

class TestEquivalence : public QObject {
    Q_OBJECT

private slots:
    void matchesPyTorch_data()
    {
        QTest::addColumn<int>("index");
        for (int k = 0; k < int(std::size(kReferences)); ++k)
            QTest::newRow(kReferences[k].name) << k;
    }

    void matchesPyTorch()
    {
        QFETCH(int, index);
        const Reference &ref = kReferences[index];
        const LossKind loss = lossOf(ref.name);

        Network net = Network::build(spec(loss), 123);
        setFixedWeights(net);
        TrainingConfig config;
        config.loss.kind = loss;
        config.optimizer = optimizerOf(ref.name);
        config.batchSize = kSamples; // the whole batch, one step per epoch
        config.shuffle = false;
        config.epochs = kSteps;
        config.seed = 7;
        Trainer trainer(net, config, {inputs(), targets(loss)});
        QVERIFY2(net.fusedOutput() == (loss != LossKind::MSE), "the loss should be computed from the logits");

        for (int s = 0; s < kSteps; ++s) {
            const double l = trainer.runBatch();
            QVERIFY2(std::abs(l - ref.losses[std::size_t(s)]) <= kTolerance,
                     qPrintable(QStringLiteral("step %1: loss %2, PyTorch %3")
                                    .arg(s + 1)
                                    .arg(l, 0, 'g', 17)
                                    .arg(ref.losses[std::size_t(s)], 0, 'g', 17)));
        }
        QCOMPARE(trainer.step(), (long long)kSteps);
        QCOMPARE(trainer.epoch(), kSteps);
        QCOMPARE(trainer.history().size(), std::size_t(kSteps));
        for (int s = 0; s < kSteps; ++s) // one batch per epoch: the epoch loss is the step's loss
            QVERIFY(std::abs(trainer.history()[std::size_t(s)].trainLoss - ref.losses[std::size_t(s)]) <=
                    kTolerance);

        const auto params = flatParameters(net);
        QCOMPARE(params.size(), std::size_t(kParams));
        double worst = 0;
        for (int k = 0; k < kParams; ++k) {
            const double err = std::abs(params[std::size_t(k)] - ref.params[std::size_t(k)]);
            worst = std::max(worst, err);
            QVERIFY2(err <= kTolerance, qPrintable(QStringLiteral("parameter %1: %2, PyTorch %3")
                                                       .arg(k)
                                                       .arg(params[std::size_t(k)], 0, 'g', 17)
                                                       .arg(ref.params[std::size_t(k)], 0, 'g', 17)));
        }
        qInfo("%s: largest parameter difference from PyTorch %.3g", ref.name, worst);
    }
};

QTEST_GUILESS_MAIN(TestEquivalence)
#include "tst_equivalence.moc"
