#pragma once
// The mouse wheel scrolls a panel; it changes a spin box or a combo box only after the user clicked into it.
// Without this, scrolling the Inspector past a spin box changed it (batch 32 became 31).

#include <QObject>

class QWidget;

namespace nnp {

/// Guards every spin box and combo box inside `root`, also those its forms create later: they take focus
/// by click or Tab only (Qt::StrongFocus), and a wheel event over one without focus goes to the panel
/// around it (which scrolls).
void guardWheel(QWidget *root);

} // namespace nnp
