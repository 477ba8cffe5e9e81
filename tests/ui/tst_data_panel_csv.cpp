// The data panel's CSV options, driven through the real widgets offscreen (issues 13 and 10): a file without
// a header row (the preview then shows the first row as data, columns named "column 1" …), missing values
// (refused, rows left out, or filled with the mean, the most frequent value or a value typed in; and what the
// policy did), a separate test file (stored relative to the project) or a split column (the
// counts follow), a column forced categorical, and the pixels of a CSV read as an image [C, H, W] (the Input
// follows in the same undo step). Each edit is one undo step, and the editor keeps its focus. Screenshots of
// the window at 1600×1000 with the options open, in English and Chinese: the Data dock is no wider for them.
#include "document/default_project.h"
#include "document/graph_document.h"
#include "layers/dense.h"
#include "layers/simple_layers.h"
#include "main_window.h"
#include "panels/csv_columns_table.h"
#include "panels/csv_options_box.h"
#include "panels/data_panel.h"
#include "panels/data_panel_preview.h"
#include "settle.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QUndoStack>

#include <memory>

using namespace nnp;

namespace {

const char *kTrain = "zone,x,part,y\n"
                     "1,0.5,train,a\n"
                     "2,,train,b\n" // a gap
                     "3,2.5,test,a\n"
                     "1,NA,validation,b\n" // a marker
                     "2,4.5,train,a\n"
                     "3,5.5,train,b\n"
                     "1,6.5,test,a\n"
                     "2,7.5,train,b\n";
const char *kTest = "zone,x,part,y\n"
                    "1,1,train,a\n"
                    "2,2,train,b\n"
                    "3,3,train,a\n";
const char *kNoHeader = "1,0.5,a\n"
                        "2,1.5,b\n"
                        "3,2.5,a\n"
                        "4,3.5,b\n";

void write(const QString &path, const char *text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

/// The rows of "4 training · 0 validation · 2 test rows" together.
int rowsCounted(const QString &counts)
{
    int sum = 0;
    auto it = QRegularExpression(QStringLiteral("(\\d+) ")).globalMatch(counts);
    for (int k = 0; k < 3 && it.hasNext(); ++k)
        sum += it.next().captured(1).toInt();
    return sum;
}

bool chooseByKeys(QComboBox *box, const QVariant &data)
{
    box->setFocus();
    const int target = box->findData(data);
    if (target < 0) return false;
    while (box->currentIndex() != target) {
        const int before = box->currentIndex();
        QTest::keyClick(box, box->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
        if (box->currentIndex() == before) return false;
    }
    return true;
}

} // namespace

class TestDataPanelCsv : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the window's settings go to a test location
        QApplication::setOrganizationName(QStringLiteral("NNPlaygroundTests"));
        QApplication::setApplicationName(QStringLiteral("tst_data_panel_csv"));
        QSettings().clear();
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        write(m_dir.filePath(QStringLiteral("train.csv")), kTrain);
        write(m_dir.filePath(QStringLiteral("test.csv")), kTest);
        write(m_dir.filePath(QStringLiteral("noheader.csv")), kNoHeader);
        m_doc = std::make_unique<GraphDocument>();
        Project p;
        p.data.kind = DataSourceKind::Csv;
        p.data.path = "train.csv";
        p.graph = makeMlp(3, {4}, 1, ActivationKind::ReLU, ActivationKind::Sigmoid);
        m_doc->reset(p, m_dir.filePath(QStringLiteral("project.nnp")));
        m_panel = std::make_unique<DataPanel>(m_doc.get());
        m_panel->resize(420, 900);
        m_panel->show();
        QApplication::setActiveWindow(m_panel.get());
        QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    }

    void cleanup()
    {
        m_panel.reset();
        m_doc.reset();
    }

