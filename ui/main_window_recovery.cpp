// MainWindow: the offer to restore the work a run that did not close normally left in its recovery file.
#include "main_window.h"

#include "document/autosave.h"
#include "document/graph_document.h"
#include "io/project.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QUndoStack>

namespace nnp {

bool MainWindow::offerRecovery()
{
    // The newest work left by a window that did not close; others (several crashed windows) are offered at
    // the next start, one each time.
    std::vector<Recovery> pending = Autosave::pending();
    if (pending.empty()) return false;
    const Recovery *recovery = &pending.front();
    const QString name = recovery->originalPath.isEmpty() ? tr("An untitled project")
                                                          : QFileInfo(recovery->originalPath).fileName();
    const QString when = QLocale().toString(recovery->saved, QLocale::LongFormat);
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Restore unsaved work?"),
        tr("NN Playground did not close normally last time. %1 had changes that were not saved; they were "
           "kept on %2 in\n%3\n\nRestore them?")
            .arg(name, when, QDir::toNativeSeparators(recovery->file)),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("recoveryBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *restore = box->addButton(tr("Restore"), QMessageBox::AcceptRole);
    restore->setObjectName(QStringLiteral("restoreButton"));
    box->addButton(tr("Discard"), QMessageBox::DestructiveRole)
        ->setObjectName(QStringLiteral("discardButton"));
    box->setDefaultButton(restore);
    connect(box, &QMessageBox::finished, this, [this, box, restore, r = *recovery] {
        if (box->clickedButton() != restore) {
            Autosave::remove(r);
            statusBar()->showMessage(tr("The unsaved work of the last session was discarded."), 5000);
            return;
        }
        Project project;
        try {
            project = Autosave::load(r);
        } catch (const std::exception &e) {
            showError(tr("Could not restore the unsaved work"), QString::fromStdString(e.what()));
            return;
        }
        applyProject(std::move(project), r.originalPath);
        // Restored work is unsaved work: the title shows it, closing asks about it, and it is kept in this
        // window's recovery file until it is saved (the old one goes once the new one holds it).
        m_doc->undoStack()->resetClean();
        if (m_autosave->saveNow()) Autosave::remove(r);
        statusBar()->showMessage(tr("Restored the unsaved work of the last session."), 5000);
    });
    box->open();
    return true;
}

} // namespace nnp
