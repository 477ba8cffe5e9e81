// The data panel's preview of IDX image files (MNIST's format): the file is read on a thread of its own, so
// the GUI thread only says "Reading …" and shows the thumbnails when the read is done; a choice made in the
// meantime wins, and a bad file gives a message.
#include "panels/data_panel_preview.h"

#include <QApplication>
#include <QFile>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nnp;

namespace {
const QString kDir = QStringLiteral(NNP_SOURCE_DIR "/samples/datasets/mnist_subset");

DataSource mnistSubset()
{
    DataSource s;
    s.kind = DataSourceKind::Idx;
    s.images = "train-images-idx3-ubyte.gz";
    s.labels = "train-labels-idx1-ubyte.gz";
    return s;
}

DataSource circle()
{
    DataSource s;
    s.kind = DataSourceKind::Generator;
    s.generator.kind = GeneratorKind::Circle;
    s.generator.samples = 100;
    return s;
}
} // namespace

class TestDataPreviewIdx : public QObject {
    Q_OBJECT
private slots:
    void readsOffTheGuiThread();
    void laterChoiceWins();
    void badFileGivesMessage();
};

void TestDataPreviewIdx::readsOffTheGuiThread()
{
    DataPanelPreview preview;
    QSignalSpy shown(&preview, &DataPanelPreview::idxShown);
    preview.showData(mnistSubset(), {}, kDir);
    // showData returned before the file was read: the preview says so.
    QVERIFY(preview.isReading());
    QCOMPARE(preview.kind(), DataPanelPreview::Kind::Message);
    QVERIFY2(preview.messageText().contains(QStringLiteral("train-images-idx3-ubyte.gz")),
             qPrintable(preview.messageText()));
    QVERIFY(shown.wait(30000));
    QVERIFY(!preview.isReading());
    QCOMPARE(preview.kind(), DataPanelPreview::Kind::Images);
    QVERIFY(preview.images()->count() > 10);
    QVERIFY2(preview.summary().contains(QStringLiteral("28×28")), qPrintable(preview.summary()));
    // The same files again come from the cache, at once.
    preview.showData(circle(), {}, kDir);
    QCOMPARE(preview.kind(), DataPanelPreview::Kind::Scatter);
    preview.showData(mnistSubset(), {}, kDir);
    QVERIFY(!preview.isReading());
    QCOMPARE(preview.kind(), DataPanelPreview::Kind::Images);
}

void TestDataPreviewIdx::laterChoiceWins()
{
    DataPanelPreview preview;
    QSignalSpy shown(&preview, &DataPanelPreview::idxShown);
    preview.showData(mnistSubset(), {}, kDir);
    QVERIFY(preview.isReading());
    preview.showData(circle(), {}, kDir); // the user switched to a generator while the file was read
    QCOMPARE(preview.kind(), DataPanelPreview::Kind::Scatter);
    QTRY_VERIFY_WITH_TIMEOUT(!preview.isReading(), 30000);
    QApplication::processEvents();
    QCOMPARE(shown.count(), 0);
    QCOMPARE(preview.kind(), DataPanelPreview::Kind::Scatter);
}

void TestDataPreviewIdx::badFileGivesMessage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile bad(dir.filePath(QStringLiteral("images.idx")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("this is not an IDX file");
    bad.close();
    DataSource s = mnistSubset();
    s.images = "images.idx";
    s.labels = (kDir + QStringLiteral("/train-labels-idx1-ubyte.gz")).toStdString();
    DataPanelPreview preview;
    QSignalSpy shown(&preview, &DataPanelPreview::idxShown);
    preview.showData(s, {}, dir.path());
    QVERIFY(shown.wait(30000));
    QCOMPARE(preview.kind(), DataPanelPreview::Kind::Message);
    QVERIFY(!preview.messageText().isEmpty());
    QVERIFY(!preview.messageText().startsWith(QStringLiteral("Reading")));
    // A preview destroyed while its file is read leaves nothing behind that crashes.
    {
        DataPanelPreview gone;
        gone.showData(mnistSubset(), {}, kDir);
    }
    // Its reader thread finishes on its own; the process must not end before it.
    QTRY_COMPARE_WITH_TIMEOUT(DataPanelPreview::readersRunning(), 0, 60000);
}

QTEST_MAIN(TestDataPreviewIdx)
#include "tst_data_preview_idx.moc"
