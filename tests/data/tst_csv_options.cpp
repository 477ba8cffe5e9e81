// The CSV options users asked for (issue 13): a column forced categorical, a missing-value policy (refuse,
// drop_rows, fill_mean) with what it did counted, files without a header, a split column or a separate test
// file, and more than 100 categories up to a limit that follows the memory budget. Each is read and written
// by the project file and reaches prepareData.
#include "data/csv.h"
#include "data/data_error.h"
#include "io/project.h"
#include "layers/simple_layers.h"
#include "memory_budget.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace nnp;

namespace {

template <class F> DataError expectError(F f)
{
    try {
        f();
    } catch (const DataError &e) {
        return e;
    }
    QTest::qFail("no DataError thrown", __FILE__, __LINE__);
    return DataError("none");
}

bool mentions(const DataError &e, const char *text)
{
    return std::string(e.what()).find(text) != std::string::npos;
}

void write(const QString &path, const std::string &text)
{
    std::ofstream f(path.toStdString(), std::ios::binary);
    f << text;
    QVERIFY(f.good());
}

const char *kWithGaps = "size,colour,price\n"
                        "1,red,10\n"
                        ",blue,20\n"  // line 3: empty number
                        "3,?,30\n"    // line 4: "?" in a categorical column
                        "NA,red,40\n" // line 5: "NA" in a numeric column
                        "5,red,50\n"
                        "7,blue,60\n";

} // namespace

class TestCsvOptions : public QObject {
    Q_OBJECT

private slots:
    void aNumericColumnForcedCategorical()
    {
        const std::string text = "zone,x,y\n1,0.5,a\n2,1.5,b\n3,2.5,a\n1,3.5,b\n";
        const CsvData plain = parseCsv(text);
        QCOMPARE(plain.data.features(), 2); // zone is a number by default
        CsvOptions o;
        o.categorical = {"zone"};
        const CsvData d = parseCsv(text, o);
        QCOMPARE(d.data.features(), 4);
        QVERIFY(d.schema.features[0].categorical);
        QCOMPARE(d.data.featureNames, (std::vector<std::string>{"zone=1", "zone=2", "zone=3", "x"}));
        QCOMPARE(d.data.x(1, 1), Scalar(1)); // row 2 is zone 2
        QCOMPARE(d.data.x(0, 1), Scalar(0));
        const Matrix x = encodeCsvFeatures("zone,x\n3,9\n", d.schema);
        QCOMPARE(x.col(0), (Vector(4) << 0, 0, 1, 9).finished());
        o.categorical = {"y"}; // the target
        QVERIFY(mentions(expectError([&] { parseCsv(text, o); }), "classification"));
        o.categorical = {"nope"};
        QVERIFY(mentions(expectError([&] { parseCsv(text, o); }), "\"nope\""));
    }

    void missingValuesAreRefusedByDefaultWithLineAndColumn()
    {
        const DataError e = expectError([] { parseCsv(kWithGaps, {}, "gaps.csv"); });
        QCOMPARE(e.line(), 3);
        QCOMPARE(e.column(), 1);
        QVERIFY2(mentions(e, "drop_rows"), e.what()); // the message names the way out
    }

    void dropRowsLeavesOutEveryRowWithAGap()
    {
        CsvOptions o;
        o.missing = CsvMissing::DropRows;
        o.task = TaskKind::Regression;
        const CsvData d = parseCsv(kWithGaps, o);
        QCOMPARE(d.data.size(), 3); // lines 2, 6, 7
        QVERIFY(d.missing.policy == CsvMissing::DropRows);
        QCOMPARE(d.missing.droppedRows, 3LL);
        QCOMPARE(d.schema.features[1].categories, (std::vector<std::string>{"blue", "red"})); // no "?"
        QCOMPARE(d.data.targets(0, 2), Scalar(60));
        QCOMPARE(d.data.x(0, 1), Scalar(5));
        o.missing = CsvMissing::DropRows;
        const DataError none = expectError([&] { parseCsv("a,b\n,1\nNA,2\n", o); });
        QVERIFY2(mentions(none, "drop_rows"), none.what());
    }

    void fillMeanFillsNumbersWithTheMeanAndCategoriesWithTheMostFrequent()
    {
        CsvOptions o;
        o.missing = CsvMissing::FillMean;
        const CsvData d = parseCsv(kWithGaps, o);
        QCOMPARE(d.data.size(), 6);
        QCOMPARE(d.missing.filledCells, 3LL);
        QCOMPARE(d.schema.features[0].fill, std::string("4")); // (1 + 3 + 5 + 7) / 4
        QCOMPARE(d.schema.features[1].fill, std::string("red"));
        QCOMPARE(d.data.x(0, 1), Scalar(4)); // line 3
        QCOMPARE(d.data.x(0, 3), Scalar(4)); // line 5
        QCOMPARE(d.data.x(2, 2), Scalar(1)); // line 4: "?" became red (colour=blue, colour=red)
        QCOMPARE(d.data.x(1, 2), Scalar(0));
        // New rows with gaps are filled the same way.
        const Matrix x = encodeCsvFeatures("size,colour\n,NA\n2,blue\n", d.schema);
        QCOMPARE(x.col(0), (Vector(3) << 4, 0, 1).finished());
        QCOMPARE(x.col(1), (Vector(3) << 2, 1, 0).finished());
        // A target is never invented.
        const DataError t = expectError([&] { parseCsv("a,b\n1,2\n2,\n", o, "t.csv"); });
        QCOMPARE(t.line(), 3);
        QCOMPARE(t.column(), 2);
        QVERIFY2(mentions(t, "target"), t.what());
    }

