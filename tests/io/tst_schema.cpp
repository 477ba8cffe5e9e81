// The JSON Schema of the project file (docs/nnp.schema.json) cannot drift from the core: its enums are the
// registry's and the core's lists (layer kinds, every kind's options with their types, ranges and choices,
// generators, optimizers, losses, schedules, lesson panels, controls and goals), each goal kind's parameters
// are goalParameters(), and its highest version is kProjectVersion. The test also writes projects the writer
// makes (every kind with every option set, a lesson with every goal kind, a trained run with Adam's moments
// and a Dropout stream) into <build>/schema_projects, which the CTest `schema_validation` (tests/io/
// validate_schema.py, run after this test) validates against the schema with python3-jsonschema.
#include "data/csv.h"
#include "io/project.h"
#include "io/project_format.h"
#include "io/project_run.h"
#include "layers/layer_registry.h"
#include "layers/simple_layers.h"
#include "lesson/lesson.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace nnp;
using Json = nlohmann::json;

namespace {

const std::filesystem::path kSchemaFile = NNP_SOURCE_DIR "/docs/nnp.schema.json";
const std::filesystem::path kOutDir = NNP_BINARY_DIR "/schema_projects";

const Json &schema()
{
    static const Json s = [] {
        std::ifstream f(kSchemaFile);
        return Json::parse(f);
    }();
    return s;
}

const Json &def(const std::string &name)
{
    return schema().at("$defs").at(name);
}

std::set<std::string> enumOf(const Json &j)
{
    std::set<std::string> r;
    for (const Json &v : j.at("enum"))
        r.insert(v.get<std::string>());
    return r;
}

template <class E> std::set<std::string> namesOf(const std::vector<E> &all)
{
    std::set<std::string> r;
    for (E e : all)
        r.insert(std::string(toString(e)));
    return r;
}

template <class Range> std::set<std::string> stringsOf(const Range &all)
{
    std::set<std::string> r;
    for (const auto &s : all)
        r.insert(std::string(s));
    return r;
}

Json number(double d)
{
    if (d == std::floor(d) && std::abs(d) < 1e15) return static_cast<long long>(d);
    return d;
}

Json bounded(Json j, const OptionSpec &s)
{
    j[s.minExclusive ? "exclusiveMinimum" : "minimum"] = number(s.min);
    j[s.maxExclusive ? "exclusiveMaximum" : "maximum"] = number(s.max);
    return j;
}

/// What the schema must say of an option: the reader's check (readOption in project_reader.cpp) as JSON
/// Schema.
Json optionSchema(const OptionSpec &s)
{
    switch (s.type) {
    case OptionType::Int:
        return bounded({{"type", "integer"}}, s);
    case OptionType::Double:
        return bounded({{"type", "number"}}, s);
    case OptionType::Bool:
        return {{"type", "boolean"}};
    case OptionType::IntList:
        return {{"type", "array"},
                {"minItems", s.minCount},
                {"maxItems", s.maxCount},
                {"items", bounded({{"type", "integer"}}, s)}};
    case OptionType::Choice:
        return {{"enum", s.choices}};
    }
    return {};
}

/// A value of the option other than its default, within its range (so the writer writes it).
OptionValue otherValue(const OptionSpec &s)
{
    switch (s.type) {
    case OptionType::Int:
        return std::get<int>(s.def) == static_cast<int>(s.min) ? static_cast<int>(s.min) + 1
                                                               : static_cast<int>(s.min);
    case OptionType::Double:
        return (s.min + std::min(s.max, s.min + 1)) / 2;
    case OptionType::Bool:
        return !std::get<bool>(s.def);
    case OptionType::IntList:
        return std::vector<int>(static_cast<std::size_t>(s.maxCount), static_cast<int>(s.min) + 1);
    case OptionType::Choice:
        return s.choices.back() == std::get<std::string>(s.def) ? s.choices.front() : s.choices.back();
    }
    return {};
}

void write(const std::string &name, const Project &p)
{
    std::filesystem::create_directories(kOutDir);
    const std::string text = projectToText(p);
    (void)parseProject(text, name); // whatever the writer writes, the reader reads
    std::ofstream(kOutDir / name, std::ios::binary) << text;
}

} // namespace

