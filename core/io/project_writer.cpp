// Writes version 1 of the project file (see project_reader.cpp for what each key may hold).
#include "io/base64.h"
#include "io/lesson_io.h"
#include "io/project.h"
#include "io/project_format.h"
#include "layers/layer_registry.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace nnp {

namespace {

using OJson = nlohmann::ordered_json;

/// JSON has no NaN or infinity; a diverged run's losses are written as strings the reader accepts.
OJson number(double v)
{
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
    return v;
}

OJson optionJson(const OptionValue &v)
{
    return std::visit([](const auto &x) { return OJson(x); }, v);
}

/// The options the kind shows for these values (with their defaults), plus any other value that was set (so
/// nothing is lost).
OJson optionsJson(const NodeSpec &n)
{
    OJson j = OJson::object();
    const LayerKindInfo &info = layerKind(n.kind);
    for (const OptionSpec &spec : info.options)
        if (spec.isShown(n.options) || n.options.find(spec.name))
            j[spec.name] = optionJson(spec.valueIn(n.options));
    for (const auto &[name, value] : n.options.values())
        if (!info.option(name)) j[name] = optionJson(value);
    return j;
}

OJson graphJson(const GraphSpec &g)
{
    OJson nodes = OJson::array();
    for (const NodeSpec &n : g.nodes)
        nodes.push_back({{"id", n.id},
                         {"name", n.name},
                         {"kind", toString(n.kind)},
                         {"x", n.x},
                         {"y", n.y},
                         {"options", optionsJson(n)}});
    OJson edges = OJson::array();
    for (const EdgeSpec &e : g.edges)
        edges.push_back({{"from", e.from}, {"to", e.to}, {"port", e.port}});
    return {{"nodes", nodes}, {"edges", edges}};
}

OJson csvOptionsJson(const CsvOptions &c)
{
    OJson j = {{"delimiter", io::delimiterName(c.delimiter)},
               {"target", c.target},
               {"task", c.task ? std::string(io::toString(*c.task)) : std::string("auto")},
               {"ignore", c.ignore}};
    if (!c.ids.empty()) j["ids"] = c.ids;
    if (!c.categorical.empty()) j["categorical"] = c.categorical;
    if (c.missing != CsvMissing::Refuse) j["missing"] = std::string(toString(c.missing));
    if (c.missing == CsvMissing::FillValue) j["fill_value"] = c.fillValue;
    if (!c.header) j["header"] = false;
    if (!c.splitColumn.empty()) j["split_column"] = c.splitColumn;
    if (!c.testPath.empty()) j["test_path"] = c.testPath;
    if (!c.imageShape.empty()) j["image_shape"] = c.imageShape;
    if (!c.text.empty()) {
        OJson text = OJson::array();
        for (const TextColumnOptions &t : c.text)
            text.push_back({{"column", t.column}, {"length", t.length}, {"vocabulary", t.vocabulary}});
        j["text"] = text;
    }
    return j;
}

OJson dataJson(const DataSource &d)
{
    const DataSource defaults;
    OJson j = {{"source", io::toString(d.kind)}};
    if (d.kind == DataSourceKind::Generator || d.generator != defaults.generator ||
        d.features != defaults.features) {
        j["generator"] = {{"kind", toString(d.generator.kind)},
                          {"samples", d.generator.samples},
                          {"noise", d.generator.noise},
                          {"seed", d.generator.seed}};
        OJson features = OJson::array();
        for (const auto &[flag, name] : io::kFeatureNames)
            if (d.features.*flag) features.push_back(name);
        j["features"] = features;
    }
    if (d.kind == DataSourceKind::Csv || !d.path.empty() || d.csv != defaults.csv) {
        j["path"] = d.path;
        j["csv"] = csvOptionsJson(d.csv);
    }
    if (d.kind == DataSourceKind::Idx || !d.images.empty() || !d.labels.empty() || !d.testImages.empty() ||
        !d.testLabels.empty()) {
        j["images"] = d.images;
        j["labels"] = d.labels;
        j["test_images"] = d.testImages;
        j["test_labels"] = d.testLabels;
    }
    return j;
}

OJson trainingJson(const TrainingConfig &t)
{
    const OptimizerConfig &o = t.optimizer;
    const ScheduleConfig &s = t.schedule;
    return {{"loss", {{"kind", toString(t.loss.kind)}, {"huber_delta", double(t.loss.huberDelta)}}},
            {"optimizer",
             {{"kind", toString(o.kind)},
              {"learning_rate", o.learningRate},
              {"momentum", o.momentum},
              {"nesterov", o.nesterov},
              {"beta1", o.beta1},
              {"beta2", o.beta2},
              {"epsilon", o.epsilon},
              {"rho", o.rho},
              {"alpha", o.alpha},
              {"weight_decay", o.weightDecay}}},
            {"schedule",
             {{"kind", toString(s.kind)},
              {"step_epochs", s.stepEpochs},
              {"gamma", s.gamma},
              {"min_learning_rate", s.minLearningRate}}},
            {"batch_size", t.batchSize},
            {"epochs", t.epochs},
            {"target_loss", t.targetLoss},
            {"seed", t.seed},
            {"shuffle", t.shuffle},
            {"threads", t.threads}};
}

OJson columnJson(const CsvColumn &c)
{
    OJson j = {{"name", c.name}, {"categorical", c.categorical}};
    if (c.categorical || c.ids || c.text()) j["categories"] = c.categories;
    if (c.ids) j["ids"] = true;
    if (c.text()) j["text_length"] = c.textLength;
    if (!c.fill.empty()) j["fill"] = c.fill;
    return j;
}

OJson runStateJson(const TrainerState &s)
{
    // The reader refuses what is not finite; a diverged run's state is never stored (ProjectRun::store).
    const auto finite = [](const std::vector<double> &v) {
        return std::all_of(v.begin(), v.end(), [](double d) { return std::isfinite(d); });
    };
    if (!std::isfinite(s.epochLossSum) || !std::isfinite(s.epochAbsErr) || !std::isfinite(s.lossScale))
        throw ProjectError("", "/trained/run_state",
                           "the training state holds a loss that is not a finite number; it is never saved.");
    OJson moments = OJson::array();
    for (const StoredMoments &m : s.moments) {
        if (!finite(m.a) || !finite(m.b))
            throw ProjectError("", "/trained/run_state/moments",
                               "the optimizer state of \"" + m.name + "\" of node " + std::to_string(m.node) +
                                   " holds values that are not finite numbers; it is never saved.");
        moments.push_back({{"node", m.node},
                           {"name", m.name},
                           {"rows", m.rows},
                           {"cols", m.cols},
                           {"a", doublesToBase64(m.a)},
                           {"b", doublesToBase64(m.b)}});
    }
    OJson j = {{"optimizer_steps", s.optimizerSteps},
               {"epoch", s.epoch},
               {"step", s.step},
               {"samples_seen", s.samplesSeen},
               {"epoch_open", s.epochOpen},
               {"position", s.position},
               {"epoch_loss_sum", s.epochLossSum},
               {"epoch_count", s.epochCount},
               {"epoch_correct", s.epochCorrect},
               {"epoch_abs_err", s.epochAbsErr},
               {"loss_scale", s.lossScale},
               {"first_loss_seen", s.firstLossSeen},
               {"moments", moments}};
    if (!s.random.empty()) {
        OJson random = OJson::array();
        for (const StoredRandom &r : s.random)
            random.push_back({{"node", r.node}, {"state", r.state}});
        j["random"] = random; // Dropout's streams
    }
    return j;
}

/// A fitted normaliser (the inputs' or the target's), refused when a value is not a finite float.
OJson normalizerJson(const Normalizer &n, const std::string &key)
{
    OJson offset = OJson::array(), scale = OJson::array();
    // JSON has no infinity (nlohmann writes null, which no reader takes): refused here instead.
    const auto value = [&key](const Vector &v, Eigen::Index i, const char *what) {
        const double d = double(v(i));
        if (!(std::abs(d) <= io::kMaxFloat))
            throw ProjectError("", "/trained/" + key + "/" + std::string(what) + "/" + std::to_string(i),
                               "the normaliser's " + std::string(what) + " of feature " +
                                   std::to_string(i + 1) + " is " +
                                   (std::isnan(d)   ? "NaN"
                                    : std::isinf(d) ? "infinite"
                                                    : "beyond the range of a float") +
                                   "; it was fitted on data with values too large or not finite, and is "
                                   "never saved.");
        return d;
    };
    for (Eigen::Index i = 0; i < n.offset.size(); ++i)
        offset.push_back(value(n.offset, i, "offset"));
    for (Eigen::Index i = 0; i < n.scale.size(); ++i)
        scale.push_back(value(n.scale, i, "scale"));
    return {{"kind", toString(n.kind)}, {"offset", offset}, {"scale", scale}};
}

OJson trainedJson(const Project &p)
{
    OJson j = OJson::object();
    if (p.normalizer) j["normalizer"] = normalizerJson(*p.normalizer, "normalizer");
    if (p.targetScaler) j["target_scaler"] = normalizerJson(*p.targetScaler, "target_scaler");
    if (p.csvSchema) {
        OJson features = OJson::array();
        for (const CsvColumn &c : p.csvSchema->features)
            features.push_back(columnJson(c));
        j["csv_schema"] = {{"delimiter", io::delimiterName(p.csvSchema->delimiter)},
                           {"task", io::toString(p.csvSchema->task)},
                           {"target", columnJson(p.csvSchema->target)},
                           {"features", features}};
        if (!p.csvSchema->header) j["csv_schema"]["header"] = false;
    }
    OJson weights = OJson::array();
    for (std::size_t i = 0; i < p.weights.size(); ++i) {
        const StoredTensor &t = p.weights[i];
        // A diverged run's NaN would be saved and then predicted with; the reader refuses it too.
        if (const std::string problem = io::nonFiniteValue(t, p.graph); !problem.empty())
            throw ProjectError("", "/trained/weights/" + std::to_string(i),
                               problem + "; weights that are not finite numbers are never saved.");
        weights.push_back({{"node", t.node},
                           {"name", t.name},
                           {"rows", t.rows},
                           {"cols", t.cols},
                           {"data", floatsToBase64(t.values)}});
    }
    j["weights"] = weights;
    if (p.trainerState) j["run_state"] = runStateJson(*p.trainerState);
    return j;
}

OJson historyJson(const std::vector<EpochRecord> &history)
{
    OJson h = OJson::array();
    for (const EpochRecord &r : history) {
        OJson e = {
            {"epoch", r.epoch}, {"train_loss", number(r.trainLoss)}, {"train_metric", number(r.trainMetric)}};
        if (r.valLoss) e["val_loss"] = number(*r.valLoss);
        if (r.valMetric) e["val_metric"] = number(*r.valMetric);
        e["learning_rate"] = number(r.learningRate);
        h.push_back(std::move(e));
    }
    return h;
}

} // namespace

