// nn-playground: the drag-and-drop network editor and trainer.
#include "main_window.h"
#include "tensor.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

int main(int argc, char *argv[])
{
    nnp::tuneAllocator();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NNPlayground"));
    QApplication::setApplicationName(QStringLiteral("nn-playground"));
    QApplication::setApplicationDisplayName(QStringLiteral("NN Playground"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    // The app's own strings (embedded under :/i18n) and Qt's standard dialogs, in the system language.
    QTranslator appTranslator, qtTranslator;
    if (appTranslator.load(QLocale(), QStringLiteral("nnp"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Build neural networks and watch them learn."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "A project file (.nnp) to open."),
                                 QStringLiteral("[project.nnp]"));
    parser.process(app);

    nnp::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.loadFile(parser.positionalArguments().constFirst());
    return QApplication::exec();
}
