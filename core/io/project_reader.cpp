// Reads version 1 of the project file. Every value is checked for type and range where it is read, so an
// error names its JSON path; nothing large is allocated before its size has been checked.
#include "data/csv_reader.h"
#include "io/base64.h"
#include "io/json_cursor.h"
#include "io/lesson_io.h"
#include "io/project.h"
#include "io/project_format.h"
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

const std::vector<std::string_view> kNormalizationNames{"none", "zscore", "minmax", "pixels"};
const std::vector<std::string_view> kSourceNames{"generator", "csv", "idx"};
const std::vector<std::string_view> kTaskNames{"classification", "regression"};

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
                    "header", "split_column", "test_path", "image_shape"});
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
        o.missing = v->toEnum<CsvMissing>(csvMissingFromString, {"refuse", "drop_rows", "fill_mean"});
    if (auto v = c.find("header")) o.header = v->toBool();
    if (auto v = c.find("split_column")) o.splitColumn = v->toString(io::kMaxNameLength * 5);
    if (auto v = c.find("test_path")) o.testPath = readDataPath(*v);
    if (!o.splitColumn.empty() && !o.testPath.empty())
        c.fail("choose a split column or a separate test file, not both.");
    if (auto v = c.find("image_shape")) {
        if (v->arraySize(3) != 3) v->fail("an image shape is [channels, height, width], three numbers.");
        for (std::size_t i = 0; i < 3; ++i)
            o.imageShape.push_back((*v)[i].toInt(1, 65536));
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
    d.kind = c.at("source").toEnum<DataSourceKind>(io::dataSourceFromString, kSourceNames);
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
    c.expectObject({"normalization", "split"});
    Preprocessing p;
    if (auto v = c.find("normalization"))
        p.normalization = v->toEnum<NormalizationKind>(normalizationFromString, kNormalizationNames);
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

CsvColumn readColumn(const JsonCursor &c)
{
    c.expectObject({"name", "categorical", "categories", "ids", "text_length", "fill"});
    CsvColumn col;
    col.name = c.at("name").toString(io::kMaxNameLength * 5);
    if (auto v = c.find("categorical")) col.categorical = v->toBool();
    if (auto v = c.find("ids")) col.ids = v->toBool();
    if (auto v = c.find("text_length")) col.textLength = v->toInt(1, kMaxTextLength);
    if (int(col.ids) + int(col.categorical) + int(col.text()) > 1)
        c.fail("a column is either categorical, an id column or a text column.");
    if (auto v = c.find("categories")) { // an id or text column's vocabulary: up to 2^24 − 1 ids
        const std::size_t n = v->arraySize(col.ids      ? (std::size_t(1) << 24) - 1
                                           : col.text() ? static_cast<std::size_t>(kMaxVocabularyWords)
                                                        : io::kMaxCategories);
        for (std::size_t i = 0; i < n; ++i)
            col.categories.push_back((*v)[i].toString(io::kMaxNameLength * 5));
    }
    if (col.categorical && col.categories.empty()) c.fail("a categorical column needs its categories.");
    if (auto v = c.find("fill")) {
        col.fill = v->toString(io::kMaxNameLength * 5);
        double number = 0;
        const bool known =
            std::find(col.categories.begin(), col.categories.end(), col.fill) != col.categories.end();
        if (col.text() || ((col.categorical || col.ids) ? !known
                                                        : !csv::parseNumber(col.fill, false, number) ||
                                                              std::abs(number) > kMaxCsvMagnitude))
            v->fail("the fill value \"" + col.fill + "\" is not one of the column's values.");
    }
    return col;
}

CsvSchema readSchema(const JsonCursor &c)
{
    c.expectObject({"delimiter", "task", "target", "features", "header"});
    CsvSchema s;
    if (auto v = c.find("header")) s.header = v->toBool();
    if (auto v = c.find("delimiter")) {
        const std::string d = v->toString(8);
        if (d != "," && d != ";" && d != "\t")
            v->fail("unknown delimiter \"" + d + "\"; expected \",\", \";\" or a tab.");
        s.delimiter = d[0];
    }
    s.task = c.at("task").toEnum<TaskKind>(io::taskFromString, kTaskNames);
    s.target = readColumn(c.at("target"));
    const JsonCursor f = c.at("features");
    const std::size_t n = f.arraySize(io::kMaxCsvColumns);
    for (std::size_t i = 0; i < n; ++i)
        s.features.push_back(readColumn(f[i]));
    return s;
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

Normalizer readNormalizer(const JsonCursor &c)
{
    c.expectObject({"kind", "offset", "scale"});
    Normalizer n;
    n.kind = c.at("kind").toEnum<NormalizationKind>(normalizationFromString, kNormalizationNames);
    const JsonCursor off = c.at("offset"), sc = c.at("scale");
    const std::size_t k = off.arraySize(static_cast<std::size_t>(kMaxInputSize));
    if (sc.arraySize(static_cast<std::size_t>(kMaxInputSize)) != k)
        sc.fail("the scale has " + std::to_string(sc.json().size()) + " entries but the offset has " +
                std::to_string(k) + ".");
    if (n.kind == NormalizationKind::None && k != 0)
        off.fail("a normaliser of kind \"none\" has no offsets.");
    n.offset.resize(static_cast<Eigen::Index>(k));
    n.scale.resize(static_cast<Eigen::Index>(k));
    for (std::size_t i = 0; i < k; ++i) {
        n.offset(static_cast<Eigen::Index>(i)) =
            static_cast<Scalar>(off[i].toDouble(-io::kMaxFloat, io::kMaxFloat));
        n.scale(static_cast<Eigen::Index>(i)) =
            static_cast<Scalar>(sc[i].toDouble(-io::kMaxFloat, io::kMaxFloat));
    }
    return n;
}

StoredTensor readTensor(const JsonCursor &c, const GraphSpec &graph)
{
    c.expectObject({"node", "name", "rows", "cols", "data"});
    StoredTensor t;
    const JsonCursor nodeC = c.at("node");
    t.node = nodeC.toInt(0, 1'000'000'000);
    if (!graph.find(t.node)) nodeC.fail("no node has the id " + std::to_string(t.node) + ".");
    t.name = c.at("name").toString(64);
    t.rows = c.at("rows").toInt(1, kMaxParametersPerLayer);
    t.cols = c.at("cols").toInt(1, kMaxParametersPerLayer);
    const long long count = static_cast<long long>(t.rows) * t.cols;
    if (count > kMaxParametersPerLayer)
        c.at("rows").fail("the tensor claims " + std::to_string(t.rows) + " x " + std::to_string(t.cols) +
                          " values, more than the limit of " + std::to_string(kMaxParametersPerLayer) +
                          " per layer.");
    const JsonCursor dataC = c.at("data");
    const std::string &text = dataC.json().is_string() ? dataC.json().get_ref<const std::string &>()
                                                       : dataC.toString(0); // reports the wrong type
    std::size_t bad = 0;
    auto values = floatsFromBase64(text, static_cast<std::size_t>(count), bad);
    if (!values) {
        if (bad == std::string_view::npos)
            dataC.fail("the data holds " + std::to_string(text.size()) + " base64 characters, but " +
                       std::to_string(t.rows) + " x " + std::to_string(t.cols) + " float32 values need " +
                       std::to_string(base64Length(static_cast<std::size_t>(count) * 4)) + ".");
        dataC.fail("the data is not valid base64 (bad character at offset " + std::to_string(bad) + ").");
    }
    t.values = std::move(*values);
    if (const std::string problem = io::nonFiniteValue(t, graph); !problem.empty())
        dataC.fail(problem + "; the weights are damaged or come from a training run that diverged. Train the "
                             "project again.");
    return t;
}

/// A count stored as a JSON integer: non-negative, at most 2^53 (exact in every JSON reader).
long long toCount(const JsonCursor &c)
{
    const std::uint64_t v = c.toSeed();
    if (v > (std::uint64_t(1) << 53))
        c.fail("the count " + std::to_string(v) + " is beyond any training run.");
    return static_cast<long long>(v);
}

std::vector<double> readMomentValues(const JsonCursor &c, std::size_t count)
{
    const std::string &text =
        c.json().is_string() ? c.json().get_ref<const std::string &>() : c.toString(0); // reports the type
    std::size_t bad = 0;
    auto values = doublesFromBase64(text, count, bad);
    if (!values) {
        if (bad == std::string_view::npos)
            c.fail("the data holds " + std::to_string(text.size()) + " base64 characters, but " +
                   std::to_string(count) + " float64 values need " + std::to_string(base64Length(count * 8)) +
                   ".");
        c.fail("the data is not valid base64 (bad character at offset " + std::to_string(bad) + ").");
    }
    for (std::size_t i = 0; i < values->size(); ++i)
        if (!std::isfinite((*values)[i]))
            c.fail("the optimizer state holds a value that is not a finite number at index " +
                   std::to_string(i) +
                   "; the file is damaged. Delete \"run_state\" to continue with a fresh optimizer.");
    return std::move(*values);
}

/// "trained"/"run_state": the trainer's state that goes with the weights (version 3).
TrainerState readRunState(const JsonCursor &c, const Project &p)
{
    c.expectObject({"optimizer_steps", "epoch", "step", "samples_seen", "epoch_open", "position",
                    "epoch_loss_sum", "epoch_count", "epoch_correct", "epoch_abs_err", "loss_scale",
                    "first_loss_seen", "moments", "random"});
    TrainerState s;
    s.optimizerSteps = toCount(c.at("optimizer_steps"));
    s.epoch = c.at("epoch").toInt(0, 1'000'000'000);
    s.step = toCount(c.at("step"));
    s.samplesSeen = toCount(c.at("samples_seen"));
    s.epochOpen = c.at("epoch_open").toBool();
    s.position = toCount(c.at("position"));
    if (!s.epochOpen && s.position != 0)
        c.at("position").fail("a position inside an epoch needs \"epoch_open\": true.");
    s.epochLossSum = c.at("epoch_loss_sum").toDouble(0, 1e300);
    s.epochCount = toCount(c.at("epoch_count"));
    s.epochCorrect = toCount(c.at("epoch_correct"));
    if (s.epochCorrect > s.epochCount)
        c.at("epoch_correct")
            .fail("more samples right (" + std::to_string(s.epochCorrect) + ") than seen (" +
                  std::to_string(s.epochCount) + ").");
    s.epochAbsErr = c.at("epoch_abs_err").toDouble(0, 1e300);
    s.lossScale = c.at("loss_scale").toDouble(0, 1e300);
    s.firstLossSeen = c.at("first_loss_seen").toBool();
    const JsonCursor list = c.at("moments");
    const std::size_t n = list.arraySize(io::kMaxTensors);
    std::set<std::pair<NodeId, std::string>> seen;
    for (std::size_t i = 0; i < n; ++i) {
        const JsonCursor m = list[i];
        m.expectObject({"node", "name", "rows", "cols", "a", "b"});
        StoredMoments t;
        t.node = m.at("node").toInt(0, 1'000'000'000);
        t.name = m.at("name").toString(64);
        // The state of a tensor the weights hold, of its shape.
        const auto weight = std::find_if(p.weights.begin(), p.weights.end(), [&](const StoredTensor &w) {
            return w.node == t.node && w.name == t.name;
        });
        if (weight == p.weights.end())
            m.fail("optimizer state for \"" + t.name + "\" of node " + std::to_string(t.node) +
                   ", which the stored weights do not hold.");
        t.rows = m.at("rows").toInt(1, kMaxParametersPerLayer);
        t.cols = m.at("cols").toInt(1, kMaxParametersPerLayer);
        if (t.rows != weight->rows || t.cols != weight->cols)
            m.at("rows").fail("the optimizer state is " + std::to_string(t.rows) + " x " +
                              std::to_string(t.cols) + ", but the tensor \"" + t.name + "\" is " +
                              std::to_string(weight->rows) + " x " + std::to_string(weight->cols) + ".");
        if (!seen.insert({t.node, t.name}).second)
            m.fail("the optimizer state of \"" + t.name + "\" of node " + std::to_string(t.node) +
                   " is stored twice.");
        const auto count = static_cast<std::size_t>(t.rows) * static_cast<std::size_t>(t.cols);
        t.a = readMomentValues(m.at("a"), count);
        t.b = readMomentValues(m.at("b"), count);
        s.moments.push_back(std::move(t));
    }
    if (auto random = c.find("random")) { // Dropout's streams
        const std::size_t count = random->arraySize(p.graph.nodes.size());
        for (std::size_t i = 0; i < count; ++i) {
            const JsonCursor r = (*random)[i];
            r.expectObject({"node", "state"});
            StoredRandom stream;
            stream.node = r.at("node").toInt(0, 1'000'000'000);
            const NodeSpec *node = p.graph.find(stream.node);
            if (!node || node->kind != LayerKind::Dropout)
                r.at("node").fail("a random stream for node " + std::to_string(stream.node) +
                                  ", which is not a Dropout layer of the graph.");
            if (std::any_of(s.random.begin(), s.random.end(),
                            [&](const StoredRandom &o) { return o.node == stream.node; }))
                r.at("node").fail("the random stream of node " + std::to_string(stream.node) +
                                  " is stored twice.");
            stream.state = r.at("state").toString(64 * 1024);
            if (Rng probe; !probe.setState(stream.state))
                r.at("state").fail("the random stream is damaged. Delete \"run_state\" to continue with a "
                                   "fresh optimizer.");
            s.random.push_back(std::move(stream));
        }
    }
    return s;
}

void readTrained(const JsonCursor &c, Project &p)
{
    c.expectObject({"normalizer", "csv_schema", "weights", "run_state"});
    if (auto v = c.find("normalizer")) p.normalizer = readNormalizer(*v);
    if (auto v = c.find("csv_schema")) p.csvSchema = readSchema(*v);
    if (auto w = c.find("weights")) {
        const std::size_t n = w->arraySize(io::kMaxTensors);
        std::set<std::pair<NodeId, std::string>> seen;
        for (std::size_t i = 0; i < n; ++i) {
            StoredTensor t = readTensor((*w)[i], p.graph);
            if (!seen.insert({t.node, t.name}).second)
                (*w)[i].fail("the tensor \"" + t.name + "\" of node " + std::to_string(t.node) +
                             " is stored twice.");
            p.weights.push_back(std::move(t));
        }
    }
    if (const std::string problem = checkWeightsAgainstGraph(p); !problem.empty())
        (c.find("weights") ? *c.find("weights") : c).fail(problem);
    if (auto v = c.find("run_state")) {
        if (p.weights.empty()) v->fail("a training state needs the trained weights it goes with.");
        p.trainerState = readRunState(*v, p);
    }
}

std::vector<EpochRecord> readHistory(const JsonCursor &c)
{
    const std::size_t n = c.arraySize(io::kMaxHistory);
    std::vector<EpochRecord> h;
    h.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const JsonCursor e = c[i];
        e.expectObject({"epoch", "train_loss", "train_metric", "val_loss", "val_metric", "learning_rate"});
        EpochRecord r;
        r.epoch = e.at("epoch").toInt(0, 1'000'000'000);
        r.trainLoss = e.at("train_loss").toDoubleOrNonFinite();
        if (auto v = e.find("train_metric")) r.trainMetric = v->toDoubleOrNonFinite();
        if (auto v = e.find("val_loss")) r.valLoss = v->toDoubleOrNonFinite();
        if (auto v = e.find("val_metric")) r.valMetric = v->toDoubleOrNonFinite();
        if (auto v = e.find("learning_rate")) r.learningRate = v->toDoubleOrNonFinite();
        h.push_back(r);
    }
    return h;
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
    if (auto v = c.find("trained")) readTrained(*v, p);
    if (auto v = c.find("history")) p.history = readHistory(*v);
    if (auto v = c.find("lesson")) p.lesson = io::readLesson(*v);
    if (version == 1) upgradeFromVersion1(p);
    return p;
}

} // namespace nnp
