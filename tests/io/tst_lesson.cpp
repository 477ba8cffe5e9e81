// The lesson block of a project file (core/io/lesson_io.h) and the goals a step checks
// (core/lesson/lesson_goal.h): round trip, refusal of malformed blocks with the JSON path, every goal kind,
// and every shipped lesson in samples/lessons read and checked for what a lesson must hold.
#include "io/data_files.h"
#include "io/project.h"
#include "lesson/lesson_goal.h"
#include "train/trainer.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <QTemporaryDir>

#include <filesystem>

using namespace nnp;
using Json = nlohmann::json;

namespace {

Project baseProject()
{
    Project p;
    p.name = "lesson";
    p.graph = makeMlp(2, {4}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
    p.data.generator = {GeneratorKind::Xor, 100, 0.0, 1};
    p.training.loss.kind = LossKind::BinaryCrossEntropy;
    return p;
}

Lesson sampleLesson()
{
    Lesson l;
    LessonStep a;
    a.title = {"Make it diverge", "让它发散"};
    a.text = {"Raise the learning rate.", "调高学习率。"};
    a.panels = {"output", "curves"};
    a.locked = {LessonControl::Network, LessonControl::Data};
    a.goal.kind = GoalKind::Diverged;
    l.steps.push_back(a);
    LessonStep b;
    b.title = {"Accuracy", ""};
    b.text = {"Train to 90 %.", ""};
    b.goal = {GoalKind::TestAccuracyAtLeast, 0.9, 0, 20, LessonControl::LearningRate};
    l.steps.push_back(b);
    LessonStep c;
    c.title = {"Stall", "停滞"};
    c.text = {"x", "x"};
    c.goal = {GoalKind::Stalled, 0, 1.5, 10, LessonControl::LearningRate};
    l.steps.push_back(c);
    LessonStep d;
    d.title = {"Edit", "改"};
    d.text = {"x", "x"};
    d.goal = {GoalKind::Edited, 0, 0, 0, LessonControl::Optimizer};
    l.steps.push_back(d);
    LessonStep e;
    e.title = {"Overfit", "过拟合"};
    e.text = {"x", "x"};
    e.goal = {GoalKind::Overfitting, 0, 10, 0, LessonControl::LearningRate};
    l.steps.push_back(e);
    LessonStep f;
    f.title = {"Walk back", "向后走"};
    f.text = {"x", "x"};
    f.goal.kind = GoalKind::ExplainedBackward;
    l.steps.push_back(f);
    return l;
}

EpochRecord record(int epoch, double trainLoss, std::optional<double> testLoss = {},
                   std::optional<double> testMetric = {}, double trainMetric = 0)
{
    EpochRecord r;
    r.epoch = epoch;
    r.trainLoss = trainLoss;
    r.trainMetric = trainMetric;
    r.testLoss = testLoss;
    r.testMetric = testMetric;
    return r;
}

std::filesystem::path lessonsDir()
{
    return std::filesystem::path(NNP_SOURCE_DIR) / "samples" / "lessons";
}

} // namespace

class TestLesson : public QObject {
    Q_OBJECT
private slots:
    void roundTrip();
    void projectWithoutLessonHasNone();
    void malformedBlocks_data();
    void malformedBlocks();
    void localizedFallsBackToEnglish();
    void goals_data();
    void goals();
    void goalsReadTheTargetsUnits();
    void editedWatchesOneControl_data();
    void editedWatchesOneControl();
    void shippedLessonsAreComplete();
    void savedForStudentsOpensAnywhere_data();
    void savedForStudentsOpensAnywhere();
};

void TestLesson::roundTrip()
{
    Project p = baseProject();
    p.lesson = sampleLesson();
    const std::string text = projectToText(p);
    const Project back = parseProject(text);
    QVERIFY(back.lesson.has_value());
    QVERIFY(*back.lesson == *p.lesson);
    QCOMPARE(projectToText(back), text); // writing what was read gives the same text
    // Only what a goal kind needs is written.
    const Json j = Json::parse(text);
    QVERIFY(!j["lesson"]["steps"][0]["goal"].contains("value"));
    QCOMPARE(j["lesson"]["steps"][1]["goal"]["value"].get<double>(), 0.9);
    QCOMPARE(j["lesson"]["steps"][1]["goal"]["epochs"].get<int>(), 20); // optional for a threshold
    QVERIFY(!j["lesson"]["steps"][1].contains("locked"));
    QVERIFY(!j["lesson"]["steps"][1]["title"].contains("zh")); // empty Chinese: not written
}

void TestLesson::projectWithoutLessonHasNone()
{
    const std::string text = projectToText(baseProject());
    QVERIFY(!Json::parse(text).contains("lesson"));
    QVERIFY(!parseProject(text).lesson.has_value());
}

void TestLesson::malformedBlocks_data()
{
    QTest::addColumn<QString>("edit"); // a JSON merge patch on the lesson's first step
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown key") << R"({"colour": 1})"
                                 << "/lesson/steps/0/colour"
                                 << "colour";
    QTest::newRow("no English") << R"({"title": {"en": null}})"
                                << "/lesson/steps/0/title"
                                << "\"en\"";
    QTest::newRow("empty English") << R"({"text": {"en": ""}})"
                                   << "/lesson/steps/0/text/en"
                                   << "empty";
    QTest::newRow("unknown panel") << R"({"panels": ["output", "canvas"]})"
                                   << "/lesson/steps/0/panels/1"
                                   << "curves";
    QTest::newRow("panel twice") << R"({"panels": ["output", "output"]})"
                                 << "/lesson/steps/0/panels/1"
                                 << "twice";
    QTest::newRow("unknown control") << R"({"locked": ["speed"]})"
                                     << "/lesson/steps/0/locked/0"
                                     << "learning_rate";
    QTest::newRow("unknown goal") << R"({"goal": {"kind": "win"}})"
                                  << "/lesson/steps/0/goal/kind"
                                  << "stalled";
    QTest::newRow("goal without value") << R"({"goal": {"kind": "train_loss_at_most"}})"
                                        << "/lesson/steps/0/goal"
                                        << "needs \"value\"";
    QTest::newRow("accuracy above 1") << R"({"goal": {"kind": "test_accuracy_at_least", "value": 90}})"
                                      << "/lesson/steps/0/goal/value"
                                      << "";
    QTest::newRow("stray parameter") << R"({"goal": {"kind": "diverged", "epochs": 3}})"
                                     << "/lesson/steps/0/goal/epochs"
                                     << "takes no";
    QTest::newRow("stalled without epochs") << R"({"goal": {"kind": "stalled", "percent": 1}})"
                                            << "/lesson/steps/0/goal"
                                            << "needs \"epochs\"";
    QTest::newRow("explained with a parameter") << R"({"goal": {"kind": "explained_update", "value": 1}})"
                                                << "/lesson/steps/0/goal/value"
                                                << "takes no";
    QTest::newRow("edited unknown control") << R"({"goal": {"kind": "edited", "control": "colour"}})"
                                            << "/lesson/steps/0/goal/control"
                                            << "network";
    QTest::newRow("text not a string") << R"({"text": {"en": 3}})"
                                       << "/lesson/steps/0/text/en"
                                       << "string";
}

void TestLesson::malformedBlocks()
{
    QFETCH(QString, edit);
    QFETCH(QString, path);
    QFETCH(QString, message);
    Project p = baseProject();
    p.lesson = sampleLesson();
    Json j = Json::parse(projectToText(p));
    j["lesson"]["steps"][0].merge_patch(Json::parse(edit.toStdString()));
    try {
        parseProject(j.dump());
        QFAIL("accepted");
    } catch (const ProjectError &e) {
        QCOMPARE(QString::fromStdString(e.jsonPath()), path);
        QVERIFY2(QString::fromStdString(e.message()).contains(message), e.what());
    }
}

void TestLesson::localizedFallsBackToEnglish()
{
    const LessonText both{"Hello", "你好"}, english{"Hello", ""};
    QCOMPARE(localized(both, "zh_CN"), std::string("你好"));
    QCOMPARE(localized(both, "en"), std::string("Hello"));
    QCOMPARE(localized(english, "zh_CN"), std::string("Hello"));
}

void TestLesson::goals_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("percent");
    QTest::addColumn<int>("epochs");
    QTest::addColumn<QString>("history"); // "train:test:testAcc:trainAcc;…" ("-" = none)
    QTest::addColumn<bool>("diverged");
    QTest::addColumn<QString>("walk"); // how far the explain walk went: "" or letters of "fbu"
    QTest::addColumn<bool>("met");
    QTest::addColumn<double>("current"); // NaN: none

