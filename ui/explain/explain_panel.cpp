#include "explain/explain_panel.h"

#include "explain/explain_conv.h"
#include "explain/explain_recurrent.h"
#include "explain/explain_text.h"
#include "explain/window_view.h"
#include "training/training_controller.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace nnp {

ExplainPanel::ExplainPanel(ExplainModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_sample(new QSpinBox), m_batch(new QSpinBox),
      m_explain(new QPushButton(tr("Explain step"))), m_random(new QPushButton(tr("Random"))),
      m_back(new QPushButton(tr("◀ Back"))), m_next(new QPushButton(tr("Next ▶"))),
      m_play(new QPushButton(tr("Play"))), m_close(new QPushButton(tr("Done"))), m_pace(new QComboBox),
      m_phaseLabel(new QLabel), m_text(new QTextBrowser), m_window(new WindowView(model)),
      m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("explainPanel"));
    m_sample->setObjectName(QStringLiteral("sampleBox"));
    m_sample->setPrefix(tr("sample #"));
    m_sample->setToolTip(tr("The training sample (row) the step is explained on."));
    m_batch->setObjectName(QStringLiteral("batchBox"));
    m_batch->setRange(1, 32);
    m_batch->setSuffix(tr(" sample(s)"));
    m_batch->setToolTip(tr("1: one sample. More: a mini-batch of the following samples; the gradients are "
                           "their mean, and each sample's contribution is listed."));
    m_explain->setObjectName(QStringLiteral("explainButton"));
    m_explain->setToolTip(tr("Runs one training step on the chosen sample(s), recording every number."));
    m_random->setToolTip(tr("Pick a random training sample."));
    m_back->setObjectName(QStringLiteral("backButton"));
    m_next->setObjectName(QStringLiteral("nextButton"));
    m_play->setObjectName(QStringLiteral("playButton"));
    m_play->setCheckable(true);
    m_close->setToolTip(tr("Leave the step: the views show the live network again."));
    m_back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    for (int s : {1, 2, 3, 5, 8})
        m_pace->addItem(tr("every %n second(s)", nullptr, s), s * 1000);
    m_pace->setCurrentIndex(2);
    m_pace->setToolTip(tr("How fast Play moves to the next phase."));
    m_text->setObjectName(QStringLiteral("explainText"));
    m_text->setOpenLinks(false);
    QFont f = m_text->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_text->setFont(f);
    m_text->document()->setDefaultStyleSheet(
        QStringLiteral("h2 { color: #0072B2; } td, th { padding: 2px 8px; }"));

    auto *pick = new QHBoxLayout;
    pick->addWidget(m_sample, 1);
    pick->addWidget(m_batch, 1);
    pick->addWidget(m_random);
    pick->addWidget(m_explain);
    m_nextInBatch = new QPushButton(tr("Next in batch"));
    m_nextInBatch->setObjectName(QStringLiteral("nextInBatchButton"));
    m_nextInBatch->setToolTip(
        tr("Explain a step on the next sample(s) of the mini-batch the run trains on next."));
    pick->addWidget(m_nextInBatch);
    auto *walk = new QHBoxLayout;
    walk->addWidget(m_back);
    walk->addWidget(m_next);
    walk->addWidget(m_play);
    walk->addWidget(m_pace);
    walk->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addLayout(walk);
    layout->addWidget(m_phaseLabel);
    buildRecurrentControls();
    layout->addWidget(m_recurrentRow);
    // The maps of a convolution above the text; the user drags the split (a projector wants large maps).
    auto *split = new QSplitter(Qt::Vertical);
    split->setObjectName(QStringLiteral("explainSplit"));
    split->addWidget(m_window);
    split->addWidget(m_text);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    connect(m_explain, &QPushButton::clicked, this, [this] {
        setPlaying(false);
        m_model->explain(chosenSamples());
    });
    connect(m_nextInBatch, &QPushButton::clicked, this, [this] {
        setPlaying(false);
        m_model->explainNextInBatch(m_batch->value());
    });
    // The sample box follows the step being explained (also one chosen by "Next in batch").
    connect(m_model, &ExplainModel::traceChanged, this, [this] {
        if (const TracePtr t = m_model->trace(); t && !t->samples.empty()) {
            const QSignalBlocker block(m_sample);
            m_sample->setValue(t->samples.front());
        }
    });
    connect(m_random, &QPushButton::clicked, this, [this] {
        if (m_trainSamples > 0) m_sample->setValue(int(QRandomGenerator::global()->bounded(m_trainSamples)));
    });
    connect(m_back, &QPushButton::clicked, m_model, &ExplainModel::back);
    connect(m_next, &QPushButton::clicked, m_model, &ExplainModel::next);
    connect(m_close, &QPushButton::clicked, this, [this] {
        setPlaying(false);
        m_model->closeTrace();
    });
    connect(m_play, &QPushButton::toggled, this, &ExplainPanel::setPlaying);
    connect(m_pace, &QComboBox::currentIndexChanged, this,
            [this] { m_timer->setInterval(m_pace->currentData().toInt()); });
    m_timer->setInterval(m_pace->currentData().toInt());
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_model->phaseIndex() + 1 >= int(m_model->phases().size()))
            setPlaying(false);
        else
            m_model->next();
    });
    connect(m_model, &ExplainModel::traceChanged, this, &ExplainPanel::refresh);
    connect(m_model, &ExplainModel::phaseChanged, this, &ExplainPanel::refresh);
    connect(m_model, &ExplainModel::selectionChanged, this, &ExplainPanel::refresh);
    connect(m_model, &ExplainModel::pictureChanged, this, &ExplainPanel::updateControls);
    connect(m_model->controller(), &TrainingController::snapshotReceived, this, [this](const SnapshotPtr &s) {
        if (s && s->trainSamples != m_trainSamples) {
            m_trainSamples = s->trainSamples;
            m_sample->setRange(0, std::max(0, m_trainSamples - 1));
            m_batch->setRange(1, std::clamp(m_trainSamples, 1, 32));
            updateControls();
        }
    });
    connect(m_model->controller(), &TrainingController::runReset, this, [this] {
        m_trainSamples = 0;
        updateControls();
    });
    refresh();
}

