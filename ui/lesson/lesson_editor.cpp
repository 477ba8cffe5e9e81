#include "lesson/lesson_editor.h"

#include "document/graph_document.h"
#include "lesson/lesson_commands.h"
#include "lesson/lesson_docks.h"
#include "lesson/lesson_panel.h"
#include "main_window.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace nnp {

namespace {

QString capitalized(QString s)
{
    if (!s.isEmpty()) s[0] = s[0].toUpper();
    return s;
}

} // namespace

QString LessonEditor::goalKindName(GoalKind kind)
{
    switch (kind) {
    case GoalKind::None:
        return tr("None (a step to read)");
    case GoalKind::TestAccuracyAtLeast:
        return tr("Test accuracy at least");
    case GoalKind::TrainAccuracyAtLeast:
        return tr("Training accuracy at least");
    case GoalKind::TrainLossAtMost:
        return tr("Training loss at most");
    case GoalKind::TestLossAtMost:
        return tr("Test loss at most");
    case GoalKind::Diverged:
        return tr("The training diverges");
    case GoalKind::Stalled:
        return tr("The training stalls");
    case GoalKind::EpochsAtLeast:
        return tr("Trained for at least N epochs");
    case GoalKind::Edited:
        return tr("A control was changed");
    case GoalKind::Overfitting:
        return tr("Overfitting");
    case GoalKind::ExplainedForward:
        return tr("Explain: forward pass to the output");
    case GoalKind::ExplainedBackward:
        return tr("Explain: backward pass to the first layer");
    case GoalKind::ExplainedUpdate:
        return tr("Explain: the Update phase");
    }
    return {};
}