    const double none = std::nan("");
    const auto k = [](GoalKind g) { return static_cast<int>(g); };
    QTest::newRow("none") << k(GoalKind::None) << 0.0 << 0.0 << 0 << "" << false << "" << true << none;
    QTest::newRow("test acc: no epoch")
        << k(GoalKind::TestAccuracyAtLeast) << 0.9 << 0.0 << 0 << "" << false << "" << false << none;
    QTest::newRow("test acc: below") << k(GoalKind::TestAccuracyAtLeast) << 0.9 << 0.0 << 0
                                     << "0.5:0.5:0.95:0;0.4:0.4:0.85:0" << false << "" << false << 0.85;
    QTest::newRow("test acc: reached") << k(GoalKind::TestAccuracyAtLeast) << 0.9 << 0.0 << 0
                                       << "0.5:0.5:0.5:0;0.4:0.4:0.9:0" << false << "" << true << 0.9;
    QTest::newRow("test acc: no test split")
        << k(GoalKind::TestAccuracyAtLeast) << 0.9 << 0.0 << 0 << "0.5:-:-:1" << false << "" << false << none;
    QTest::newRow("train acc") << k(GoalKind::TrainAccuracyAtLeast) << 0.8 << 0.0 << 0 << "0.5:-:-:0.81"
                               << false << "" << true << 0.81;
    QTest::newRow("train loss: above")
        << k(GoalKind::TrainLossAtMost) << 0.1 << 0.0 << 0 << "0.3:-:-:0" << false << "" << false << 0.3;
    QTest::newRow("train loss: at") << k(GoalKind::TrainLossAtMost) << 0.1 << 0.0 << 0
                                    << "0.3:-:-:0;0.1:-:-:0" << false << "" << true << 0.1;
    QTest::newRow("train loss: NaN") << k(GoalKind::TrainLossAtMost) << 0.1 << 0.0 << 0 << "nan:-:-:0"
                                     << false << "" << false << none;
    QTest::newRow("train loss: not before epoch 3") << k(GoalKind::TrainLossAtMost) << 0.1 << 0.0 << 3
                                                    << "0.3:-:-:0;0.1:-:-:0" << false << "" << false << 0.1;
    QTest::newRow("train loss: at epoch 3")
        << k(GoalKind::TrainLossAtMost) << 0.1 << 0.0 << 3 << "0.3:-:-:0;0.1:-:-:0;0.05:-:-:0" << false << ""
        << true << 0.05;
    QTest::newRow("test loss") << k(GoalKind::TestLossAtMost) << 0.2 << 0.0 << 0 << "0.1:0.19:-:0" << false
                               << "" << true << 0.19;
    QTest::newRow("diverged: no") << k(GoalKind::Diverged) << 0.0 << 0.0 << 0 << "1:-:-:0" << false << ""
                                  << false << none;
    QTest::newRow("diverged: yes") << k(GoalKind::Diverged) << 0.0 << 0.0 << 0 << "1:-:-:0" << true << ""
                                   << true << none;
    QTest::newRow("stalled: too few epochs") << k(GoalKind::Stalled) << 0.0 << 1.0 << 3
                                             << "1:-:-:0;1:-:-:0;1:-:-:0" << false << "" << false << none;
    QTest::newRow("stalled: still learning") << k(GoalKind::Stalled) << 0.0 << 1.0 << 2
                                             << "1:-:-:0;0.9:-:-:0;0.8:-:-:0" << false << "" << false << 20.0;
    QTest::newRow("stalled: flat") << k(GoalKind::Stalled) << 0.0 << 1.0 << 2
                                   << "0.2:-:-:0;0.7:-:-:0;0.697:-:-:0;0.6941:-:-:0" << false << "" << true
                                   << (0.7 - 0.6941) / 0.7 * 100;
    QTest::newRow("stalled: diverged is not stalled")
        << k(GoalKind::Stalled) << 0.0 << 1.0 << 1 << "1:-:-:0;1:-:-:0" << true << "" << false << none;
    QTest::newRow("epochs: short") << k(GoalKind::EpochsAtLeast) << 0.0 << 0.0 << 3 << "1:-:-:0;1:-:-:0"
                                   << false << "" << false << 2.0;
    QTest::newRow("epochs: enough") << k(GoalKind::EpochsAtLeast) << 0.0 << 0.0 << 2 << "1:-:-:0;1:-:-:0"
                                    << false << "" << true << 2.0;
    QTest::newRow("overfitting: test loss falls")
        << k(GoalKind::Overfitting) << 0.0 << 10.0 << 0 << "1:1:-:0;0.5:0.6:-:0;0.3:0.5:-:0" << false << ""
        << false << 0.0;
    QTest::newRow("overfitting: rises while train falls")
        << k(GoalKind::Overfitting) << 0.0 << 10.0 << 0 << "1:1:-:0;0.5:0.5:-:0;0.2:0.6:-:0" << false << ""
        << true << 20.0;
    QTest::newRow("overfitting: both rise")
        << k(GoalKind::Overfitting) << 0.0 << 10.0 << 0 << "1:1:-:0;0.5:0.5:-:0;0.7:0.6:-:0" << false << ""
        << false << 20.0;
    QTest::newRow("overfitting: rise too small")
        << k(GoalKind::Overfitting) << 0.0 << 10.0 << 0 << "1:1:-:0;0.5:0.5:-:0;0.2:0.52:-:0" << false << ""
        << false << 4.0;
    // The explain walk: each goal waits for its own stop, whatever the run did.
    QTest::newRow("explained forward: no walk")
        << k(GoalKind::ExplainedForward) << 0.0 << 0.0 << 0 << "1:-:-:0" << false << "" << false << none;
    QTest::newRow("explained forward: at the output")
        << k(GoalKind::ExplainedForward) << 0.0 << 0.0 << 0 << "" << false << "f" << true << none;
    QTest::newRow("explained backward: forward only")
        << k(GoalKind::ExplainedBackward) << 0.0 << 0.0 << 0 << "" << false << "f" << false << none;
    QTest::newRow("explained backward: first hidden layer")
        << k(GoalKind::ExplainedBackward) << 0.0 << 0.0 << 0 << "" << false << "fb" << true << none;
    QTest::newRow("explained update: not yet")
        << k(GoalKind::ExplainedUpdate) << 0.0 << 0.0 << 0 << "" << false << "fb" << false << none;
    QTest::newRow("explained update: shown")
        << k(GoalKind::ExplainedUpdate) << 0.0 << 0.0 << 0 << "" << false << "fbu" << true << none;
}

