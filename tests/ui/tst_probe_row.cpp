// The probe takes a typed row of tabular data (issue 12, "Bring your own data"): wine (13 numeric columns, a
// fixture beside this test) is trained, a raw row as the CSV writes it is typed into the probe's editors
// (pasted as one comma-separated line), and the prediction the probe shows equals what `nnp predict` computes
// on the same row with the saved project: the same functions in the same order (encodeCsvFeatures on a CSV
// text with a header, networkInputs with the stored normaliser, the network with the stored weights). A
// category the data never had is refused with a message, not a crash.
#include "main_window_driver.h"

#include "i18n/typed_row_text.h"
#include "insights/insights_docks.h"
#include "insights/probe_row_editor.h"
#include "insights/probe_view.h"
#include "metrics/metrics.h"
#include "train/network.h"
#include "wine_fixture.h"

#include <cmath>
#include <filesystem>

#include <QScopeGuard>
#include <QTranslator>

using namespace nnp;

namespace {
// Row 60 of wine.csv (a cultivar_2 wine), as the file writes it.
const QString kRow = QStringLiteral("12.37,0.94,1.36,10.6,88,1.98,0.57,0.28,0.42,1.95,1.05,1.82,520");
} // namespace

class TestProbeRow : public QObject, testutil::MainWindowDriver {
    Q_OBJECT
private slots:
    void initTestCase() { useTestSettings("tst_probe_row"); }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }
    void typedRowEqualsPredict();
    void typedSentenceEqualsPredict();

private:
    /// What `nnp predict` computes for one input line (with the header of the data's feature columns) with
    /// the document's trained project saved to a new folder: class probabilities.
    std::vector<double> predictLine(const std::string &line);
    /// Types `values` into the probe's editors (the first one only when `paste`), presses Return and waits
    /// for the answer.
    const ProbeResult *probeRow(const QStringList &values);
};

std::vector<double> TestProbeRow::predictLine(const std::string &line)
{
    QTemporaryDir dir;
    QString error;
    if (!m_window->document()->saveAs(dir.filePath(QStringLiteral("saved.nnp")), &error)) {
        qWarning() << error;
        return {};
    }
    const Project &p = m_window->document()->project();
    Network net = Network::build(p.graph, p.training.seed);
    net.setLoss(p.training.loss);
    restoreWeights(p, net);
    const std::optional<CsvSchema> schema =
        p.csvSchema ? p.csvSchema : prepareData(p, std::filesystem::path(dir.path().toStdString())).csvSchema;
    if (!schema) return {};
    std::string file;
    for (const CsvColumn &c : schema->features)
        file += (file.empty() ? "" : ",") + c.name;
    file += "\n" + line + "\n";
    const Matrix x = networkInputs(p, p.normalizer ? &*p.normalizer : nullptr,
                                   encodeCsvFeatures(file, *schema, "input.csv"));
    const Matrix out = net.predict(x);
    return classProbabilities(out, 0, std::max(2, int(out.rows())));
}

const ProbeResult *TestProbeRow::probeRow(const QStringList &values)
{
    auto *insights = m_window->findChild<InsightsDocks *>();
    QDockWidget *dock = insights->dock(QStringLiteral("probeDock"));
    dock->show();
    dock->raise();
    ProbeView *probe = insights->probe();
    ProbeRowEditor *editor = probe->rowEditor();
    if (!QTest::qWaitFor([&] { return !editor->columns().isEmpty() && editor->isVisible(); }, 20000))
        return nullptr;
    for (int i = 0; i < values.size(); ++i) {
        QLineEdit *e = editor->editor(i);
        e->clear();
        e->setFocus();
        QTest::keyClicks(e, values[i]);
    }
    QTest::keyClick(editor->editor(0), Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return probe->result() && probe->result()->row == editor->values(); }, 20000))
        return nullptr;
    return probe->result();
}

