#include "export/figure_sources.h"

#include "editor/graph_scene.h"
#include "figures/figure_registry.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "plots/loss_plot.h"
#include "viz/output_view.h"
#include "viz/plane_canvas.h"

#include <QGraphicsItem>
#include <QPicture>
#include <QPointer>
#include <QStyleOptionGraphicsItem>
#include <qcustomplot.h>

#include <algorithm>

namespace nnp {

namespace {
constexpr double kCanvasMargin = 24;

QSize widgetSize(const QWidget *w, QSize fallback)
{
    const QSize s = w ? w->size() : QSize();
    return (w && w->isVisible() && s.width() >= 64 && s.height() >= 64) ? s : fallback;
}

/// The factor that maps a figure of natural size `natural` into `target` (the smaller of the two ratios),
/// and the logical size to lay it out at so that it fills the target after scaling.
std::pair<double, QSizeF> fitScale(QSizeF natural, QSizeF target)
{
    const double s =
        std::max(1e-3, std::min(target.width() / natural.width(), target.height() / natural.height()));
    return {s, target / s};
}

/// A widget's size as the default for a slide: a very flat or very tall dock (the curves along the bottom
/// of the window) would make an unreadable figure, so those start at 16:9 instead.
QSize slideSize(const QWidget *w, QSize fallback)
{
    const QSize s = widgetSize(w, fallback);
    const double aspect = static_cast<double>(s.width()) / s.height();
    return aspect > 2.2 || aspect < 0.6 ? fallback : s;
}

QRectF canvasSource(const GraphScene *scene)
{
    return scene->itemsBoundingRect().adjusted(-kCanvasMargin, -kCanvasMargin, kCanvasMargin, kCanvasMargin);
}

/// The layers and wires, without the editing grid and without selection marks, scaled into `target`.
void renderCanvas(GraphScene *scene, QPainter &painter, const QRectF &target)
{
    const QRectF source = canvasSource(scene);
    if (scene->items().isEmpty() || source.isEmpty()) {
        painter.setPen(Qt::darkGray);
        painter.drawText(target, Qt::AlignCenter, MainWindow::tr("The canvas is empty."));
        return;
    }
    const double s = std::min(target.width() / source.width(), target.height() / source.height());
    const QPointF offset(target.left() + (target.width() - source.width() * s) / 2,
                         target.top() + (target.height() - source.height() * s) / 2);
    QTransform base;
    base.translate(offset.x(), offset.y());
    base.scale(s, s);
    base.translate(-source.left(), -source.top());

    // Selection marks belong to the editor, not to a slide: unselect for the drawing only, silently.
    const QSignalBlocker block(scene);
    const QList<QGraphicsItem *> selected = scene->selectedItems();
    for (QGraphicsItem *item : selected)
        item->setSelected(false);
    const QTransform before = painter.transform();
    for (QGraphicsItem *item : scene->items(Qt::AscendingOrder)) {
        if (!item->isVisible() || (item->flags() & QGraphicsItem::ItemHasNoContents)) continue;
        painter.save();
        painter.setTransform(item->sceneTransform() * base * before);
        QStyleOptionGraphicsItem option;
        option.state = QStyle::State_Enabled;
        option.exposedRect = item->boundingRect();
        option.rect = option.exposedRect.toRect();
        option.palette = scene->palette();
        item->paint(&painter, &option, nullptr);
        painter.restore();
    }
    for (QGraphicsItem *item : selected)
        item->setSelected(true);
}

/// The output view's plot, laid out afresh at the export size (a temporary canvas with the same data).
void renderOutput(OutputView *view, QPainter &painter, const QRectF &target)
{
    const PlaneCanvas *live = view->canvas();
    PlaneCanvas canvas;
    canvas.setAttribute(Qt::WA_DontShowOnScreen);
    canvas.setPlaceholder(MainWindow::tr("No output yet: the data needs exactly two input features."));
    if (live->plane())
        canvas.setPlane(
            std::shared_ptr<const PlanePoints>(std::shared_ptr<const PlanePoints>{}, live->plane()));
    if (live->boundary())
        canvas.setBoundary(
            std::shared_ptr<const BoundaryGrid>(std::shared_ptr<const BoundaryGrid>{}, live->boundary()));
    canvas.setShowTest(live->showsTest());
    canvas.setDiscrete(live->discrete());
    QPalette pal = canvas.palette();
    pal.setColor(QPalette::Window, Qt::white);
    canvas.setPalette(pal);
    const QSize liveSize = widgetSize(live, QSize(420, 420));
    const int side = std::min(liveSize.width(), liveSize.height());
    const auto [s, logical] = fitScale(QSizeF(side, side), target.size());
    canvas.resize(logical.toSize());
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(s, s);
    canvas.render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    painter.restore();
}

/// The curves through QCustomPlot's own vector drawing (recorded as a picture, replayed scaled).
void renderLoss(LossPlot *plot, QPainter &painter, const QRectF &target)
{
    QCustomPlot *custom = plot->plot();
    const auto [s, logical] = fitScale(QSizeF(slideSize(custom, QSize(800, 450))), target.size());
    QPicture picture;
    {
        QCPPainter recorder(&picture);
        custom->toPainter(&recorder, static_cast<int>(logical.width()), static_cast<int>(logical.height()));
    }
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(s, s);
    painter.drawPicture(0, 0, picture);
    painter.restore();
}
} // namespace

void registerStandardFigures(MainWindow *window)
{
    FigureRegistry *registry = window->figures();
    QPointer<GraphScene> scene = window->scene();
    registry->add({QStringLiteral("canvas"), MainWindow::tr("Network (canvas)"),
                   [scene] {
                       if (!scene || scene->items().isEmpty()) return QSize(800, 500);
                       return canvasSource(scene).size().toSize().expandedTo(QSize(64, 64));
                   },
                   [scene](QPainter &p, const QRectF &target) {
                       if (scene) renderCanvas(scene, p, target);
                   }});
    if (TrainingDocks *training = window->training()) {
        QPointer<OutputView> output = training->outputView();
        registry->add({QStringLiteral("output"), MainWindow::tr("Output (decision boundary)"),
                       [output] {
                           // The plot is square: the widget's extra width is only margin.
                           const QSize s =
                               output ? widgetSize(output->canvas(), QSize(420, 420)) : QSize(420, 420);
                           const int side = std::min(s.width(), s.height());
                           return QSize(side, side);
                       },
                       [output](QPainter &p, const QRectF &target) {
                           if (output) renderOutput(output, p, target);
                       }});
        QPointer<LossPlot> loss = training->lossPlot();
        registry->add({QStringLiteral("loss"), MainWindow::tr("Training curves"),
                       [loss] { return loss ? slideSize(loss->plot(), QSize(800, 450)) : QSize(800, 450); },
                       [loss](QPainter &p, const QRectF &target) {
                           if (loss) renderLoss(loss, p, target);
                       }});
    }
}

} // namespace nnp
