// The Simplified Chinese translation: the .ts is complete and well-formed (placeholders, accelerators,
// numerus forms), the embedded .qm loads, the graph's diagnostics read in Chinese, and the main window then
// shows Chinese menus and toolbar actions.
#include "document/graph_document.h"
#include "document/layer_catalog.h"
#include "editor/graph_scene.h"
#include "editor/node_item.h"
#include "export/model_export.h"
#include "i18n/diagnostic_text.h"
#include "i18n/language.h"
#include "layers/dense.h"
#include "layers/simple_layers.h"
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
#include <QToolButton>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>
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

/// Broken graphs, each with the node whose diagnostic is checked and the values its text must show.
struct BrokenGraph {
    const char *name;
    GraphSpec graph;
    NodeId node;
    DiagnosticCode code;
    QStringList values; // besides the node's name
};

QList<BrokenGraph> brokenGraphs()
{
    const auto input = [](std::vector<int> shape) { return LayerOptions().set(opt::input::shape, shape); };
    const auto dense = [](int units) { return LayerOptions().set(opt::dense::units, units); };
    QList<BrokenGraph> r;
    {
        GraphSpec g;
        g.connect(g.addNode(LayerKind::Input, "in", input({2})),
                  g.addNode(LayerKind::Dense, "out", dense(1)));
        const NodeId lonely = g.addNode(LayerKind::Dense, "hidden1", dense(3));
        r.append({"dense without input", g, lonely, DiagnosticCode::MissingInput, {}});
    }
    {
        GraphSpec g;
        const NodeId dot = g.addNode(LayerKind::Dot, "agree");
        g.connect(g.addNode(LayerKind::Input, "user", input({3})), dot);
        g.connect(g.addNode(LayerKind::Input, "item", input({4})), dot);
        r.append({"dot of different sizes", g, dot, DiagnosticCode::ShapeMismatch, {"3", "4"}});
    }
    {
        GraphSpec g;
        const NodeId big = g.addNode(LayerKind::Dense, "big", dense(1000));
        g.connect(g.addNode(LayerKind::Input, "in", input({100000})), big);
        r.append({"too large", g, big, DiagnosticCode::TooLarge, {"100001000", "50000000"}});
    }
    {
        GraphSpec g;
        const NodeId zero = g.addNode(LayerKind::Dense, "zero", dense(0));
        g.connect(g.addNode(LayerKind::Input, "in", input({2})), zero);
        r.append({"bad option", g, zero, DiagnosticCode::BadOption, {"1", "1e+07"}});
    }
    return r;
}

const Diagnostic *diagnosticOf(const ValidationResult &v, const BrokenGraph &b)
{
    for (const Diagnostic &d : v.diagnostics)
        if (d.node == b.node && d.code == b.code) return &d;
    return nullptr;
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

    // The validator's diagnostics as the UI shows them: English without a translation (the text the CLI
    // prints), Chinese with it, the layer's title and the option's label translated too and every value in
    // its place.
    void diagnostics()
    {
        const QList<BrokenGraph> graphs = brokenGraphs();
        for (const BrokenGraph &b : graphs) {
            const ValidationResult v = validate(b.graph);
            const Diagnostic *d = diagnosticOf(v, b);
            QVERIFY2(d, b.name);
            QCOMPARE(diagnosticText(*d), QString::fromStdString(d->message()));
        }
        // A name that looks like a placeholder is a name: it is not filled in again.
        {
            GraphSpec g = graphs.front().graph;
            g.find(graphs.front().node)->name = "h%1%2";
            const ValidationResult v = validate(g);
            const Diagnostic *d = diagnosticOf(v, graphs.front());
            QVERIFY(d);
            QCOMPARE(diagnosticText(*d),
                     QStringLiteral("Dense 'h%1%2' has no input — connect a layer to it."));
        }

        QTranslator chinese;
        QVERIFY(chinese.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("nnp"), QStringLiteral("_"),
                             QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&chinese));
        const auto table = translationTable();
        const QString denseTitle = table.at({QStringLiteral("LayerCatalog"), QStringLiteral("Dense")});
        QCOMPARE(LayerCatalog::title(LayerKind::Dense), denseTitle);
        static const QRegularExpression placeholder(QStringLiteral("%\\d"));
        static const QRegularExpression han(QStringLiteral("\\p{Han}"));
        static const QRegularExpression latin(QStringLiteral("[A-Za-z]"));
        for (const BrokenGraph &b : graphs) {
            const ValidationResult v = validate(b.graph);
            const Diagnostic *d = diagnosticOf(v, b);
            QVERIFY2(d, b.name);
            const QString text = diagnosticText(*d);
            const QString where = QString::fromLatin1(b.name) + QStringLiteral(": ") + text;
            QVERIFY2(text != QString::fromStdString(d->message()), qPrintable(where));
            QVERIFY2(text.contains(han), qPrintable(where));
            QVERIFY2(!text.contains(placeholder), qPrintable(where));
            const NodeSpec *n = b.graph.find(b.node);
            QVERIFY2(text.contains(QString::fromStdString(n->name)), qPrintable(where));
            QVERIFY2(text.contains(LayerCatalog::title(n->kind)), qPrintable(where));
            QVERIFY2(!text.contains(QString::fromLatin1(toString(n->kind).data())), qPrintable(where));
            QString words = text; // without the name and the values, no English is left
            words.remove(QString::fromStdString(n->name));
            QStringList longestFirst = b.values;
            std::sort(longestFirst.begin(), longestFirst.end(),
                      [](const QString &x, const QString &y) { return x.size() > y.size(); });
            for (const QString &value : longestFirst) {
                QVERIFY2(text.contains(value), qPrintable(where + QStringLiteral(" lacks ") + value));
                words.remove(value);
            }
            QVERIFY2(!words.contains(latin), qPrintable(where));
        }
        // An option's problem: its label and the phrase after it are translated as well.
        {
            const BrokenGraph &b = graphs.back();
            const QString text = diagnosticText(*diagnosticOf(validate(b.graph), b));
            QVERIFY2(text.contains(table.at({QStringLiteral("LayerOptions"), QStringLiteral("Units")})),
                     qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("Units")) && !text.contains(QStringLiteral("must")),
                     qPrintable(text));
        }
        // The canvas shows it in the layer's tooltip.
        {
            const BrokenGraph &b = graphs.front();
            GraphDocument doc;
            Project project;
            project.graph = b.graph;
            doc.reset(project);
            GraphScene scene(&doc);
            const Diagnostic *d = diagnosticOf(doc.validation(), b);
            QVERIFY(d);
            QVERIFY(scene.nodeItem(b.node));
            const QString tip = scene.nodeItem(b.node)->toolTip();
            QVERIFY2(tip.contains(diagnosticText(*d).toHtmlEscaped()), qPrintable(tip));
        }
        QVERIFY(QCoreApplication::removeTranslator(&chinese));
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
        // Toolbar buttons show no accelerator: "新建", not "新建(N)" (issue 12).
        auto *editBar = w.findChild<QToolBar *>(QStringLiteral("editToolBar"));
        QVERIFY(editBar);
        for (QAction *a : editBar->actions()) {
            if (a->isSeparator()) continue;
            auto *button = qobject_cast<QToolButton *>(editBar->widgetForAction(a));
            QVERIFY(button);
            QVERIFY2(!button->text().contains(QRegularExpression(QStringLiteral("[(（][A-Z][)）]"))) &&
                         !button->text().contains(QLatin1Char('&')),
                     qPrintable(button->text()));
        }

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
