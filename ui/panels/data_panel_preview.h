#pragma once
// The data panel's preview: a scatter of two-input data, a table of the first rows otherwise, thumbnails
// for images, or the reason the data cannot be read. Reads at most a small part of a large file.

#include "io/project.h"

#include <QString>
#include <QWidget>

#include <atomic>

class QLabel;
class QListWidget;
class QStackedWidget;
class QTableWidget;

namespace nnp {

class PlaneCanvas;

class DataPanelPreview : public QWidget {
    Q_OBJECT
public:
    explicit DataPanelPreview(QWidget *parent = nullptr);

    /// Shows the data of `source`, split as `pre` says (paths relative to `baseDir`). IDX files (MNIST: tens
    /// of MB) are read on a thread of their own: the preview says "Reading …" and shows the thumbnails when
    /// the read is done (then emits idxShown()).
    void showData(const DataSource &source, const Preprocessing &pre, const QString &baseDir);

    enum class Kind { Message, Scatter, Table, Images };
    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] QString messageText() const;
    [[nodiscard]] QString summary() const;
    [[nodiscard]] PlaneCanvas *scatter() const { return m_scatter; }
    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] QListWidget *images() const { return m_images; }

    /// How many rows of a CSV file the preview reads.
    static constexpr int kPreviewRows = 200;
    /// IDX reader threads still running, of every preview (tests wait for them before the process ends).
    static int readersRunning();
    /// Whether an IDX file is being read in the background.
    [[nodiscard]] bool isReading() const { return !m_readingKey.isEmpty(); }

signals:
    /// An IDX read finished and its thumbnails (or the reason it failed) are shown.
    void idxShown();

private:
    static std::atomic<int> s_readers;
    void showGenerated(const DataSource &source, const Preprocessing &pre);
    void showCsv(const DataSource &source, const Preprocessing &pre, const QString &baseDir);
    /// Lines about the text columns: vocabulary size, T and a histogram of sentence lengths.
    QString textColumnsSummary(const DataSource &source, const Preprocessing &pre, const QString &path);
    static constexpr qint64 kTextStatsMaxBytes = 32 << 20;
    void showIdx(const DataSource &source, const QString &baseDir);
    void showIdxImages();
    void showMessage(const QString &text);
    void setKind(Kind kind);

    QLabel *m_summary;
    QStackedWidget *m_stack;
    QLabel *m_message;
    PlaneCanvas *m_scatter;
    QTableWidget *m_table;
    QListWidget *m_images;
    Kind m_kind = Kind::Message;
    // The last IDX file read, so toggling other settings does not read 50 MB again.
    QString m_idxKey;
    Dataset m_idx;
    QString m_readingKey; ///< the IDX files being read on a background thread
    QString m_wantedKey;  ///< the IDX files the preview should show (empty: it shows something else)
};

/// A path from the project, resolved against the project's folder.
QString resolveDataPath(const std::string &path, const QString &baseDir);

} // namespace nnp
