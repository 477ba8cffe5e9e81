// The trained model inside a project: which tensors a graph needs, storing and restoring them, and the data a
// project trains on.
#include "io/project.h"
#include "io/project_format.h"
#include "train/fit_check.h"
#include "train/network.h"

#include "checked.h"
#include "data/idx.h"
#include "data/text_columns.h"
#include "layers/embedding.h"
#include "layers/layer_registry.h"
#include "layers/simple_layers.h"

#include <cmath>
#include <set>

namespace nnp {

namespace {

struct ExpectedTensor {
    NodeId node = 0;
    std::string nodeName, name;
    long long rows = 0, cols = 0;
};

/// What Network::build would allocate for parameters and state, from the inferred shapes only (nothing is
/// allocated, so a hostile file cannot make us build a huge network just to compare against it).
std::vector<ExpectedTensor> expectedTensors(const GraphSpec &g, const ValidationResult &v)
{
    std::vector<ExpectedTensor> r;
    for (const NodeSpec &n : g.nodes) {
        const LayerKindInfo &info = layerKind(n.kind);
        if (!info.hasParameters()) continue;
        std::vector<Shape> in;
        for (const EdgeSpec &e : g.inputsOf(n.id))
            if (v.shapes.count(e.from)) in.push_back(v.shapes.at(e.from));
        if (in.empty()) continue;
        for (const ParamShape &p : info.parameters(n.options, in))
            r.push_back({n.id, n.name, p.name, p.rows, p.cols});
    }
    return r;
}

std::string describeNode(NodeId id, const std::string &name)
{
    return "node " + std::to_string(id) + (name.empty() ? std::string() : " \"" + name + "\"");
}

} // namespace

std::string io::nonFiniteValue(const StoredTensor &t, const GraphSpec &graph)
{
    for (std::size_t i = 0; i < t.values.size(); ++i) {
        const float v = t.values[i];
        if (std::isfinite(v)) continue;
        const NodeSpec *n = graph.find(t.node);
        return "the tensor \"" + t.name + "\" of " + describeNode(t.node, n ? n->name : std::string()) +
               " holds " +
               (std::isnan(v) ? "NaN"
                : v > 0       ? "infinity"
                              : "-infinity") +
               " at index " + std::to_string(i);
    }
    return {};
}

namespace {

long long inputSizeOf(const ValidationResult &v)
{
    long long n = 0;
    for (NodeId id : v.inputs)
        if (v.shapes.count(id)) n = saturatingAdd(n, v.shapes.at(id).size());
    return n;
}

long long featureCount(const CsvSchema &s)
{
    long long n = 0;
    for (const CsvColumn &c : s.features)
        n += c.width();
    return n;
}

Matrix gatherColumns(const Matrix &x, const std::vector<int> &idx)
{
    Matrix r(x.rows(), static_cast<Eigen::Index>(idx.size()));
    for (std::size_t i = 0; i < idx.size(); ++i)
        r.col(static_cast<Eigen::Index>(i)) = x.col(idx[i]);
    return r;
}

std::filesystem::path resolve(const std::string &path, const std::filesystem::path &baseDir)
{
    const std::filesystem::path p(path);
    return p.is_absolute() || baseDir.empty() ? p : baseDir / p;
}

std::string requireFile(const std::string &path, const std::filesystem::path &baseDir, const char *jsonPath,
                        const char *what)
{
    if (path.empty()) throw ProjectError("", jsonPath, std::string("no ") + what + " is chosen.");
    const std::filesystem::path full = resolve(path, baseDir);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(full, ec))
        throw ProjectError(
            full.string(), jsonPath,
            std::string("the ") + what + " \"" + path + "\" does not exist" +
                (baseDir.empty() ? std::string(".") : " (looked in " + baseDir.string() + ")."));
    return full.string();
}

/// Targets in the layout the loss expects, after checking that the data's task suits the loss.
Matrix targetsFor(const Dataset &d, const std::vector<int> &idx, const LossParams &loss)
{
    if (d.task == TaskKind::Classification) {
        std::vector<int> labels;
        labels.reserve(idx.size());
        for (int i : idx)
            labels.push_back(d.labels[static_cast<std::size_t>(i)]);
        return classTargets(loss.kind, labels, d.classes);
    }
    return gatherColumns(d.targets, idx);
}

/// Rows of the network's input that hold ids (Inputs whose values are ids), with the Embedding each feeds, if
/// any: one place for what prepareData does with ids.
struct IdRows {
    Eigen::Index first = 0, count = 0;
    const NodeSpec *embedding = nullptr;
};

std::vector<IdRows> idRowsOf(const GraphSpec &g, const ValidationResult &v)
{
    std::vector<IdRows> r;
    Eigen::Index offset = 0;
    for (NodeId id : v.inputs) {
        const auto size = static_cast<Eigen::Index>(v.shapes.count(id) ? v.shapes.at(id).size() : 0);
        const NodeSpec &in = *g.find(id);
        if (in.options.get(opt::input::values) == InputValues::Ids) {
            IdRows rows{offset, size, nullptr};
            for (const EdgeSpec &e : g.outputsOf(id))
                if (g.find(e.to)->kind == LayerKind::Embedding) rows.embedding = g.find(e.to);
            r.push_back(rows);
        }
        offset += size;
    }
    return r;
}

/// Every id an Embedding will look up lies in its vocabulary: checked once on the whole data, so that a bad
/// id is reported with the sample it is in before training starts.
void checkIds(const ValidationResult &v, const GraphSpec &g, const Dataset &full)
{
    for (const IdRows &rows : idRowsOf(g, v)) {
        if (!rows.embedding) continue;
        const int vocab = rows.embedding->options.get(opt::embedding::inputDim);
        for (Eigen::Index c = 0; c < full.x.cols(); ++c)
            for (Eigen::Index r = rows.first; r < rows.first + rows.count; ++r) {
                const Scalar id = full.x(r, c);
                if (!(id >= 0 && id < static_cast<Scalar>(vocab)) || id != std::floor(id))
                    throw InvalidIdError(rows.embedding->name, static_cast<double>(id), c, vocab);
            }
    }
}

/// Refuses data that does not fit the network and its loss (the rules of core/train/fit_check.h), with the
/// English text of every error.
void checkFit(const Project &p, const Dataset &full)
{
    const ValidationResult v = validate(p.graph);
    if (!v.ok()) return; // the graph's own problems are reported when it is built
    const DataFacts facts = dataFacts(full);
    std::string errors;
    for (const FitProblem &f : fitProblems(p.graph, v, p.training.loss, &facts))
        if (f.diagnostic.severity == Severity::Error)
            errors += (errors.empty() ? "" : "\n") + f.diagnostic.message();
    if (!errors.empty()) throw std::invalid_argument(errors);
    checkIds(v, p.graph, full);
}

} // namespace

