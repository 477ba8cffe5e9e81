#include "runs/compare_view.h"

#include "panels/on_screen.h"
#include "runs/run_shelf.h"
#include "style/palette.h"
#include "viz/plane_canvas.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPicture>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>

namespace nnp {

namespace {
constexpr int kCardSide = 120;
constexpr int kCardColumns = 1;
constexpr double kLineWidth = 2.5;
/// The current run's changes are drawn at most this often (ms) while the view is seen.
constexpr int kCurrentRunDelay = 250;

/// The runs in the order drawn: the kept ones (oldest first), then the current run when it is not kept.
struct Shown {
    int number; ///< 0: the current run
    QString label;
    const std::vector<EpochRecord> *history;
    const RunPicture *picture;
};

std::vector<Shown> shownRuns(const RunShelf &shelf)
{
    std::vector<Shown> r;
    for (const auto &e : shelf.runs().entries())
        r.push_back({e.record.number, shelf.label(e.record), &e.record.history, &e.picture});
    if (shelf.canKeep() && !shelf.currentIsKept())
        r.push_back({0, shelf.currentLabel(), &shelf.current().history, &shelf.currentPicture()});
    return r;
}
} // namespace

QImage runPictureImage(const RunPicture &picture, int side)
{
    if (!picture.plane) return {};
    PlaneCanvas canvas;
    canvas.setAttribute(Qt::WA_DontShowOnScreen);
    canvas.setCompact(true);
    canvas.setPlane(picture.plane);
    if (picture.boundary) canvas.setBoundary(picture.boundary);
    canvas.setShowTest(false);
    QPalette pal = canvas.palette();
    pal.setColor(QPalette::Window, Qt::white);
    canvas.setPalette(pal);
    canvas.resize(side, side);
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    canvas.render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    return image;
}

CompareView::CompareView(RunShelf *shelf, QWidget *parent)
    : QWidget(parent), m_shelf(shelf), m_plot(new QCustomPlot(this))
{
    setObjectName(QStringLiteral("compareView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = m_bar = new QHBoxLayout;
    m_showTrain = new QCheckBox(tr("Training loss (solid)"), this);
    m_showTest = new QCheckBox(tr("Test loss (dashed)"), this);
    m_showTrain->setChecked(true);
    m_showTest->setChecked(true);
    m_clear = new QPushButton(tr("Clear all"), this);
    m_clear->setObjectName(QStringLiteral("clearRuns"));
    m_clear->setToolTip(tr("Remove every kept run"));
    m_export = new QPushButton(tr("Export figure…"), this);
    m_export->setObjectName(QStringLiteral("exportFigure"));
    m_export->setToolTip(tr("Save the comparison as a PNG or SVG figure"));
    bar->addWidget(m_showTrain);
    bar->addWidget(m_showTest);
    bar->addStretch();
    bar->addWidget(m_export);
    bar->addWidget(m_clear);
    layout->addLayout(bar);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("compareHint"));
    m_hint->setWordWrap(true);
    m_hint->setText(
        tr("Train a run and press Keep run; change one thing, train again and keep it too. The runs "
           "are drawn here over each other, each labelled with what differs from the first."));
    layout->addWidget(m_hint);

    m_plot->setPlottingHint(QCP::phFastPolylines, true); // as the loss plot (plots/loss_plot.cpp)
    QFont tickFont = font();
    tickFont.setPointSizeF(tickFont.pointSizeF() * 1.1);
    QFont labelFont = tickFont;
    labelFont.setBold(true);
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setTickLabelFont(tickFont);
        axis->setLabelFont(labelFont);
    }
    m_plot->xAxis->setLabel(tr("Epoch"));
    m_plot->yAxis->setLabel(tr("Loss"));
    m_plot->legend->setVisible(true);
    QFont legendFont = tickFont;
    legendFont.setPointSizeF(tickFont.pointSizeF() * 1.1); // read from the back of a classroom
    m_plot->legend->setFont(legendFont);
    m_plot->legend->setBrush(QColor(255, 255, 255, 225));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->setMinimumSize(240, 140);

    // The pictures beside the curves (a bottom dock is wide and short), one under the other, scrolling down.
    m_cards = new QWidget;
    m_cardRow = new QGridLayout(m_cards);
    m_cardRow->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_cards);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(kCardSide + 48);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_plot);
    split->addWidget(scroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    m_delay = new QTimer(this);
    m_delay->setSingleShot(true);
    m_delay->setInterval(kCurrentRunDelay);
    connect(m_delay, &QTimer::timeout, this, [this] { catchUp(); });
    connect(m_showTrain, &QCheckBox::toggled, this, &CompareView::rebuildCurves);
    connect(m_showTest, &QCheckBox::toggled, this, &CompareView::rebuildCurves);
    connect(m_clear, &QPushButton::clicked, m_shelf, &RunShelf::clear);
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (m_exportHandler) m_exportHandler();
    });
    connect(m_shelf, &RunShelf::runsChanged, this, &CompareView::onRunsChanged);
    connect(m_shelf, &RunShelf::currentChanged, this, &CompareView::onCurrentChanged);
    setMinimumSize(320, 260);
    onRunsChanged();
}

