// Issue 10 (Data): CSV images get an image-shape option. A CSV whose feature columns are pixels declares
// [C, H, W] in the project's data block; the data then has that sample shape (an Input of that shape feeds
// Conv2D), a shape whose C·H·W differs from the feature count is refused with both numbers, and the option
// round-trips through the project file.
#include "data/csv.h"
#include "data/data_error.h"
#include "io/project.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/simple_layers.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace nnp;

namespace {

template <class F> std::string errorOf(F f)
{
    try {
        f();
    } catch (const std::exception &e) {
        return e.what();
    }
    return {};
}

/// Two 2×2 images (pixels p0 … p3, row-major) and a label.
const char *kTiny = "p0,p1,p2,p3,label\n"
                    "0,255,10,20,a\n"
                    "255,0,30,40,b\n"
                    "128,64,50,60,a\n";

/// A CNN for [1, 8, 8] images of 10 classes: Conv2D 4 3×3 → MaxPool 2×2 → Flatten → Dense 10 → Softmax.
GraphSpec smallCnn(std::vector<int> shape)
{
    GraphSpec g;
    const NodeId in = g.addNode(LayerKind::Input, "pixels");
    g.find(in)->options.set(opt::input::shape, std::move(shape));
    const NodeId conv = g.addNode(LayerKind::Conv2D, "conv");
    g.find(conv)->options.set(opt::conv2d::filters, 4);
    const NodeId pool = g.addNode(LayerKind::MaxPool2D, "pool");
    const NodeId flat = g.addNode(LayerKind::Flatten, "flat");
    const NodeId dense = g.addNode(LayerKind::Dense, "logits");
    g.find(dense)->options.set(opt::dense::units, 10);
    const NodeId soft = g.addNode(LayerKind::Softmax, "probabilities");
    g.connect(in, conv);
    g.connect(conv, pool);
    g.connect(pool, flat);
    g.connect(flat, dense);
    g.connect(dense, soft);
    return g;
}

} // namespace

class TestCsvImage : public QObject {
    Q_OBJECT

private slots:
    void theDataHasTheDeclaredShape()
    {
        CsvOptions o;
        QCOMPARE(parseCsv(kTiny, o).data.sampleShape.dims, (std::vector<int>{4})); // flat by default
        o.imageShape = {1, 2, 2};
        const CsvData d = parseCsv(kTiny, o);
        QCOMPARE(d.data.sampleShape.dims, (std::vector<int>{1, 2, 2}));
        QCOMPARE(d.data.features(), 4);
        // The pixels stay raw (scaling them is the project's normalisation), row-major per image.
        QCOMPARE(d.data.x(1, 0), Scalar(255));
        QCOMPARE(d.data.x(3, 2), Scalar(60));
        QCOMPARE(d.data.classes, 2);
    }

    void aShapeThatDoesNotFitIsRefusedNamingBothCounts()
    {
        CsvOptions o;
        o.imageShape = {1, 3, 3};
        std::string e = errorOf([&] { parseCsv(kTiny, o, "tiny.csv"); });
        QVERIFY2(e.find("[1, 3, 3]") != std::string::npos && e.find("9 pixels") != std::string::npos &&
                     e.find("4 feature columns") != std::string::npos &&
                     e.find("tiny.csv") != std::string::npos,
                 e.c_str());
        o.imageShape = {2, 2};
        e = errorOf([&] { parseCsv(kTiny, o); });
        QVERIFY2(e.find("[channels, height, width]") != std::string::npos, e.c_str());
        o.imageShape = {1, 2, 2};
        o.ignore = {"p3"};
        e = errorOf([&] { parseCsv(kTiny, o); });
        QVERIFY2(e.find("4 pixels") != std::string::npos && e.find("3 feature columns") != std::string::npos,
                 e.c_str());
        // A categorical column is no pixel, even when the counts would fit.
        o.ignore.clear();
        o.imageShape = {1, 1, 5};
        o.categorical = {"p0"};
        e = errorOf([&] { parseCsv("p0,p1,label\n1,2,a\n3,4,b\n1,5,a\n", o); });
        QVERIFY2(e.find("\"p0\" is not numeric") != std::string::npos, e.c_str());
    }

    void theOptionRoundTripsThroughTheProjectFile()
    {
        Project p;
        p.data.kind = DataSourceKind::Csv;
        p.data.path = "digits.csv";
        p.data.csv.imageShape = {1, 8, 8};
        const std::string text = projectToText(p);
        QVERIFY(text.find("\"image_shape\"") != std::string::npos);
        QCOMPARE(parseProject(text).data, p.data);
        Project flat = p;
        flat.data.csv.imageShape.clear();
        QVERIFY(projectToText(flat).find("\"image_shape\"") == std::string::npos);
        QCOMPARE(parseProject(projectToText(flat)).data, flat.data);
        for (const char *bad : {"[1, 8]", "[0, 8, 8]", "[1, 8, 8, 1]", "\"8x8\""}) {
            std::string t = text;
            const std::size_t at = t.find("\"image_shape\"");
            const std::size_t end = t.find(']', at) + 1;
            t.replace(at, end - at, std::string("\"image_shape\": ") + bad);
            const std::string e = errorOf([&] { parseProject(t); });
            QVERIFY2(e.find("image_shape") != std::string::npos, bad);
        }
    }

    void prepareDataFeedsAConvolutionAndRefusesAWrongShape()
    {
        QTemporaryDir dir;
        {
            std::ofstream f(dir.filePath("img.csv").toStdString(), std::ios::binary);
            for (int c = 0; c < 64; ++c)
                f << 'p' << c << ',';
            f << "digit\n";
            for (int i = 0; i < 30; ++i) {
                for (int c = 0; c < 64; ++c)
                    f << (c * 7 + i * 13) % 256 << ',';
                f << i % 10 << '\n';
            }
        }
        Project p;
        p.data.kind = DataSourceKind::Csv;
        p.data.path = "img.csv";
        p.data.csv.imageShape = {1, 8, 8};
        p.preprocessing.normalization = NormalizationKind::Pixels;
        p.graph = smallCnn({1, 8, 8});
        p.training.loss.kind = LossKind::SparseCategoricalCrossEntropy;
        const PreparedData d = prepareData(p, dir.path().toStdString());
        QCOMPARE(d.full.sampleShape.dims, (std::vector<int>{1, 8, 8}));
        QCOMPARE(d.train.x.rows(), Eigen::Index(64));
        QVERIFY(d.train.x.maxCoeff() <= 1.0f); // ÷255, as the project says
        p.data.csv.imageShape = {1, 8, 9};
        const std::string e = errorOf([&] { (void)prepareData(p, dir.path().toStdString()); });
        QVERIFY2(e.find("72 pixels") != std::string::npos &&
                     e.find("64 feature columns") != std::string::npos,
                 e.c_str());
    }
};

QTEST_APPLESS_MAIN(TestCsvImage)
#include "tst_csv_image.moc"