void TestLesson::goals()
{
    QFETCH(int, kind);
    QFETCH(double, value);
    QFETCH(double, percent);
    QFETCH(int, epochs);
    QFETCH(QString, history);
    QFETCH(bool, diverged);
    QFETCH(QString, walk);
    QFETCH(bool, met);
    QFETCH(double, current);
    LessonGoal goal{static_cast<GoalKind>(kind), value, percent, epochs, LessonControl::LearningRate};
    LessonRunFacts run;
    run.diverged = diverged;
    run.explained = {walk.contains(QLatin1Char('f')), walk.contains(QLatin1Char('b')),
                     walk.contains(QLatin1Char('u'))};
    const auto num = [](const QString &s) -> std::optional<double> {
        if (s == QLatin1String("-")) return std::nullopt;
        return s == QLatin1String("nan") ? std::nan("") : s.toDouble();
    };
    int epoch = 0;
    for (const QString &r : history.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList f = r.split(QLatin1Char(':'));
        run.history.push_back(record(++epoch, *num(f[0]), num(f[1]), num(f[2]), *num(f[3])));
    }
    const Project p = baseProject();
    const GoalProgress g = evaluateGoal(goal, run, p, p);
    QCOMPARE(g.met, met);
    if (std::isnan(current))
        QVERIFY(!g.current || std::isnan(*g.current));
    else {
        QVERIFY(g.current.has_value());
        QVERIFY2(std::abs(*g.current - current) < 1e-9, qPrintable(QString::number(*g.current)));
    }
}

