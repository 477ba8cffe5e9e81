// Two of the course's seed models built as a student builds them, from an empty canvas with the mouse and
// the keyboard only: layers dropped from the palette, wired port to port, options typed into the inspector,
// the CSV's columns given their roles in the data panel (user and item as ids, the review as text). Each
// network must equal the shipped sample's (kinds, options, wiring) and train to its accuracy.
#include "main_window_driver.h"
#include "panels/csv_columns_table.h"
#include "settle.h"

#include "io/project.h"
#include "layers/embedding.h"
#include "layers/recurrent.h"

using namespace nnp;

class TestSeedModelsByMouse : public QObject, testutil::MainWindowDriver {
    Q_OBJECT
private slots:
    void initTestCase() { useTestSettings("tst_seed_models_by_mouse"); }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }
    void recommender();
    void essayScorer();

private:
    /// Drops `kinds` left to right on one row of the visible canvas (y as a fraction of its height).
    /// Drops `kinds` left to right on one row of the canvas at scene height `y`, from the column `column` on;
    /// returns their ids.
    std::vector<NodeId> dropRow(std::initializer_list<LayerKind> kinds, double y, int column = 0);
    void typeInto(QWidget *editor, const QString &text);
    void setCsvRole(const QString &column, CsvColumnsTable::Role role);
    void chooseRunSettings(LossKind loss, double learningRate, int batch);
    /// The document's graph has the sample's layers (kinds and options, in order) and wires.
    void compareWithSample(const char *sample);
};

std::vector<NodeId> TestSeedModelsByMouse::dropRow(std::initializer_list<LayerKind> kinds, double y,
                                                   int column)
{
    // Scene positions, mapped to the view at each drop (the view may scroll as the scene grows).
    std::vector<NodeId> ids;
    for (LayerKind kind : kinds) {
        const QPointF at(column * (NodeItem::kWidth + 80), y);
        ids.push_back(dropLayer(kind, toView(at)));
        ++column;
    }
    return ids;
}

void TestSeedModelsByMouse::typeInto(QWidget *editor, const QString &text)
{
    QVERIFY(editor && editor->isVisible());
    editor->setFocus();
    QTest::keySequence(editor, QKeySequence::SelectAll);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
}

void TestSeedModelsByMouse::setCsvRole(const QString &column, CsvColumnsTable::Role role)
{
    CsvColumnsTable *table = m_window->training()->dataPanel()->csvColumns();
    const int row = table->rowOf(column);
    QVERIFY2(row >= 0, qPrintable(column));
    QVERIFY(chooseByKeys(table->roleBox(row), int(role)));
}

void TestSeedModelsByMouse::chooseRunSettings(LossKind loss, double learningRate, int batch)
{
    click(toView(QPointF(0, -2000))); // empty canvas: the inspector shows the run's settings
    QVERIFY(!m_window->inspector()->showsLayer());
    InspectorHyperparametersForm *hp = m_window->inspector()->hyperparametersForm();
    QVERIFY(chooseByKeys(hp->lossBox(), int(loss)));
    QVERIFY(chooseByKeys(hp->optimizerBox(), int(OptimizerKind::Adam)));
    typeInto(hp->learningRateBox(), QString::number(learningRate));
    typeInto(hp->batchSizeBox(), QString::number(batch));
    QCOMPARE(m_window->document()->training().optimizer.learningRate, learningRate);
    QCOMPARE(m_window->document()->training().batchSize, batch);
}

void TestSeedModelsByMouse::compareWithSample(const char *sample)
{
    const Project expected = loadProject(std::string(NNP_SOURCE_DIR "/samples/") + sample);
    const GraphSpec &got = m_window->document()->graph();
    QCOMPARE(got.nodes.size(), expected.graph.nodes.size());
    std::map<NodeId, NodeId> sampleId; // ours -> the sample's, by position in the node list
    for (std::size_t k = 0; k < got.nodes.size(); ++k) {
        const NodeSpec &a = got.nodes[k], &b = expected.graph.nodes[k];
        QVERIFY(a.kind == b.kind);
        QVERIFY2(a.options == b.options, qPrintable(QStringLiteral("options of %1 (%2)")
                                                        .arg(QString::fromStdString(a.name))
                                                        .arg(QString::fromStdString(b.name))));
        sampleId[a.id] = b.id;
    }
    std::set<std::tuple<NodeId, NodeId, int>> ours, theirs;
    for (const EdgeSpec &e : got.edges)
        ours.insert({sampleId.at(e.from), sampleId.at(e.to), e.port});
    for (const EdgeSpec &e : expected.graph.edges)
        theirs.insert({e.from, e.to, e.port});
    QVERIFY(ours == theirs);
    QCOMPARE(m_window->document()->dataSource().csv.ids, expected.data.csv.ids);
    QCOMPARE(m_window->document()->dataSource().csv.text, expected.data.csv.text);
    QCOMPARE(m_window->document()->dataSource().csv.target, expected.data.csv.target);
    QVERIFY(m_window->document()->training().loss.kind == expected.training.loss.kind);
}

