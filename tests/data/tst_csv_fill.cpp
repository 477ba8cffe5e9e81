// Missing values filled with the most frequent value (numbers too, counted by value) or with a value the user
// gives (issue 13): the cells filled, what the load reports, the fill kept in the schema for new rows at
// prediction, and both policies through the project writer and reader.
#include "data/csv.h"
#include "data/data_error.h"
#include "io/project.h"

#include <QtTest>

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

// size: 2 four times by value ("2", "2.0", "2.00", "2") but "5" is the most frequent text (three times); its
// mean is 23 / 7. colour: blue three times, red twice.
const char *kGaps = "size,colour,price\n"
                    "2,red,10\n"
                    ",blue,20\n" // line 3
                    "2.0,?,30\n" // line 4
                    "5,red,40\n"
                    "NA,blue,50\n" // line 6
                    "5,blue,60\n"
                    "2.00,,70\n" // line 8
                    "5,blue,80\n"
                    "2,blue,90\n";

} // namespace

class TestCsvFill : public QObject {
    Q_OBJECT

private slots:
    void thePoliciesHaveNames()
    {
        QCOMPARE(toString(CsvMissing::FillMostFrequent), std::string_view("fill_most_frequent"));
        QCOMPARE(toString(CsvMissing::FillValue), std::string_view("fill_value"));
        for (CsvMissing m : allCsvMissing())
            QVERIFY(csvMissingFromString(toString(m)) == m);
        QVERIFY(fillsMissing(CsvMissing::FillValue) && !fillsMissing(CsvMissing::DropRows));
    }

    void mostFrequentFillsNumbersByValueAndCategoriesByCell()
    {
        CsvOptions o;
        o.task = TaskKind::Regression;
        o.missing = CsvMissing::FillMostFrequent;
        const CsvData d = parseCsv(kGaps, o);
        QCOMPARE(d.data.size(), 9);
        QVERIFY(d.missing.policy == CsvMissing::FillMostFrequent);
        QCOMPARE(d.missing.filledCells, 4LL);
        QCOMPARE(d.schema.features[0].fill, std::string("2")); // not "5" (by text), not 3.29 (the mean)
        QCOMPARE(d.schema.features[1].fill, std::string("blue"));
        QCOMPARE(d.data.x(0, 1), Scalar(2)); // line 3
        QCOMPARE(d.data.x(0, 4), Scalar(2)); // line 6
        QCOMPARE(d.data.x(1, 2), Scalar(1)); // line 4: "?" became blue (colour=blue, colour=red)
        QCOMPARE(d.data.x(1, 6), Scalar(1)); // line 8
        QCOMPARE(d.data.x(2, 6), Scalar(0));
        // The mean policy still fills numbers with the mean.
        o.missing = CsvMissing::FillMean;
        QCOMPARE(parseCsv(kGaps, o).data.x(0, 1), Scalar(23.0 / 7.0));
        // A new row with gaps at prediction.
        const Matrix x = encodeCsvFeatures("size,colour\nNA,\n", d.schema);
        QCOMPARE(x.col(0), (Vector(3) << 2, 1, 0).finished());
    }

    void mostFrequentWithADecimalCommaIsWrittenWithAPoint()
    {
        CsvOptions o;
        o.missing = CsvMissing::FillMostFrequent;
        const CsvData d = parseCsv("a;b\n1,5;x\n;y\n1,5;x\n2;y\n", o);
        QCOMPARE(d.schema.features[0].fill, std::string("1.5"));
        QCOMPARE(d.data.x(0, 1), Scalar(1.5));
        Project p;
        p.csvSchema = d.schema;
        QCOMPARE(parseProject(projectToText(p)).csvSchema->features[0].fill, std::string("1.5"));
    }

    void aValueGivenFillsEveryColumn()
    {
        CsvOptions o;
        o.task = TaskKind::Regression;
        o.missing = CsvMissing::FillValue;
        o.fillValue = "-1";
        const CsvData d = parseCsv(kGaps, o);
        QCOMPARE(d.missing.filledCells, 4LL);
        QCOMPARE(d.missing.fillValue, std::string("-1"));
        QCOMPARE(d.schema.features[0].fill, std::string("-1"));
        QCOMPARE(d.data.x(0, 1), Scalar(-1));
        QCOMPARE(d.data.x(0, 4), Scalar(-1));
        QCOMPARE(d.data.x(0, 2), Scalar(2)); // a present cell is left alone
        // A categorical column takes the value as a category of its own, in byte order.
        QCOMPARE(d.schema.features[1].categories, (std::vector<std::string>{"-1", "blue", "red"}));
        QCOMPARE(d.schema.features[1].fill, std::string("-1"));
        QCOMPARE(d.data.x(1, 2), Scalar(1)); // line 4: colour=-1
        QCOMPARE(d.data.x(2, 2) + d.data.x(3, 2), Scalar(0));
        const Matrix x = encodeCsvFeatures("size,colour\n,NA\n5,red\n", d.schema);
        QCOMPARE(x.col(0), (Vector(4) << -1, 1, 0, 0).finished());
        QCOMPARE(x.col(1), (Vector(4) << 5, 0, 0, 1).finished());
        // A column with no gap gains no category, and a missing cell there at prediction is an error.
        CsvOptions seven;
        seven.missing = CsvMissing::FillValue;
        seven.fillValue = "7";
        const CsvData full = parseCsv("a,colour,y\n,red,1\n2,blue,2\n", seven);
        QCOMPARE(full.schema.features[1].categories, (std::vector<std::string>{"blue", "red"}));
        QVERIFY(full.schema.features[1].fill.empty());
        QCOMPARE(full.data.x(0, 0), Scalar(7));
        QVERIFY_THROWS_EXCEPTION(DataError, encodeCsvFeatures("a,colour\n1,\n", full.schema));
    }

