#include "start/start_page.h"

#include "main_window.h"
#include "start/sample_catalog.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTextLayout>
#include <QTimer>
#include <QVBoxLayout>

#include <optional>

namespace nnp {

namespace {
constexpr int kColumns = 3;

/// `font` made `factor` times larger and bold, whether it is sized in points or (presentation mode) pixels.
QFont scaledBold(QFont font, double factor)
{
    if (font.pixelSize() > 0)
        font.setPixelSize(qRound(font.pixelSize() * factor));
    else
        font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(true);
    return font;
}

/// `text` laid out in at most `lines` lines of `width`, the last one elided.
QStringList wrapLines(const QString &text, const QFontMetrics &fm, int width, int lines)
{
    QStringList out;
    QString rest = text;
    while (!rest.isEmpty() && out.size() < lines) {
        if (out.size() == lines - 1 || fm.horizontalAdvance(rest) <= width) {
            out << fm.elidedText(rest, Qt::ElideRight, width);
            break;
        }
        // The longest prefix that fits, broken at a space where there is one (Chinese has none).
        int fit = 1;
        while (fit < rest.size() && fm.horizontalAdvance(rest.left(fit + 1)) <= width)
            ++fit;
        const qsizetype space = rest.left(fit + 1).lastIndexOf(QLatin1Char(' '));
        if (space > 0) fit = int(space);
        out << rest.left(fit);
        rest = rest.mid(fit).trimmed();
    }
    return out;
}
} // namespace

SampleCard::SampleCard(const QString &path, const QString &title, const QString &description, QWidget *parent)
    : QAbstractButton(parent), m_path(path), m_description(description)
{
    setText(title);
    setObjectName(QStringLiteral("card:%1").arg(QFileInfo(path).completeBaseName()));
    setToolTip(description.isEmpty() ? path : description);
    setAccessibleName(title);
    setAccessibleDescription(description);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_Hover);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void SampleCard::setThumbnail(QImage image)
{
    m_thumbnail = std::move(image);
    update();
}

int SampleCard::thumbSide() const
{
    return std::max(72, fontMetrics().height() * 5);
}

QSize SampleCard::sizeHint() const
{
    const int pad = fontMetrics().height() / 2;
    return {thumbSide() + pad * 3 + fontMetrics().averageCharWidth() * 26, thumbSide() + 2 * pad};
}

void SampleCard::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const int pad = fm.height() / 2;
    const QRectF box = QRectF(rect()).adjusted(1, 1, -1, -1);
    const bool hot = underMouse() || isDown();
    p.setPen(QPen(hasFocus() ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid),
                  hasFocus() ? 3 : 1));
    p.setBrush(hot ? palette().color(QPalette::AlternateBase) : palette().color(QPalette::Base));
    p.drawRoundedRect(box, pad, pad);

    const QRect thumb(pad, pad, thumbSide(), thumbSide());
    if (!m_thumbnail.isNull()) {
        QPainterPath clip;
        clip.addRoundedRect(thumb, pad / 2.0, pad / 2.0);
        p.save();
        p.setClipPath(clip);
        p.drawImage(thumb, m_thumbnail);
        p.restore();
    }
    const int x = thumb.right() + pad * 2, width = std::max(10, this->width() - x - pad);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::Text));
    const QFontMetrics bfm(bold);
    p.drawText(QPoint(x, pad + bfm.ascent()), bfm.elidedText(text(), Qt::ElideRight, width));
    p.setFont(font());
    p.setPen(palette().color(QPalette::PlaceholderText));
    const int lines = std::max(1, (thumbSide() - bfm.height() - pad / 2) / fm.lineSpacing());
    int y = pad + bfm.height() + pad / 2 + fm.ascent();
    for (const QString &line : wrapLines(m_description, fm, width, lines)) {
        p.drawText(QPoint(x, y), line);
        y += fm.lineSpacing();
    }
}

void SampleCard::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        click();
        return;
    case Qt::Key_Right:
    case Qt::Key_Down:
        focusNextChild();
        return;
    case Qt::Key_Left:
    case Qt::Key_Up:
        focusPreviousChild();
        return;
    default:
        QAbstractButton::keyPressEvent(event);
    }
}