class TestSchema : public QObject {
    Q_OBJECT
private slots:
    void isValidJsonWithTheCurrentVersion()
    {
        QCOMPARE(schema().at("$schema").get<std::string>(),
                 std::string("https://json-schema.org/draft/2020-12/schema"));
        QCOMPARE(schema().at("properties").at("version").at("maximum").get<int>(), kProjectVersion);
        QCOMPARE(schema().at("properties").at("format").at("const").get<std::string>(), std::string("nnp"));
    }

    void enumsAreTheCoresLists()
    {
        QCOMPARE(enumOf(def("layer_kind")), namesOf(allLayerKinds()));
        QCOMPARE(enumOf(def("generator_kind")), namesOf(allGenerators()));
        QCOMPARE(enumOf(def("optimizer_kind")), namesOf(allOptimizers()));
        QCOMPARE(enumOf(def("loss_kind")), namesOf(allLosses()));
        QCOMPARE(enumOf(def("schedule_kind")), namesOf(allSchedules()));
        QCOMPARE(enumOf(def("normalization")), stringsOf(io::kNormalizationNames));
        QCOMPARE(enumOf(def("data").at("properties").at("source")), stringsOf(io::kSourceNames));
        QCOMPARE(enumOf(def("csv_schema").at("properties").at("task")), stringsOf(io::kTaskNames));
        QCOMPARE(enumOf(def("csv_missing")), namesOf(allCsvMissing()));
        QCOMPARE(enumOf(def("lesson_panel")), stringsOf(kLessonPanels));
        QCOMPARE(enumOf(def("lesson_control")), namesOf(allLessonControls()));
        QCOMPARE(enumOf(def("goal_kind")), namesOf(allGoalKinds()));
        QCOMPARE(enumOf(def("expect").at("properties").at("split")),
                 namesOf(std::vector{EvalSplit::Train, EvalSplit::Validation, EvalSplit::Test}));
        QCOMPARE(enumOf(def("expect").at("properties").at("metric")),
                 namesOf(std::vector{ExpectMetric::Accuracy, ExpectMetric::Loss, ExpectMetric::Mae,
                                     ExpectMetric::R2}));
        std::set<std::string> features;
        for (const auto &[flag, name] : io::kFeatureNames)
            features.insert(std::string(name));
        QCOMPARE(enumOf(def("feature")), features);
    }

    void optionsAreTheRegistrys()
    {
        std::set<std::string> allNames;
        const Json &perKind = def("options").at("properties");
        QCOMPARE(perKind.size(), allLayerKinds().size());
        for (const LayerKindInfo *k : layerKinds()) {
            const std::string kind(k->fileName);
            Json expected = Json::object();
            for (const OptionSpec &o : k->options)
                expected[o.name] = optionSchema(o);
            QVERIFY2(perKind.contains(kind), ("the schema lacks the kind " + kind +
                                              "; add it to $defs/layer_kind, a rule to $defs/node/allOf and "
                                              "$defs/options/properties/" +
                                              kind +
                                              ": {\"type\": \"object\", "
                                              "\"properties\": " +
                                              expected.dump() + "}")
                                                 .c_str());
            const Json &props = perKind.at(kind).at("properties");
            QVERIFY2(props.size() == k->options.size(), kind.c_str());
            for (const OptionSpec &o : k->options) {
                allNames.insert(o.name);
                QVERIFY2(props.contains(o.name), (kind + "." + o.name).c_str());
                QVERIFY2(props.at(o.name) == optionSchema(o),
                         (kind + "." + o.name + ": the schema says " + props.at(o.name).dump() +
                          ", the registry " + optionSchema(o).dump())
                             .c_str());
            }
            // The node's rule for this kind points at these options.
            bool ruled = false;
            for (const Json &rule : def("node").at("allOf"))
                if (rule.at("if").at("properties").at("kind").at("const") == kind)
                    ruled = rule.at("then").at("properties").at("options").at("$ref") ==
                            "#/$defs/options/properties/" + kind;
            QVERIFY2(ruled, kind.c_str());
        }
        QCOMPARE(enumOf(def("option_name")), allNames);
    }

