#pragma once
// The app's memory limit (core memory_budget.h): kept in the settings, applied at start-up, edited with
// Edit > Memory limit….

#include <QCoreApplication>

class QAction;
class QWidget;

namespace nnp {

class MemorySetting {
    Q_DECLARE_TR_FUNCTIONS(MemorySetting)
public:
    /// Applies the stored limit (none stored: the core's default).
    static void apply();
    /// Stores a limit in bytes and applies it; 0: the default again.
    static void store(quint64 bytes);
    /// "Memory limit…": asks for a limit in GB (0 for the default) and stores it.
    static QAction *createAction(QWidget *parent);
};

} // namespace nnp