std::string projectToText(const Project &p)
{
    OJson j = {{"format", "nnp"},
               {"version", p.trainerState ? kProjectVersion : kProjectVersionWithoutTrainingState},
               {"name", p.name},
               {"description", p.description}};
    j["graph"] = graphJson(p.graph);
    j["data"] = dataJson(p.data);
    j["preprocessing"] = {{"normalization", toString(p.preprocessing.normalization)},
                          {"split",
                           {{"validation", p.preprocessing.split.validation},
                            {"test", p.preprocessing.split.test},
                            {"stratify", p.preprocessing.split.stratify},
                            {"seed", p.preprocessing.split.seed}}}};
    if (p.preprocessing.scaleTarget) j["preprocessing"]["scale_target"] = true;
    j["training"] = trainingJson(p.training);
    if (p.expect) {
        OJson e = {{"split", toString(p.expect->split)}, {"metric", toString(p.expect->metric)}};
        if (p.expect->min) e["min"] = *p.expect->min;
        if (p.expect->max) e["max"] = *p.expect->max;
        j["expect"] = e;
    }
    if (!p.weights.empty() || p.normalizer || p.targetScaler || p.csvSchema) j["trained"] = trainedJson(p);
    if (!p.history.empty()) j["history"] = historyJson(p.history);
    if (p.lesson) j["lesson"] = io::lessonJson(*p.lesson);
    // replace: a name with broken UTF-8 (pasted from elsewhere) must not make saving fail.
    return j.dump(2, ' ', false, OJson::error_handler_t::replace) + "\n";
}

} // namespace nnp
