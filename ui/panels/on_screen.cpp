#include "panels/on_screen.h"

#include <QRegion>
#include <QWidget>

namespace nnp {

bool onScreen(const QWidget *widget)
{
    return widget && widget->isVisible() && !widget->visibleRegion().isEmpty();
}

} // namespace nnp