void TestLesson::goalsReadTheTargetsUnits()
{
    // A scaled regression target (σ = 10, MSE): the trainer's loss 0.01 is 1.0 in the target's units, which
    // the curves show and the goal reads; the MAE metric 0.05 is 0.5.
    LessonRunFacts run;
    run.history.push_back(record(1, 0.02, 0.04, 0.1, 0.1));
    run.history.push_back(record(2, 0.01, 0.03, 0.05, 0.05));
    Normalizer scaler;
    scaler.kind = NormalizationKind::ZScore;
    scaler.offset = Vector::Constant(1, Scalar(200));
    scaler.scale = Vector::Constant(1, Scalar(0.1));
    run.units = lossUnits(LossKind::MSE, &scaler);
    QVERIFY(run.units.scaled && run.units.lossConverts);
    const Project p = baseProject();
    LessonGoal goal{GoalKind::TrainLossAtMost, 0.5, 0, 0, LessonControl::LearningRate};
    GoalProgress g = evaluateGoal(goal, run, p, p);
    QVERIFY(!g.met); // 0.01 scaled would meet it
    QVERIFY(g.current && std::abs(*g.current - 1.0) < 1e-5);
    goal.value = 1.5;
    QVERIFY(evaluateGoal(goal, run, p, p).met);
    goal = {GoalKind::TestLossAtMost, 2.0, 0, 0, LessonControl::LearningRate};
    g = evaluateGoal(goal, run, p, p);
    QVERIFY(!g.met && g.current && std::abs(*g.current - 3.0) < 1e-5);
    // Without scaling the values are read as they are.
    run.units = {};
    goal.value = 0.05;
    QVERIFY(evaluateGoal(goal, run, p, p).met);
}