    void aFileWithoutAHeader()
    {
        CsvOptions o;
        o.header = false;
        const CsvData d = parseCsv("1,2,a\n3,4,b\n5,6,a\n", o);
        QCOMPARE(d.data.size(), 3);
        QCOMPARE(d.data.featureNames, (std::vector<std::string>{"c1", "c2"}));
        QCOMPARE(d.schema.target.name, std::string("c3"));
        QCOMPARE(d.data.x(0, 0), Scalar(1));
        QVERIFY(!d.schema.header);
        // New rows come without a header too (by position), or with c1 … cN.
        const Matrix byPosition = encodeCsvFeatures("7,8\n9,10\n", d.schema);
        QCOMPARE(byPosition.cols(), Eigen::Index(2));
        QCOMPARE(byPosition(1, 0), Scalar(8));
        const Matrix named = encodeCsvFeatures("c2,c1\n8,7\n", d.schema);
        QCOMPARE(named.col(0), (Vector(2) << 7, 8).finished());
        o.target = "c1";
        const CsvData first = parseCsv("1,2,3\n0,5,6\n", o);
        QCOMPARE(first.data.featureNames, (std::vector<std::string>{"c2", "c3"}));
    }

    void aSplitColumnChoosesEachRowsSplit()
    {
        const std::string text = "x,part,y\n1,train,a\n2,test,b\n3,Train,a\n4,validation,b\n5,train,b\n"
                                 "6,TEST,a\n";
        CsvOptions o;
        o.splitColumn = "part";
        const CsvData d = parseCsv(text, o);
        QCOMPARE(d.data.features(), 1); // the split column is no feature
        const SplitIndices s = splitCsvRows(d.data, d.rowSplit, SplitConfig{0.3, 0.3, true, 7});
        QCOMPARE(s.train, (std::vector<int>{0, 2, 4}));
        QCOMPARE(s.validation, (std::vector<int>{3}));
        QCOMPARE(s.test, (std::vector<int>{1, 5}));
        const DataError bad =
            expectError([&] { parseCsv("x,part,y\n1,train,a\n2,holdout,b\n", o, "s.csv"); });
        QCOMPARE(bad.line(), 3);
        QCOMPARE(bad.column(), 2);
        QVERIFY2(mentions(bad, "holdout"), bad.what());
        const DataError noTrain = expectError(
            [&] { (void)splitCsvRows(d.data, std::vector<CsvRowSplit>(6, CsvRowSplit::Test), {}); });
        QVERIFY2(mentions(noTrain, "training"), noTrain.what());
    }

    void aSeparateTestFile()
    {
        CsvOptions o;
        o.testPath = "test.csv";
        const CsvData d = parseCsv("x,y\n1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n", o, "train.csv", nullptr,
                                   "x,y\n7,b\n8,a\n", "test.csv");
        QCOMPARE(d.data.size(), 8);
        QCOMPARE(d.data.x(0, 7), Scalar(8));
        const SplitIndices s = splitCsvRows(d.data, d.rowSplit, SplitConfig{0.0, 0.5, true, 1});
        QCOMPARE(s.test, (std::vector<int>{6, 7})); // the test fraction is not used
        QCOMPARE(s.train, (std::vector<int>{0, 1, 2, 3, 4, 5}));
        const DataError header =
            expectError([&] { parseCsv("x,y\n1,a\n", o, "train.csv", nullptr, "y,x\na,1\n", "test.csv"); });
        QCOMPARE(header.path(), std::string("test.csv"));
        const DataError cell = expectError(
            [&] { parseCsv("x,y\n1,a\n", o, "train.csv", nullptr, "x,y\n2,b\n,a\n", "test.csv"); });
        QCOMPARE(cell.path(), std::string("test.csv"));
        QCOMPARE(cell.line(), 3);
        o.splitColumn = "x";
        QVERIFY(mentions(expectError([&] { parseCsv("x,y\n1,a\n", o, "t.csv", nullptr, "x,y\n1,a\n"); }),
                         "not both"));
    }

