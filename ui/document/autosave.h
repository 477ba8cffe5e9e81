#pragma once
// Autosave and recovery: unsaved work is written every minute, and a few seconds after a significant edit,
// to a recovery file in the app's data folder (QStandardPaths::AppDataLocation) — never to the user's own
// file. A save or a normal close removes it; a recovery file found at the next start means the app did not
// close normally (a crash, a kill, a power cut), and the window offers to restore it.

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace nnp {

class GraphDocument;
struct Project;

/// A recovery file left by a run that did not close normally.
struct Recovery {
    QString file;         ///< the recovery project
    QString originalPath; ///< the user's file it belongs to; empty for an untitled project
    QDateTime saved;      ///< when it was written
};

class Autosave : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 60'000;
    static constexpr int kDefaultDebounceMs = 5'000;

    explicit Autosave(GraphDocument *doc, QObject *parent = nullptr);

    /// The periodic save (a minute by default) and the delay after a significant edit (graph, data or
    /// hyperparameters); tests shorten them.
    void setIntervals(int periodicMs, int debounceMs);
    [[nodiscard]] QTimer *periodicTimer() { return &m_periodic; }
    [[nodiscard]] QTimer *debounceTimer() { return &m_debounce; }

    /// Writes the recovery file now if the document has unsaved changes not yet written; returns whether a
    /// recovery file holds them afterwards. Atomic (saveProject). Failures are quiet: the status is kept in
    /// lastError().
    bool saveNow();
    /// Removes the recovery file (after a save, a normal close, or Discard).
    void discard();
    [[nodiscard]] QString lastError() const { return m_lastError; }

    /// The folder and the files of the recovery (created on demand).
    static QString recoveryDir();
    static QString recoveryFile();
    /// The recovery left by a run that did not close normally, if any.
    static std::optional<Recovery> pending();
    /// Reads it back: the project with its data paths relative to the original file's folder again.
    /// Throws ProjectError as loadProject.
    static Project load(const Recovery &recovery);
    /// Removes a recovery (Discard).
    static void remove();

private:
    void onEdited();
    void onModifiedChanged(bool modified);

    GraphDocument *m_doc;
    QTimer m_periodic, m_debounce;
    bool m_dirty = false; // changes since the last recovery write
    QString m_lastError;
};

} // namespace nnp
