// Reads version 1 of the project file. Every value is checked for type and range where it is read, so an
// error names its JSON path; nothing large is allocated before its size has been checked.
#include "data/csv_reader.h"
#include "io/json_cursor.h"
#include "io/lesson_io.h"
#include "io/project.h"
#include "io/project_format.h"
#include "io/project_run_reader.h"
#include "layers/layer_registry.h"
#include "layers/simple_layers.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace nnp {

namespace {

using io::JsonCursor;

template <class E> std::vector<std::string_view> namesOf(const std::vector<E> &all)
{
    std::vector<std::string_view> r;
    for (E e : all)
        r.push_back(toString(e));
    return r;
}

double readPosition(const JsonCursor &c)
{
    return c.toDouble(-1e9, 1e9);
}

OptionValue readOption(const JsonCursor &v, const OptionSpec &spec)
{
    switch (spec.type) {
    case OptionType::Int:
        return v.toInt(static_cast<long long>(spec.min), static_cast<long long>(spec.max));
    case OptionType::Double: {
        const double d = v.toDouble(spec.min, spec.max);
        if ((spec.minExclusive && d <= spec.min) || (spec.maxExclusive && d >= spec.max))
            v.fail(spec.name + " " + spec.check(d) + ".");
        return d;
    }
    case OptionType::Bool:
        return v.toBool();
    case OptionType::IntList: {
        const std::size_t n = v.arraySize(static_cast<std::size_t>(spec.maxCount));
        if (n < static_cast<std::size_t>(spec.minCount))
            v.fail("a shape needs at least " + std::to_string(spec.minCount) + " dimension(s).");
        std::vector<int> dims;
        for (std::size_t i = 0; i < n; ++i)
            dims.push_back(v[i].toInt(static_cast<long long>(spec.min), static_cast<long long>(spec.max)));
        return dims;
    }
    case OptionType::Choice: {
        std::vector<std::string_view> names(spec.choices.begin(), spec.choices.end());
        const auto parse = [&](const std::string &s) -> std::optional<std::string> {
            for (const auto &c : spec.choices)
                if (c == s) return c;
            return std::nullopt;
        };
        return v.toEnum<std::string>(parse, names);
    }
    }
    v.fail("an option of an unknown type.");
}

/// Every option name some kind has; a node may carry options of other kinds (kept, so nothing is lost).
const std::vector<const OptionSpec *> &allOptionSpecs()
{
    static const std::vector<const OptionSpec *> all = [] {
        std::vector<const OptionSpec *> r;
        std::set<std::string_view> seen;
        for (const LayerKindInfo *k : layerKinds())
            for (const OptionSpec &o : k->options)
                if (seen.insert(o.name).second) r.push_back(&o);
        return r;
    }();
    return all;
}

void readOptions(const JsonCursor &c, LayerKind kind, LayerOptions &o)
{
    if (!c.json().is_object()) c.expectObject({});
    const LayerKindInfo &info = layerKind(kind);
    for (const auto &item : c.json().items()) {
        const OptionSpec *spec = info.option(item.key());
        if (!spec)
            for (const OptionSpec *other : allOptionSpecs())
                if (other->name == item.key()) spec = other;
        if (!spec) {
            std::string names;
            for (const OptionSpec &s : info.options)
                names += (names.empty() ? "\"" : ", \"") + s.name + "\"";
            c.at(item.key())
                .fail("unknown option \"" + item.key().substr(0, 40) + "\" (" + std::string(info.fileName) +
                      " has " + (names.empty() ? "none" : names) + ").");
        }
        o.setValue(spec->name, readOption(c.at(item.key()), *spec), spec->def);
    }
}

GraphSpec readGraph(const JsonCursor &c)
{
    c.expectObject({"nodes", "edges"});
    GraphSpec g;
    const JsonCursor nodes = c.at("nodes");
    const std::size_t n = nodes.arraySize(io::kMaxNodes);
    std::set<NodeId> ids;
    for (std::size_t i = 0; i < n; ++i) {
        const JsonCursor nc = nodes[i];
        nc.expectObject({"id", "name", "kind", "x", "y", "options"});
        NodeSpec node;
        const JsonCursor idc = nc.at("id");
        node.id = idc.toInt(0, 1'000'000'000);
        if (!ids.insert(node.id).second)
            idc.fail("the node id " + std::to_string(node.id) + " is used twice.");
        if (auto v = nc.find("name")) node.name = v->toString(io::kMaxNameLength);
        node.kind = nc.at("kind").toEnum<LayerKind>(layerKindFromString, namesOf(allLayerKinds()));
        if (auto v = nc.find("x")) node.x = readPosition(*v);
        if (auto v = nc.find("y")) node.y = readPosition(*v);
        if (auto v = nc.find("options")) readOptions(*v, node.kind, node.options);
        g.nodes.push_back(std::move(node));
    }
    if (auto edges = c.find("edges")) {
        const std::size_t m = edges->arraySize(io::kMaxEdges);
        for (std::size_t i = 0; i < m; ++i) {
            const JsonCursor ec = (*edges)[i];
            ec.expectObject({"from", "to", "port"});
            EdgeSpec e;
            for (auto [key, field] : {std::pair{"from", &EdgeSpec::from}, std::pair{"to", &EdgeSpec::to}}) {
                const JsonCursor v = ec.at(key);
                e.*field = v.toInt(0, 1'000'000'000);
                if (!ids.count(e.*field)) v.fail("no node has the id " + std::to_string(e.*field) + ".");
            }
            if (auto v = ec.find("port")) e.port = v->toInt(0, 10'000);
            g.edges.push_back(e);
        }
    }
    return g;
}

/// A data path: relative ones must stay inside the project's folder, so a project and its data move together
/// and a file from elsewhere cannot point at arbitrary files through "../".
std::string readDataPath(const JsonCursor &c)
{
    std::string s = c.toString(io::kMaxPathLength);
    for (unsigned char ch : s)
        if (ch < 0x20) c.fail("the path contains a control character.");
    if (s.empty()) return s;
    const std::filesystem::path p(s);
    if (p.is_relative()) {
        const auto normal = p.lexically_normal();
        if (!normal.empty() && *normal.begin() == "..")
            c.fail("the path \"" + s +
                   "\" leads outside the project's folder; keep the data beside the project (for example in "
                   "datasets/) or give an absolute path.");
    }
    return s;
}

CsvOptions readCsvOptions(const JsonCursor &c)
{
    c.expectObject({"delimiter", "target", "task", "ignore", "ids", "text", "categorical", "missing",
                    "header", "split_column", "test_path", "image_shape", "fill_value"});
    CsvOptions o;
    if (auto v = c.find("delimiter")) {
        const std::string d = v->toString(8);
        if (d == "auto")
            o.delimiter = 0;
        else if (d == "," || d == ";" || d == "\t")
            o.delimiter = d[0];
        else
            v->fail("unknown delimiter \"" + d + "\"; expected \"auto\", \",\", \";\" or a tab.");
    }
    if (auto v = c.find("target")) o.target = v->toString(io::kMaxNameLength * 5);
    if (auto v = c.find("task")) {
        if (v->toString(32) != "auto")
            o.task = v->toEnum<TaskKind>(io::taskFromString, {"auto", "classification", "regression"});
    }
    if (auto v = c.find("ignore")) {
        const std::size_t n = v->arraySize(io::kMaxCsvColumns);
        for (std::size_t i = 0; i < n; ++i)
            o.ignore.push_back((*v)[i].toString(io::kMaxNameLength * 5));
    }
    if (auto v = c.find("ids")) {
        const std::size_t n = v->arraySize(io::kMaxCsvColumns);
        for (std::size_t i = 0; i < n; ++i)
            o.ids.push_back((*v)[i].toString(io::kMaxNameLength * 5));
    }
    if (auto v = c.find("categorical")) {
        const std::size_t n = v->arraySize(io::kMaxCsvColumns);
        for (std::size_t i = 0; i < n; ++i)
            o.categorical.push_back((*v)[i].toString(io::kMaxNameLength * 5));
    }
    if (auto v = c.find("missing"))
        o.missing = v->toEnum<CsvMissing>(csvMissingFromString, namesOf(allCsvMissing()));
    if (auto v = c.find("fill_value")) o.fillValue = v->toString(io::kMaxNameLength * 5);
    if (o.missing == CsvMissing::FillValue && o.fillValue.empty())
        c.fail("the missing-value policy \"fill_value\" needs \"fill_value\", the value to fill with.");
    if (auto v = c.find("header")) o.header = v->toBool();
    if (auto v = c.find("split_column")) o.splitColumn = v->toString(io::kMaxNameLength * 5);
    if (auto v = c.find("test_path")) o.testPath = readDataPath(*v);
    if (!o.splitColumn.empty() && !o.testPath.empty())
        c.fail("choose a split column or a separate test file, not both.");
    if (auto v = c.find("image_shape")) {
        if (v->arraySize(3) != 3) v->fail("an image shape is [channels, height, width], three numbers.");
        for (std::size_t i = 0; i < 3; ++i)
            o.imageShape.push_back((*v)[i].toInt(1, kMaxCsvImageSide));
    }
    if (auto v = c.find("text")) {
        const std::size_t n = v->arraySize(io::kMaxCsvColumns);
        for (std::size_t i = 0; i < n; ++i) {
            const JsonCursor t = (*v)[i];
            t.expectObject({"column", "length", "vocabulary"});
            TextColumnOptions to;
            to.column = t.at("column").toString(io::kMaxNameLength * 5);
            if (auto l = t.find("length")) to.length = l->toInt(1, kMaxTextLength);
            if (auto k = t.find("vocabulary")) to.vocabulary = k->toInt(1, kMaxVocabularyWords);
            o.text.push_back(std::move(to));
        }
    }
    return o;
}

DataSource readData(const JsonCursor &c)
{
    c.expectObject(
        {"source", "generator", "features", "path", "csv", "images", "labels", "test_images", "test_labels"});
    DataSource d;
    d.kind = c.at("source").toEnum<DataSourceKind>(io::dataSourceFromString, io::kSourceNames);
    if (auto g = c.find("generator")) {
        g->expectObject({"kind", "samples", "noise", "seed"});
        if (auto v = g->find("kind"))
            d.generator.kind = v->toEnum<GeneratorKind>(generatorFromString, namesOf(allGenerators()));
        if (auto v = g->find("samples")) d.generator.samples = v->toInt(1, 1'000'000);
        if (auto v = g->find("noise")) d.generator.noise = v->toDouble(0, 0.5);
        if (auto v = g->find("seed")) d.generator.seed = v->toSeed();
    }
    if (auto f = c.find("features")) {
        const std::size_t n = f->arraySize(io::kFeatureNames.size());
        d.features = FeatureConfig{};
        for (const auto &[flag, name] : io::kFeatureNames)
            d.features.*flag = false;
        std::vector<std::string_view> names;
        for (const auto &[flag, name] : io::kFeatureNames)
            names.push_back(name);
        for (std::size_t i = 0; i < n; ++i) {
            const JsonCursor fc = (*f)[i];
            const std::string s = fc.toString(16);
            bool found = false;
            for (const auto &[flag, name] : io::kFeatureNames)
                if (name == s) {
                    if (d.features.*flag) fc.fail("the feature \"" + s + "\" is listed twice.");
                    d.features.*flag = found = true;
                }
            if (!found) (void)fc.toEnum<int>([](std::string_view) { return std::optional<int>(); }, names);
        }
        if (d.features.count() == 0) f->fail("choose at least one input feature.");
    }
    if (auto v = c.find("path")) d.path = readDataPath(*v);
    if (auto v = c.find("csv")) d.csv = readCsvOptions(*v);
    for (auto [key, field] :
         {std::pair{"images", &DataSource::images}, std::pair{"labels", &DataSource::labels},
          std::pair{"test_images", &DataSource::testImages},
          std::pair{"test_labels", &DataSource::testLabels}})
        if (auto v = c.find(key)) d.*field = readDataPath(*v);
    return d;
}

Preprocessing readPreprocessing(const JsonCursor &c)
{
    c.expectObject({"normalization", "split", "scale_target"});
    Preprocessing p;
    if (auto v = c.find("scale_target")) p.scaleTarget = v->toBool();
    if (auto v = c.find("normalization"))
        p.normalization = v->toEnum<NormalizationKind>(normalizationFromString, io::kNormalizationNames);
    if (auto s = c.find("split")) {
        s->expectObject({"validation", "test", "stratify", "seed"});
        if (auto v = s->find("validation")) p.split.validation = v->toDouble(0, 0.95);
        if (auto v = s->find("test")) p.split.test = v->toDouble(0, 0.95);
        if (auto v = s->find("stratify")) p.split.stratify = v->toBool();
        if (auto v = s->find("seed")) p.split.seed = v->toSeed();
        if (p.split.validation + p.split.test >= 0.99)
            s->fail("validation and test together take " +
                    std::to_string(static_cast<int>((p.split.validation + p.split.test) * 100)) +
                    "% of the data; leave at least 1% to train on.");
    }
    return p;
}

OptimizerConfig readOptimizer(const JsonCursor &c)
{
    c.expectObject({"kind", "learning_rate", "momentum", "nesterov", "beta1", "beta2", "epsilon", "rho",
                    "alpha", "weight_decay"});
    OptimizerKind kind = OptimizerKind::SGD;
    if (auto v = c.find("kind"))
        kind = v->toEnum<OptimizerKind>(optimizerFromString, namesOf(allOptimizers()));
    OptimizerConfig o = defaultOptimizerConfig(kind);
    if (auto v = c.find("learning_rate")) {
        o.learningRate = v->toDouble(0, 1e6);
        if (o.learningRate <= 0) v->fail("the learning rate must be greater than 0.");
    }
    for (auto [key, field, hi] :
         {std::tuple{"momentum", &OptimizerConfig::momentum, 1.0},
          std::tuple{"beta1", &OptimizerConfig::beta1, 1.0},
          std::tuple{"beta2", &OptimizerConfig::beta2, 1.0},
          std::tuple{"epsilon", &OptimizerConfig::epsilon, 1.0},
          std::tuple{"rho", &OptimizerConfig::rho, 1.0}, std::tuple{"alpha", &OptimizerConfig::alpha, 1.0},
          std::tuple{"weight_decay", &OptimizerConfig::weightDecay, 1e6}})
        if (auto v = c.find(key)) o.*field = v->toDouble(0, hi);
    if (auto v = c.find("nesterov")) o.nesterov = v->toBool();
    return o;
}

TrainingConfig readTraining(const JsonCursor &c)
{
    c.expectObject({"loss", "optimizer", "schedule", "batch_size", "epochs", "target_loss", "seed", "shuffle",
                    "threads"});
    TrainingConfig t;
    if (auto l = c.find("loss")) {
        l->expectObject({"kind", "huber_delta"});
        t.loss.kind = l->at("kind").toEnum<LossKind>(lossFromString, namesOf(allLosses()));
        if (auto v = l->find("huber_delta")) {
            t.loss.huberDelta = static_cast<Scalar>(v->toDouble(0, 1e9));
            if (t.loss.huberDelta <= 0) v->fail("the Huber delta must be greater than 0.");
        }
    }
    if (auto v = c.find("optimizer")) t.optimizer = readOptimizer(*v);
    if (auto s = c.find("schedule")) {
        s->expectObject({"kind", "step_epochs", "gamma", "min_learning_rate"});
        if (auto v = s->find("kind"))
            t.schedule.kind = v->toEnum<ScheduleKind>(scheduleFromString, namesOf(allSchedules()));
        if (auto v = s->find("step_epochs")) t.schedule.stepEpochs = v->toInt(1, 10'000'000);
        if (auto v = s->find("gamma")) t.schedule.gamma = v->toDouble(0, 10);
        if (auto v = s->find("min_learning_rate")) t.schedule.minLearningRate = v->toDouble(0, 1e6);
    }
    if (auto v = c.find("batch_size")) t.batchSize = v->toInt(1, 1'000'000);
    if (auto v = c.find("epochs")) t.epochs = v->toInt(1, 10'000'000);
    if (auto v = c.find("target_loss")) t.targetLoss = v->toDouble(0, 1e30);
    if (auto v = c.find("seed")) t.seed = v->toSeed();
    if (auto v = c.find("shuffle")) t.shuffle = v->toBool();
    if (auto v = c.find("threads")) t.threads = v->toInt(1, 64);
    return t;
}

/// Version 1 loaded IDX images divided by 255; version 2 loads raw pixel values and scales them with the
/// "pixels" normalisation, so an old IDX project without a normalisation keeps its meaning (and its trained
/// weights their inputs).
void upgradeFromVersion1(Project &p)
{
    if (p.data.kind != DataSourceKind::Idx || p.preprocessing.normalization != NormalizationKind::None)
        return;
    p.preprocessing.normalization = NormalizationKind::Pixels;
    if (!p.normalizer || !p.normalizer->isIdentity()) return;
    Eigen::Index features = 0;
    for (const NodeSpec &n : p.graph.nodes)
        if (n.kind == LayerKind::Input) {
            features = 1;
            for (int d : n.options.get(opt::input::shape))
                features *= d;
            break;
        }
    p.normalizer = pixelScaling(features);
}

ExpectedResult readExpect(const JsonCursor &c)
{
    c.expectObject({"split", "metric", "min", "max"});
    ExpectedResult e;
    if (auto v = c.find("split"))
        e.split = v->toEnum<EvalSplit>(evalSplitFromString, {"train", "validation", "test"});
    if (auto v = c.find("metric"))
        e.metric = v->toEnum<ExpectMetric>(expectMetricFromString, {"accuracy", "loss", "mae", "r2"});
    if (auto v = c.find("min")) e.min = v->toDouble(-1e30, 1e30);
    if (auto v = c.find("max")) e.max = v->toDouble(-1e30, 1e30);
    if (!e.min && !e.max) c.fail("an expected result needs \"min\" or \"max\".");
    return e;
}

} // namespace

Project io::projectFromJson(const io::Json &root, const std::string &file)
{
    const JsonCursor c(root, "", file);
    if (!root.is_object())
        c.fail("this is not an NN Playground project: the file holds " + io::describeJson(root) +
               " instead of an object.");
    const auto format = c.find("format");
    if (!format || !format->json().is_string() || format->json().get_ref<const std::string &>() != "nnp")
        (format ? *format : c).fail("this is not an NN Playground project (\"format\" must be \"nnp\").");
    // The version first: a newer file may hold keys this reader does not know.
    const JsonCursor versionC = c.at("version");
    const int version = versionC.toInt(1, 1'000'000'000);
    if (version > kProjectVersion)
        versionC.fail("the project was saved by a newer NN Playground (version " + std::to_string(version) +
                      "); this one reads version " + std::to_string(kProjectVersion) + ".");
    c.expectObject({"format", "version", "name", "description", "graph", "data", "preprocessing", "training",
                    "expect", "trained", "history", "lesson"});
    Project p;
    if (auto v = c.find("name")) p.name = v->toString(io::kMaxNameLength);
    if (auto v = c.find("description")) p.description = v->toString(io::kMaxDescriptionLength);
    p.graph = readGraph(c.at("graph"));
    if (auto v = c.find("data")) p.data = readData(*v);
    if (auto v = c.find("preprocessing")) p.preprocessing = readPreprocessing(*v);
    if (auto v = c.find("training")) p.training = readTraining(*v);
    if (auto v = c.find("expect")) p.expect = readExpect(*v);
    if (auto v = c.find("trained")) io::readTrained(*v, p);
    if (auto v = c.find("history")) p.history = io::readHistory(*v);
    if (auto v = c.find("lesson")) p.lesson = io::readLesson(*v);
    if (version == 1) upgradeFromVersion1(p);
    return p;
}

} // namespace nnp
