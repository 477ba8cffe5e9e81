// A row typed into the probe (issue 12): checkTypedRow names the first problem of a row (for a message in the
// user's language) exactly when encodeTypedRow, which encodes it as `nnp predict` does, refuses it.
#include "data/data_error.h"
#include "io/typed_row.h"

#include <QTest>

#include <stdexcept>

using namespace nnp;

namespace {
// A number, a category, another number, and the target; with fill, weight has a missing cell.
const char *kCsv = "size,colour,weight,label\n"
                   "1.5,red,10,a\n"
                   "2.5,green,25,b\n"
                   "3.5,blue,20,a\n"
                   "0.5,red,30,b\n";
const char *kCsvMissing = "size,colour,weight,label\n"
                          "1.5,red,10,a\n"
                          "2.5,green,,b\n"
                          "3.5,blue,20,a\n"
                          "0.5,red,30,b\n";

/// fill: missing cells of new rows are filled as in training (the mean, the most frequent category).
CsvSchema schema(bool fill)
{
    CsvOptions options;
    if (fill) options.missing = CsvMissing::FillMean;
    return parseCsv(fill ? kCsvMissing : kCsv, options).schema;
}

bool encodes(const std::vector<std::string> &row, const CsvSchema &s)
{
    try {
        (void)encodeTypedRow(row, s);
        return true;
    } catch (const DataError &) {
        return false;
    } catch (const std::invalid_argument &) {
        return false;
    }
}
} // namespace

class TestTypedRow : public QObject {
    Q_OBJECT
private slots:
    void problemsAreNamed();
    void checkAgreesWithTheEncoder();
};

void TestTypedRow::problemsAreNamed()
{
    const CsvSchema filled = schema(true);
    QVERIFY(!checkTypedRow({"1", "red", ""}, filled)); // weight is filled with the training mean
    QVERIFY(!checkTypedRow({"1", "NA", "NA"}, filled));
    QVERIFY(!checkTypedRow({"", "", ""}, filled));

    const CsvSchema s = schema(false);
    QCOMPARE(typedRowColumns(s), (std::vector<std::string>{"size", "colour", "weight"}));
    QVERIFY(!checkTypedRow({"1", "red", "15"}, s));

    auto p = checkTypedRow({"1", "red"}, s);
    QVERIFY(p);
    QCOMPARE(p->kind, TypedRowProblem::Kind::Count);
    QCOMPARE(p->given, std::size_t(2));
    QCOMPARE(p->expected, std::size_t(3));

    p = checkTypedRow({"big", "red", "1"}, s);
    QVERIFY(p);
    QCOMPARE(p->kind, TypedRowProblem::Kind::NotANumber);
    QCOMPARE(p->name, std::string("size"));
    QCOMPARE(p->value, std::string("big"));

    p = checkTypedRow({"1", "teal", "1"}, s);
    QVERIFY(p);
    QCOMPARE(p->kind, TypedRowProblem::Kind::UnknownCategory);
    QCOMPARE(p->column, std::size_t(1));
    QCOMPARE(p->known, (std::vector<std::string>{"blue", "green", "red"}));

    p = checkTypedRow({"1e19", "red", "1"}, s);
    QVERIFY(p);
    QCOMPARE(p->kind, TypedRowProblem::Kind::TooLarge);

    p = checkTypedRow({"", "red", "1"}, s); // no fill without the policy
    QVERIFY(p);
    QCOMPARE(p->kind, TypedRowProblem::Kind::Missing);
    QCOMPARE(p->name, std::string("size"));
}

void TestTypedRow::checkAgreesWithTheEncoder()
{
    const std::vector<std::vector<std::string>> rows = {
        {"1", "red", "15"},
        {"-2.5e3", "blue", "0"},
        {"1", "red", ""},
        {"1", "red", "?"},
        {"", "red", "1"},
        {"NA", "red", "1"},
        {"x", "red", "1"},
        {"1", "Red", "1"},
        {"1", "", "1"},
        {"1", "red", "w"},
        {"1e18", "red", "1"},
        {"-1e19", "red", "1"},
        {"1", "red"},
        {"1", "red", "1", "2"},
        {},
        {"+.5", "green", "1e-3"},
        {"inf", "red", "1"},
        {"nan", "red", "1"},
        {" 1", "red", "1"},
        {"1,5", "red", "1"},
    };
    for (const bool fill : {false, true}) {
        const CsvSchema s = schema(fill);
        for (const auto &row : rows) {
            std::string shown = fill ? "fill " : "";
            for (const std::string &v : row)
                shown += "[" + v + "]";
            QVERIFY2(checkTypedRow(row, s).has_value() != encodes(row, s), shown.c_str());
        }
    }
}

QTEST_GUILESS_MAIN(TestTypedRow)
#include "tst_typed_row.moc"
