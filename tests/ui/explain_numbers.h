#pragma once
// Reading the explain panel's numbers back in GUI tests: every number of a text as the panel writes it (real
// minus signs, locale digits, "6.66×10⁻⁵"), and whether a value is among them at the panel's precision.
#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <cmath>
#include <vector>

namespace nnp::testutil {

inline std::vector<double> numbersIn(QString text)
{
    text.replace(QStringLiteral("−"), QStringLiteral("-"));
    // "6.66×10⁻⁵", as the panel writes tiny numbers for students, reads as 6.66e-5.
    static const QString kSuperscripts = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    text.replace(QStringLiteral("×10"), QStringLiteral("e"));
    text.replace(QStringLiteral("⁻"), QStringLiteral("-"));
    for (int d = 0; d < 10; ++d)
        text.replace(kSuperscripts[d], QChar(u'0' + d));
    std::vector<double> out;
    static const QRegularExpression re(QStringLiteral("-?\\d+(?:[.,]\\d+)?(?:e-?\\d+)?"));
    for (auto it = re.globalMatch(text); it.hasNext();) {
        QString s = it.next().captured(0);
        s.replace(QLatin1Char(','), QLatin1Char('.'));
        out.push_back(s.toDouble());
    }
    return out;
}

/// Whether `v` is shown (4 decimals, or 3 significant digits below 1e-3, as "a×10⁻ⁿ").
inline bool shows(const std::vector<double> &numbers, double v)
{
    const double tol = std::abs(v) < 1e-3 ? 0.006 * std::abs(v) + 1e-12 : 0.51e-4;
    return std::any_of(numbers.begin(), numbers.end(), [&](double n) { return std::abs(n - v) <= tol; });
}

} // namespace nnp::testutil

#define VERIFY_SHOWN(text, value)                                                                            \
    QVERIFY2(nnp::testutil::shows(nnp::testutil::numbersIn(text), (value)),                                  \
             qPrintable(QStringLiteral("%1 not shown in: %2").arg(value, 0, 'g', 10).arg(text)))
