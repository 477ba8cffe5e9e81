// Reads the "trained" block of a project file (the normaliser, the CSV schema, the weights and the run state
// that goes with them) and the "history". Internal to the project reader (project_reader.cpp).
#include "io/project_run_reader.h"

#include "data/csv_reader.h"
#include "io/base64.h"
#include "io/project_format.h"
#include "layers/layer_registry.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace nnp::io {

namespace {

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

} // namespace

void readTrained(const JsonCursor &c, Project &p)
{
    c.expectObject({"normalizer", "target_scaler", "csv_schema", "weights", "run_state"});
    if (auto v = c.find("normalizer")) p.normalizer = readNormalizer(*v);
    if (auto v = c.find("target_scaler")) {
        p.targetScaler = readNormalizer(*v);
        if (p.targetScaler->kind != NormalizationKind::ZScore)
            v->at("kind").fail("the target scaling is a z-score.");
    }
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

} // namespace nnp::io