std::vector<int> ExplainPanel::chosenSamples() const
{
    std::vector<int> s;
    if (m_trainSamples <= 0) return s;
    const int n = std::min(m_batch->value(), m_trainSamples);
    for (int k = 0; k < n; ++k)
        s.push_back((m_sample->value() + k) % m_trainSamples);
    return s;
}

void ExplainPanel::setPlaying(bool on)
{
    if (m_play->isChecked() != on) {
        m_play->setChecked(on); // re-enters through toggled
        return;
    }
    m_play->setText(on ? tr("Pause") : tr("Play"));
    if (on) {
        if (m_model->phaseIndex() + 1 >= int(m_model->phases().size())) m_model->setPhaseIndex(0);
        m_timer->start();
    } else {
        m_timer->stop();
    }
}

void ExplainPanel::updateControls()
{
    const bool haveTrace = m_model->trace() != nullptr;
    const int i = m_model->phaseIndex(), n = int(m_model->phases().size());
    m_explain->setEnabled(m_trainSamples > 0);
    m_random->setEnabled(m_trainSamples > 0);
    m_back->setEnabled(haveTrace && i > 0);
    m_next->setEnabled(haveTrace && i + 1 < n);
    m_play->setEnabled(haveTrace);
    m_close->setEnabled(haveTrace);
    m_phaseLabel->setText(haveTrace ? tr("Phase %1 of %2").arg(i + 1).arg(n)
                                    : tr("Pick a sample and press Explain step."));
}

void ExplainPanel::buildRecurrentControls()
{
    m_recurrentRow = new QWidget;
    m_recurrentRow->setObjectName(QStringLiteral("recurrentControls"));
    m_stepSlider = new QSlider(Qt::Horizontal);
    m_stepSlider->setObjectName(QStringLiteral("stepSlider"));
    m_stepSlider->setPageStep(1);
    m_stepSlider->setToolTip(tr("The time step (word) of the sentence the formulas show."));
    m_stepLabel = new QLabel;
    m_unitBox = new QSpinBox;
    m_unitBox->setObjectName(QStringLiteral("unitBox"));
    m_unitBox->setPrefix(tr("unit "));
    m_unitBox->setToolTip(tr("The hidden unit whose gates the formulas show."));
    m_paramBox = new QComboBox;
    m_paramBox->setObjectName(QStringLiteral("paramBox"));
    m_paramBox->addItem(tr("W (input weights)"));
    m_paramBox->addItem(tr("U (recurrent weights)"));
    m_paramBox->addItem(tr("input bias"));
    m_paramBox->addItem(tr("recurrent bias"));
    m_paramBox->setToolTip(tr("The parameter whose gradient is summed over the steps."));
    m_gateBox = new QComboBox;
    m_gateBox->setObjectName(QStringLiteral("gateBox"));
    m_gateBox->setToolTip(tr("The gate the weight belongs to."));
    m_columnBox = new QSpinBox;
    m_columnBox->setObjectName(QStringLiteral("columnBox"));
    m_columnBox->setPrefix(tr("from "));
    m_columnBox->setToolTip(tr("The input feature (W) or the previous state's unit (U) the weight reads."));
    m_weightPart = new QWidget;
    auto *weight = new QHBoxLayout(m_weightPart);
    weight->setContentsMargins(0, 0, 0, 0);
    weight->addWidget(m_paramBox);
    weight->addWidget(m_gateBox);
    weight->addWidget(m_columnBox);
    auto *row = new QHBoxLayout(m_recurrentRow);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_stepLabel);
    row->addWidget(m_stepSlider, 1);
    row->addWidget(m_unitBox);
    row->addWidget(m_weightPart);
    m_recurrentRow->hide();
    connect(m_stepSlider, &QSlider::valueChanged, this, &ExplainPanel::recurrentEdited);
    connect(m_unitBox, &QSpinBox::valueChanged, this, &ExplainPanel::recurrentEdited);
    connect(m_paramBox, &QComboBox::currentIndexChanged, this, &ExplainPanel::recurrentEdited);
    connect(m_gateBox, &QComboBox::currentIndexChanged, this, &ExplainPanel::recurrentEdited);
    connect(m_columnBox, &QSpinBox::valueChanged, this, &ExplainPanel::recurrentEdited);
}

