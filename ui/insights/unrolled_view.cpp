#include "insights/unrolled_view.h"

#include "insights/layer_choice.h"
#include "style/palette.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace nnp {

namespace {
constexpr double kHeader = 118; // the row names' column ("hidden state h" fits)
constexpr double kColumn = 58;  // one step
constexpr double kWordRow = 24, kGateRow = 64, kPredictionRow = 44, kGap = 6;

double mean(const std::vector<double> &v, std::size_t from, std::size_t n)
{
    double s = 0;
    for (std::size_t i = from; i < from + n && i < v.size(); ++i)
        s += v[i];
    return n > 0 ? s / static_cast<double>(n) : 0;
}

/// The network's output after a step as one number in [0, 1] for the bar (a probability), or −1.
double barValue(const UnrolledData &d, const UnrolledStep &s, int *predicted)
{
    *predicted = -1;
    if (s.output.empty() || !d.classification) return -1;
    if (s.output.size() == 1) {
        *predicted = s.output[0] >= 0.5 ? 1 : 0;
        return s.output[0];
    }
    const auto best = std::max_element(s.output.begin(), s.output.end());
    *predicted = static_cast<int>(best - s.output.begin());
    return *best;
}
} // namespace

UnrolledCanvas::UnrolledCanvas(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void UnrolledCanvas::setData(std::shared_ptr<const UnrolledData> data)
{
    m_data = std::move(data);
    m_cellScale = 0;
    if (m_data)
        for (const UnrolledStep &s : m_data->sequence.steps)
            for (double c : s.cell)
                m_cellScale = std::max(m_cellScale, std::abs(c));
    if (m_cellScale <= 0) m_cellScale = 1;
    resize(sizeHint());
    updateGeometry();
    update();
}

int UnrolledCanvas::columnCount() const
{
    return m_data ? static_cast<int>(m_data->sequence.steps.size()) : 0;
}

double UnrolledCanvas::unitHeight() const
{
    const int units = m_data ? std::max(1, m_data->sequence.units) : 1;
    return std::clamp(160.0 / units, 2.0, 10.0);
}

double UnrolledCanvas::rowHeight(Row row) const
{
    if (!m_data) return 0;
    const LayerKind k = m_data->sequence.kind;
    switch (row) {
    case Row::Word:
        return kWordRow;
    case Row::Hidden:
        return unitHeight() * m_data->sequence.units;
    case Row::Cell:
        return k == LayerKind::LSTM ? unitHeight() * m_data->sequence.units : 0;
    case Row::Gates:
        return k == LayerKind::LSTM || k == LayerKind::GRU ? kGateRow : 0;
    case Row::Prediction:
        return kPredictionRow;
    }
    return 0;
}

double UnrolledCanvas::rowTop(Row row) const
{
    double y = kGap;
    for (Row r : {Row::Word, Row::Hidden, Row::Cell, Row::Gates, Row::Prediction}) {
        if (r == row) return y;
        if (const double h = rowHeight(r); h > 0) y += h + kGap;
    }
    return y;
}

QSize UnrolledCanvas::sizeHint() const
{
    return {static_cast<int>(kHeader + kColumn * std::max(1, columnCount()) + kGap),
            static_cast<int>(rowTop(Row::Prediction) + rowHeight(Row::Prediction) + kGap)};
}

QRectF UnrolledCanvas::columnRect(int t) const
{
    if (t < 0 || t >= columnCount()) return {};
    return {kHeader + t * kColumn, 0, kColumn, double(sizeHint().height())};
}

QRectF UnrolledCanvas::rowRect(int t, Row row) const
{
    const QRectF c = columnRect(t);
    if (c.isEmpty() || rowHeight(row) <= 0) return {};
    return {c.left() + 2, rowTop(row), c.width() - 4, rowHeight(row)};
}

QStringList UnrolledCanvas::gateNames() const
{
    if (!m_data) return {};
    switch (m_data->sequence.kind) {
    case LayerKind::LSTM:
        return {QStringLiteral("i"), QStringLiteral("f"), QStringLiteral("g"), QStringLiteral("o")};
    case LayerKind::GRU:
        return {QStringLiteral("r"), QStringLiteral("z"), QStringLiteral("n")};
    default:
        return {QStringLiteral("h")};
    }
}

void UnrolledCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    if (!m_data) return;
    const UnrolledData &d = *m_data;
    const int H = d.sequence.units;
    const QColor text = palette().color(QPalette::Text), mid = palette().color(QPalette::Mid);
    // Row names.
    p.setPen(text);
    const auto name = [&](Row row, const QString &s) {
        if (rowHeight(row) > 0)
            p.drawText(QRectF(4, rowTop(row), kHeader - 8, rowHeight(row)), Qt::AlignLeft | Qt::AlignVCenter,
                       s);
    };
    name(Row::Word, tr("word"));
    name(Row::Hidden, tr("hidden state h"));
    name(Row::Cell, tr("cell state c"));
    name(Row::Gates, tr("gates %1").arg(gateNames().join(QStringLiteral(", "))));
    name(Row::Prediction, tr("prediction"));
    const QStringList gates = gateNames();
    for (int t = 0; t < columnCount(); ++t) {
        const UnrolledStep &s = d.sequence.steps[static_cast<std::size_t>(t)];
        const QRectF column = columnRect(t);
        if (s.padding) p.fillRect(column.adjusted(1, 0, -1, 0), palette().color(QPalette::AlternateBase));
        p.setPen(s.padding ? mid : text);
        const QString word = s.padding ? tr("(pad)") : d.words.value(t);
        p.drawText(rowRect(t, Row::Word), Qt::AlignCenter,
                   fontMetrics().elidedText(word, Qt::ElideRight, int(kColumn - 4)));
        const double uh = unitHeight();
        const QRectF hr = rowRect(t, Row::Hidden);
        for (int k = 0; k < H && k < static_cast<int>(s.hidden.size()); ++k)
            p.fillRect(QRectF(hr.left(), hr.top() + k * uh, hr.width(), uh),
                       divergingColor(s.hidden[static_cast<std::size_t>(k)]));
        if (const QRectF cr = rowRect(t, Row::Cell); !cr.isEmpty())
            for (int k = 0; k < H && k < static_cast<int>(s.cell.size()); ++k)
                p.fillRect(QRectF(cr.left(), cr.top() + k * uh, cr.width(), uh),
                           divergingColor(s.cell[static_cast<std::size_t>(k)] / m_cellScale));
        if (const QRectF gr = rowRect(t, Row::Gates); !gr.isEmpty()) {
            // One bar per gate: its mean over the units; sigmoid gates in [0, 1] from the bottom, the tanh
            // candidate (LSTM g, GRU n) in [−1, 1] from the middle.
            const double w = gr.width() / gates.size();
            p.setPen(mid);
            p.drawLine(QPointF(gr.left(), gr.bottom()), QPointF(gr.right(), gr.bottom()));
            for (int g = 0; g < gates.size(); ++g) {
                const double v = mean(s.gates, static_cast<std::size_t>(g * H), static_cast<std::size_t>(H));
                const bool centred = gates[g] == QStringLiteral("g") || gates[g] == QStringLiteral("n");
                const double base = centred ? gr.center().y() : gr.bottom();
                const double height = centred ? v * gr.height() / 2 : v * gr.height();
                const QRectF bar(gr.left() + g * w + 1, base - std::max(0.0, height), w - 2,
                                 std::abs(height));
                p.fillRect(bar, s.padding ? mid : classColor(g + 2));
                p.setPen(text);
                p.drawText(QRectF(gr.left() + g * w, gr.top(), w, 12), Qt::AlignCenter, gates[g]);
            }
        }
        const QRectF pr = rowRect(t, Row::Prediction);
        int predicted = -1;
        const double bar = barValue(d, s, &predicted);
        if (bar >= 0) {
            const QRectF track(pr.left(), pr.bottom() - 10, pr.width(), 8);
            p.fillRect(track, lighten(mid, 0.5));
            p.fillRect(QRectF(track.left(), track.top(), track.width() * bar, track.height()),
                       classColor(std::max(0, predicted)));
        }
        if (!s.output.empty()) {
            p.setPen(text);
            const QString value = d.classification && s.output.size() > 1
                                      ? d.classNames.value(predicted, QString::number(predicted))
                                      : QString::number(s.output[0], 'f', 2);
            p.drawText(QRectF(pr.left(), pr.top(), pr.width(), pr.height() - 12), Qt::AlignCenter, value);
        }
    }
}