    // Today's limit was 100 categories; many more are fine while the one-hot data fits the memory budget.
    void manyCategoriesUpToTheMemoryBudget()
    {
        std::string text = "name,v\n";
        for (int i = 0; i < 1500; ++i)
            text += "person" + std::to_string(i) + "," + std::to_string(i % 2) + "\n";
        const CsvData d = parseCsv(text, {}, "people.csv");
        QCOMPARE(d.data.features(), 1500);
        const std::uint64_t before = memoryLimit();
        setMemoryLimit(4'000'000); // 1500 x 1500 x 2 x 4 bytes = 18 MB
        const DataError e = expectError([&] { parseCsv(text, {}, "people.csv"); });
        setMemoryLimit(before);
        QVERIFY2(mentions(e, "\"name\"") && mentions(e, "1500 categories") && mentions(e, "id column"),
                 e.what());
        std::string huge = "name,v\n";
        for (std::size_t i = 0; i <= kMaxCsvCategories; ++i)
            huge += "p" + std::to_string(i) + ",1\n";
        const DataError h = expectError([&] { parseCsv(huge, {}, "huge.csv"); });
        QCOMPARE(h.column(), 1);
        QVERIFY2(mentions(h, "\"name\"") && mentions(h, "10000") && mentions(h, "id column"), h.what());
    }

    void theOptionsRoundTripThroughTheProjectFile()
    {
        Project p;
        p.data.kind = DataSourceKind::Csv;
        p.data.path = "train.csv";
        p.data.csv.categorical = {"zone"};
        p.data.csv.missing = CsvMissing::FillMean;
        p.data.csv.header = false;
        p.data.csv.testPath = "test.csv";
        CsvOptions o;
        o.header = false;
        o.missing = CsvMissing::FillMean;
        p.csvSchema = parseCsv("1,a,5\n,b,6\n3,?,7\n", o).schema;
        const std::string text = projectToText(p);
        const Project back = parseProject(text);
        QCOMPARE(back.data, p.data);
        QVERIFY(back.csvSchema.has_value());
        QCOMPARE(back.csvSchema->features[0].fill, std::string("2"));
        QCOMPARE(back.csvSchema->features[1].fill, p.csvSchema->features[1].fill);
        QVERIFY(!back.csvSchema->header);
        Project split = p;
        split.data.csv.testPath.clear();
        split.data.csv.splitColumn = "part";
        QCOMPARE(parseProject(projectToText(split)).data, split.data);
        // Defaults write no new keys; a bad policy or a fill value that is not one of the column's is
        // refused.
        Project plain;
        plain.data.kind = DataSourceKind::Csv;
        plain.data.path = "a.csv";
        for (const char *key :
             {"\"missing\"", "\"header\"", "\"split_column\"", "\"test_path\"", "\"categorical\""})
            QVERIFY2(projectToText(plain).find(key) == std::string::npos, key);
        std::string badPolicy = text;
        badPolicy.replace(badPolicy.find("\"fill_mean\""), 11, "\"guess\"");
        QVERIFY_THROWS_EXCEPTION(ProjectError, parseProject(badPolicy));
        std::string badFill = text;
        badFill.replace(badFill.find("\"fill\": \"2\""), 11, "\"fill\": \"x\"");
        QVERIFY_THROWS_EXCEPTION(ProjectError, parseProject(badFill));
    }

    void prepareDataUsesTheSplitColumnAndTheTestFile()
    {
        QTemporaryDir dir;
        std::string train = "x,part,y\n", test = "x,part,y\n";
        for (int i = 0; i < 40; ++i)
            train +=
                std::to_string(i) + "," + (i % 4 == 0 ? "test" : "train") + "," + (i % 2 ? "a" : "b") + "\n";
        for (int i = 0; i < 6; ++i)
            test += std::to_string(100 + i) + ",train," + (i % 2 ? "a" : "b") + "\n";
        write(dir.filePath("train.csv"), train);
        write(dir.filePath("test.csv"), test);
        Project p;
        p.data.kind = DataSourceKind::Csv;
        p.data.path = "train.csv";
        p.data.csv.splitColumn = "part";
        p.graph = makeMlp(1, {}, 1, ActivationKind::ReLU, ActivationKind::Sigmoid);
        p.training.loss.kind = LossKind::BinaryCrossEntropy;
        PreparedData d = prepareData(p, dir.path().toStdString());
        QCOMPARE(d.test.x.cols(), Eigen::Index(10));
        QCOMPARE(d.train.x.cols(), Eigen::Index(30));
        QVERIFY(d.csvMissing && d.csvMissing->policy == CsvMissing::Refuse);

        p.data.csv.splitColumn.clear();
        p.data.csv.ignore = {"part"};
        p.data.csv.testPath = "test.csv";
        p.preprocessing.split = SplitConfig{0.25, 0.5, true, 3};
        d = prepareData(p, dir.path().toStdString());
        QCOMPARE(d.test.x.cols(), Eigen::Index(6));
        QCOMPARE(d.validation.x.cols(), Eigen::Index(10));
        QCOMPARE(d.train.x.cols(), Eigen::Index(30));
        QCOMPARE(d.full.x(0, d.split.test.front()), Scalar(100));
        p.data.csv.testPath = "gone.csv";
        try {
            (void)prepareData(p, dir.path().toStdString());
            QFAIL("a missing test file was accepted");
        } catch (const ProjectError &e) {
            QCOMPARE(e.jsonPath(), std::string("/data/csv/test_path"));
        }
    }
};

QTEST_APPLESS_MAIN(TestCsvOptions)
#include "tst_csv_options.moc"
