#include "document/autosave.h"

#include "document/graph_document.h"
#include "io/project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace nnp {

namespace {
const QString kRecoveryPrefix = QStringLiteral("recovery");

/// The files beside a recovery project: its lock and its note of which file it belongs to, and when.
QString companion(const QString &recoveryFile, const QString &suffix)
{
    QString base = recoveryFile;
    base.chop(4); // ".nnp"
    return base + suffix;
}

QString lockFile(const QString &recoveryFile)
{
    return companion(recoveryFile, QStringLiteral(".lock"));
}

QString infoFile(const QString &recoveryFile)
{
    return companion(recoveryFile, QStringLiteral(".json"));
}

/// A lock that only a dead process's absence makes stale, never its age: a window open for hours keeps it.
std::unique_ptr<QLockFile> makeLock(const QString &recoveryFile)
{
    auto lock = std::make_unique<QLockFile>(lockFile(recoveryFile));
    lock->setStaleLockTime(0);
    return lock;
}
} // namespace

Autosave::Autosave(GraphDocument *doc, QObject *parent) : QObject(parent), m_doc(doc)
{
    // One file per window of this process; the lock says it is in use for as long as the window lives.
    static int windows = 0;
    m_file = QDir(recoveryDir())
                 .filePath(QStringLiteral("%1-%2-%3.nnp")
                               .arg(kRecoveryPrefix)
                               .arg(QCoreApplication::applicationPid())
                               .arg(windows++));
    QDir().mkpath(recoveryDir());
    m_lock = makeLock(m_file);
    // A file of the same name can only be left by a dead process whose id was reused: its lock is stale and
    // taken over. (Without a writable folder the lock fails, and so does every save, which lastError() says.)
    (void)m_lock->tryLock(0);
    m_periodic.setInterval(kDefaultIntervalMs);
    m_debounce.setInterval(kDefaultDebounceMs);
    m_debounce.setSingleShot(true);
    connect(&m_periodic, &QTimer::timeout, this, [this] {
        if (m_doc->isModified()) saveNow();
    });
    connect(&m_debounce, &QTimer::timeout, this, &Autosave::saveNow);
    for (auto edited : {&GraphDocument::graphChanged, &GraphDocument::dataSourceChanged,
                        &GraphDocument::hyperparametersChanged})
        connect(doc, edited, this, &Autosave::onEdited);
    connect(doc, &GraphDocument::modifiedChanged, this, &Autosave::onModifiedChanged);
    m_periodic.start();
}

Autosave::~Autosave() = default; // the lock goes; the recovery file stays unless discarded

void Autosave::setIntervals(int periodicMs, int debounceMs)
{
    m_periodic.start(periodicMs);
    m_debounce.setInterval(debounceMs);
}

void Autosave::onEdited()
{
    // A reset (a project opened or created) is not an edit: nothing unsaved yet.
    if (m_doc->isModified()) m_debounce.start();
}

void Autosave::onModifiedChanged(bool modified)
{
    if (modified) {
        m_debounce.start();
        return;
    }
    // Saved, undone to the saved state, or replaced after the user let the changes go: nothing to recover.
    m_debounce.stop();
    discard();
}

QString Autosave::recoveryDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool Autosave::saveNow()
{
    m_debounce.stop();
    if (!m_doc->isModified()) return false;
    const QString dir = recoveryDir();
    if (!QDir().mkpath(dir)) {
        m_lastError = tr("Could not create the folder %1.").arg(dir);
        return false;
    }
    Project project = m_doc->project();
    // Relative data paths are relative to the user's file: written from the recovery folder, they point to
    // the same data (saveProject makes those that leave the folder absolute).
    if (!m_doc->filePath().isEmpty())
        rebaseDataPaths(project, QFileInfo(m_doc->filePath()).absolutePath().toStdString(),
                        dir.toStdString());
    try {
        saveProject(project, m_file.toStdString()); // atomic: a temporary file, then a rename
    } catch (const std::exception &e) {
        m_lastError = QString::fromStdString(e.what());
        return false;
    }
    QJsonObject info;
    info[QStringLiteral("file")] = m_doc->filePath();
    info[QStringLiteral("saved")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSaveFile out(infoFile(m_file));
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(info).toJson()) < 0 || !out.commit()) {
        m_lastError = out.errorString();
        return false;
    }
    m_lastError.clear();
    return true;
}

void Autosave::discard()
{
    m_debounce.stop();
    QFile::remove(m_file);
    QFile::remove(infoFile(m_file));
}

void Autosave::remove(const Recovery &recovery)
{
    QFile::remove(recovery.file);
    QFile::remove(infoFile(recovery.file));
}

std::vector<Recovery> Autosave::pending()
{
    std::vector<Recovery> found;
    const QDir dir(recoveryDir());
    for (const QFileInfo &file :
         dir.entryInfoList({kRecoveryPrefix + QStringLiteral("*.nnp")}, QDir::Files, QDir::Time)) {
        // Locked by a live window (of this process or another): not ours to offer. A lock whose process died
        // is taken over (QLockFile checks the process id); no lock at all is a window that went without
        // closing.
        auto claim = std::shared_ptr<QLockFile>(makeLock(file.absoluteFilePath()));
        if (!claim->tryLock(0)) continue;
        Recovery r;
        r.file = file.absoluteFilePath();
        r.saved = file.lastModified();
        r.claim = std::move(claim);
        QFile f(infoFile(r.file));
        if (f.open(QIODevice::ReadOnly)) {
            const QJsonObject info = QJsonDocument::fromJson(f.readAll()).object();
            r.originalPath = info.value(QStringLiteral("file")).toString();
            const QDateTime saved =
                QDateTime::fromString(info.value(QStringLiteral("saved")).toString(), Qt::ISODateWithMs);
            if (saved.isValid()) r.saved = saved.toLocalTime();
        }
        found.push_back(std::move(r));
    }
    return found;
}

Project Autosave::load(const Recovery &recovery)
{
    Project project = loadProject(recovery.file.toStdString());
    if (!recovery.originalPath.isEmpty())
        rebaseDataPaths(project, QFileInfo(recovery.file).absolutePath().toStdString(),
                        QFileInfo(recovery.originalPath).absolutePath().toStdString());
    return project;
}

} // namespace nnp