QString UnrolledCanvas::toolTipAt(QPointF pos) const
{
    if (!m_data) return {};
    const int t = static_cast<int>(std::floor((pos.x() - kHeader) / kColumn));
    if (t < 0 || t >= columnCount()) return {};
    const UnrolledData &d = *m_data;
    const UnrolledStep &s = d.sequence.steps[static_cast<std::size_t>(t)];
    QString head =
        tr("step %1 · %2").arg(t + 1).arg(s.padding ? tr("padding (the state stays)") : d.words.value(t));
    const auto unitAt = [&](Row row) {
        const QRectF r = rowRect(t, row);
        return r.contains(pos) ? static_cast<int>((pos.y() - r.top()) / unitHeight()) : -1;
    };
    if (const int k = unitAt(Row::Hidden); k >= 0 && k < static_cast<int>(s.hidden.size()))
        return head + QLatin1Char('\n') +
               tr("h[%1] = %2").arg(k).arg(s.hidden[static_cast<std::size_t>(k)], 0, 'g', 4);
    if (const int k = unitAt(Row::Cell); k >= 0 && k < static_cast<int>(s.cell.size()))
        return head + QLatin1Char('\n') +
               tr("c[%1] = %2").arg(k).arg(s.cell[static_cast<std::size_t>(k)], 0, 'g', 4);
    if (rowRect(t, Row::Gates).contains(pos)) {
        const QStringList gates = gateNames();
        const int H = d.sequence.units;
        for (int g = 0; g < gates.size(); ++g) {
            double lo = 1e300, hi = -1e300;
            for (int k = 0; k < H; ++k) {
                const double v = s.gates[static_cast<std::size_t>(g * H + k)];
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
            head += QLatin1Char('\n') +
                    tr("%1: mean %2 (from %3 to %4)")
                        .arg(gates[g])
                        .arg(mean(s.gates, static_cast<std::size_t>(g * H), static_cast<std::size_t>(H)), 0,
                             'f', 3)
                        .arg(lo, 0, 'f', 3)
                        .arg(hi, 0, 'f', 3);
        }
        return head;
    }
    if (rowRect(t, Row::Prediction).contains(pos) && !s.output.empty()) {
        QStringList values;
        for (double v : s.output)
            values << QString::number(v, 'g', 4);
        return head + QLatin1Char('\n') +
               tr("output after this word: %1").arg(values.join(QStringLiteral(", ")));
    }
    return head;
}

bool UnrolledCanvas::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(e);
}