void CompareView::addKeepAction(QAction *keep)
{
    auto *button = new QToolButton(this);
    button->setObjectName(QStringLiteral("keepRunButton"));
    button->setDefaultAction(keep);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_bar->insertWidget(0, button);
}

void CompareView::setExportHandler(std::function<void()> handler)
{
    m_exportHandler = std::move(handler);
}

QColor CompareView::runColor(int number)
{
    if (number == 0) return QColor(0x20, 0x20, 0x20);
    // The Okabe–Ito colours in an order whose neighbours differ most (orange, blue, green, pink, …).
    static const int order[] = {0, 1, 3, 4, 5, 2, 6, 7};
    return classColor(order[(number - 1) % 8]);
}

void CompareView::onRunsChanged()
{
    // A user's action (keep, remove, clear): drawn at once when seen.
    m_clear->setEnabled(!m_shelf->runs().empty());
    m_hint->setVisible(m_shelf->runs().empty());
    m_curvesStale = m_cardsStale = true;
    if (onScreen(this)) catchUp();
}

void CompareView::onCurrentChanged()
{
    m_curvesStale = m_currentCardStale = true;
    if (onScreen(this) && !m_delay->isActive()) m_delay->start();
}

void CompareView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    catchUp();
}

void CompareView::catchUp() const
{
    // Drawing is not part of what the view shows to its callers: they see it as if it were always current.
    auto *self = const_cast<CompareView *>(this);
    self->m_delay->stop();
    if (m_curvesStale) self->rebuildCurves();
    if (m_cardsStale)
        self->rebuildCards();
    else if (m_currentCardStale)
        self->updateCurrentCard();
}

void CompareView::rebuildCurves()
{
    m_curvesStale = false;
    ++m_curveRebuilds;
    m_plot->clearGraphs();
    double maxEpoch = 1, lo = 1e300, hi = -1e300;
    for (const Shown &run : shownRuns(*m_shelf)) {
        const QColor colour = runColor(run.number);
        QVector<double> x, train, testX, test;
        for (const EpochRecord &e : *run.history) {
            x << e.epoch;
            train << e.trainLoss;
            if (e.testLoss) {
                testX << e.epoch;
                test << *e.testLoss;
            }
        }
        const auto add = [&](const QVector<double> &xs, const QVector<double> &ys, bool dashed) {
            QCPGraph *g = m_plot->addGraph();
            g->setData(xs, ys, true);
            g->setPen(QPen(colour, kLineWidth, dashed ? Qt::DashLine : Qt::SolidLine));
            g->setName(run.label);
            g->setProperty("run", run.number);
            g->setProperty("test", dashed);
            for (int i = 0; i < ys.size(); ++i) {
                lo = std::min(lo, ys[i]);
                hi = std::max(hi, ys[i]);
            }
            if (!xs.isEmpty()) maxEpoch = std::max(maxEpoch, xs.back());
            return g;
        };
        QCPGraph *solid = nullptr;
        if (m_showTrain->isChecked()) solid = add(x, train, false);
        if (m_showTest->isChecked() && !test.isEmpty()) {
            QCPGraph *dashed = add(testX, test, true);
            // One legend line per run: the training curve's, or the test curve's when it is drawn alone.
            if (solid) dashed->removeFromLegend();
        }
    }
    m_plot->xAxis->setRange(0, maxEpoch);
    if (lo <= hi) {
        const double pad = std::max((hi - lo) * 0.05, 1e-6);
        m_plot->yAxis->setRange(std::max(0.0, lo - pad), hi + pad);
    } else {
        m_plot->yAxis->setRange(0, 1);
    }
    m_plot->legend->setVisible(m_plot->graphCount() > 0);
    m_plot->yAxis->setLabel(axisLabel(false));
    m_plot->replot();
}

