// The Simplified Chinese translation: the .ts is complete and well-formed (placeholders, accelerators,
// numerus forms), the embedded .qm loads, and the main window then shows Chinese menus and toolbar actions.
#include "document/graph_document.h"
#include "editor/graph_scene.h"
#include "export/model_export.h"
#include "i18n/language.h"
#include "main_window.h"
#include "settle.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QToolBar>
#include <QTranslator>
#include <QXmlStreamReader>

#include <map>
#include <utility>

using namespace nnp;

namespace {

const QString kTsPath = QStringLiteral(NNP_SOURCE_DIR "/resources/translations/nnp_zh_CN.ts");

struct TsMessage {
    QString context, source, comment;
    QStringList translations; // one per numerus form
    bool numerus = false, unfinished = false, obsolete = false;
    qint64 line = 0;
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QList<TsMessage> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    TsMessage msg;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            msg = TsMessage{};
            msg.context = context;
            msg.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            msg.line = xml.lineNumber();
        } else if (name == QLatin1String("source")) {
            msg.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            msg.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            msg.unfinished = type == QLatin1String("unfinished");
            msg.obsolete = type == QLatin1String("vanished") || type == QLatin1String("obsolete");
            if (msg.numerus) {
                while (xml.readNextStartElement())
                    msg.translations << xml.readElementText();
            } else {
                msg.translations << xml.readElementText();
            }
            out << msg;
        }
    }
    if (xml.hasError()) *error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return out;
}

// %1..%99, %L1, %n and %Ln, sorted: a translation must keep every one of the source's.
QStringList placeholders(const QString &s)
{
    QStringList p;
    static const QRegularExpression re(QStringLiteral("%L?(\\d+|n)"));
    for (auto it = re.globalMatch(s); it.hasNext();)
        p << it.next().captured(0);
    p.sort();
    return p;
}

// The accelerator letter of "&File" (not "&&" nor an HTML entity such as "&nbsp;"), or a null QChar.
QChar accelerator(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("(?<!&)&([A-Za-z0-9])(?![A-Za-z0-9]*;)"));
    const auto m = re.match(s);
    return m.hasMatch() ? m.captured(1).at(0).toUpper() : QChar();
}

std::map<std::pair<QString, QString>, QString> translationTable()
{
    QString error;
    std::map<std::pair<QString, QString>, QString> table;
    for (const TsMessage &m : readTs(kTsPath, &error))
        if (!m.obsolete && m.comment.isEmpty() && !m.translations.isEmpty())
            table[{m.context, m.source}] = m.translations.constFirst();
    return table;
}

QAction *toolbarActionWithText(QMainWindow &w, const QString &objectName, const QString &text)
{
    auto *bar = w.findChild<QToolBar *>(objectName);
    if (!bar) return nullptr;
    for (QAction *a : bar->actions())
        if (a->text() == text) return a;
    return nullptr;
}

} // namespace

