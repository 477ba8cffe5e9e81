// The high-contrast option reaches the plots (issue 12): a QCustomPlot gets a white plotting area, black
// axes and text and thick lines in the colour-blind-safe palette, series added while it is on get the style
// at the next replot, and turning it off brings back every pen, colour and brush as it was.
#include "style/plot_contrast.h"

#include <QtTest>

#include <qcustomplot.h>

using namespace nnp;

class TestPlotContrast : public QObject {
    Q_OBJECT
private slots:
    void onAndOffAgain();
};

void TestPlotContrast::onAndOffAgain()
{
    QCustomPlot plot;
    plot.resize(400, 300);
    plot.legend->setVisible(true);
    plot.yAxis2->setVisible(true);
    plot.yAxis2->setTickLabelColor(QColor(0x2E, 0x7D, 0x32)); // as the loss plot's metric axis
    const std::vector<QPen> pens{QPen(QColor(0x9E, 0x9E, 0x9E), 1), QPen(QColor(0x15, 0x65, 0xC0), 2.5),
                                 QPen(QColor(0xEF, 0x6C, 0x00), 2.5),
                                 QPen(QColor(0x2E, 0x7D, 0x32), 2, Qt::DashLine)};
    for (const QPen &pen : pens) {
        QCPGraph *g = plot.addGraph();
        g->setPen(pen);
        g->setData({0, 1, 2}, {1, 0.5, 0.25});
    }
    auto *bars = new QCPBars(plot.xAxis, plot.yAxis);
    bars->setPen(QPen(QColor(0x1F4E79), 1));
    bars->setBrush(QColor(0x1F, 0x4E, 0x79, 80));
    const QPen axis = plot.xAxis->basePen(), grid = plot.yAxis->grid()->pen();
    const QColor ticks = plot.yAxis2->tickLabelColor(), labels = plot.xAxis->labelColor();
    const QBrush background = plot.axisRect()->backgroundBrush();
    const QPen legendBorder = plot.legend->borderPen();
    plot.replot();

    setPlotHighContrast(&plot, true);
    QVERIFY(plotHighContrast(&plot));
    for (int i = 0; i < plot.graphCount(); ++i) {
        const QPen pen = plot.graph(i)->pen();
        QCOMPARE(pen.color(), highContrastSeriesColor(i));
        QVERIFY(pen.color() != pens[std::size_t(i)].color());
        QVERIFY2(pen.widthF() >= 3.0 && pen.widthF() >= 2 * pens[std::size_t(i)].widthF(),
                 qPrintable(QString::number(pen.widthF())));
        QCOMPARE(pen.style(), pens[std::size_t(i)].style()); // dashed stays dashed
    }
    QCOMPARE(bars->brush().color().rgb(), highContrastSeriesColor(4).rgb());
    QCOMPARE(plot.xAxis->basePen().color(), QColor(Qt::black));
    QVERIFY(plot.xAxis->basePen().widthF() >= 2);
    QCOMPARE(plot.yAxis2->tickLabelColor(), QColor(Qt::black));
    QCOMPARE(plot.xAxis->labelColor(), QColor(Qt::black));
    QVERIFY(plot.yAxis->grid()->pen() != grid);
    QCOMPARE(plot.axisRect()->backgroundBrush(), QBrush(Qt::white));
    QVERIFY(plot.axisRect()->backgroundBrush() != background);
    QCOMPARE(plot.legend->borderPen().color(), QColor(Qt::black));
    // The palette is colour-blind safe and distinct: no two of its first seven colours are alike.
    for (int a = 0; a < 7; ++a)
        for (int b = a + 1; b < 7; ++b)
            QVERIFY(highContrastSeriesColor(a) != highContrastSeriesColor(b));
    // Turning it on twice changes nothing more (the originals are not overwritten).
    setPlotHighContrast(&plot, true);

    // A series added while it is on (a kept run's curve) gets the style at the next replot.
    QCPGraph *added = plot.addGraph();
    added->setPen(QPen(QColor(0xAA, 0xAA, 0xAA), 1));
    plot.replot();
    QCOMPARE(added->pen().color(), highContrastSeriesColor(plot.plottableCount() - 1));
    QVERIFY(added->pen().widthF() >= 3.0);
    const QImage on = plot.toPixmap(400, 300).toImage();

    setPlotHighContrast(&plot, false);
    QVERIFY(!plotHighContrast(&plot));
    for (int i = 0; i < int(pens.size()); ++i)
        QCOMPARE(plot.graph(i)->pen(), pens[std::size_t(i)]);
    QCOMPARE(added->pen(), QPen(QColor(0xAA, 0xAA, 0xAA), 1));
    QCOMPARE(bars->brush(), QBrush(QColor(0x1F, 0x4E, 0x79, 80)));
    QCOMPARE(plot.xAxis->basePen(), axis);
    QCOMPARE(plot.yAxis->grid()->pen(), grid);
    QCOMPARE(plot.yAxis2->tickLabelColor(), ticks);
    QCOMPARE(plot.xAxis->labelColor(), labels);
    QCOMPARE(plot.axisRect()->backgroundBrush(), background);
    QCOMPARE(plot.legend->borderPen(), legendBorder);
    // And what is drawn differs: the thick black axes and the palette's colours are gone again.
    plot.replot();
    QVERIFY(plot.toPixmap(400, 300).toImage() != on);
    // A replot while off leaves the restored pens alone.
    QCOMPARE(plot.graph(1)->pen(), pens[1]);
}

QTEST_MAIN(TestPlotContrast)
#include "tst_plot_contrast.moc"