    void theOptionsFoldAwayUntilUsed()
    {
        CsvOptionsBox *box = m_panel->csvOptions();
        QVERIFY(!box->isExpanded());
        QVERIFY(!box->headerBox()->isVisible());
        QTest::mouseClick(box->toggle(), Qt::LeftButton);
        QVERIFY(box->isExpanded());
        QVERIFY(box->headerBox()->isVisible());
        QVERIFY(box->imageBox()->isVisible());
        // A project that uses an option opens with them shown.
        Project p = m_doc->project();
        p.data.csv.missing = CsvMissing::DropRows;
        m_doc->reset(p, m_doc->filePath());
        DataPanel other(m_doc.get());
        QVERIFY(other.csvOptions()->isExpanded());
    }

    void missingValuesArePolicyAndTheCountIsStated()
    {
        CsvOptionsBox *box = m_panel->csvOptions();
        QTest::mouseClick(box->toggle(), Qt::LeftButton);
        m_panel->refreshPreviewNow();
        // Refused by default: the preview names the cell.
        QCOMPARE(m_panel->preview()->kind(), DataPanelPreview::Kind::Message);
        QVERIFY2(m_panel->preview()->messageText().contains(QStringLiteral("line 3")),
                 qPrintable(m_panel->preview()->messageText()));
        const int steps = m_doc->undoStack()->count();
        QComboBox *const missing = box->missingBox();
        QVERIFY(chooseByKeys(missing, int(CsvMissing::DropRows)));
        QVERIFY(m_doc->dataSource().csv.missing == CsvMissing::DropRows);
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        // The editor stays (the same widget, with the focus where the platform gives one) while the
        // document changes.
        QCOMPARE(box->missingBox(), missing);
        QVERIFY(!QApplication::focusWidget() || missing->hasFocus());
        m_panel->refreshPreviewNow();
        QCOMPARE(m_panel->preview()->kind(), DataPanelPreview::Kind::Table);
        QCOMPARE(box->missingReport()->text(), QStringLiteral("Rows left out for a missing value: 2."));
        QCOMPARE(rowsCounted(m_panel->splitCountsLabel()->text()), 6); // 8 rows, 2 left out
        QVERIFY(chooseByKeys(box->missingBox(), int(CsvMissing::FillMean)));
        QCOMPARE(m_doc->undoStack()->count(), steps + 1); // edits of one field merge into one step
        m_panel->refreshPreviewNow();
        QCOMPARE(box->missingReport()->text(), QStringLiteral("Missing cells filled: 2."));
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->dataSource().csv.missing == CsvMissing::Refuse);
        QCOMPARE(box->missingBox()->currentData().toInt(), int(CsvMissing::Refuse));
    }

    void missingValuesFilledWithTheMostFrequentOrAValue()
    {
        CsvOptionsBox *box = m_panel->csvOptions();
        QTest::mouseClick(box->toggle(), Qt::LeftButton);
        QLineEdit *const value = box->fillValueEdit();
        QVERIFY(!value->isVisible());
        QVERIFY(chooseByKeys(box->missingBox(), int(CsvMissing::FillMostFrequent)));
        QVERIFY(m_doc->dataSource().csv.missing == CsvMissing::FillMostFrequent);
        QVERIFY(!value->isVisible());
        m_panel->refreshPreviewNow();
        QCOMPARE(m_panel->preview()->kind(), DataPanelPreview::Kind::Table);
        QCOMPARE(box->missingReport()->text(),
                 QStringLiteral("Missing cells filled with their column's most frequent value: 2."));

        // "Fill in a value" shows its field and waits for a value: the document never holds the policy
        // without one.
        const int steps = m_doc->undoStack()->count();
        QVERIFY(chooseByKeys(box->missingBox(), int(CsvMissing::FillValue)));
        QVERIFY(value->isVisible());
        QVERIFY(m_doc->dataSource().csv.missing == CsvMissing::FillMostFrequent);
        QCOMPARE(m_doc->undoStack()->count(), steps);
        value->setFocus();
        QTest::keyClicks(value, QStringLiteral("-1"));
        QTest::keyClick(value, Qt::Key_Return);
        QVERIFY(m_doc->dataSource().csv.missing == CsvMissing::FillValue);
        QCOMPARE(m_doc->dataSource().csv.fillValue, std::string("-1"));
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        QCOMPARE(box->fillValueEdit(), value); // the editor stays
        QVERIFY(projectToText(m_doc->project()).find("\"fill_value\": \"-1\"") != std::string::npos);
        m_panel->refreshPreviewNow();
        QCOMPARE(m_panel->preview()->kind(), DataPanelPreview::Kind::Table);
        QCOMPARE(box->missingReport()->text(), QStringLiteral("Missing cells filled with “-1”: 2."));

        // A text for a column of numbers is refused, naming the value and the column.
        value->selectAll();
        QTest::keyClicks(value, QStringLiteral("lots"));
        QTest::keyClick(value, Qt::Key_Return);
        QCOMPARE(m_doc->dataSource().csv.fillValue, std::string("lots"));
        m_panel->refreshPreviewNow();
        QCOMPARE(m_panel->preview()->kind(), DataPanelPreview::Kind::Message);
        QVERIFY2(m_panel->preview()->messageText().contains(QStringLiteral("\"lots\" is not a number")) &&
                     m_panel->preview()->messageText().contains(QStringLiteral("\"x\"")),
                 qPrintable(m_panel->preview()->messageText()));
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->dataSource().csv.fillValue, std::string("-1"));
        QCOMPARE(value->text(), QStringLiteral("-1"));

        // Another policy hides the field and drops the value from the project.
        QVERIFY(chooseByKeys(box->missingBox(), int(CsvMissing::DropRows)));
        QVERIFY(!value->isVisible());
        QVERIFY(m_doc->dataSource().csv.missing == CsvMissing::DropRows);
        QVERIFY(m_doc->dataSource().csv.fillValue.empty());
    }

    void aTestFileOrASplitColumnDecidesTheCounts()
    {
        CsvOptionsBox *box = m_panel->csvOptions();
        QTest::mouseClick(box->toggle(), Qt::LeftButton);
        QVERIFY(chooseByKeys(box->missingBox(), int(CsvMissing::DropRows)));
        const int steps = m_doc->undoStack()->count();
        m_panel->chooseTestCsv(m_dir.filePath(QStringLiteral("test.csv")));
        QCOMPARE(m_doc->dataSource().csv.testPath, std::string("test.csv")); // relative, like the data path
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        QCOMPARE(box->testPathEdit()->text(), QStringLiteral("test.csv"));
        m_panel->refreshPreviewNow();
        const QString counts = m_panel->splitCountsLabel()->text();
        QVERIFY2(counts.contains(QStringLiteral("3 test rows")) &&
                     counts.contains(QStringLiteral("test.csv")) &&
                     counts.contains(QStringLiteral("6 training")),
                 qPrintable(counts));
        // A split column instead: the test file goes, in one step.
        QVERIFY(chooseByKeys(box->splitColumnBox(), QStringLiteral("part")));
        QCOMPARE(m_doc->dataSource().csv.splitColumn, std::string("part"));
        QVERIFY(m_doc->dataSource().csv.testPath.empty());
        QCOMPARE(m_doc->undoStack()->count(), steps + 2);
        m_panel->refreshPreviewNow();
        QVERIFY2(m_panel->splitCountsLabel()->text().startsWith(
                     QStringLiteral("4 training · 0 validation · 2 test rows")),
                 qPrintable(m_panel->splitCountsLabel()->text()));
        // The target is no split column.
        QCOMPARE(box->splitColumnBox()->findData(QStringLiteral("y")), -1);
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->dataSource().csv.testPath, std::string("test.csv"));
        QTest::mouseClick(box->clearTestButton(), Qt::LeftButton);
        QVERIFY(m_doc->dataSource().csv.testPath.empty());
    }

    void aColumnOfCodesForcedCategorical()
    {
        CsvColumnsTable *table = m_panel->csvColumns();
        const int row = table->rowOf(QStringLiteral("zone"));
        QVERIFY(row >= 0);
        const int steps = m_doc->undoStack()->count();
        QComboBox *const role = table->roleBox(row);
        QVERIFY(chooseByKeys(role, int(CsvColumnsTable::Role::Categorical)));
        QCOMPARE(m_doc->dataSource().csv.categorical, (std::vector<std::string>{"zone"}));
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        QCOMPARE(table->roleBox(row), role);
        QVERIFY(!QApplication::focusWidget() || role->hasFocus());
        QVERIFY(chooseByKeys(table->roleBox(row), int(CsvColumnsTable::Role::Automatic)));
        QVERIFY(m_doc->dataSource().csv.categorical.empty());
    }

    void withoutAHeaderTheFirstRowIsData()
    {
        m_panel->chooseCsv(m_dir.filePath(QStringLiteral("noheader.csv")));
        m_panel->refreshPreviewNow();
        QTableWidget *table = m_panel->preview()->table();
        QCOMPARE(table->rowCount(), 3); // the first row was read as names
        QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("1"));
        CsvOptionsBox *box = m_panel->csvOptions();
        QTest::mouseClick(box->toggle(), Qt::LeftButton);
        const int steps = m_doc->undoStack()->count();
        QTest::mouseClick(box->headerBox(), Qt::LeftButton, {}, QPoint(8, box->headerBox()->height() / 2));
        QVERIFY(!m_doc->dataSource().csv.header);
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        m_panel->refreshPreviewNow();
        QCOMPARE(m_panel->preview()->kind(), DataPanelPreview::Kind::Table);
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("column 1"));
        QCOMPARE(table->horizontalHeaderItem(2)->text(), QStringLiteral("column 3 (target)"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("0.5"));
        QVERIFY2(m_panel->preview()->summary().contains(QStringLiteral("target \"column 3\"")),
                 qPrintable(m_panel->preview()->summary()));
        // The target choice names them the same way, and the project file as the loader does (c1 … cN).
        QComboBox *target = m_panel->targetBox();
        QCOMPARE(target->itemText(1), QStringLiteral("column 1"));
        QCOMPARE(target->itemData(1).toString(), QStringLiteral("c1"));
        QVERIFY(chooseByKeys(target, QStringLiteral("c3")));
        QCOMPARE(m_doc->dataSource().csv.target, std::string("c3"));
        QCOMPARE(m_panel->csvColumns()->rowOf(QStringLiteral("c1")), 0);
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->dataSource().csv.header);
        QVERIFY(box->headerBox()->isChecked());
    }

    void pixelsAsAnImageShapeTheInput()
    {
        Project p;
        p.data.kind = DataSourceKind::Csv;
        p.data.path = NNP_SOURCE_DIR "/samples/datasets/digits_8x8/digits_8x8.csv";
        p.data.csv.target = "digit";
        p.graph = makeMlp(64, {}, 10, ActivationKind::ReLU, ActivationKind::Linear);
        m_doc->reset(p, m_dir.filePath(QStringLiteral("digits.nnp")));
        const NodeId input = m_doc->graph().nodes.front().id;
        CsvOptionsBox *box = m_panel->csvOptions();
        QTest::mouseClick(box->toggle(), Qt::LeftButton);
        QVERIFY(!box->imageDimBox(1)->isEnabled());
        const int steps = m_doc->undoStack()->count();
        QTest::mouseClick(box->imageBox(), Qt::LeftButton, {}, QPoint(8, box->imageBox()->height() / 2));
        // Prefilled for 64 columns: 1 × 8 × 8; the Input follows in the same undo step.
        QCOMPARE(m_doc->dataSource().csv.imageShape, (std::vector<int>{1, 8, 8}));
        QCOMPARE(m_doc->graph().find(input)->options.get(opt::input::shape), (std::vector<int>{1, 8, 8}));
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        QCOMPARE(box->imageDimBox(1)->value(), 8);
        QVERIFY(box->imageDimBox(1)->isEnabled());
        m_panel->refreshPreviewNow();
        QVERIFY2(m_panel->preview()->summary().contains(QStringLiteral("1 × 8 × 8")),
                 qPrintable(m_panel->preview()->summary()));
        // A shape that does not hold the columns: core's refusal names both counts.
        QSpinBox *height = box->imageDimBox(1);
        height->setFocus();
        QTest::keySequence(height, QKeySequence::SelectAll);
        QTest::keyClicks(height, QStringLiteral("4"));
        QTest::keyClick(height, Qt::Key_Return);
        QCOMPARE(m_doc->dataSource().csv.imageShape, (std::vector<int>{1, 4, 8}));
        QCOMPARE(box->imageDimBox(1), height);
        QVERIFY(!QApplication::focusWidget() || height->hasFocus());
        m_panel->refreshPreviewNow();
        QCOMPARE(m_panel->preview()->kind(), DataPanelPreview::Kind::Message);
        QVERIFY2(m_panel->preview()->messageText().contains(QStringLiteral("32 pixels")) &&
                     m_panel->preview()->messageText().contains(QStringLiteral("64 feature columns")),
                 qPrintable(m_panel->preview()->messageText()));
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->dataSource().csv.imageShape.empty());
        QCOMPARE(m_doc->graph().find(input)->options.get(opt::input::shape), (std::vector<int>{64}));
        QVERIFY(!box->imageBox()->isChecked());
    }

    void guessesOfTheImageShape()
    {
        QCOMPARE(CsvOptionsBox::guessImageShape(784), (std::vector<int>{1, 28, 28}));
        QCOMPARE(CsvOptionsBox::guessImageShape(64), (std::vector<int>{1, 8, 8}));
        QCOMPARE(CsvOptionsBox::guessImageShape(3072), (std::vector<int>{3, 32, 32}));
        QCOMPARE(CsvOptionsBox::guessImageShape(10), (std::vector<int>{1, 1, 10}));
    }

    void screenshots_data()
    {
        QTest::addColumn<bool>("chinese");
        QTest::newRow("en") << false;
        QTest::newRow("zh_CN") << true;
    }

    void screenshots()
    {
        QFETCH(bool, chinese);
        cleanup(); // the window has a panel of its own
        QTranslator zh;
        if (chinese) {
            QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("nnp"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
            QVERIFY(QCoreApplication::installTranslator(&zh));
        }
        const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&zh); });
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setWindowState(Qt::WindowNoState);
        w.resize(1600, 1000);
        w.newProject(true);
        QDockWidget *dock = w.dock(DockRole::Data);
        QVERIFY(dock);
        dock->show();
        dock->raise();
        nnp::testutil::settle();
        const int width = dock->width();
        // The 8×8 digits as images through a CNN, every CSV option in view.
        Project p;
        p.data.kind = DataSourceKind::Csv;
        p.data.path = NNP_SOURCE_DIR "/samples/datasets/digits_8x8/digits_8x8.csv";
        p.data.csv.target = "digit";
        p.data.csv.missing = CsvMissing::DropRows;
        p.data.csv.imageShape = {1, 8, 8};
        p.preprocessing.normalization = NormalizationKind::Pixels;
        p.graph = makeMlp(64, {}, 10, ActivationKind::ReLU, ActivationKind::Linear);
        p.graph.nodes.front().options.set(opt::input::shape, std::vector<int>{1, 8, 8});
        w.document()->reset(p, m_dir.filePath(QStringLiteral("digits.nnp")));
        auto *panel = dock->findChild<DataPanel *>();
        QVERIFY(panel);
        panel->refreshPreviewNow();
        nnp::testutil::settle();
        QVERIFY(panel->csvOptions()->isExpanded());
        QVERIFY(panel->csvOptions()->imageBox()->isChecked());
        QCOMPARE(dock->width(), width); // the options fit the dock as it was
        const QString dir = QStringLiteral(NNP_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        const QImage shot = w.grab().toImage();
        QCOMPARE(shot.size(), QSize(1600, 1000));
        QVERIFY(shot.save(dir + (chinese ? QStringLiteral("/data_panel_csv_zh.png")
                                         : QStringLiteral("/data_panel_csv_en.png"))));
        w.document()->reset(makeEmptyProject()); // nothing modified: closing does not ask
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<GraphDocument> m_doc;
    std::unique_ptr<DataPanel> m_panel;
};

QTEST_MAIN(TestDataPanelCsv)
#include "tst_data_panel_csv.moc"