std::string checkWeightsAgainstGraph(const Project &project)
{
    if (project.weights.empty()) return {};
    const ValidationResult v = validate(project.graph);
    if (!v.ok())
        return "trained weights are stored, but the graph has errors, so they cannot belong to it: " +
               v.summary();
    const auto expected = expectedTensors(project.graph, v);
    std::set<std::pair<NodeId, std::string>> wanted;
    for (const ExpectedTensor &e : expected) {
        wanted.insert({e.node, e.name});
        const StoredTensor *found = nullptr;
        for (const StoredTensor &t : project.weights)
            if (t.node == e.node && t.name == e.name) found = &t;
        if (!found)
            return "the tensor \"" + e.name + "\" of " + describeNode(e.node, e.nodeName) + " is missing.";
        if (found->rows != e.rows || found->cols != e.cols)
            return "the tensor \"" + e.name + "\" of " + describeNode(e.node, e.nodeName) + " is " +
                   std::to_string(found->rows) + " x " + std::to_string(found->cols) +
                   ", but the graph needs " + std::to_string(e.rows) + " x " + std::to_string(e.cols) + ".";
        if (static_cast<long long>(found->values.size()) != saturatingMul(e.rows, e.cols))
            return "the tensor \"" + e.name + "\" of " + describeNode(e.node, e.nodeName) + " holds " +
                   std::to_string(found->values.size()) + " values instead of " +
                   std::to_string(e.rows * e.cols) + ".";
    }
    for (const StoredTensor &t : project.weights)
        if (!wanted.count({t.node, t.name}))
            return "the tensor \"" + t.name + "\" of node " + std::to_string(t.node) +
                   " does not belong to the graph (that layer has no such parameter).";
    const long long inputs = inputSizeOf(v);
    if (project.normalizer && !project.normalizer->isIdentity() &&
        project.normalizer->offset.size() != inputs)
        return "the normaliser has " + std::to_string(project.normalizer->offset.size()) +
               " features, but the network takes " + std::to_string(inputs) + " inputs.";
    if (project.csvSchema && featureCount(*project.csvSchema) != inputs)
        return "the CSV schema encodes " + std::to_string(featureCount(*project.csvSchema)) +
               " features, but the network takes " + std::to_string(inputs) + " inputs.";
    return {};
}

