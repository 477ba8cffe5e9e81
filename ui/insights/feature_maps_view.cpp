#include "insights/feature_maps_view.h"

#include "insights/map_grid.h"
#include "style/palette.h"

#include <QComboBox>
#include <QContextMenuEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace nnp {

namespace {
constexpr int kPad = 8;

QString className(const FeatureMapsData &d, int k)
{
    return k >= 0 && k < d.classNames.size() && !d.classNames[k].isEmpty() ? d.classNames[k]
                                                                           : QString::number(k);
}

QString shapeText(const ChannelMaps &m)
{
    return FeatureMapsView::tr("%1×%2").arg(m.height).arg(m.width);
}

QFont boldOf(const QFont &f)
{
    QFont b = f;
    b.setBold(true);
    return b;
}

/// A layer's maps as a grid section: its title with the shape, its scale, a channel number under each map.
MapGrid::Section sectionOf(const ChannelMaps &l)
{
    MapGrid::Section s;
    s.title = FeatureMapsView::tr("%1 · %2 × %3").arg(l.name).arg(l.channels).arg(shapeText(l));
    s.scale = l.scale;
    s.images = l.images;
    for (int c = 0; c < l.channels; ++c)
        s.cellLabels << QString::number(c);
    return s;
}
} // namespace

// ---- the input ------------------------------------------------------------------------------------------

FeatureInputPanel::FeatureInputPanel(QWidget *parent) : QWidget(parent)
{
    setMinimumWidth(96);
    setMaximumWidth(160);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
}

void FeatureInputPanel::setData(std::shared_ptr<const FeatureMapsData> data)
{
    m_data = std::move(data);
    relayout();
}

void FeatureInputPanel::resizeEvent(QResizeEvent *)
{
    relayout();
}

void FeatureInputPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) relayout();
}

void FeatureInputPanel::relayout()
{
    m_texts.clear();
    m_images.clear();
    update();
    if (!m_data || m_data->input.channels == 0) return;
    const FeatureMapsData &d = *m_data;
    const QFontMetrics fm(font()), bfm(boldOf(font()));
    const int w = width() - 2 * kPad;
    int y = kPad;
    auto addText = [&](const QString &t, bool bold) {
        const QFontMetrics &m = bold ? bfm : fm;
        const QRect r = m.boundingRect(QRect(kPad, y, w, 10000), Qt::TextWordWrap, t);
        m_texts.push_back({QRect(kPad, y, w, r.height()), t, bold});
        y += r.height() + 4;
    };
    addText(tr("Input"), true);
    const ChannelMaps &in = d.input;
    if (d.inputIsImage) {
        addText(tr("%1 · %2 × %3").arg(in.name).arg(in.channels).arg(shapeText(in)), false);
        // Each channel scaled by a whole factor to the panel's width (at most 3 channels drawn).
        const int room = std::min(160, height() - y - fm.height() - 12); // leaves a line for the class
        const int k = std::max(1, std::min(w / std::max(1, in.width), room / std::max(1, in.height)));
        for (int c = 0; c < std::min(in.channels, 3); ++c) {
            m_images.push_back(QRect(kPad + (w - in.width * k) / 2, y, in.width * k, in.height * k));
            y += in.height * k + 6;
        }
    } else {
        addText(tr("%1 · %2 values (not an image: give the Input a shape like [1, 8, 8] to see it)")
                    .arg(in.name)
                    .arg(in.values.size()),
                false);
    }
    if (d.truth >= 0) addText(tr("Class: %1").arg(className(d, d.truth)), true);
}

std::vector<QRect> FeatureInputPanel::labelRects() const
{
    std::vector<QRect> r;
    for (const Text &t : m_texts)
        r.push_back(t.rect);
    return r;
}

std::vector<QRect> FeatureInputPanel::imageRects() const
{
    return m_images;
}

void FeatureInputPanel::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    paint(p);
}

