#include "document/autosave.h"

#include "document/graph_document.h"
#include "io/project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace nnp {

namespace {
const QString kRecoveryName = QStringLiteral("recovery.nnp");
const QString kInfoName = QStringLiteral("recovery.json"); // which file it belongs to, and when

QString infoFile()
{
    return QDir(Autosave::recoveryDir()).filePath(kInfoName);
}
} // namespace

Autosave::Autosave(GraphDocument *doc, QObject *parent) : QObject(parent), m_doc(doc)
{
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

QString Autosave::recoveryFile()
{
    return QDir(recoveryDir()).filePath(kRecoveryName);
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
        saveProject(project, recoveryFile().toStdString()); // atomic: a temporary file, then a rename
    } catch (const std::exception &e) {
        m_lastError = QString::fromStdString(e.what());
        return false;
    }
    QJsonObject info;
    info[QStringLiteral("file")] = m_doc->filePath();
    info[QStringLiteral("saved")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSaveFile out(infoFile());
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
    remove();
}

void Autosave::remove()
{
    QFile::remove(recoveryFile());
    QFile::remove(infoFile());
}

std::optional<Recovery> Autosave::pending()
{
    const QFileInfo file(recoveryFile());
    if (!file.exists()) return std::nullopt;
    Recovery r;
    r.file = file.absoluteFilePath();
    r.saved = file.lastModified();
    QFile f(infoFile());
    if (f.open(QIODevice::ReadOnly)) {
        const QJsonObject info = QJsonDocument::fromJson(f.readAll()).object();
        r.originalPath = info.value(QStringLiteral("file")).toString();
        const QDateTime saved =
            QDateTime::fromString(info.value(QStringLiteral("saved")).toString(), Qt::ISODateWithMs);
        if (saved.isValid()) r.saved = saved.toLocalTime();
    }
    return r;
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