    void aValueGivenInAnIdColumnJoinsItsVocabulary()
    {
        CsvOptions o;
        o.ids = {"user"};
        o.missing = CsvMissing::FillValue;
        o.fillValue = "anonymous";
        const CsvData d = parseCsv("user,x,y\nann,1,a\n,2,b\nbob,3,a\n", o);
        QCOMPARE(d.schema.features[0].categories, (std::vector<std::string>{"ann", "anonymous", "bob"}));
        QCOMPARE(d.data.x(0, 1), Scalar(2)); // id of "anonymous"
        QCOMPARE(d.schema.features[0].fill, std::string("anonymous"));
        QVERIFY(d.schema.features[1].fill.empty()); // x has no gap: a text cannot fill its numbers
        QVERIFY_THROWS_EXCEPTION(DataError, encodeCsvFeatures("user,x\nann,\n", d.schema));
    }

    void aValueThatCannotFillIsRefused()
    {
        CsvOptions o;
        o.task = TaskKind::Regression;
        o.missing = CsvMissing::FillValue;
        o.fillValue = "unknown";
        const DataError e = expectError([&] { parseCsv(kGaps, o, "gaps.csv"); });
        QCOMPARE(e.column(), 1);
        QVERIFY2(mentions(e, "\"unknown\"") && mentions(e, "not a number") && mentions(e, "\"size\""),
                 e.what());
        o.fillValue.clear();
        const DataError none = expectError([&] { parseCsv(kGaps, o, "gaps.csv"); });
        QVERIFY2(mentions(none, "fill_value"), none.what());
        o.fillValue = "NA";
        const DataError marker = expectError([&] { parseCsv(kGaps, o, "gaps.csv"); });
        QVERIFY2(mentions(marker, "\"NA\"") && mentions(marker, "missing-value marker"), marker.what());
        // The target is never filled, whatever the policy.
        o.fillValue = "0";
        const DataError t = expectError([&] { parseCsv("a,b\n1,2\n2,\n", o, "t.csv"); });
        QCOMPARE(t.line(), 3);
        QVERIFY2(mentions(t, "target"), t.what());
        o.missing = CsvMissing::FillMostFrequent;
        QVERIFY_THROWS_EXCEPTION(DataError, parseCsv("a,b\n1,2\n2,\n", o, "t.csv"));
    }

    void bothPoliciesRoundTripThroughTheProjectFile()
    {
        Project p;
        p.data.kind = DataSourceKind::Csv;
        p.data.path = "gaps.csv";
        p.data.csv.missing = CsvMissing::FillValue;
        p.data.csv.fillValue = "-1";
        p.data.csv.task = TaskKind::Regression;
        p.csvSchema = parseCsv(kGaps, p.data.csv).schema;
        const std::string text = projectToText(p);
        QVERIFY(text.find("\"fill_value\": \"-1\"") != std::string::npos);
        const Project back = parseProject(text);
        QCOMPARE(back.data, p.data);
        QVERIFY(back.csvSchema.has_value());
        QCOMPARE(back.csvSchema->features[1].categories, p.csvSchema->features[1].categories);
        // The stored fill is what a new row's gap becomes at prediction.
        const Matrix x = encodeCsvFeatures("size,colour\n?,\n", *back.csvSchema);
        QCOMPARE(x.col(0), (Vector(4) << -1, 1, 0, 0).finished());
        // The policy without its value is refused by the reader.
        std::string noValue = text;
        const std::string stored = "\"fill_value\": \"-1\"";
        noValue.replace(noValue.find(stored), stored.size(), "\"header\": true");
        QVERIFY_THROWS_EXCEPTION(ProjectError, parseProject(noValue));

        Project mf = p;
        mf.data.csv.missing = CsvMissing::FillMostFrequent;
        mf.data.csv.fillValue.clear();
        mf.csvSchema = parseCsv(kGaps, mf.data.csv).schema;
        const Project mfBack = parseProject(projectToText(mf));
        QCOMPARE(mfBack.data, mf.data);
        QCOMPARE(mfBack.csvSchema->features[0].fill, std::string("2"));
        QVERIFY(projectToText(mf).find("\"fill_most_frequent\"") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestCsvFill)
#include "tst_csv_fill.moc"