void FeatureInputPanel::paint(QPainter &p) const
{
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    if (m_data)
        for (std::size_t c = 0; c < m_images.size() && c < m_data->input.images.size(); ++c) {
            p.drawImage(m_images[c], m_data->input.images[c]);
            p.setPen(QColor(0xB0, 0xB6, 0xBC));
            p.drawRect(m_images[c].adjusted(-1, -1, 0, 0));
        }
    p.setPen(palette().color(QPalette::WindowText));
    for (const Text &t : m_texts) {
        p.setFont(t.bold ? boldOf(font()) : font());
        p.drawText(t.rect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, t.text);
    }
}

// ---- the class probabilities ------------------------------------------------------------------------------

ClassBarsPanel::ClassBarsPanel(QWidget *parent) : QWidget(parent)
{
    setMinimumWidth(130);
    setMaximumWidth(220);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
}

void ClassBarsPanel::setData(std::shared_ptr<const FeatureMapsData> data)
{
    m_data = std::move(data);
    relayout();
}

void ClassBarsPanel::resizeEvent(QResizeEvent *)
{
    relayout();
}

void ClassBarsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) relayout();
}

void ClassBarsPanel::relayout()
{
    m_rows.clear();
    m_title = {};
    update();
    if (!m_data || m_data->probabilities.empty()) return;
    const FeatureMapsData &d = *m_data;
    const QFontMetrics fm(font()), bfm(boldOf(font()));
    const int w = width() - 2 * kPad;
    m_title = QRect(kPad, kPad, w, bfm.height());
    const auto n = static_cast<int>(d.probabilities.size());
    int nameW = 0;
    for (int k = 0; k < n; ++k)
        nameW = std::max(nameW, bfm.horizontalAdvance(className(d, k)) + 2);
    nameW = std::min(nameW, w / 3);
    const int valueW = fm.horizontalAdvance(QStringLiteral("100.0 %")) + 2;
    // Rows share the height left, each at least a line of text high.
    const int top = m_title.bottom() + 6;
    const int rowH = std::max(fm.height() + 2, std::min(fm.height() + 10, (height() - top - kPad) / n));
    for (int k = 0; k < n; ++k) {
        Row r;
        r.k = k;
        r.p = d.probabilities[std::size_t(k)];
        const int y = top + k * rowH;
        r.name = QRect(kPad, y, nameW, rowH);
        r.bar = QRect(kPad + nameW + 6, y + 3, std::max(10, w - nameW - valueW - 12), rowH - 6);
        r.value = QRect(r.bar.right() + 6, y, valueW, rowH);
        m_rows.push_back(r);
    }
}

std::vector<QRect> ClassBarsPanel::labelRects() const
{
    std::vector<QRect> r;
    if (m_title.isValid()) r.push_back(m_title);
    for (const Row &row : m_rows) {
        r.push_back(row.name);
        r.push_back(row.value);
    }
    return r;
}

void ClassBarsPanel::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    paint(p);
}

void ClassBarsPanel::paint(QPainter &p) const
{
    if (!m_data || m_rows.empty()) return;
    const QColor text = palette().color(QPalette::WindowText);
    const QFontMetrics fm(font());
    p.setPen(text);
    p.setFont(boldOf(font()));
    p.drawText(m_title, Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(tr("Class probabilities"), Qt::ElideRight, m_title.width()));
    for (const Row &r : m_rows) {
        const bool predicted = r.k == m_data->predicted;
        p.setFont(predicted ? boldOf(font()) : font());
        p.setPen(text);
        p.drawText(
            r.name, Qt::AlignRight | Qt::AlignVCenter,
            QFontMetrics(p.font()).elidedText(className(*m_data, r.k), Qt::ElideRight, r.name.width()));
        p.fillRect(r.bar, QColor(0xEC, 0xEE, 0xF0));
        p.fillRect(QRect(r.bar.left(), r.bar.top(),
                         static_cast<int>(r.bar.width() * std::clamp(r.p, 0.0, 1.0)), r.bar.height()),
                   classColor(r.k));
        p.drawText(r.value, Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("%1 %").arg(100.0 * r.p, 0, 'f', 1));
    }
}

// ---- the view
// ----------------------------------------------------------------------------------------------