QString CompareView::axisLabel(bool figure) const
{
    // On screen the check boxes say which line is which loss; a figure says it in the axis' label.
    const bool train = m_showTrain->isChecked(), test = m_showTest->isChecked();
    if (train && test) return figure ? tr("Loss (solid: training, dashed: test)") : tr("Loss");
    return test ? tr("Test loss") : tr("Training loss");
}

QCPGraph *CompareView::curve(int number, bool test) const
{
    catchUp();
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        QCPGraph *g = m_plot->graph(i);
        if (g->property("run").toInt() == number && g->property("test").toBool() == test) return g;
    }
    return nullptr;
}

void CompareView::rebuildCards()
{
    m_cardsStale = m_currentCardStale = false;
    while (QLayoutItem *item = m_cardRow->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int row = 0; row < m_cardRow->rowCount(); ++row)
        m_cardRow->setRowStretch(row, 0);
    int index = 0;
    for (const Shown &run : shownRuns(*m_shelf)) {
        auto *card = new QWidget(m_cards);
        card->setObjectName(QStringLiteral("runCard%1").arg(run.number));
        auto *column = new QVBoxLayout(card);
        column->setContentsMargins(4, 4, 4, 4);
        auto *top = new QHBoxLayout;
        auto *swatch = new QLabel(card);
        swatch->setFixedSize(14, 14);
        swatch->setStyleSheet(
            QStringLiteral("background:%1;border-radius:3px").arg(runColor(run.number).name()));
        top->addWidget(swatch);
        auto *caption = new QLabel(run.label, card);
        caption->setObjectName(QStringLiteral("runCaption"));
        caption->setWordWrap(true);
        caption->setMaximumWidth(kCardSide + 40);
        top->addWidget(caption, 1);
        if (run.number != 0) {
            auto *remove = new QToolButton(card);
            remove->setObjectName(QStringLiteral("removeRun%1").arg(run.number));
            remove->setText(QStringLiteral("✕"));
            remove->setToolTip(tr("Remove this run"));
            remove->setAutoRaise(true);
            const int number = run.number;
            connect(remove, &QToolButton::clicked, m_shelf, [this, number] { m_shelf->remove(number); });
            top->addWidget(remove);
        }
        column->addLayout(top);
        auto *pic = new QLabel(card);
        pic->setObjectName(QStringLiteral("runPicture"));
        const QImage image = runPictureImage(*run.picture, kCardSide);
        if (!image.isNull()) pic->setPixmap(QPixmap::fromImage(image));
        pic->setVisible(!image.isNull());
        column->addWidget(pic, 0, Qt::AlignHCenter);
        column->addStretch();
        m_cardRow->addWidget(card, index / kCardColumns, index % kCardColumns, Qt::AlignTop | Qt::AlignLeft);
        ++index;
    }
    m_cardRow->setRowStretch(index / kCardColumns + 1, 1);
}

