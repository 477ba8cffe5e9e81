#include "insights/kernels_view.h"

#include "insights/map_grid.h"

#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace nnp {

KernelsView::KernelsView(QWidget *parent)
    : QWidget(parent), m_placeholder(new QLabel), m_stack(new QStackedWidget), m_scroll(new QScrollArea),
      m_grid(new MapGrid)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setMargin(16);
    m_stack->addWidget(m_placeholder);
    m_grid->setCellSide(MapGrid::kTargetSide); // kernels are 3×3 or so: one size, however large the dock
    m_scroll->setWidget(m_grid);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_stack->addWidget(m_scroll);
    layout->addWidget(m_stack);
    m_grid->setTooltip([this](int, int index, int y, int x) {
        if (!m_data || m_data->channels <= 0) return QString();
        return tooltipText(index / m_data->channels, index % m_data->channels, y, x);
    });
    clear();
}

void KernelsView::clear()
{
    m_data.reset();
    m_grid->clear();
    m_placeholder->setText(tr("Press Reset or Play to build the network; its first convolution's kernels "
                              "appear here."));
    m_stack->setCurrentIndex(0);
}

bool KernelsView::showsPlaceholder() const
{
    return m_stack->currentIndex() == 0;
}

void KernelsView::showData(std::shared_ptr<const KernelsData> data)
{
    if (!data || data == m_data) return;
    m_data = data;
    const KernelsData &k = *data;
    if (k.images.empty()) {
        m_placeholder->setText(k.note.isEmpty() ? tr("No kernels.") : k.note);
        m_stack->setCurrentIndex(0);
        return;
    }
    MapGrid::Section s;
    s.title =
        tr("%1 · %2 filters of %3 × %4×%5").arg(k.name).arg(k.filters).arg(k.channels).arg(k.kh).arg(k.kw);
    s.scale = k.scale;
    s.images = k.images;
    if (k.channels == 1) {
        for (int f = 0; f < k.filters; ++f)
            s.cellLabels << QString::number(f);
    } else {
        // One row per filter, one image per input channel (numbered under each).
        s.columns = k.channels;
        for (int f = 0; f < k.filters; ++f) {
            s.rowLabels << tr("filter %1").arg(f);
            for (int c = 0; c < k.channels; ++c)
                s.cellLabels << tr("ch %1").arg(c);
        }
    }
    m_grid->setSections({s});
    m_stack->setCurrentIndex(1);
}

QString KernelsView::tooltipText(int filter, int channel, int i, int j) const
{
    if (!m_data || filter < 0 || filter >= m_data->filters || channel < 0 || channel >= m_data->channels ||
        i < 0 || i >= m_data->kh || j < 0 || j >= m_data->kw)
        return {};
    const KernelsData &k = *m_data;
    const float w =
        k.weights[static_cast<std::size_t>(((filter * k.channels + channel) * k.kh + i) * k.kw + j)];
    return tr("%1 · filter %2, input channel %3 · (%4, %5)\nweight %6")
        .arg(k.name)
        .arg(filter)
        .arg(channel)
        .arg(i)
        .arg(j)
        .arg(double(w), 0, 'g', 4);
}

} // namespace nnp