FeatureMapsView::FeatureMapsView(QWidget *parent)
    : QWidget(parent), m_split(new QComboBox), m_layer(new QComboBox), m_size(new QComboBox),
      m_sample(new QSpinBox), m_export(new QPushButton), m_sampleInfo(new QLabel), m_placeholder(new QLabel),
      m_hover(new QLabel), m_stack(new QStackedWidget), m_input(new FeatureInputPanel),
      m_scroll(new QScrollArea), m_grid(new MapGrid), m_bars(new ClassBarsPanel)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Data:")));
    m_split->addItem(tr("Training split"));
    m_split->addItem(tr("Test split"));
    m_split->setCurrentIndex(1);
    row->addWidget(m_split);
    row->addSpacing(8);
    row->addWidget(new QLabel(tr("Sample:")));
    m_sample->setRange(0, 0);
    m_sample->setAccelerated(true);
    m_sample->setMinimumWidth(80);
    row->addWidget(m_sample);
    row->addSpacing(12);
    row->addWidget(m_sampleInfo, 1);
    layout->addLayout(row);

    // What is shown, and how large: every layer or one, fitted to the dock or a fixed size.
    auto *view = new QHBoxLayout;
    view->addWidget(new QLabel(tr("Layer:")));
    m_layer->setObjectName(QStringLiteral("featureLayer"));
    m_layer->setToolTip(tr("Show every layer side by side, or one layer larger"));
    m_layer->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_layer->addItem(tr("All layers"));
    view->addWidget(m_layer);
    view->addSpacing(8);
    view->addWidget(new QLabel(tr("Size:")));
    m_size->setObjectName(QStringLiteral("featureSize"));
    m_size->setToolTip(tr("Fit the maps to the panel, or draw each map at a fixed size"));
    m_size->addItem(tr("Fit"), 0);
    for (const int side : {48, 64, 96, 128, 192})
        m_size->addItem(tr("%1 px").arg(side), side);
    view->addWidget(m_size);
    // The value under the mouse, on one line (the whole text also as its tooltip).
    m_hover->setObjectName(QStringLiteral("featureHover"));
    m_hover->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_hover->setMinimumWidth(0);
    view->addSpacing(8);
    view->addWidget(m_hover, 1);
    m_export->setObjectName(QStringLiteral("exportFigure"));
    m_export->setText(tr("Export figure…"));
    m_export->setToolTip(tr("Save the input, every feature map and the class probabilities as a PNG or SVG "
                            "figure"));
    view->addWidget(m_export);
    layout->addLayout(view);

    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setMargin(16);
    m_placeholder->setText(tr("Press Reset or Play to build the network; its feature maps appear here."));
    m_stack->addWidget(m_placeholder);
    auto *page = new QWidget;
    auto *pageLayout = new QHBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(4);
    pageLayout->addWidget(m_input);
    // Layers left to right, from the input to the class probabilities, each wrapped to the dock's height.
    m_grid->setSideBySide(true);
    m_scroll->setWidget(m_grid);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    pageLayout->addWidget(m_scroll, 1);
    pageLayout->addWidget(m_bars);
    m_stack->addWidget(page);
    layout->addWidget(m_stack, 1);

    m_grid->setTooltip([this](int section, int index, int y, int x) {
        return tooltipText(layerOfSection(section), index, y, x);
    });
    connect(m_grid, &MapGrid::hovered, this, &FeatureMapsView::onHover);
    connect(m_split, &QComboBox::currentIndexChanged, this, &FeatureMapsView::sampleChanged);
    connect(m_sample, &QSpinBox::valueChanged, this, &FeatureMapsView::sampleChanged);
    connect(m_layer, &QComboBox::currentIndexChanged, this, &FeatureMapsView::rebuildGrid);
    connect(m_size, &QComboBox::currentIndexChanged, this,
            [this] { m_grid->setCellSide(m_size->currentData().toInt()); });
    connect(m_export, &QPushButton::clicked, this, &FeatureMapsView::exportFigureRequested);
}

InsightSplit FeatureMapsView::split() const
{
    return m_split->currentIndex() == 0 ? InsightSplit::Train : InsightSplit::Test;
}

int FeatureMapsView::sample() const
{
    return m_sample->value();
}

void FeatureMapsView::clear()
{
    m_data.reset();
    m_grid->clear();
    m_input->setData(nullptr);
    m_bars->setData(nullptr);
    m_sampleInfo->clear();
    m_hover->clear();
    m_shownLayers.clear();
    m_placeholder->setText(tr("Press Reset or Play to build the network; its feature maps appear here."));
    m_stack->setCurrentIndex(0);
}

