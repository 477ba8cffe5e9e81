#pragma once
// Runs side by side in the window: Training > Keep run (K; also on the first toolbar and in the dock), the
// "Compare runs" dock beside the training curves, and the comparison among the figures File > Export > Figure
// writes.

#include <QObject>

class QAction;
class QDockWidget;

namespace nnp {

class CompareView;
class MainWindow;
class RunShelf;

class RunsDocks : public QObject {
    Q_OBJECT
public:
    explicit RunsDocks(MainWindow *window);

    [[nodiscard]] RunShelf *shelf() const { return m_shelf; }
    [[nodiscard]] CompareView *view() const { return m_view; }
    [[nodiscard]] QAction *keepAction() const { return m_keep; }
    [[nodiscard]] QDockWidget *dock() const { return m_dock; }

private:
    MainWindow *m_window;
    RunShelf *m_shelf;
    CompareView *m_view = nullptr;
    QAction *m_keep = nullptr;
    QDockWidget *m_dock = nullptr;
};

} // namespace nnp