void TestLesson::editedWatchesOneControl_data()
{
    QTest::addColumn<int>("change"); // which edit is made
    for (LessonControl c : allLessonControls())
        QTest::newRow(std::string(toString(c)).c_str()) << static_cast<int>(c);
}

void TestLesson::editedWatchesOneControl()
{
    QFETCH(int, change);
    const Project start = baseProject();
    Project now = start;
    // A move and a rename are no edit of anything a lesson watches.
    now.graph.nodes[1].x += 50;
    now.graph.nodes[1].name = "renamed";
    for (LessonControl c : allLessonControls())
        QVERIFY(!controlDiffers(c, start, now));
    NodeSpec &hidden = now.graph.nodes[1];
    switch (static_cast<LessonControl>(change)) {
    case LessonControl::LearningRate:
        now.training.optimizer.learningRate *= 10;
        break;
    case LessonControl::Optimizer:
        now.training.optimizer.kind = OptimizerKind::Adam;
        break;
    case LessonControl::BatchSize:
        now.training.batchSize = 1;
        break;
    case LessonControl::Epochs:
        now.training.epochs = 7;
        break;
    case LessonControl::Loss:
        now.training.loss.kind = LossKind::MSE;
        break;
    case LessonControl::Activation:
        hidden.options.setValue("activation", std::string("relu"), std::string("linear"));
        break;
    case LessonControl::Regularization:
        hidden.options.setValue("l2", 0.01, 0.0);
        break;
    case LessonControl::Network:
        now.graph.addNode(LayerKind::Dropout, "dropout");
        break;
    case LessonControl::Data:
        now.data.generator.noise = 0.3;
        break;
    }
    for (LessonControl c : allLessonControls())
        QCOMPARE(controlDiffers(c, start, now), static_cast<int>(c) == change);
    LessonGoal goal;
    goal.kind = GoalKind::Edited;
    goal.control = static_cast<LessonControl>(change);
    QVERIFY(evaluateGoal(goal, {}, start, now).met);
    QVERIFY(!evaluateGoal(goal, {}, start, start).met);
}