StartPage::StartPage(MainWindow *window) : QDialog(window), m_window(window), m_thumbnails(new QTimer(this))
{
    setObjectName(QStringLiteral("startPage"));
    setWindowTitle(tr("Start — NN Playground"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(buildSideBar());
    layout->addWidget(buildGallery(), 1);
    resize(window->size().boundedTo(QSize(1500, 950)).expandedTo(QSize(900, 600)));

    m_thumbnails->setInterval(0);
    connect(m_thumbnails, &QTimer::timeout, this, &StartPage::loadNextThumbnail);
    m_thumbnails->start();
    if (!m_cards.isEmpty()) m_cards.front()->setFocus();
}

QList<SampleCard *> StartPage::cards() const
{
    return m_cards;
}

QWidget *StartPage::buildSideBar()
{
    auto *side = new QWidget(this);
    auto *column = new QVBoxLayout(side);
    column->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("NN Playground"), side);
    title->setFont(scaledBold(title->font(), 1.8));
    column->addWidget(title);
    auto *subtitle = new QLabel(tr("Build neural networks and watch them learn."), side);
    subtitle->setWordWrap(true);
    column->addWidget(subtitle);
    column->addSpacing(subtitle->fontMetrics().height());

    const auto button = [&](const QString &name, const QString &text, auto slot) {
        auto *b = new QPushButton(text, side);
        b->setObjectName(name);
        connect(b, &QPushButton::clicked, this, slot);
        column->addWidget(b);
    };
    button(QStringLiteral("newEmptyButton"), tr("New empty project"), [this] {
        if (!m_window->maybeSave()) return;
        m_window->newProject(true);
        accept();
    });
    button(QStringLiteral("openDataButton"), tr("Open data (CSV)…"), [this] {
        accept();
        m_window->openData();
    });
    button(QStringLiteral("openProjectButton"), tr("Open a project…"), [this] {
        accept();
        if (QAction *open = m_window->action(QStringLiteral("actionOpen"))) open->trigger();
    });
    column->addSpacing(subtitle->fontMetrics().height());

    auto *recentTitle = new QLabel(tr("Recent files"), side);
    QFont bold = recentTitle->font();
    bold.setBold(true);
    recentTitle->setFont(bold);
    column->addWidget(recentTitle);
    m_recent = new QListWidget(side);
    m_recent->setObjectName(QStringLiteral("recentList"));
    for (const QString &path : QSettings().value(QStringLiteral("recentFiles")).toStringList()) {
        // The folder too: two "iris.nnp" (the sample and a saved copy) are told apart. A file that is gone
        // is not offered.
        const QFileInfo info(path);
        if (!info.exists()) continue;
        auto *item = new QListWidgetItem(
            QStringLiteral("%1 — %2").arg(info.fileName(), info.absoluteDir().dirName()), m_recent);
        item->setToolTip(path);
        item->setData(Qt::UserRole, path);
    }
    if (m_recent->count() == 0) {
        auto *none = new QListWidgetItem(tr("No recent projects"), m_recent);
        none->setFlags(Qt::NoItemFlags);
    }
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openProject(item->data(Qt::UserRole).toString()); });
    connect(m_recent, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { openProject(item->data(Qt::UserRole).toString()); });
    column->addWidget(m_recent, 1);
    side->setFixedWidth(std::max(260, subtitle->fontMetrics().averageCharWidth() * 34));
    return side;
}

QWidget *StartPage::buildGallery()
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("gallery"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *column = new QVBoxLayout(content);
    const std::vector<SampleEntry> entries = listStartEntries();
    std::optional<SampleGroup> group;
    QGridLayout *grid = nullptr;
    int index = 0;
    for (const SampleEntry &e : entries) {
        if (e.group != group) {
            group = e.group;
            auto *header = new QLabel(groupTitle(e.group), content);
            header->setObjectName(QStringLiteral("group:%1").arg(int(e.group)));
            header->setFont(scaledBold(header->font(), 1.3));
            column->addSpacing(header->fontMetrics().height() / 2);
            column->addWidget(header);
            grid = new QGridLayout;
            column->addLayout(grid);
            index = 0;
        }
        auto *card = new SampleCard(e.path, e.title, firstSentence(e.description), content);
        connect(card, &SampleCard::clicked, this, [this, path = e.path] { openProject(path); });
        grid->addWidget(card, index / kColumns, index % kColumns);
        ++index;
        m_cards << card;
    }
    if (entries.empty()) column->addWidget(new QLabel(tr("No samples found."), content));
    column->addStretch(1);
    scroll->setWidget(content);
    return scroll;
}

void StartPage::loadNextThumbnail()
{
    if (m_nextThumbnail >= m_cards.size()) {
        m_thumbnails->stop();
        return;
    }
    SampleCard *card = m_cards[m_nextThumbnail++];
    card->setThumbnail(sampleThumbnail(card->path(), kThumbnailPixels));
}

void StartPage::openProject(const QString &path)
{
    if (path.isEmpty() || !m_window->maybeSave()) return;
    if (m_window->loadFile(path)) accept();
}

} // namespace nnp
