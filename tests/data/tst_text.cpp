// Text for Embeddings (issue 11): the tokenizer (English, Chinese per character, punctuation, negations
// kept), the vocabulary (top K, ties by byte value, from the training rows only), padding and truncation to
// T, CSV text columns (read, encoded for prediction with unknown words and a note), and the project round
// trip of the options and the stored vocabulary.
#include "data/csv.h"
#include "data/data_error.h"
#include "data/tokenizer.h"
#include "io/project.h"

#include <QtTest>

using namespace nnp;

namespace {
using Tokens = std::vector<std::string>;

std::string join(const Tokens &t)
{
    std::string s;
    for (const auto &w : t)
        s += (s.empty() ? "" : "|") + w;
    return s;
}
} // namespace

class TestText : public QObject {
    Q_OBJECT

private slots:
    void tokenize_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("tokens");
        QTest::newRow("lowercase, spaces") << "The Food  was GOOD"
                                           << "the|food|was|good";
        QTest::newRow("punctuation splits") << "good,not bad!(really)"
                                            << "good|not|bad|really";
        QTest::newRow("negations stay whole") << "It isn't good; I don't know"
                                              << "it|isn't|good|i|don't|know";
        QTest::newRow("typographic apostrophe") << QString::fromUtf8("wasn\u2019t") << "wasn't";
        QTest::newRow("quotes are not apostrophes") << "'good' rock'n'roll '"
                                                    << "good|rock'n'roll";
        QTest::newRow("digits in words") << "top10 2 go"
                                         << "top10|2|go";
        QTest::newRow("Chinese per character")
            << QString::fromUtf8("菜不好，但是服务很棒！") << QString::fromUtf8("菜|不|好|但|是|服|务|很|棒");
        QTest::newRow("mixed scripts")
            << QString::fromUtf8("LSTM很好, not bad") << QString::fromUtf8("lstm|很|好|not|bad");
        QTest::newRow("other letters stay")
            << QString::fromUtf8("Café naïve") << QString::fromUtf8("café|naïve");
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("only punctuation") << " ,.;!? "
                                          << "";
    }
    void tokenize()
    {
        QFETCH(QString, text);
        QFETCH(QString, tokens);
        QCOMPARE(QString::fromStdString(join(nnp::tokenize(text.toStdString()))), tokens);
    }

    // Invalid UTF-8 separates words and never reads past the end.
    void invalidUtf8()
    {
        QCOMPARE(join(nnp::tokenize("ab\xff"
                                    "cd\xe4\xb8")),
                 std::string("ab|cd"));
        QCOMPARE(join(nnp::tokenize("\xc3")), std::string());
    }

    void vocabularyAndEncoding()
    {
        VocabularyBuilder b;
        b.add("the food was good");
        b.add("the food was not good");
        b.add("bad bad zebra");
        // counts: the 2, food 2, was 2, good 2, bad 2, not 1, zebra 1 → most frequent first, ties by bytes
        QCOMPARE(join(b.vocabulary(100)), std::string("bad|food|good|the|was|not|zebra"));
        QCOMPARE(join(b.vocabulary(3)), std::string("bad|food|good"));
        const TextEncoder e(b.vocabulary(5), 4); // bad 2, food 3, good 4, the 5, was 6
        QCOMPARE(e.encode("good food"), (std::vector<int>{0, 0, 4, 3})); // padded in front
        QCOMPARE(e.encode("The food WAS good"), (std::vector<int>{5, 3, 6, 4}));
        long long unknown = 0;
        QCOMPARE(e.encode("the food was not very good", &unknown), (std::vector<int>{6, 1, 1, 4})); // last T
        QCOMPARE(unknown, 2LL);
        QCOMPARE(e.encode(""), (std::vector<int>{0, 0, 0, 0}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TextEncoder({}, 0));
    }

    // A text column becomes T features named review[1] … review[T]; its vocabulary comes from the rows given
    // (the training split), so a word only the other rows hold is unknown (id 1).
    void csvTextColumn()
    {
        const std::string csv = "review,stars,liked\n"
                                "\"good, not bad\",5,yes\n"
                                "\"bad, not good\",1,no\n"
                                "\"zebra crossing\",3,yes\n"
                                ",2,no\n";
        CsvOptions o;
        o.target = "liked";
        o.text = {{"review", 3, 10}};
        const CsvData all = parseCsv(csv, o);
        QCOMPARE(all.data.x.rows(), Eigen::Index(4));
        QCOMPARE(all.data.featureNames,
                 (std::vector<std::string>{"review[1]", "review[2]", "review[3]", "stars"}));
        const CsvColumn &col = all.schema.features[0];
        QVERIFY(col.text() && !col.ids && !col.categorical);
        QCOMPARE(col.textLength, 3);
        QCOMPARE(join(col.categories), std::string("bad|good|not|crossing|zebra"));
        // "good, not bad" = good 3, not 4, bad 2; the empty review is all padding
        QCOMPARE(all.data.x.col(0).head(3), (Matrix(3, 1) << 3, 4, 2).finished());
        QVERIFY(all.data.x.col(3).head(3).isZero());
        QCOMPARE(all.data.x(3, 3), Scalar(2));

        const std::vector<int> train{0, 1};
        const CsvData part = parseCsv(csv, o, "<text>", &train);
        QCOMPARE(join(part.schema.features[0].categories), std::string("bad|good|not"));
        QCOMPARE(part.data.x.col(2).head(3), (Matrix(3, 1) << 0, 1, 1).finished()); // zebra crossing: unknown

        // Prediction: raw text through the stored schema; unknown words become 1, with a note.
        std::vector<std::string> notes;
        const Matrix x =
            encodeCsvFeatures("review,stars\n\"not so good\",4\n\"good\",2\n", part.schema, "<new>", &notes);
        QCOMPARE(x.col(0), (Matrix(4, 1) << 4, 1, 3, 4).finished());
        QCOMPARE(x.col(1), (Matrix(4, 1) << 0, 0, 3, 2).finished());
        QCOMPARE(notes.size(), std::size_t(1));
        QVERIFY2(notes[0].find("1 word of the text column \"review\" is not") != std::string::npos,
                 notes[0].c_str());

        o.text = {{"liked", 3, 10}};
        QVERIFY_THROWS_EXCEPTION(DataError, parseCsv(csv, o)); // the target cannot be text
        o.text = {{"nope", 3, 10}};
        QVERIFY_THROWS_EXCEPTION(DataError, parseCsv(csv, o));
        o.text = {{"review", 0, 10}};
        QVERIFY_THROWS_EXCEPTION(DataError, parseCsv(csv, o));
    }

    // The options and the trained vocabulary survive saving; a column cannot be text and ids at once.
    void projectRoundTrip()
    {
        Project p;
        p.name = "text";
        p.data.kind = DataSourceKind::Csv;
        p.data.path = "reviews.csv";
        p.data.csv.text = {{"review", 12, 500}};
        CsvSchema s;
        s.features.push_back(CsvColumn{"review", false, {"good", "bad", "不"}, false, 12});
        s.target = CsvColumn{"positive", true, {"0", "1"}, false};
        p.csvSchema = s;
        const std::string text = projectToText(p);
        const Project q = parseProject(text);
        QVERIFY(q.data.csv == p.data.csv);
        QVERIFY(q.csvSchema.has_value());
        QCOMPARE(q.csvSchema->features.at(0).textLength, 12);
        QCOMPARE(q.csvSchema->features.at(0).categories, s.features[0].categories);
        QCOMPARE(projectToText(q), text);
        std::string bad = text;
        const auto at = bad.find("\"text_length\"");
        QVERIFY(at != std::string::npos);
        bad.insert(at, "\"ids\": true, ");
        QVERIFY_THROWS_EXCEPTION(ProjectError, parseProject(bad));
    }
};

QTEST_GUILESS_MAIN(TestText)
#include "tst_text.moc"