Matrix networkInputs(const Project &project, const Normalizer *normalizer, const Matrix &raw)
{
    Matrix x =
        project.data.kind == DataSourceKind::Generator ? engineerFeatures(raw, project.data.features) : raw;
    if (normalizer && !normalizer->isIdentity()) {
        if (normalizer->offset.size() != x.rows())
            throw std::invalid_argument("The normaliser takes " + std::to_string(normalizer->offset.size()) +
                                        " features, but the input has " + std::to_string(x.rows()) + ".");
        normalizer->applyInPlace(x);
    }
    return x;
}

PreparedData prepareData(const Project &project, const std::filesystem::path &baseDir,
                         const Normalizer *fitted)
{
    PreparedData d;
    const DataSource &src = project.data;
    std::optional<Dataset> separateTest;
    std::vector<CsvRowSplit> rowSplit; // a CSV's split column or test file
    switch (src.kind) {
    case DataSourceKind::Generator:
        d.full = withFeatures(generate(src.generator), src.features);
        break;
    case DataSourceKind::Csv: {
        const std::string testFile =
            src.csv.testPath.empty()
                ? std::string()
                : requireFile(src.csv.testPath, baseDir, "/data/csv/test_path", "CSV test file");
        CsvData csv = loadCsvForTraining(requireFile(src.path, baseDir, "/data/path", "CSV file"), src.csv,
                                         project.preprocessing.split, testFile);
        d.full = std::move(csv.data);
        d.csvSchema = std::move(csv.schema);
        d.csvMissing = csv.missing;
        rowSplit = std::move(csv.rowSplit);
        break;
    }
    case DataSourceKind::Idx:
        d.full = loadIdx(requireFile(src.images, baseDir, "/data/images", "IDX image file"),
                         requireFile(src.labels, baseDir, "/data/labels", "IDX label file"));
        if (src.testImages.empty() != src.testLabels.empty())
            throw ProjectError("", src.testImages.empty() ? "/data/test_images" : "/data/test_labels",
                               "separate test data needs both an image file and a label file.");
        if (!src.testImages.empty())
            separateTest =
                loadIdx(requireFile(src.testImages, baseDir, "/data/test_images", "IDX test image file"),
                        requireFile(src.testLabels, baseDir, "/data/test_labels", "IDX test label file"));
        break;
    }
    checkFit(project, d.full);
    SplitConfig split = project.preprocessing.split;
    if (separateTest) {
        if (separateTest->features() != d.full.features())
            throw std::invalid_argument("The test images have " + std::to_string(separateTest->features()) +
                                        " pixels, the training images " + std::to_string(d.full.features()) +
                                        ".");
        split.test = 0;
    }
    d.split = splitCsvRows(d.full, rowSplit, split);
    if (fitted) {
        if (!fitted->isIdentity() && fitted->offset.size() != d.full.features())
            throw std::invalid_argument("The stored normaliser has " + std::to_string(fitted->offset.size()) +
                                        " features, but the data has " + std::to_string(d.full.features()) +
                                        ".");
        d.normalizer = *fitted;
    } else {
        d.normalizer = Normalizer::fit(project.preprocessing.normalization, d.full.x, d.split.train);
        if (!d.normalizer.isIdentity()) // ids are looked up, never scaled
            if (const ValidationResult v = validate(project.graph); v.ok())
                for (const IdRows &rows : idRowsOf(project.graph, v)) {
                    d.normalizer.offset.segment(rows.first, rows.count).setZero();
                    d.normalizer.scale.segment(rows.first, rows.count).setOnes();
                }
    }
    if (d.full.task == TaskKind::Regression && project.preprocessing.scaleTarget) {
        if (fitted && project.targetScaler) {
            if (project.targetScaler->offset.size() != d.full.targets.rows())
                throw std::invalid_argument("The stored target scaling has " +
                                            std::to_string(project.targetScaler->offset.size()) +
                                            " values, but the data has " +
                                            std::to_string(d.full.targets.rows()) + " targets per sample.");
            d.targetScaler = *project.targetScaler;
        } else {
            d.targetScaler = Normalizer::fit(NormalizationKind::ZScore, d.full.targets, d.split.train);
        }
    }
    const LossParams &loss = project.training.loss;
    const auto make = [&](const Dataset &from, const std::vector<int> &idx) {
        TrainData t;
        t.x = gatherColumns(from.x, idx);
        if (!d.normalizer.isIdentity()) d.normalizer.applyInPlace(t.x);
        t.y = targetsFor(from, idx, loss);
        if (from.task == TaskKind::Regression && !d.targetScaler.isIdentity())
            d.targetScaler.applyInPlace(t.y);
        return t;
    };
    d.train = make(d.full, d.split.train);
    d.validation = make(d.full, d.split.validation);
    if (separateTest) {
        std::vector<int> all(static_cast<std::size_t>(separateTest->size()));
        for (std::size_t i = 0; i < all.size(); ++i)
            all[i] = static_cast<int>(i);
        d.test = make(*separateTest, all);
    } else {
        d.test = make(d.full, d.split.test);
    }
    return d;
}