void CompareView::updateCurrentCard()
{
    m_currentCardStale = false;
    const auto runs = shownRuns(*m_shelf);
    QWidget *card = m_cards->findChild<QWidget *>(QStringLiteral("runCard0"));
    const bool shown = !runs.empty() && runs.back().number == 0;
    if (!card || !shown) { // the current run appeared or went (kept, or no epoch yet): the set changed
        rebuildCards();
        return;
    }
    if (auto *caption = card->findChild<QLabel *>(QStringLiteral("runCaption")))
        caption->setText(runs.back().label);
    if (auto *pic = card->findChild<QLabel *>(QStringLiteral("runPicture"))) {
        const QImage image = runPictureImage(*runs.back().picture, kCardSide);
        if (!image.isNull()) pic->setPixmap(QPixmap::fromImage(image));
        pic->setVisible(!image.isNull());
    }
}

QStringList CompareView::cardLabels() const
{
    catchUp();
    QStringList r;
    for (const QLabel *l : m_cards->findChildren<QLabel *>(QStringLiteral("runCaption")))
        r << l->text();
    return r;
}

QToolButton *CompareView::removeButton(int number) const
{
    catchUp();
    return m_cards->findChild<QToolButton *>(QStringLiteral("removeRun%1").arg(number));
}

bool CompareView::anyPicture() const
{
    const auto runs = shownRuns(*m_shelf);
    return std::any_of(runs.begin(), runs.end(), [](const Shown &r) { return r.picture->plane != nullptr; });
}

QSize CompareView::naturalSize() const
{
    return anyPicture() ? QSize(1200, 900) : QSize(1200, 675);
}

void CompareView::render(QPainter &painter, const QRectF &target) const
{
    catchUp(); // a figure exported while the view is hidden shows the runs as they are
    const auto runs = shownRuns(*m_shelf);
    if (runs.empty()) {
        painter.setPen(Qt::darkGray);
        painter.drawText(target, Qt::AlignCenter | Qt::TextWordWrap,
                         tr("No runs to compare yet: keep a run first."));
        return;
    }
    // Laid out at the natural size, then scaled into the target, so text keeps its proportions.
    const QSizeF natural = naturalSize();
    const double s = std::min(target.width() / natural.width(), target.height() / natural.height());
    painter.save();
    painter.translate(target.left() + (target.width() - natural.width() * s) / 2,
                      target.top() + (target.height() - natural.height() * s) / 2);
    painter.scale(s, s);
    const bool pictures = anyPicture();
    const int curvesHeight = pictures ? 600 : static_cast<int>(natural.height());
    QPicture curves;
    {
        m_plot->yAxis->setLabel(axisLabel(true));
        QCPPainter recorder(&curves);
        m_plot->toPainter(&recorder, static_cast<int>(natural.width()), curvesHeight);
        m_plot->yAxis->setLabel(axisLabel(false));
    }
    painter.drawPicture(0, 0, curves);
    if (pictures) {
        const int n = static_cast<int>(runs.size());
        const double cell = natural.width() / std::max(n, 1);
        const int side = static_cast<int>(std::min(cell - 16, 230.0));
        QFont f = m_plot->legend->font();
        f.setPixelSize(16);
        painter.setFont(f);
        for (int i = 0; i < n; ++i) {
            const Shown &run = runs[static_cast<std::size_t>(i)];
            const QPointF at(i * cell + (cell - side) / 2, curvesHeight + 12);
            const QImage image = runPictureImage(*run.picture, side);
            if (!image.isNull()) painter.drawImage(at, image);
            painter.setPen(QPen(runColor(run.number), 4));
            painter.drawRect(QRectF(at, QSizeF(side, side)));
            const QRectF text(i * cell + 6, curvesHeight + side + 20, cell - 12,
                              natural.height() - curvesHeight - side - 20);
            painter.setPen(Qt::black);
            painter.drawText(text, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, run.label);
        }
    }
    painter.restore();
}

} // namespace nnp
