#pragma once
// A strip above the canvas that lists the network's problems against its loss and data (a Linear output with
// binary cross-entropy, a missing Softmax …) before Play, each with the fix in words and, where the fix is
// unambiguous, a button that applies it (one undo step). Hidden when there is nothing to say.

#include <QFrame>

class QPushButton;
class QVBoxLayout;

namespace nnp {

class GraphDocument;

class ProblemsBar : public QFrame {
    Q_OBJECT
public:
    explicit ProblemsBar(GraphDocument *doc, QWidget *parent = nullptr);

    /// The shown problems' texts, in order.
    [[nodiscard]] QStringList texts() const;
    /// The fix buttons shown (one per problem that has a fix).
    [[nodiscard]] QList<QPushButton *> fixButtons() const;

private:
    void rebuild();

    GraphDocument *m_doc;
    QVBoxLayout *m_rows;
};

} // namespace nnp