void TestProbeRow::typedRowEqualsPredict()
{
    QTemporaryDir wineDir;
    const QString wine = testutil::wineProject(wineDir);
    QVERIFY(!wine.isEmpty());
    QVERIFY2(m_window->loadFile(wine), qPrintable(m_window->lastError()));
    trainUntil(0.9, 60000);

    auto *insights = m_window->findChild<InsightsDocks *>();
    QVERIFY(insights);
    QDockWidget *dock = insights->dock(QStringLiteral("probeDock"));
    dock->show();
    dock->raise();
    ProbeView *probe = insights->probe();
    ProbeRowEditor *editor = probe->rowEditor();
    // The worker tells the view which columns a row has: one editor each, named after the CSV's header.
    QTRY_COMPARE_WITH_TIMEOUT(editor->columns().size(), 13, 20000);
    QTRY_VERIFY(editor->isVisible());
    QCOMPARE(editor->columns().front(), QStringLiteral("alcohol"));
    QCOMPARE(editor->editor(12)->placeholderText(), QStringLiteral("proline"));

    // The whole line pasted into the first field, then Return.
    QLineEdit *first = editor->editor(0);
    first->setFocus();
    QTest::keyClicks(first, kRow);
    QTest::keyClick(first, Qt::Key_Return);
    QCOMPARE(editor->editor(12)->text(), QStringLiteral("520"));
    QTRY_VERIFY_WITH_TIMEOUT(
        probe->result() && !probe->result()->row.isEmpty() && !probe->result()->probabilities.empty(), 20000);
    const ProbeResult shown = *probe->result(); // a copy: saving below may bring a newer result
    QVERIFY2(shown.error.isEmpty(), qPrintable(shown.error));
    QCOMPARE(shown.classNames.size(), 3);

    // `nnp predict` on the saved project and a one-row input file.
    const std::vector<double> expected = predictLine(kRow.toStdString());
    QCOMPARE(expected.size(), std::size_t(3));
    QCOMPARE(int(shown.probabilities.size()), 3);
    for (int k = 0; k < 3; ++k)
        QVERIFY2(std::abs(double(shown.probabilities[std::size_t(k)]) - expected[std::size_t(k)]) < 1e-5,
                 qPrintable(QStringLiteral("class %1: probe %2, predict %3")
                                .arg(k)
                                .arg(shown.probabilities[std::size_t(k)])
                                .arg(expected[std::size_t(k)])));
    const auto best = std::max_element(expected.begin(), expected.end()) - expected.begin();
    QCOMPARE(shown.predicted, int(best));
    QCOMPARE(shown.classNames.at(shown.predicted), QStringLiteral("cultivar_2"));

    // A value that is not a number: a message, and the view keeps working.
    editor->editor(0)->setText(QStringLiteral("strong"));
    QTest::mouseClick(editor->predictButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(probe->result() && probe->result()->row.value(0) == QStringLiteral("strong"),
                             20000);
    // Said in the interface language, naming the column and the value.
    QCOMPARE(probe->result()->error,
             QStringLiteral("“alcohol” is a number column; “strong” is not a number."));
    QVERIFY(probe->result()->probabilities.empty());
    QTranslator zh;
    QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("nnp"), QStringLiteral("_"),
                    QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&zh));
    const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&zh); });
    TypedRowProblem unknown;
    unknown.kind = TypedRowProblem::Kind::UnknownCategory;
    unknown.name = "colour";
    unknown.value = "teal";
    unknown.known = {"red", "green", "blue", "cyan", "magenta", "yellow", "black", "white", "grey", "brown"};
    const QString text = typedRowProblemText(unknown);
    QVERIFY2(text.contains(QStringLiteral("“teal”")) && text.contains(QStringLiteral("“white”")) &&
                 !text.contains(QStringLiteral("“grey”")) && text.contains(QChar(0x7C7B)), // 类
             qPrintable(text));

    // A pasted line with a value too few.
    editor->editor(0)->setText(QStringLiteral("13.2,1.78,2.14,11.2,100,2.65,2.76,0.26,1.28,4.38,1.05,3.4"));
    QTest::keyClick(editor->editor(0), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(probe->result() && probe->result()->row.size() == 12, 20000);
    QCOMPARE(probe->result()->error, QStringLiteral("该行有 12 个值；数据有 13 个特征列。"));
}

void TestProbeRow::typedSentenceEqualsPredict()
{
    // Reviews: one text column, its words tokenised with the stored vocabulary (a comma stays in the text).
    QVERIFY(m_window->loadFile(QStringLiteral(NNP_SOURCE_DIR "/samples/bag_of_words.nnp")));
    trainUntil(0.7, 60000); // trained weights to probe (30 epochs reach about 0.76)
    const QString sentence = QStringLiteral("the staff was friendly, very clean");
    const ProbeResult *answer = probeRow({sentence});
    QVERIFY(answer);
    const ProbeResult copy = *answer; // saving below may bring a newer result
    const ProbeResult *shown = &copy;
    QCOMPARE(shown->rowColumns, QStringList{QStringLiteral("review")});
    QVERIFY2(shown->error.isEmpty(), qPrintable(shown->error));
    const std::vector<double> expected = predictLine("\"" + sentence.toStdString() + "\"");
    QVERIFY(!expected.empty());
    QCOMPARE(shown->probabilities.size(), expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k)
        QVERIFY(std::abs(double(shown->probabilities[k]) - expected[k]) < 1e-5);
}

QTEST_MAIN(TestProbeRow)
#include "tst_probe_row.moc"