LessonEditor::LessonEditor(MainWindow *window)
    : QDialog(window), m_window(window), m_steps(new QListWidget(this)), m_titleEn(new QLineEdit(this)),
      m_titleZh(new QLineEdit(this)), m_textEn(new QPlainTextEdit(this)), m_textZh(new QPlainTextEdit(this)),
      m_goal(new QComboBox(this)), m_control(new QComboBox(this)), m_value(new QDoubleSpinBox(this)),
      m_percent(new QDoubleSpinBox(this)), m_epochs(new QSpinBox(this)),
      m_valueLabel(new QLabel(tr("Threshold:"), this)), m_percentLabel(new QLabel(tr("Percent:"), this)),
      m_epochsLabel(new QLabel(tr("Epochs:"), this)), m_controlLabel(new QLabel(tr("Control:"), this)),
      m_up(new QPushButton(tr("Move &Up"), this)), m_down(new QPushButton(tr("Move &Down"), this)),
      m_delete(new QPushButton(tr("De&lete Step"), this))
{
    setObjectName(QStringLiteral("lessonEditor"));
    setWindowTitle(tr("Lesson steps"));
    m_steps->setObjectName(QStringLiteral("lessonSteps"));
    m_titleEn->setObjectName(QStringLiteral("lessonTitleEn"));
    m_titleZh->setObjectName(QStringLiteral("lessonTitleZh"));
    m_textEn->setObjectName(QStringLiteral("lessonTextEn"));
    m_textZh->setObjectName(QStringLiteral("lessonTextZh"));
    m_goal->setObjectName(QStringLiteral("lessonGoalKind"));
    m_value->setObjectName(QStringLiteral("lessonGoalValue"));
    m_percent->setObjectName(QStringLiteral("lessonGoalPercent"));
    m_epochs->setObjectName(QStringLiteral("lessonGoalEpochs"));
    m_control->setObjectName(QStringLiteral("lessonGoalControl"));
    m_up->setObjectName(QStringLiteral("lessonStepUp"));
    m_down->setObjectName(QStringLiteral("lessonStepDown"));
    m_delete->setObjectName(QStringLiteral("lessonStepDelete"));

    // Left: the steps and what moves them.
    auto *left = new QVBoxLayout;
    left->addWidget(m_steps, 1);
    for (QPushButton *b : {m_up, m_down, m_delete})
        left->addWidget(b);

    // Right: the selected step.
    auto *texts = new QFormLayout;
    texts->addRow(tr("Title (English):"), m_titleEn);
    texts->addRow(tr("Title (Chinese):"), m_titleZh);
    texts->addRow(tr("Text (English):"), m_textEn);
    texts->addRow(tr("Text (Chinese):"), m_textZh);

    auto *panels = new QGroupBox(tr("Panels shown"), this);
    auto *panelGrid = new QGridLayout(panels);
    int k = 0;
    for (const std::string_view name : kLessonPanels) {
        const std::string panel(name);
        const auto *dock = window->findChild<QDockWidget *>(dockNameOfPanel(QString::fromStdString(panel)));
        auto *box = new QCheckBox(dock ? dock->windowTitle() : QString::fromStdString(panel), panels);
        box->setObjectName(QStringLiteral("panel:%1").arg(QString::fromStdString(panel)));
        panelGrid->addWidget(box, k / 3, k % 3);
        ++k;
        m_panels[panel] = box;
        connect(box, &QCheckBox::toggled, this, [this, panel](bool on) {
            editStep(Panels, [&](LessonStep &s) {
                // Kept in the order of kLessonPanels, as the file lists them.
                std::vector<std::string> shown;
                for (const std::string_view n : kLessonPanels)
                    if ((n == panel && on) ||
                        (n != panel && std::find(s.panels.begin(), s.panels.end(), n) != s.panels.end()))
                        shown.emplace_back(n);
                s.panels = shown;
            });
        });
    }

    auto *locks = new QGroupBox(tr("Locked controls"), this);
    auto *lockGrid = new QGridLayout(locks);
    k = 0;
    for (LessonControl c : allLessonControls()) {
        auto *box = new QCheckBox(capitalized(LessonPanel::controlName(c)), locks);
        box->setObjectName(QStringLiteral("lock:%1").arg(QString::fromLatin1(toString(c).data())));
        lockGrid->addWidget(box, k / 3, k % 3);
        ++k;
        m_locks[c] = box;
        connect(box, &QCheckBox::toggled, this, [this, c](bool on) {
            editStep(Locks, [&](LessonStep &s) {
                std::vector<LessonControl> locked;
                for (LessonControl other : allLessonControls())
                    if ((other == c && on) ||
                        (other != c && std::find(s.locked.begin(), s.locked.end(), other) != s.locked.end()))
                        locked.push_back(other);
                s.locked = locked;
            });
        });
    }

    auto *goal = new QGroupBox(tr("Goal"), this);
    auto *goalForm = new QFormLayout(goal);
    for (GoalKind g : allGoalKinds())
        m_goal->addItem(goalKindName(g), static_cast<int>(g));
    for (LessonControl c : allLessonControls())
        m_control->addItem(capitalized(LessonPanel::controlName(c)), static_cast<int>(c));
    m_value->setRange(0, 1e6);
    m_value->setDecimals(4);
    m_value->setSingleStep(0.05);
    m_value->setToolTip(tr("An accuracy as a fraction (0.9 is 90 %), or a loss"));
    m_percent->setRange(0, 1e6);
    m_percent->setDecimals(2);
    m_epochs->setRange(0, 1'000'000);
    m_epochs->setToolTip(tr("For a threshold: not before this many epochs (0: any time)"));
    goalForm->addRow(tr("Kind:"), m_goal);
    goalForm->addRow(m_valueLabel, m_value);
    goalForm->addRow(m_percentLabel, m_percent);
    goalForm->addRow(m_epochsLabel, m_epochs);
    goalForm->addRow(m_controlLabel, m_control);

    auto *right = new QVBoxLayout;
    right->addLayout(texts, 1);
    right->addWidget(panels);
    right->addWidget(locks);
    right->addWidget(goal);

    auto *row = new QHBoxLayout(this);
    row->addLayout(left, 1);
    row->addLayout(right, 3);

    // Edits.
    const auto text = [this](Field field, QString (*read)(const LessonEditor *)) {
        editStep(field, [&](LessonStep &s) {
            const std::string value = read(this).toStdString();
            switch (field) {
            case TitleEn:
                s.title.en = value;
                break;
            case TitleZh:
                s.title.zh = value;
                break;
            case TextEn:
                s.text.en = value;
                break;
            case TextZh:
                s.text.zh = value;
                break;
            default:
                break;
            }
        });
    };
    connect(m_titleEn, &QLineEdit::textEdited, this,
            [text] { text(TitleEn, [](const LessonEditor *e) { return e->m_titleEn->text(); }); });
    connect(m_titleZh, &QLineEdit::textEdited, this,
            [text] { text(TitleZh, [](const LessonEditor *e) { return e->m_titleZh->text(); }); });
    connect(m_textEn, &QPlainTextEdit::textChanged, this,
            [text] { text(TextEn, [](const LessonEditor *e) { return e->m_textEn->toPlainText(); }); });
    connect(m_textZh, &QPlainTextEdit::textChanged, this,
            [text] { text(TextZh, [](const LessonEditor *e) { return e->m_textZh->toPlainText(); }); });
    const auto goalEdit = [this] {
        editStep(Goal, [this](LessonStep &s) {
            LessonGoal g;
            g.kind = static_cast<GoalKind>(m_goal->currentData().toInt());
            const GoalParameters p = goalParameters(g.kind);
            if (p.value) g.value = m_value->value();
            if (p.percent) g.percent = m_percent->value();
            if (p.epochs || p.epochsOptional) g.epochs = m_epochs->value();
            if (p.epochs) g.epochs = std::max(1, g.epochs);
            if (p.control) g.control = static_cast<LessonControl>(m_control->currentData().toInt());
            if (g.kind == GoalKind::TestAccuracyAtLeast || g.kind == GoalKind::TrainAccuracyAtLeast)
                g.value = std::min(g.value, 1.0);
            s.goal = g;
        });
        showGoalFields(static_cast<GoalKind>(m_goal->currentData().toInt()));
    };
    connect(m_goal, &QComboBox::currentIndexChanged, this, goalEdit);
    connect(m_control, &QComboBox::currentIndexChanged, this, goalEdit);
    connect(m_value, &QDoubleSpinBox::valueChanged, this, goalEdit);
    connect(m_percent, &QDoubleSpinBox::valueChanged, this, goalEdit);
    connect(m_epochs, &QSpinBox::valueChanged, this, goalEdit);

    connect(m_steps, &QListWidget::currentRowChanged, this, [this] { loadStep(); });
    connect(m_up, &QPushButton::clicked, this, [this] { moveStep(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveStep(+1); });
    connect(m_delete, &QPushButton::clicked, this, &LessonEditor::deleteStep);
    connect(window->document(), &GraphDocument::lessonChanged, this, &LessonEditor::reload);
    connect(window->document(), &GraphDocument::documentReset, this, &LessonEditor::reload);
    reload();
    resize(sizeHint().expandedTo(QSize(900, 640)));
}

int LessonEditor::selectedStep() const
{
    return m_steps->currentRow();
}

void LessonEditor::selectStep(int index)
{
    m_steps->setCurrentRow(std::clamp(index, 0, m_steps->count() - 1));
}

template <class Change> void LessonEditor::editStep(Field field, Change change)
{
    const auto &lesson = m_window->document()->project().lesson;
    const int i = selectedStep();
    if (m_loading || !lesson || i < 0 || i >= static_cast<int>(lesson->steps.size())) return;
    Lesson after = *lesson;
    LessonStep &step = after.steps[static_cast<std::size_t>(i)];
    change(step);
    // The file needs an English title and text: an emptied field keeps a placeholder.
    if (step.title.en.empty()) step.title.en = "…";
    if (step.text.en.empty()) step.text.en = "…";
    const bool typing = field == TitleEn || field == TitleZh || field == TextEn || field == TextZh;
    m_editing = true;
    pushLessonEdit(m_window->document(), after, LessonEditor::tr("Edit lesson step"),
                   typing ? i * 8 + field : -1);
    m_editing = false;
}

void LessonEditor::moveStep(int by)
{
    const auto &lesson = m_window->document()->project().lesson;
    const int i = selectedStep(), j = i + by;
    if (!lesson || i < 0 || j < 0 || j >= static_cast<int>(lesson->steps.size())) return;
    Lesson after = *lesson;
    std::swap(after.steps[static_cast<std::size_t>(i)], after.steps[static_cast<std::size_t>(j)]);
    pushLessonEdit(m_window->document(), after, tr("Move lesson step"));
    selectStep(j);
}

void LessonEditor::deleteStep()
{
    const auto &lesson = m_window->document()->project().lesson;
    const int i = selectedStep();
    if (!lesson || i < 0 || i >= static_cast<int>(lesson->steps.size())) return;
    std::optional<Lesson> after = *lesson;
    after->steps.erase(after->steps.begin() + i);
    if (after->steps.empty()) after.reset(); // no steps: no lesson
    pushLessonEdit(m_window->document(), after, tr("Delete lesson step"));
}

void LessonEditor::reload()
{
    const auto &lesson = m_window->document()->project().lesson;
    const int keep = selectedStep();
    m_loading = true;
    {
        const QSignalBlocker block(m_steps);
        m_steps->clear();
        if (lesson)
            for (std::size_t i = 0; i < lesson->steps.size(); ++i)
                m_steps->addItem(QStringLiteral("%1. %2").arg(i + 1).arg(QString::fromStdString(
                    localized(lesson->steps[i].title, LessonPanel::textLanguage().toStdString()))));
        m_steps->setCurrentRow(m_steps->count() == 0 ? -1 : std::clamp(keep, 0, m_steps->count() - 1));
    }
    m_loading = false;
    if (!m_editing) loadStep();
}

void LessonEditor::loadStep()
{
    const auto &lesson = m_window->document()->project().lesson;
    const int i = selectedStep();
    const bool has = lesson && i >= 0 && i < static_cast<int>(lesson->steps.size());
    for (QWidget *w : std::initializer_list<QWidget *>{m_titleEn, m_titleZh, m_textEn, m_textZh, m_goal,
                                                       m_value, m_percent, m_epochs, m_control, m_delete})
        w->setEnabled(has);
    m_up->setEnabled(has && i > 0);
    m_down->setEnabled(has && i + 1 < static_cast<int>(lesson->steps.size()));
    for (auto &[c, box] : m_locks)
        box->setEnabled(has);
    for (auto &[p, box] : m_panels)
        box->setEnabled(has);
    if (!has) return;
    const LessonStep &s = lesson->steps[static_cast<std::size_t>(i)];
    m_loading = true;
    m_titleEn->setText(QString::fromStdString(s.title.en));
    m_titleZh->setText(QString::fromStdString(s.title.zh));
    m_textEn->setPlainText(QString::fromStdString(s.text.en));
    m_textZh->setPlainText(QString::fromStdString(s.text.zh));
    for (auto &[c, box] : m_locks)
        box->setChecked(std::find(s.locked.begin(), s.locked.end(), c) != s.locked.end());
    for (auto &[p, box] : m_panels)
        box->setChecked(std::find(s.panels.begin(), s.panels.end(), p) != s.panels.end());
    m_goal->setCurrentIndex(m_goal->findData(static_cast<int>(s.goal.kind)));
    m_value->setValue(s.goal.value);
    m_percent->setValue(s.goal.percent);
    m_epochs->setValue(s.goal.epochs);
    m_control->setCurrentIndex(m_control->findData(static_cast<int>(s.goal.control)));
    showGoalFields(s.goal.kind);
    m_loading = false;
}

void LessonEditor::showGoalFields(GoalKind kind)
{
    const GoalParameters p = goalParameters(kind);
    m_valueLabel->setVisible(p.value);
    m_value->setVisible(p.value);
    m_percentLabel->setVisible(p.percent);
    m_percent->setVisible(p.percent);
    m_epochsLabel->setVisible(p.epochs || p.epochsOptional);
    m_epochs->setVisible(p.epochs || p.epochsOptional);
    m_controlLabel->setVisible(p.control);
    m_control->setVisible(p.control);
}

} // namespace nnp