void storeWeights(Project &project, Network &net, const Normalizer &normalizer)
{
    project.weights.clear();
    project.trainerState.reset();
    for (const auto &params : {net.parameters(), net.state()})
        for (const NodeParam &p : params) {
            StoredTensor t;
            t.node = p.id;
            t.name = p.ref.name;
            t.rows = static_cast<int>(p.ref.value->rows());
            t.cols = static_cast<int>(p.ref.value->cols());
            t.values.resize(static_cast<std::size_t>(p.ref.value->size()));
            for (Eigen::Index i = 0; i < p.ref.value->size(); ++i)
                t.values[static_cast<std::size_t>(i)] = static_cast<float>(p.ref.value->data()[i]);
            project.weights.push_back(std::move(t));
        }
    project.normalizer = normalizer;
}

void storeTrainedModel(Project &project, Network &net, const PreparedData &data)
{
    storeWeights(project, net, data.normalizer);
    project.csvSchema = data.csvSchema;
    if (data.targetScaler.isIdentity())
        project.targetScaler.reset();
    else
        project.targetScaler = data.targetScaler;
}

void restoreWeights(const Project &project, Network &net)
{
    // Everything is matched first, so a mismatch leaves the network untouched.
    std::vector<std::pair<const StoredTensor *, Matrix *>> plan;
    std::set<const StoredTensor *> used;
    for (const auto &params : {net.parameters(), net.state()})
        for (const NodeParam &p : params) {
            const StoredTensor *found = nullptr;
            for (const StoredTensor &t : project.weights)
                if (t.node == p.id && t.name == p.ref.name) found = &t;
            if (!found)
                throw ProjectError("", "/trained/weights",
                                   "no stored tensor \"" + p.ref.name + "\" for " +
                                       describeNode(p.id, p.nodeName) + "; train the project first.");
            if (found->rows != p.ref.value->rows() || found->cols != p.ref.value->cols() ||
                static_cast<Eigen::Index>(found->values.size()) != p.ref.value->size())
                throw ProjectError("", "/trained/weights",
                                   "the stored tensor \"" + p.ref.name + "\" of " +
                                       describeNode(p.id, p.nodeName) + " is " + std::to_string(found->rows) +
                                       " x " + std::to_string(found->cols) + ", but the network needs " +
                                       std::to_string(p.ref.value->rows()) + " x " +
                                       std::to_string(p.ref.value->cols()) + ".");
            plan.emplace_back(found, p.ref.value);
            used.insert(found);
        }
    if (used.size() != project.weights.size())
        throw ProjectError("", "/trained/weights", "some stored tensors do not belong to this network.");
    for (auto &[t, m] : plan)
        for (Eigen::Index i = 0; i < m->size(); ++i)
            m->data()[i] = static_cast<Scalar>(t->values[static_cast<std::size_t>(i)]);
}

} // namespace nnp