void TestLesson::shippedLessonsAreComplete()
{
    int count = 0;
    for (const auto &entry : std::filesystem::directory_iterator(lessonsDir())) {
        if (entry.path().extension() != ".nnp") continue;
        ++count;
        const QString name = QString::fromStdString(entry.path().filename().string());
        Project p;
        try {
            p = loadProject(entry.path());
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
        QVERIFY2(p.lesson.has_value(), qPrintable(name));
        QVERIFY2(p.lesson->steps.size() >= 2 && p.lesson->steps.size() <= 5, qPrintable(name));
        for (const LessonStep &s : p.lesson->steps) {
            QVERIFY2(!s.title.zh.empty() && !s.text.zh.empty(), qPrintable(name)); // both languages
            QVERIFY2(!s.panels.empty(), qPrintable(name));
        }
        QVERIFY2(p.weights.empty(), qPrintable(name)); // a lesson starts untrained
    }
    QVERIFY(count >= 6);
}

void TestLesson::savedForStudentsOpensAnywhere_data()
{
    QTest::addColumn<QString>("sample"); // under samples/
    QTest::addColumn<int>("files");      // data files it reads
    QTest::addColumn<int>("rows");       // training rows after loading
    QTest::newRow("lesson, CSV beside it") << "lessons/12_cnn_on_images.nnp" << 1 << 500;
    QTest::newRow("IDX with test files") << "why_convolution_cnn.nnp" << 4 << -1;
}

void TestLesson::savedForStudentsOpensAnywhere()
{
    namespace fs = std::filesystem;
    QFETCH(QString, sample);
    QFETCH(int, files);
    QFETCH(int, rows);
    const fs::path source = fs::path(NNP_SOURCE_DIR) / "samples" / sample.toStdString();
    const Project original = loadProject(source);
    const PreparedData before = prepareData(original, source.parent_path());
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const fs::path folder = fs::path(tmp.path().toStdString()) / "for students";
    const fs::path written = saveWithData(original, source.parent_path(), folder, "lesson.nnp");
    QCOMPARE(written, folder / "lesson.nnp");
    // Every data file is in the folder's data/, stored relative to the project file.
    Project saved = loadProject(written);
    int stored = 0;
    for (std::string *path : dataPathFields(saved)) {
        if (path->empty()) continue;
        ++stored;
        QVERIFY2(fs::path(*path).is_relative(), path->c_str());
        QVERIFY2(path->rfind("data/", 0) == 0, path->c_str());
        QVERIFY(fs::is_regular_file(folder / *path));
    }
    QCOMPARE(stored, files);
    // Moved elsewhere, it opens and reads the same data.
    const fs::path moved = fs::path(tmp.path().toStdString()) / "elsewhere" / "lesson folder";
    fs::create_directories(moved.parent_path());
    fs::rename(folder, moved);
    const Project reopened = loadProject(moved / "lesson.nnp");
    QVERIFY(reopened.graph == original.graph);
    QVERIFY(reopened.lesson == original.lesson);
    const PreparedData after = prepareData(reopened, moved);
    QCOMPARE(after.full.size(), before.full.size());
    QVERIFY(after.full.x == before.full.x);
    if (rows > 0) QCOMPARE(after.full.size(), rows);
    // Saving again over it replaces the copies instead of numbering them.
    saveWithData(reopened, moved, moved, "lesson.nnp");
    int copies = 0;
    for ([[maybe_unused]] const auto &e : fs::directory_iterator(moved / "data"))
        ++copies;
    QCOMPARE(copies, files);
}

QTEST_GUILESS_MAIN(TestLesson)
#include "tst_lesson.moc"