void ExplainPanel::recurrentEdited()
{
    const NodeTrace *nt = m_model->recurrentNode();
    if (!nt) return;
    RecurrentSelection s;
    s.step = m_stepSlider->value() - 1;
    s.unit = m_unitBox->value() - 1;
    s.param = m_paramBox->currentIndex();
    s.row = std::max(0, m_gateBox->currentIndex()) * nt->recurrent.units + s.unit;
    s.col = m_columnBox->value() - 1;
    m_model->setRecurrentSelection(s);
}

bool ExplainPanel::updateRecurrentControls()
{
    const NodeTrace *nt = m_model->recurrentNode();
    m_recurrentRow->setVisible(nt != nullptr);
    if (!nt) return false;
    const RecurrentTrace &r = nt->recurrent;
    const RecurrentSelection s = m_model->recurrentSelection();
    const QSignalBlocker b1(m_stepSlider), b2(m_unitBox), b3(m_paramBox), b4(m_gateBox), b5(m_columnBox);
    m_stepSlider->setRange(1, int(r.steps.size()));
    m_stepSlider->setValue(s.step + 1);
    m_stepLabel->setText(tr("step %1 of %2").arg(s.step + 1).arg(r.steps.size()));
    m_unitBox->setRange(1, r.units);
    m_unitBox->setValue(s.unit + 1);
    m_paramBox->setCurrentIndex(s.param);
    if (m_gateBox->count() != r.gates || m_gateBox->property("kind").toInt() != int(nt->kind)) {
        m_gateBox->clear();
        for (int g = 0; g < r.gates; ++g)
            m_gateBox->addItem(tr("gate %1").arg(ExplainRecurrent::gateName(nt->kind, g)));
        m_gateBox->setProperty("kind", int(nt->kind));
    }
    m_gateBox->setCurrentIndex(r.units > 0 ? s.row / r.units : 0);
    m_gateBox->setVisible(r.gates > 1);
    const int cols = s.param == 0 ? r.features : s.param == 1 ? r.units : 1;
    m_columnBox->setRange(1, std::max(1, cols));
    m_columnBox->setValue(s.col + 1);
    m_columnBox->setVisible(s.param < 2);
    // The step matters in both phases (the bars mark it); the weight only on the way back.
    m_weightPart->setVisible(m_model->phase().kind == PhaseKind::Backward);
    return true;
}

void ExplainPanel::refresh()
{
    updateControls();
    const TracePtr trace = m_model->trace();
    const PicturePtr pic = m_model->picture();
    if (!trace || !pic) {
        setPlaying(false);
        m_text->setHtml(
            QStringLiteral("<h2>%1</h2><p style='font-size:large'>%2</p><p>%3</p>")
                .arg(tr("Watch it think"),
                     tr("Pick a training sample and press <b>Explain step</b>: the network trains one "
                        "step on it, and you walk through the forward pass, the loss, the backward pass "
                        "and the update with every number on screen."),
                     tr("Click a neuron or a weight in the Neurons view for its formula. Clicking a "
                        "weight also lets you type a new value (undo with Ctrl+Z).")));
        return;
    }
    const Phase phase = m_model->phase();
    if (updateRecurrentControls())
        m_text->setHtml(ExplainRecurrent::html(*trace, phase, m_model->recurrentSelection()));
    else if (phase.node != 0)
        m_text->setHtml(ExplainConv::html(*trace, phase, m_model->windowSelection()));
    else
        m_text->setHtml(ExplainText::html(*pic, *trace, phase, m_model->selection()));
}

} // namespace nnp