    void goalParametersAreTheCores()
    {
        const std::vector<std::string> params{"value", "percent", "epochs", "control"};
        for (GoalKind g : allGoalKinds()) {
            const std::string kind(toString(g));
            const GoalParameters needs = goalParameters(g);
            const std::map<std::string, bool> needed{{"value", needs.value},
                                                     {"percent", needs.percent},
                                                     {"epochs", needs.epochs},
                                                     {"control", needs.control}};
            const Json *then = nullptr;
            for (const Json &rule : def("goal").at("allOf"))
                if (rule.at("if").at("properties").at("kind").value("const", "") == kind)
                    then = &rule.at("then");
            QVERIFY2(then, kind.c_str());
            std::set<std::string> required, forbidden, wantRequired, wantForbidden;
            const Json requiredList = then->value("required", Json::array());
            const Json properties = then->value("properties", Json::object());
            for (const Json &r : requiredList)
                required.insert(r.get<std::string>());
            for (const auto &[key, value] : properties.items())
                if (value == false) forbidden.insert(key);
            for (const std::string &p : params) {
                if (needed.at(p))
                    wantRequired.insert(p);
                else if (!(p == "epochs" && needs.epochsOptional))
                    wantForbidden.insert(p);
            }
            QVERIFY2(required == wantRequired, kind.c_str());
            QVERIFY2(forbidden == wantForbidden, kind.c_str());
        }
    }

    /// Every kind with every one of its options set to a value other than the default.
    void writesEveryKind()
    {
        Project p;
        p.name = "every kind";
        for (const LayerKindInfo *k : layerKinds()) {
            LayerOptions o;
            for (const OptionSpec &s : k->options)
                o.setValue(s.name, otherValue(s), s.def);
            p.graph.addNode(k->kind, std::string(k->fileName), o);
        }
        p.graph.connect(p.graph.nodes[0].id, p.graph.nodes[1].id);
        write("every_kind.nnp", p);
    }

    void writesALessonWithEveryGoal()
    {
        Project p = loadProject(NNP_SOURCE_DIR "/samples/lessons/01_neuron_and_layer.nnp");
        QVERIFY(p.lesson);
        Lesson lesson;
        for (GoalKind g : allGoalKinds()) {
            LessonStep s;
            s.title.en = std::string(toString(g));
            s.title.zh = "目标";
            s.text.en = "Reach it.";
            s.panels = {"curves", "output"};
            s.locked = {LessonControl::Network, LessonControl::Data};
            s.goal.kind = g;
            const GoalParameters needs = goalParameters(g);
            if (needs.value) s.goal.value = 0.9;
            if (needs.percent) s.goal.percent = 5;
            if (needs.epochs || needs.epochsOptional) s.goal.epochs = 20;
            if (needs.control) s.goal.control = LessonControl::Optimizer;
            lesson.steps.push_back(s);
        }
        p.lesson = lesson;
        write("lesson_every_goal.nnp", p);
    }

    /// Trained with Adam and a Dropout for a few batches, the run state stored (moments, random stream), with
    /// an expected result and a history.
    void writesATrainedRunWithItsState()
    {
        Project p = loadProject(NNP_SOURCE_DIR "/samples/circle.nnp");
        p.training.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
        GraphSpec &g = p.graph;
        const EdgeSpec first = g.outputsOf(g.nodes.front().id).front();
        g.edges.erase(std::find(g.edges.begin(), g.edges.end(), first));
        LayerOptions o;
        o.set(opt::dropout::rate, 0.3);
        const NodeId drop = g.addNode(LayerKind::Dropout, "drop", o);
        g.connect(first.from, drop);
        g.connect(drop, first.to, first.port);
        ProjectRun run(p, NNP_SOURCE_DIR "/samples", ProjectRun::Start::Seed);
        for (int i = 0; i < 5; ++i)
            run.trainer().runBatch();
        run.store(p);
        p.history = run.trainer().history();
        EpochRecord diverged; // a diverged epoch's losses are written as strings
        diverged.epoch = 1;
        diverged.trainLoss = std::nan("");
        diverged.valLoss = HUGE_VAL;
        diverged.learningRate = 0.01;
        p.history.push_back(diverged);
        QVERIFY(p.trainerState && !p.trainerState->moments.empty() && !p.trainerState->random.empty());
        p.expect = ExpectedResult{EvalSplit::Test, ExpectMetric::Accuracy, 0.5, std::nullopt};
        write("trained_run_state.nnp", p);
    }
};

QTEST_APPLESS_MAIN(TestSchema)
#include "tst_schema.moc"