bool FeatureMapsView::showsPlaceholder() const
{
    return m_stack->currentIndex() == 0;
}

void FeatureMapsView::showData(std::shared_ptr<const FeatureMapsData> data)
{
    if (!data || data == m_data) return;
    m_data = data;
    const FeatureMapsData &d = *data;
    {
        // The picker follows what was shown (the training split when there is no test split).
        const QSignalBlocker b1(m_split), b2(m_sample);
        if (auto *model = qobject_cast<QStandardItemModel *>(m_split->model()))
            if (QStandardItem *test = model->item(1)) test->setEnabled(d.hasTestSplit);
        m_split->setCurrentIndex(d.split == InsightSplit::Train ? 0 : 1);
        m_sample->setRange(0, std::max(0, d.samples - 1));
        if (d.samples > 0) m_sample->setValue(d.sample);
    }
    if (d.layers.empty()) {
        m_placeholder->setText(d.note.isEmpty() ? tr("No feature maps.") : d.note);
        m_sampleInfo->clear();
        m_stack->setCurrentIndex(0);
        return;
    }
    QString info = tr("%1 samples").arg(d.samples);
    if (d.truth >= 0 && d.predicted >= 0)
        info = tr("%1 samples · class %2, predicted %3")
                   .arg(d.samples)
                   .arg(className(d, d.truth), className(d, d.predicted));
    m_sampleInfo->setText(info);
    {
        // The layer picker lists this network's layers, and keeps the chosen one by name.
        const QSignalBlocker b(m_layer);
        const QString chosen = m_layer->currentIndex() > 0 ? m_layer->currentText() : QString();
        QStringList names;
        for (const ChannelMaps &l : d.layers)
            names << l.name;
        QStringList listed;
        for (int i = 1; i < m_layer->count(); ++i)
            listed << m_layer->itemText(i);
        if (listed != names) {
            while (m_layer->count() > 1)
                m_layer->removeItem(1);
            m_layer->addItems(names);
            m_layer->setCurrentIndex(std::max(0, int(names.indexOf(chosen)) + 1));
        }
    }
    rebuildGrid();
    m_input->setData(data);
    m_bars->setData(data);
    m_bars->setVisible(!d.probabilities.empty());
    m_stack->setCurrentIndex(1);
}