class TestTranslation : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NNPlaygroundTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_translation"));
        QSettings().clear();
    }

    void tsIsCompleteAndWellFormed()
    {
        QString error;
        const QList<TsMessage> messages = readTs(kTsPath, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 300);
        int live = 0;
        for (const TsMessage &m : messages) {
            if (m.obsolete) continue;
            ++live;
            const QString where =
                QStringLiteral("line %1, %2: \"%3\"").arg(m.line).arg(m.context, m.source.left(60));
            QVERIFY2(!m.unfinished, qPrintable(QStringLiteral("unfinished: ") + where));
            QVERIFY2(!m.translations.isEmpty(), qPrintable(QStringLiteral("no translation: ") + where));
            if (m.numerus) // Chinese has a single plural form
                QVERIFY2(m.translations.size() == 1, qPrintable(QStringLiteral("numerus forms: ") + where));
            for (const QString &t : m.translations) {
                QVERIFY2(!t.trimmed().isEmpty(), qPrintable(QStringLiteral("empty translation: ") + where));
                QVERIFY2(
                    placeholders(t) == placeholders(m.source),
                    qPrintable(QStringLiteral("placeholders differ: ") + where + QStringLiteral(" -> ") + t));
                QVERIFY2(
                    accelerator(t) == accelerator(m.source),
                    qPrintable(QStringLiteral("accelerator differs: ") + where + QStringLiteral(" -> ") + t));
                QVERIFY2(t.count(QLatin1Char('\n')) == m.source.count(QLatin1Char('\n')),
                         qPrintable(QStringLiteral("line breaks differ: ") + where));
                QVERIFY2(t.count(QLatin1Char('<')) == m.source.count(QLatin1Char('<')),
                         qPrintable(QStringLiteral("markup differs: ") + where));
            }
        }
        QVERIFY(live > 300);
    }

    void languageNames()
    {
        QCOMPARE(normalizeLanguage(QStringLiteral("zh_CN.UTF-8")), QStringLiteral("zh_CN"));
        QCOMPARE(normalizeLanguage(QStringLiteral("zh-CN")), QStringLiteral("zh_CN"));
        QCOMPARE(normalizeLanguage(QStringLiteral("zh")), QStringLiteral("zh_CN"));
        QCOMPARE(normalizeLanguage(QStringLiteral("en_GB")), QStringLiteral("en"));
        QCOMPARE(normalizeLanguage(QStringLiteral("C")), QStringLiteral("en"));
        QCOMPARE(normalizeLanguage(QStringLiteral("system")), QString());
        QCOMPARE(normalizeLanguage(QStringLiteral("klingon")), QString());
        QCOMPARE(languageFromArguments({"nn-playground", "--lang=zh_CN", "a.nnp"}), QStringLiteral("zh_CN"));
        QCOMPARE(languageFromArguments({"nn-playground", "a.nnp", "--lang", "en"}), QStringLiteral("en"));
        QCOMPARE(languageFromArguments({"nn-playground", "a.nnp"}), QString());
        storeLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(storedLanguage(), QStringLiteral("zh_CN"));
        storeLanguage(QString());
        QCOMPARE(storedLanguage(), QString());
    }

    // Runs before any translator is installed: English is the source language.
    void englishWithoutTranslation()
    {
        QCOMPARE(installTranslations(qApp, QStringLiteral("en")), QStringLiteral("en"));
        MainWindow w;
        QCOMPARE(w.menuBar()->actions().constFirst()->text(), QStringLiteral("&File"));
        QVERIFY(toolbarActionWithText(w, QStringLiteral("trainingToolbar"), QStringLiteral("Play")));
    }

    void chineseMainWindow()
    {
        const auto table = translationTable();
        const QString file = table.at({QStringLiteral("nnp::MainWindow"), QStringLiteral("&File")});
        const QString view = table.at({QStringLiteral("nnp::MainWindow"), QStringLiteral("&View")});
        const QString play = table.at({QStringLiteral("nnp::TrainingToolbar"), QStringLiteral("Play")});
        const QString reset = table.at({QStringLiteral("nnp::TrainingToolbar"), QStringLiteral("Reset")});
        QCOMPARE(file, QStringLiteral("文件(&F)"));
        QVERIFY(play != QStringLiteral("Play"));

        QCOMPARE(installTranslations(qApp, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        const QList<QAction *> menus = w.menuBar()->actions();
        QCOMPARE(menus.constFirst()->text(), file);
        bool sawView = false;
        for (QAction *a : menus)
            sawView = sawView || a->text() == view;
        QVERIFY(sawView);
        QVERIFY2(toolbarActionWithText(w, QStringLiteral("trainingToolbar"), play), qPrintable(play));
        QVERIFY(toolbarActionWithText(w, QStringLiteral("trainingToolbar"), reset));
        QVERIFY(!toolbarActionWithText(w, QStringLiteral("trainingToolbar"), QStringLiteral("Play")));

        // Messages from free functions (lupdate files them under the namespace, "nnp") are found at run time
        // too.
        QCOMPARE(formatTitle(ExportFormat::Weights),
                 table.at({QStringLiteral("nnp"), QStringLiteral("Weights")}));
        QVERIFY(formatTitle(ExportFormat::Weights) != QStringLiteral("Weights"));

        // View > Language lists both languages by their own names.
        auto *languageMenu = w.findChild<QMenu *>(QStringLiteral("languageMenu"));
        QVERIFY(languageMenu);
        QVERIFY(languageMenu->title() != QStringLiteral("&Language"));
        QStringList choices;
        for (QAction *a : languageMenu->actions())
            if (!a->isSeparator()) choices << a->text();
        QVERIFY(choices.contains(QStringLiteral("English")));
        QVERIFY(choices.contains(QStringLiteral("简体中文")));

        // A picture to look at (<build>/screenshots/main_window_zh_CN.png), and a list of texts that do not
        // fit.
        QVERIFY(w.loadFile(QStringLiteral(NNP_SOURCE_DIR "/samples/spiral.nnp")));
        w.resize(1600, 1000);
        testutil::settle();
        const QString dir = QStringLiteral(NNP_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        QVERIFY(w.grab().save(dir + QStringLiteral("/main_window_zh_CN.png")));
        if (auto *data = w.findChild<QDockWidget *>(QStringLiteral("dataDock"))) {
            data->raise();
            testutil::settle();
            QVERIFY(data->grab().save(dir + QStringLiteral("/data_panel_zh_CN.png")));
        }
        // The inspector on a Dense layer, and the insight docks (empty states), for their label widths.
        const auto &nodes = w.document()->project().graph.nodes;
        QVERIFY(nodes.size() > 1);
        w.scene()->selectNodes({nodes[1].id});
        testutil::settle();
        for (const char *name :
             {"inspectorDock", "layerStatsDock", "confusionDock", "probeDock", "explainDock"}) {
            auto *dock = w.findChild<QDockWidget *>(QString::fromLatin1(name));
            if (!dock) continue;
            dock->raise();
            testutil::settle();
            QVERIFY(dock->grab().save(dir + QStringLiteral("/%1_zh_CN.png").arg(QString::fromLatin1(name))));
        }
        for (QWidget *child : w.findChildren<QWidget *>()) {
            if (!child->isVisible()) continue;
            QString text;
            if (auto *label = qobject_cast<QLabel *>(child);
                label && !label->wordWrap() && label->textFormat() != Qt::RichText)
                text = label->text();
            else if (auto *button = qobject_cast<QAbstractButton *>(child))
                text = button->text();
            if (text.isEmpty() || child->sizeHint().width() <= child->width()) continue;
            qInfo("does not fit (%d > %d px): %s", child->sizeHint().width(), child->width(),
                  qPrintable(text));
        }
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
