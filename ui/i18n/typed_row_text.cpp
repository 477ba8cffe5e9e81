#include "i18n/typed_row_text.h"

#include <QCoreApplication>
#include <QStringList>

namespace nnp {

namespace {
struct TypedRowText {
    Q_DECLARE_TR_FUNCTIONS(TypedRowText)
};
} // namespace

QString typedRowProblemText(const TypedRowProblem &p)
{
    const QString name = QString::fromStdString(p.name);
    const QString value = QString::fromStdString(p.value);
    switch (p.kind) {
    case TypedRowProblem::Kind::Count:
        return TypedRowText::tr("The row has %1 values; the data has %2 feature columns.")
            .arg(p.given)
            .arg(p.expected);
    case TypedRowProblem::Kind::Missing:
        return TypedRowText::tr(
                   "“%1” is empty: type a value (the training data had no missing values to fill it with).")
            .arg(name);
    case TypedRowProblem::Kind::NotANumber:
        return TypedRowText::tr("“%1” is a number column; “%2” is not a number.").arg(name, value);
    case TypedRowProblem::Kind::TooLarge:
        return TypedRowText::tr("“%1”: %2 is too large (numbers up to 10¹⁸ in size).").arg(name, value);
    case TypedRowProblem::Kind::UnknownCategory: {
        QStringList known;
        for (const std::string &k : p.known)
            known << QStringLiteral("“%1”").arg(QString::fromStdString(k));
        constexpr qsizetype kShown = 8;
        const QString list = known.size() <= kShown
                                 ? known.join(TypedRowText::tr(", "))
                                 : TypedRowText::tr("%1 and %n more", nullptr, int(known.size() - kShown))
                                       .arg(known.first(kShown).join(TypedRowText::tr(", ")));
        return TypedRowText::tr("“%1” has no category “%2”; the model knows %3.").arg(name, value, list);
    }
    }
    return {};
}

} // namespace nnp