void FeatureMapsView::rebuildGrid()
{
    m_shownLayers.clear();
    m_hover->clear();
    if (!m_data) return;
    const FeatureMapsData &d = *m_data;
    const int only = m_layer->currentIndex() - 1; // −1: every layer
    std::vector<MapGrid::Section> sections;
    for (std::size_t i = 0; i < d.layers.size(); ++i) {
        if (only >= 0 && int(i) != only) continue;
        const ChannelMaps &l = d.layers[i];
        sections.push_back(sectionOf(l));
        m_shownLayers.push_back(int(i));
    }
    // One layer wraps to the width (scrolling down); every layer goes side by side (scrolling sideways).
    m_grid->setSideBySide(only < 0);
    m_scroll->setHorizontalScrollBarPolicy(only < 0 ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    m_grid->setSections(std::move(sections));
}

int FeatureMapsView::layerOfSection(int section) const
{
    return section >= 0 && std::size_t(section) < m_shownLayers.size() ? m_shownLayers[std::size_t(section)]
                                                                       : -1;
}

void FeatureMapsView::onHover(int section, int index, int y, int x)
{
    const int layer = layerOfSection(section);
    if (section < 0 || layer < 0 || !m_data) {
        m_hover->clear();
        m_hover->setToolTip({});
        return;
    }
    const ChannelMaps &l = m_data->layers[std::size_t(layer)];
    if (index < 0 || index >= l.channels || y < 0 || y >= l.height || x < 0 || x >= l.width) return;
    const QString text = tr("%1 · channel %2 · (y %3, x %4): %5")
                             .arg(l.name)
                             .arg(index)
                             .arg(y)
                             .arg(x)
                             .arg(double(l.at(index, y, x)), 0, 'g', 4);
    m_hover->setText(text);
    m_hover->setToolTip(text);
}

void FeatureMapsView::contextMenuEvent(QContextMenuEvent *event)
{
    if (showsPlaceholder()) {
        QWidget::contextMenuEvent(event);
        return;
    }
    QMenu menu(this);
    menu.addAction(tr("Export figure…"), this, &FeatureMapsView::exportFigureRequested);
    menu.exec(event->globalPos());
}

std::unique_ptr<MapGrid> FeatureMapsView::figureGrid() const
{
    auto all = std::make_unique<MapGrid>();
    all->setFont(m_grid->font());
    all->setSideBySide(true);
    std::vector<MapGrid::Section> sections;
    if (m_data)
        for (const ChannelMaps &l : m_data->layers)
            sections.push_back(sectionOf(l));
    all->setSections(std::move(sections));
    return all;
}

int FeatureMapsView::figureGridHeight(const MapGrid &all) const
{
    const int panels = m_input->width() + m_bars->width();
    int h = std::max({300, m_input->height(), m_bars->height()});
    for (; h < 2000; h += 50)
        if (panels + all.figureSize(h).width() <= 12 * h / 5) break;
    return h;
}

QSize FeatureMapsView::figureSize() const
{
    if (!m_data || m_data->layers.empty()) return {800, 450};
    const auto all = figureGrid();
    const QSize grid = all->figureSize(figureGridHeight(*all));
    return {m_input->width() + grid.width() + (m_bars->isVisible() ? m_bars->width() : 0),
            std::max({grid.height(), m_input->height(), m_bars->height()})};
}

void FeatureMapsView::renderFigure(QPainter &p, const QRectF &target) const
{
    const QSize natural = figureSize();
    if (natural.isEmpty() || target.isEmpty()) return;
    const double k = std::min(target.width() / natural.width(), target.height() / natural.height());
    p.save();
    p.translate(target.left() + (target.width() - k * natural.width()) / 2,
                target.top() + (target.height() - k * natural.height()) / 2);
    p.scale(k, k);
    p.setFont(font());
    if (!m_data || m_data->layers.empty()) {
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(QPoint(0, 0), natural), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder->text());
        p.restore();
        return;
    }
    // The whole grid of every layer, not only the part the scroll area shows; the panels as on screen.
    const auto all = figureGrid();
    const int h = figureGridHeight(*all);
    m_input->paint(p);
    p.translate(m_input->width(), 0);
    all->renderFigure(p, h);
    if (m_bars->isVisible()) {
        p.translate(all->figureSize(h).width(), 0);
        m_bars->paint(p);
    }
    p.restore();
}

QString FeatureMapsView::tooltipText(int layer, int channel, int y, int x) const
{
    if (!m_data || layer < 0 || std::size_t(layer) >= m_data->layers.size()) return {};
    const ChannelMaps &l = m_data->layers[std::size_t(layer)];
    if (channel < 0 || channel >= l.channels || y < 0 || y >= l.height || x < 0 || x >= l.width) return {};
    return tr("%1 (%2)\nchannel %3 · (y %4, x %5)\nvalue %6")
        .arg(l.name, l.kind)
        .arg(channel)
        .arg(y)
        .arg(x)
        .arg(double(l.at(channel, y, x)), 0, 'g', 4);
}

std::vector<QRect> FeatureMapsView::labelRects() const
{
    std::vector<QRect> r;
    if (showsPlaceholder()) return r;
    auto add = [&](QWidget *w, const std::vector<QRect> &rects) {
        if (!w->isVisible()) return;
        for (const QRect &q : rects)
            r.push_back(q.translated(w->mapTo(this, QPoint(0, 0))));
    };
    add(m_input, m_input->labelRects());
    // The maps' texts as far as the scroll area shows them.
    const QRect visible(m_scroll->viewport()->mapTo(this, QPoint(0, 0)), m_scroll->viewport()->size());
    for (const QRect &q : m_grid->labelRects()) {
        const QRect v = q.translated(m_grid->mapTo(this, QPoint(0, 0))) & visible;
        if (!v.isEmpty()) r.push_back(v);
    }
    add(m_bars, m_bars->labelRects());
    return r;
}

} // namespace nnp