// The recommender: user id and item id → an Embedding of 8 each → Flatten → Concatenate → Dense 128 ReLU →
// Dense 1 sigmoid, Adam, binary cross-entropy, on the generated ratings.
void TestSeedModelsByMouse::recommender()
{
    m_window->view()->setZoom(0.4);
    m_window->view()->centerOn(600, 150);
    // In the sample's order (its node list), on two rows that join.
    auto drop = [this](LayerKind kind, double column, double row) {
        return dropLayer(kind, toView(QPointF(column * (NodeItem::kWidth + 80), row * 300)));
    };
    const NodeId user = drop(LayerKind::Input, 0, 0), item = drop(LayerKind::Input, 0, 1);
    const NodeId userEmbedding = drop(LayerKind::Embedding, 1, 0);
    const NodeId itemEmbedding = drop(LayerKind::Embedding, 1, 1);
    const NodeId userFlat = drop(LayerKind::Flatten, 2, 0), itemFlat = drop(LayerKind::Flatten, 2, 1);
    const NodeId join = drop(LayerKind::Concatenate, 3, 0.5);
    const NodeId hidden = drop(LayerKind::Dense, 4, 0.5), liked = drop(LayerKind::Dense, 5, 0.5);
    for (NodeId id : {user, item, userEmbedding, itemEmbedding, userFlat, itemFlat, join, hidden, liked})
        QVERIFY(id > 0);
    wire(user, userEmbedding);
    wire(userEmbedding, userFlat);
    wire(item, itemEmbedding);
    wire(itemEmbedding, itemFlat);
    wire(userFlat, join, 0);
    wire(itemFlat, join, 1);
    wire(join, hidden);
    wire(hidden, liked);
    GraphDocument *doc = m_window->document();
    QCOMPARE(doc->graph().edges.size(), 8u);

    InspectorLayerForm *form = m_window->inspector()->layerForm();
    for (NodeId input : {user, item}) {
        selectLayer(input);
        QCOMPARE(form->node(), input);
        typeInto(form->shapeEdit(), QStringLiteral("1"));
        QVERIFY(chooseByKeys(form->editor<QComboBox>(opt::input::values.name), QStringLiteral("ids")));
    }
    for (const auto &[embedding, vocabulary] :
         {std::pair{userEmbedding, 201}, std::pair{itemEmbedding, 101}}) {
        selectLayer(embedding);
        QCOMPARE(form->node(), embedding);
        typeInto(form->editor<QSpinBox>(opt::embedding::inputDim.name), QString::number(vocabulary));
        typeInto(form->editor<QSpinBox>(opt::embedding::outputDim.name), QStringLiteral("8"));
    }
    selectLayer(hidden);
    typeInto(form->unitsBox(), QStringLiteral("128"));
    QVERIFY(chooseByKeys(form->activationBox(), QString::fromLatin1(toString(ActivationKind::ReLU).data())));
    selectLayer(liked);
    typeInto(form->unitsBox(), QStringLiteral("1"));
    QVERIFY(
        chooseByKeys(form->activationBox(), QString::fromLatin1(toString(ActivationKind::Sigmoid).data())));

    // The data: the ratings CSV, `liked` the target, user and item declared id columns.
    DataPanel *data = m_window->training()->dataPanel();
    QVERIFY(chooseByKeys(data->sourceBox(), int(DataSourceKind::Csv)));
    data->chooseCsv(QStringLiteral(NNP_SOURCE_DIR "/samples/datasets/ratings/ratings.csv")); // as the dialog
    QCOMPARE(data->targetBox()->currentIndex(), 0); // "Last column": liked
    QVERIFY(chooseByKeys(data->targetBox(), QStringLiteral("liked")));
    QCOMPARE(data->csvColumns()->rowOf(QStringLiteral("liked")), -1); // the target is no input row
    setCsvRole(QStringLiteral("user"), CsvColumnsTable::Role::Id);
    setCsvRole(QStringLiteral("item"), CsvColumnsTable::Role::Id);
    QCOMPARE(doc->dataSource().csv.ids, (std::vector<std::string>{"user", "item"}));
    // A role is one undo step, and the table follows the document.
    m_window->action("actionUndo")->trigger();
    QCOMPARE(doc->dataSource().csv.ids, (std::vector<std::string>{"user"}));
    const int itemRow = data->csvColumns()->rowOf(QStringLiteral("item"));
    QCOMPARE(data->csvColumns()->roleBox(itemRow)->currentData().toInt(),
             int(CsvColumnsTable::Role::Automatic));
    m_window->action("actionRedo")->trigger();
    QCOMPARE(doc->dataSource().csv.ids, (std::vector<std::string>{"user", "item"}));
    chooseRunSettings(LossKind::BinaryCrossEntropy, 0.001, 64);
    QVERIFY2(doc->validation().ok(), doc->validation().summary().c_str());
    compareWithSample("recommender.nnp");
    trainUntil(0.75, 180000);
}

