// nn-playground: the drag-and-drop network editor and trainer.
#include "i18n/language.h"
#include "main_window.h"
#include "memory_setting.h"
#include "tensor.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char *argv[])
{
    nnp::tuneAllocator();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NNPlayground"));
    QApplication::setApplicationName(QStringLiteral("nn-playground"));
    QApplication::setApplicationDisplayName(QStringLiteral("NN Playground"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    // The app's own strings (embedded under :/i18n) and Qt's standard dialogs: the --lang option, else the
    // language picked in View > Language, else the system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
    QString language = nnp::languageFromArguments(QApplication::arguments());
    if (language.isEmpty()) language = nnp::storedLanguage();
    nnp::installTranslations(&app, language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Build neural networks and watch them learn."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(QCommandLineOption(
        QStringLiteral("lang"),
        QApplication::translate("main",
                                "Interface language: en (English), zh_CN (Simplified Chinese) or system."),
        QStringLiteral("code")));
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "A project file (.nnp) to open."),
                                 QStringLiteral("[project.nnp]"));
    parser.process(app);
    nnp::MemorySetting::apply(); // Edit > Memory limit

    nnp::MainWindow window;
    window.show();
    const bool fileGiven = !parser.positionalArguments().isEmpty();
    if (fileGiven) window.loadFile(parser.positionalArguments().constFirst());
    // The last session did not close normally: its unsaved work is offered back; else, without a file, the
    // start page (samples, lessons, recent files).
    if (!window.offerRecovery() && !fileGiven) window.showStartPage();
    return QApplication::exec();
}
