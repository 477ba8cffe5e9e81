#include "viz/output_view.h"

#include "style/palette.h"
#include "training/training_controller.h"
#include "viz/plane_canvas.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace nnp {

OutputView::OutputView(QWidget *parent)
    : QWidget(parent), m_canvas(new PlaneCanvas(this)), m_showTest(new QCheckBox(tr("Show test data"), this)),
      m_discrete(new QCheckBox(tr("Discretize output"), this)), m_legend(new QLabel(this))
{
    setObjectName(QStringLiteral("outputView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_showTest);
    bar->addWidget(m_discrete);
    bar->addStretch();
    layout->addLayout(bar);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_legend);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    m_showTest->setChecked(true);
    m_showTest->setToolTip(tr("Draw the test points (dark rim) as well as the training points (white rim)"));
    m_discrete->setToolTip(tr("Paint only the winning class instead of the network's confidence"));
    connect(m_showTest, &QCheckBox::toggled, m_canvas, &PlaneCanvas::setShowTest);
    connect(m_discrete, &QCheckBox::toggled, m_canvas, &PlaneCanvas::setDiscrete);
    m_canvas->setPlaceholder(tr("Press Play or Reset: the network's output over the plane of a two-input "
                                "dataset appears here."));
}

void OutputView::attach(TrainingController *controller)
{
    connect(controller, &TrainingController::runReset, this, &OutputView::clear);
    connect(controller, &TrainingController::snapshotReceived, this, [this](const SnapshotPtr &s) {
        if (s) showSnapshot(*s);
    });
}

void OutputView::clear()
{
    // The points stay until the new run's first snapshot, so a reset does not flash an empty view.
    m_canvas->setBoundary(nullptr);
}

void OutputView::showSnapshot(const TrainingSnapshot &s)
{
    if (s.plane.get() != m_canvas->plane() || !s.plane) {
        m_canvas->setPlane(s.plane);
        if (!s.plane && s.status == TrainingStatus::Failed)
            m_canvas->setPlaceholder(
                tr("This run could not start: the message above the training curves and in "
                   "the status bar says why. Fix it, then press Reset."));
        else if (!s.plane && s.status != TrainingStatus::Preparing)
            m_canvas->setPlaceholder(
                tr("The output view draws the network's decision over a plane, so it needs "
                   "data with two inputs. The curves show how this run is doing."));
        updateLegend();
    }
    if (s.boundary && s.boundary.get() != m_canvas->boundary()) m_canvas->setBoundary(s.boundary);
}

void OutputView::updateLegend()
{
    const PlanePoints *pl = m_canvas->plane();
    if (!pl) {
        m_legend->clear();
        return;
    }
    const auto swatch = [](const QColor &c) {
        return QStringLiteral("<span style='color:%1; font-size:large'>&#9632;</span>").arg(c.name());
    };
    QStringList items;
    if (pl->classes == 0) {
        items << swatch(divergingColor(-1)) + QLatin1Char(' ') + tr("−1")
              << swatch(QColor(0xE0E0E0)) + tr(" 0")
              << swatch(divergingColor(1)) + QLatin1Char(' ') + tr("+1");
    } else {
        for (int k = 0; k < pl->classes; ++k) {
            const QString name = k < pl->classNames.size() ? pl->classNames[k] : tr("Class %1").arg(k);
            items << swatch(classColor(k)) + QLatin1Char(' ') + name.toHtmlEscaped();
        }
    }
    m_legend->setText(items.join(QStringLiteral(" &nbsp;&nbsp; ")) + QStringLiteral(" &nbsp;&nbsp; ") +
                      tr("○ white rim: training &nbsp; ● dark rim: test"));
}

QString OutputView::legendText() const
{
    return m_legend->text();
}

} // namespace nnp