// The essay scorer: a review's 12 words as ids → Embedding(202, 128) → LSTM 64 → Dense 1 sigmoid.
void TestSeedModelsByMouse::essayScorer()
{
    m_window->view()->setZoom(0.5);
    m_window->view()->centerOn(600, 150);
    const std::vector<NodeId> ids =
        dropRow({LayerKind::Input, LayerKind::Embedding, LayerKind::LSTM, LayerKind::Dense}, 0);
    for (NodeId id : ids)
        QVERIFY(id > 0);
    const NodeId review = ids[0], words = ids[1], lstm = ids[2], score = ids[3];
    wire(review, words);
    wire(words, lstm);
    wire(lstm, score);
    InspectorLayerForm *form = m_window->inspector()->layerForm();
    selectLayer(review);
    typeInto(form->shapeEdit(), QStringLiteral("12"));
    QVERIFY(chooseByKeys(form->editor<QComboBox>(opt::input::values.name), QStringLiteral("ids")));
    selectLayer(words);
    typeInto(form->editor<QSpinBox>(opt::embedding::inputDim.name), QStringLiteral("202"));
    typeInto(form->editor<QSpinBox>(opt::embedding::outputDim.name), QStringLiteral("128"));
    selectLayer(lstm);
    typeInto(form->editor<QSpinBox>(opt::rnn::units.name), QStringLiteral("64"));
    selectLayer(score);
    typeInto(form->unitsBox(), QStringLiteral("1"));
    QVERIFY(
        chooseByKeys(form->activationBox(), QString::fromLatin1(toString(ActivationKind::Sigmoid).data())));

    DataPanel *data = m_window->training()->dataPanel();
    QVERIFY(chooseByKeys(data->sourceBox(), int(DataSourceKind::Csv)));
    data->chooseCsv(QStringLiteral(NNP_SOURCE_DIR "/samples/datasets/reviews/reviews.csv"));
    QVERIFY(chooseByKeys(data->targetBox(), QStringLiteral("positive")));
    setCsvRole(QStringLiteral("review"), CsvColumnsTable::Role::Text);
    CsvColumnsTable *table = data->csvColumns();
    const int row = table->rowOf(QStringLiteral("review"));
    QVERIFY(table->lengthBox(row)->isEnabled() && table->vocabularyBox(row)->isEnabled());
    typeInto(table->lengthBox(row), QStringLiteral("12"));
    typeInto(table->vocabularyBox(row), QStringLiteral("200"));
    GraphDocument *doc = m_window->document();
    QCOMPARE(doc->dataSource().csv.text, (std::vector<TextColumnOptions>{{"review", 12, 200}}));
    chooseRunSettings(LossKind::BinaryCrossEntropy, 0.003, 32);
    QVERIFY2(doc->validation().ok(), doc->validation().summary().c_str());
    compareWithSample("essay_lstm.nnp");
    trainUntil(0.95, 180000);
}

QTEST_MAIN(TestSeedModelsByMouse)
#include "tst_seed_models_by_mouse.moc"