UnrolledView::UnrolledView(QWidget *parent)
    : QWidget(parent), m_layer(new QComboBox), m_sample(new QSpinBox), m_text(new QLineEdit),
      m_info(new QLabel), m_placeholder(new QLabel), m_stack(new QStackedWidget), m_canvas(new UnrolledCanvas)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Layer:")));
    m_layer->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    top->addWidget(m_layer);
    top->addWidget(new QLabel(tr("Sample:")));
    top->addWidget(m_sample);
    m_text->setPlaceholderText(tr("or type a sentence"));
    m_text->setClearButtonEnabled(true);
    top->addWidget(m_text, 1);
    layout->addLayout(top);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setMargin(16);
    m_stack->addWidget(m_placeholder);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_canvas);
    scroll->setFrameShape(QFrame::NoFrame);
    m_stack->addWidget(scroll);
    layout->addWidget(m_stack, 1);
    m_info->setWordWrap(true);
    layout->addWidget(m_info);
    m_sample->setRange(0, 0);
    connect(m_layer, &QComboBox::currentIndexChanged, this, &UnrolledView::sentenceChanged);
    connect(m_sample, &QSpinBox::valueChanged, this, [this] {
        if (!m_text->text().isEmpty()) m_text->clear(); // a sample replaces the typed text
        emit sentenceChanged();
    });
    connect(m_text, &QLineEdit::editingFinished, this, &UnrolledView::sentenceChanged);
    connect(m_text, &QLineEdit::textChanged, this, [this](const QString &t) {
        if (t.isEmpty()) emit sentenceChanged(); // cleared: back to the sample
    });
    clear();
}

int UnrolledView::layerNode() const
{
    return m_layer->currentIndex() >= 0 ? m_layer->currentData().toInt() : 0;
}

int UnrolledView::sample() const
{
    return m_sample->value();
}

QString UnrolledView::text() const
{
    return m_text->text();
}

bool UnrolledView::showsPlaceholder() const
{
    return m_stack->currentIndex() == 0;
}

void UnrolledView::clear()
{
    m_data.reset();
    m_canvas->setData(nullptr);
    m_info->clear();
    m_placeholder->setText(tr("Press Reset or Play to build the network; one sentence then goes through its "
                              "recurrent layer here, word by word."));
    m_stack->setCurrentIndex(0);
}

void UnrolledView::showData(std::shared_ptr<const UnrolledData> data)
{
    if (!data || data == m_data) return;
    m_data = data;
    const UnrolledData &d = *data;
    showLayerChoice(m_layer, d.nodes, d.names, static_cast<int>(d.sequence.node));
    {
        const QSignalBlocker block(m_sample);
        m_sample->setRange(0, std::max(0, d.samples - 1));
        if (d.sample >= 0) m_sample->setValue(d.sample);
    }
    if (!d.note.isEmpty() || d.sequence.steps.empty()) {
        m_placeholder->setText(d.note);
        m_info->clear();
        m_stack->setCurrentIndex(0);
        return;
    }
    m_canvas->setData(data);
    QString info = tr("%1 (%2, %3 units): %n step(s). Colours: orange −1, white 0, blue +1.", nullptr,
                      static_cast<int>(d.sequence.steps.size()))
                       .arg(QString::fromStdString(d.sequence.name))
                       .arg(QString::fromUtf8(toString(d.sequence.kind).data(),
                                              static_cast<qsizetype>(toString(d.sequence.kind).size())))
                       .arg(d.sequence.units);
    for (const QString &n : d.textNotes)
        info += QLatin1Char(' ') + n;
    m_info->setText(info);
    m_stack->setCurrentIndex(1);
}

} // namespace nnp
