#include "language.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QTranslator>

namespace nnp {

namespace {
const char *const kSettingsKey = "ui/language";
} // namespace

QList<LanguageInfo> availableLanguages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString normalizeLanguage(const QString &code)
{
    QString c = code.trimmed().toLower();
    c = c.section(QLatin1Char('.'), 0, 0)
            .section(QLatin1Char('@'), 0, 0)
            .replace(QLatin1Char('-'), QLatin1Char('_'));
    if (c.isEmpty() || c == QLatin1String("system")) return {};
    if (c == QLatin1String("en") || c.startsWith(QLatin1String("en_")) || c == QLatin1String("english") ||
        c == QLatin1String("c") || c == QLatin1String("posix"))
        return QStringLiteral("en");
    if (c == QLatin1String("zh") || c == QLatin1String("zh_cn") || c == QLatin1String("zh_hans") ||
        c == QLatin1String("zh_sg") || c == QLatin1String("chinese"))
        return QStringLiteral("zh_CN");
    return {};
}

QString languageFromArguments(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a.startsWith(QLatin1String("--lang="))) return a.mid(7);
        if (a == QLatin1String("--lang") && i + 1 < arguments.size()) return arguments[i + 1];
    }
    return {};
}

QString storedLanguage()
{
    return QSettings().value(QLatin1String(kSettingsKey)).toString();
}

void storeLanguage(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(QLatin1String(kSettingsKey));
    else
        settings.setValue(QLatin1String(kSettingsKey), code);
}

QString installTranslations(QCoreApplication *app, const QString &language)
{
    const QString code = normalizeLanguage(language);
    if (code == QLatin1String("en")) return code;
    // An explicit choice wins over the system; the system locale's uiLanguages() follow LANGUAGE, then
    // LC_*/LANG.
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    auto *own = new QTranslator(app);
    if (!own->load(locale, QStringLiteral("nnp"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own);
    // Qt's standard dialogs and buttons (file dialogs, message box buttons, undo/redo prefixes).
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return normalizeLanguage(own->language());
}

QMenu *createLanguageMenu(QWidget *parent)
{
    auto *menu = new QMenu(QCoreApplication::translate("nnp::Language", "&Language"), parent);
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    const QString current = normalizeLanguage(storedLanguage());
    auto addChoice = [&](const QString &code, const QString &text) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setData(code);
        group->addAction(a);
        QObject::connect(a, &QAction::triggered, menu, [parent, code] {
            if (normalizeLanguage(storedLanguage()) == code) return;
            storeLanguage(code);
            QMessageBox::information(
                parent, QCoreApplication::translate("nnp::Language", "Language"),
                QCoreApplication::translate("nnp::Language",
                                            "The new language applies the next time NN Playground starts."));
        });
    };
    addChoice(QString(), QCoreApplication::translate("nnp::Language", "System default"));
    menu->addSeparator();
    for (const LanguageInfo &l : availableLanguages())
        addChoice(l.code, l.nativeName);
    return menu;
}

QString withoutMnemonic(const QString &text)
{
    // "(&N)" in ASCII or full-width brackets, with the spaces before it.
    static const QRegularExpression bracketed(QStringLiteral("\\s*[(\uFF08]&[^&)\uFF09][)\uFF09]"));
    QString s = text;
    s.remove(bracketed);
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == QLatin1Char('&')) {
            if (i + 1 < s.size() && s[i + 1] == QLatin1Char('&')) out += s[++i];
            continue;
        }
        out += s[i];
    }
    return out;
}

} // namespace nnp
