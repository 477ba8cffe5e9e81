#pragma once
// Kernels: the first Conv2D layer's filters as images on the diverging palette (one scale for all), live
// while training. With one input channel the filters wrap into rows; with several, each filter is a row
// with one image per input channel. The worker paints the images; hover shows the weight.

#include "training/insights_data.h"

#include <QWidget>

class QLabel;
class QScrollArea;
class QStackedWidget;

namespace nnp {

class MapGrid;

class KernelsView : public QWidget {
    Q_OBJECT
public:
    explicit KernelsView(QWidget *parent = nullptr);

    void clear();
    void showData(std::shared_ptr<const KernelsData> data);

    [[nodiscard]] const KernelsData *data() const { return m_data.get(); }
    [[nodiscard]] MapGrid *grid() const { return m_grid; }
    [[nodiscard]] QLabel *placeholder() const { return m_placeholder; }
    [[nodiscard]] bool showsPlaceholder() const;
    /// What the tooltip says over weight (i, j) of filter `filter`, input channel `channel`.
    [[nodiscard]] QString tooltipText(int filter, int channel, int i, int j) const;

private:
    QLabel *m_placeholder;
    QStackedWidget *m_stack;
    QScrollArea *m_scroll;
    MapGrid *m_grid;
    std::shared_ptr<const KernelsData> m_data;
};

} // namespace nnp
