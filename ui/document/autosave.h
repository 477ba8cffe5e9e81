#pragma once
// Autosave and recovery: unsaved work is written every minute, and a few seconds after a significant edit,
// to a recovery file in the app's data folder (QStandardPaths::AppDataLocation) — never to the user's own
// file. Each window has its own file (recovery-<pid>-<n>.nnp), guarded by a lock file (QLockFile) held while
// the window lives, so two windows or two running instances never overwrite each other's work. A save or a
// normal close removes it; a recovery file whose lock is gone or stale (its process died: a crash, a kill, a
// power cut) is offered at the next start, never one of a window that is still open.

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

namespace nnp {

class GraphDocument;
struct Project;

/// A recovery file left by a run that did not close normally.
struct Recovery {
    QString file;         ///< the recovery project
    QString originalPath; ///< the user's file it belongs to; empty for an untitled project
    QDateTime saved;      ///< when it was written
    /// Its lock, taken over from the dead process while the recovery is offered, so that no other instance
    /// offers it at the same time; released when the last copy of this Recovery goes.
    std::shared_ptr<QLockFile> claim;
};

class Autosave : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 60'000;
    static constexpr int kDefaultDebounceMs = 5'000;

    explicit Autosave(GraphDocument *doc, QObject *parent = nullptr);
    ~Autosave() override;

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

    /// The folder of the recovery files (created on demand) and this window's file in it.
    static QString recoveryDir();
    [[nodiscard]] QString recoveryFile() const { return m_file; }
    /// The recoveries left by windows that did not close normally (their lock is absent or stale), newest
    /// first, each claimed (locked) by this process while the returned value lives; never this process's
    /// own open windows' files nor another live instance's.
    static std::vector<Recovery> pending();
    /// Reads it back: the project with its data paths relative to the original file's folder again.
    /// Throws ProjectError as loadProject.
    static Project load(const Recovery &recovery);
    /// Removes a recovery (Discard, or restored work that now belongs to this window).
    static void remove(const Recovery &recovery);

private:
    void onEdited();
    void onModifiedChanged(bool modified);

    GraphDocument *m_doc;
    QString m_file;                    // this window's recovery file
    std::unique_ptr<QLockFile> m_lock; // held while the window lives: its file is not offered elsewhere
    QTimer m_periodic, m_debounce;
    bool m_dirty = false; // changes since the last recovery write
    QString m_lastError;
};

} // namespace nnp
