#pragma once
// The start page: a gallery of the samples and lessons (thumbnail, title, one line of description), grouped
// (Basics, Images, Text & sequences, Lessons), the recent files, "New empty project", "Open data…" and "Open
// project…". Shown at the first start, whenever the app starts without a file, and from File > Start page.
// Mouse and keyboard (Tab between cards, Enter opens); a sample opens with one click.

#include <QAbstractButton>
#include <QDialog>
#include <QImage>

#include <vector>

class QGridLayout;
class QListWidget;
class QTimer;

namespace nnp {

class MainWindow;
struct SampleEntry;

/// One sample on the start page: its thumbnail, title and first sentence; clicking it (or Enter) opens it.
class SampleCard : public QAbstractButton {
    Q_OBJECT
public:
    SampleCard(const QString &path, const QString &title, const QString &description, QWidget *parent);
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] const QImage &thumbnail() const { return m_thumbnail; }
    void setThumbnail(QImage image);
    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    [[nodiscard]] int thumbSide() const;
    QString m_path, m_description;
    QImage m_thumbnail;
};

class StartPage : public QDialog {
    Q_OBJECT
public:
    explicit StartPage(MainWindow *window);

    [[nodiscard]] QList<SampleCard *> cards() const;
    [[nodiscard]] QListWidget *recentList() const { return m_recent; }
    /// Whether every card has its thumbnail (they are drawn one by one after the page shows).
    [[nodiscard]] bool thumbnailsReady() const { return m_nextThumbnail >= m_cards.size(); }

    static constexpr int kThumbnailPixels = 192;

private:
    void openProject(const QString &path);
    void loadNextThumbnail();
    QWidget *buildGallery();
    QWidget *buildSideBar();

    MainWindow *m_window;
    QList<SampleCard *> m_cards;
    QListWidget *m_recent = nullptr;
    QTimer *m_thumbnails = nullptr;
    qsizetype m_nextThumbnail = 0;
};

} // namespace nnp
