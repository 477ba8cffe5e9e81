#pragma once
// Runs side by side (the "Compare runs" dock): the curves of the kept runs and the current one over each
// other, each run in its own colour and labelled with what differs from the reference run; training loss
// solid, test loss dashed (both by default); below, each run's final decision boundary as a small picture
// with its label (2-D data), and a button to remove it. render() draws the same for File > Export > Figure.
//
// Redrawn only when it can be seen: hidden (the dock is a tab behind the loss curves by default) it only
// notes that it is out of date and catches up when shown or asked (render, the accessors). Seen, the current
// run's changes are drawn at most a few times a second (an epoch can end hundreds of times a second at the
// fastest pace), and only the current run's card changes with them.

#include <QWidget>

#include <functional>

class QAction;
class QCheckBox;
class QCPGraph;
class QCustomPlot;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QPainter;
class QPushButton;
class QTimer;
class QToolButton;

namespace nnp {

class RunShelf;
struct RunPicture;

class CompareView : public QWidget {
    Q_OBJECT
public:
    CompareView(RunShelf *shelf, QWidget *parent = nullptr);

    /// The colour of a kept run (by its number: a run keeps its colour when another is removed); 0: the
    /// current run.
    [[nodiscard]] static QColor runColor(int number);

    [[nodiscard]] QCustomPlot *plot() const { return m_plot; }
    /// The curve of a run (0: the current run); test: the test loss. Null when it is not drawn.
    [[nodiscard]] QCPGraph *curve(int number, bool test) const;
    /// How many times the curves were redrawn (for tests: a hidden view does not redraw).
    [[nodiscard]] int curveRebuilds() const { return m_curveRebuilds; }
    [[nodiscard]] QCheckBox *trainBox() const { return m_showTrain; }
    [[nodiscard]] QCheckBox *testBox() const { return m_showTest; }
    [[nodiscard]] QPushButton *clearButton() const { return m_clear; }
    /// The captions under the small pictures, in the order shown (kept runs, then the current run).
    [[nodiscard]] QStringList cardLabels() const;
    /// The remove button of a kept run's card; null when there is none.
    [[nodiscard]] QToolButton *removeButton(int number) const;

    /// The comparison as a figure: the curves above, the pictures below (when the data is 2-D).
    void render(QPainter &painter, const QRectF &target) const;
    [[nodiscard]] QSize naturalSize() const;

    /// Draws what is out of date now: when it comes into sight (its dock's tab chosen); the accessors and
    /// render() catch up first too.
    void catchUp() const;

    /// Puts a button for this action (Keep run) first in the view's bar.
    void addKeepAction(QAction *keep);
    /// Set by the window: opens File > Export > Figure with this figure chosen.
    void setExportHandler(std::function<void()> handler);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onRunsChanged();
    void onCurrentChanged();
    void rebuildCurves();
    void rebuildCards();
    /// Only the current run's caption and picture (the set of runs shown is the same).
    void updateCurrentCard();
    [[nodiscard]] bool anyPicture() const;
    [[nodiscard]] QString axisLabel(bool figure) const;

    RunShelf *m_shelf;
    QCustomPlot *m_plot;
    QCheckBox *m_showTrain, *m_showTest;
    QPushButton *m_clear, *m_export;
    QLabel *m_hint;
    QWidget *m_cards;
    QGridLayout *m_cardRow;
    QHBoxLayout *m_bar;
    std::function<void()> m_exportHandler;
    QTimer *m_delay;
    bool m_curvesStale = true, m_cardsStale = true, m_currentCardStale = false;
    int m_curveRebuilds = 0;
};

/// A run's data and boundary drawn into a square image of `side` pixels (null image without 2-D data).
QImage runPictureImage(const RunPicture &picture, int side);

} // namespace nnp
