#include "panels/problems_bar.h"

#include "document/fit_fixes.h"
#include "document/graph_document.h"
#include "i18n/diagnostic_text.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace nnp {

ProblemsBar::ProblemsBar(GraphDocument *doc, QWidget *parent)
    : QFrame(parent), m_doc(doc), m_rows(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("problemsBar"));
    m_rows->setContentsMargins(8, 4, 8, 4);
    m_rows->setSpacing(4);
    setStyleSheet(QStringLiteral("#problemsBar { background: #FFF4E0; border-bottom: 1px solid #E0B060; }"));
    connect(doc, &GraphDocument::diagnosticsChanged, this, &ProblemsBar::rebuild);
    rebuild();
}

void ProblemsBar::rebuild()
{
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const auto &problems = m_doc->fitProblems();
    for (const FitProblem &p : problems) {
        auto *row = new QWidget(this);
        row->setObjectName(QStringLiteral("fitProblem"));
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        const bool error = p.diagnostic.severity == Severity::Error;
        auto *text = new QLabel(row);
        text->setObjectName(QStringLiteral("problemText"));
        text->setWordWrap(true);
        text->setText(diagnosticText(p.diagnostic));
        text->setStyleSheet(error ? QStringLiteral("color: #B00020") : QStringLiteral("color: #5A4100"));
        layout->addWidget(text, 1);
        const QString label = fixLabel(p.fix);
        if (!label.isEmpty()) {
            auto *fix = new QPushButton(label, row);
            fix->setObjectName(QStringLiteral("fixButton"));
            fix->setToolTip(tr("Apply this fix (Ctrl+Z undoes it)"));
            // Copied: applying the fix revalidates, which rebuilds this bar and deletes the button.
            connect(
                fix, &QPushButton::clicked, this, [doc = m_doc, f = p.fix] { applyFix(doc, f); },
                Qt::QueuedConnection);
            layout->addWidget(fix, 0, Qt::AlignTop);
        }
        m_rows->addWidget(row);
    }
    setVisible(!problems.empty());
}

QStringList ProblemsBar::texts() const
{
    QStringList r;
    for (const QLabel *l : findChildren<QLabel *>(QStringLiteral("problemText")))
        r << l->text();
    return r;
}

QList<QPushButton *> ProblemsBar::fixButtons() const
{
    return findChildren<QPushButton *>(QStringLiteral("fixButton"));
}

} // namespace nnp
