#include "panels/wheel_guard.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QPointer>
#include <QWidget>

namespace nnp {

namespace {

bool isField(const QObject *o)
{
    return qobject_cast<const QAbstractSpinBox *>(o) || qobject_cast<const QComboBox *>(o);
}

/// An application-wide filter (the forms rebuild their fields) that acts only on fields inside its root.
class WheelGuard : public QObject {
public:
    explicit WheelGuard(QWidget *root) : QObject(root), m_root(root) { qApp->installEventFilter(this); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const QEvent::Type type = event->type();
        if ((type != QEvent::Wheel && type != QEvent::Polish) || !isField(watched)) return false;
        auto *field = static_cast<QWidget *>(watched);
        if (!m_root || !m_root->isAncestorOf(field)) return false;
        if (type == QEvent::Polish) {
            field->setFocusPolicy(
                Qt::StrongFocus); // QAbstractSpinBox's default, WheelFocus, focuses on wheel
            return false;
        }
        if (field->hasFocus()) return false;
        // Handled here, but not accepted: Qt passes the wheel on to the parents, so the panel scrolls.
        event->ignore();
        return true;
    }

private:
    QPointer<QWidget> m_root;
};

} // namespace

void guardWheel(QWidget *root)
{
    for (QWidget *w : root->findChildren<QWidget *>())
        if (isField(w)) w->setFocusPolicy(Qt::StrongFocus);
    new WheelGuard(root);
}

} // namespace nnp
