#include "style/plot_contrast.h"

#include <qcustomplot.h>

#include <algorithm>
#include <array>

namespace nnp {

namespace {

// The originals are kept as dynamic properties of the objects they belong to (the plot, its axes, its
// series), so a series added or removed while the style is on needs no bookkeeping here.
constexpr const char *kOn = "nnpHighContrast";
constexpr const char *kHooked = "nnpHighContrastHooked";
constexpr const char *kPen = "nnpOriginalPen";
constexpr const char *kBrush = "nnpOriginalBrush";
constexpr const char *kAxis = "nnpOriginalAxis";
constexpr const char *kRect = "nnpOriginalRectBrush";

const QColor kInk(Qt::black);

void styleAxis(QCPAxis *a)
{
    if (!a->property(kAxis).isValid()) {
        QVariantList saved{a->basePen(),
                           a->tickPen(),
                           a->subTickPen(),
                           a->grid()->pen(),
                           a->grid()->subGridPen(),
                           a->grid()->zeroLinePen(),
                           a->tickLabelColor(),
                           a->labelColor()};
        a->setProperty(kAxis, saved);
    }
    a->setBasePen(QPen(kInk, 2));
    a->setTickPen(QPen(kInk, 2));
    a->setSubTickPen(QPen(kInk, 1));
    a->grid()->setPen(QPen(QColor(0x80, 0x80, 0x80), 1, Qt::DotLine));
    a->grid()->setZeroLinePen(QPen(kInk, 1));
    a->setTickLabelColor(kInk);
    a->setLabelColor(kInk);
}

void restoreAxis(QCPAxis *a)
{
    const QVariantList saved = a->property(kAxis).toList();
    if (saved.size() != 8) return;
    a->setBasePen(saved[0].value<QPen>());
    a->setTickPen(saved[1].value<QPen>());
    a->setSubTickPen(saved[2].value<QPen>());
    a->grid()->setPen(saved[3].value<QPen>());
    a->grid()->setSubGridPen(saved[4].value<QPen>());
    a->grid()->setZeroLinePen(saved[5].value<QPen>());
    a->setTickLabelColor(saved[6].value<QColor>());
    a->setLabelColor(saved[7].value<QColor>());
    a->setProperty(kAxis, QVariant());
}

/// Styles the series that have not been styled yet (those added since the style was turned on).
void styleSeries(QCustomPlot *plot)
{
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable *s = plot->plottable(i);
        if (s->property(kPen).isValid()) continue;
        s->setProperty(kPen, s->pen());
        s->setProperty(kBrush, s->brush());
        const QColor c = highContrastSeriesColor(i);
        QPen pen = s->pen();
        if (pen.style() != Qt::NoPen) {
            pen.setColor(c);
            pen.setWidthF(highContrastLineWidth(pen.widthF()));
            s->setPen(pen);
        }
        if (s->brush().style() != Qt::NoBrush) { // bars, filled areas: the same colour, solid
            QBrush b = s->brush();
            b.setColor(c);
            s->setBrush(b);
        }
    }
    for (QCPAxisRect *r : plot->axisRects())
        for (QCPAxis *a : r->axes())
            if (!a->property(kAxis).isValid()) styleAxis(a);
}

} // namespace

QColor highContrastSeriesColor(int k)
{
    static constexpr std::array<QRgb, 7> kOkabeIto{0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7,
                                                   0xE69F00, 0x56B4E9, 0x000000};
    return QColor(kOkabeIto[static_cast<std::size_t>(std::max(0, k)) % kOkabeIto.size()]);
}

double highContrastLineWidth(double width)
{
    return std::max(3.0, 2.0 * width);
}

bool plotHighContrast(const QCustomPlot *plot)
{
    return plot && plot->property(kOn).toBool();
}

void setPlotHighContrast(QCustomPlot *plot, bool on)
{
    if (!plot || plotHighContrast(plot) == on) return;
    plot->setProperty(kOn, on);
    if (on) {
        if (!plot->property(kHooked).toBool()) {
            plot->setProperty(kHooked, true);
            QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [plot] {
                if (plotHighContrast(plot)) styleSeries(plot);
            });
        }
        for (QCPAxisRect *r : plot->axisRects()) {
            r->setProperty(kRect, r->backgroundBrush());
            r->setBackground(QBrush(Qt::white));
        }
        if (plot->legend) {
            plot->legend->setProperty(kPen, plot->legend->borderPen());
            plot->legend->setBorderPen(QPen(kInk, 2));
            plot->legend->setProperty(kBrush, plot->legend->textColor());
            plot->legend->setTextColor(kInk);
        }
        styleSeries(plot);
    } else {
        for (int i = 0; i < plot->plottableCount(); ++i) {
            QCPAbstractPlottable *s = plot->plottable(i);
            if (!s->property(kPen).isValid()) continue;
            s->setPen(s->property(kPen).value<QPen>());
            s->setBrush(s->property(kBrush).value<QBrush>());
            s->setProperty(kPen, QVariant());
            s->setProperty(kBrush, QVariant());
        }
        for (QCPAxisRect *r : plot->axisRects()) {
            if (r->property(kRect).isValid()) r->setBackground(r->property(kRect).value<QBrush>());
            r->setProperty(kRect, QVariant());
            for (QCPAxis *a : r->axes())
                restoreAxis(a);
        }
        if (plot->legend && plot->legend->property(kPen).isValid()) {
            plot->legend->setBorderPen(plot->legend->property(kPen).value<QPen>());
            plot->legend->setTextColor(plot->legend->property(kBrush).value<QColor>());
            plot->legend->setProperty(kPen, QVariant());
            plot->legend->setProperty(kBrush, QVariant());
        }
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace nnp
