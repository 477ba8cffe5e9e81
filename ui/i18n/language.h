#pragma once
// The interface language: English (the source strings) or Simplified Chinese
// (resources/translations/nnp_zh_CN.ts, compiled and embedded under :/i18n). The choice, in order: the --lang
// option, the language picked in View > Language (kept in QSettings), the system locale (LANGUAGE, LC_ALL,
// LC_MESSAGES, LANG).
#include <QString>
#include <QStringList>

class QCoreApplication;
class QMenu;
class QWidget;

namespace nnp {

struct LanguageInfo {
    QString code;       // "en", "zh_CN"
    QString nativeName; // shown in the menu in its own language
};

// Every language the app speaks, English first.
QList<LanguageInfo> availableLanguages();

// "zh_CN" for "zh", "zh-CN", "zh_CN.UTF-8", "chinese"…; "en" for English; "" for "system"/"" and anything
// unknown.
QString normalizeLanguage(const QString &code);

// The value of --lang=CODE or --lang CODE among the arguments, or "" when absent.
QString languageFromArguments(const QStringList &arguments);

// The language stored by View > Language ("" = follow the system).
QString storedLanguage();
void storeLanguage(const QString &code);

// Installs the app's and Qt's translators for the language ("" = the system locale; "en" = none) on the
// application, which owns them. Returns the language actually in use ("en" when no translation matched).
QString installTranslations(QCoreApplication *app, const QString &language);

// A menu text as a toolbar button shows it: without its accelerator, also in the Chinese form "新建(&N)"
// (which Qt would show as "新建(N)"); "&&" stays a literal "&".
QString withoutMnemonic(const QString &text);

// View > Language: System default, English, 简体中文. Picking one stores it; it applies on the next start.
QMenu *createLanguageMenu(QWidget *parent);

} // namespace nnp
