#include "export/export_model.h"

#include "checked.h"
#include "layers/embedding.h"
#include "layers/layer_registry.h"
#include "layers/step_mask.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <fstream>
#include <set>
#include <system_error>

namespace nnp {

const ExportTensor &ExportNode::tensor(std::string_view tensorName) const
{
    for (const auto &t : tensors)
        if (t.name == tensorName) return t;
    throw ExportError(label() + " has no trained tensor '" + std::string(tensorName) +
                      "' — train the network (or load its weights) before exporting.");
}

void attachCsvSchema(ExportModel &model, const CsvSchema &schema)
{
    model.csvColumns = schema.features;
    model.meaning.raw = schema.features.empty() ? RawInputKind::Encoded : RawInputKind::Csv;
}

std::string ExportNode::label() const
{
    return std::string(toString(kind)) + " '" + name + "'";
}

int ExportModel::inputSize() const
{
    int n = 0;
    for (int i : inputs)
        n += nodes.at(static_cast<std::size_t>(i)).size;
    return n;
}

int ExportModel::inputOffset(std::size_t k) const
{
    int n = 0;
    for (std::size_t j = 0; j < k; ++j)
        n += nodes.at(static_cast<std::size_t>(inputs.at(j))).size;
    return n;
}

namespace {

// The kind's own export shape (layer_registry.h: ParamShape::exportDims) when it declares one; else a column
// becomes 1-D ([n]) and a matrix stays [rows, cols]. The values are the matrix row by row either way.
ExportTensor toExportTensor(const std::string &name, const Matrix &m, const std::vector<ParamShape> &layout)
{
    ExportTensor t;
    t.name = name;
    for (const ParamShape &p : layout)
        if (p.name == name && !p.exportDims.empty()) t.shape = p.exportDims;
    long long declared = 1;
    for (int d : t.shape)
        declared = saturatingMul(declared, d);
    if (t.shape.empty() || declared != m.size()) {
        if (m.cols() == 1)
            t.shape = {checkedInt(m.rows(), "A tensor's length")};
        else
            t.shape = {checkedInt(m.rows(), "A tensor's rows"), checkedInt(m.cols(), "A tensor's columns")};
    }
    t.values.reserve(static_cast<std::size_t>(m.size()));
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            t.values.push_back(static_cast<float>(m(r, c)));
    return t;
}

// Names the scripts define themselves, and nn.Module / keras.Model attributes a layer must not shadow.
const std::set<std::string, std::less<>> &reservedNames()
{
    static const std::set<std::string, std::less<>> names = {
        // Python keywords and soft keywords
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
        "match", "case", "type", "float",
        // the generated scripts' own names
        "torch", "nn", "F", "np", "tf", "keras", "layers", "json", "sys", "csv", "argparse", "math", "Path",
        "Model", "Normalize", "self", "model", "main", "load_weights", "read_csv", "split_inputs",
        "build_model", "WEIGHTS_FILE", "N_INPUTS", "INPUT_SIZES", "EXPECTED_SHAPES", "input_offset",
        "input_scale", "inputs", "outputs", "args", "parser", "io", "os", "random", "dist", "DDP",
        "RAW_COLUMNS", "ENGINEERED", "engineer", "read_raw_csv", "encode_text", "tokenize", "TASK", "LOSS",
        "CLASS_NAMES", "TARGET_NAMES", "class_probabilities", "print_predictions", "predict_command",
        "train_command", "read_training_csv",
        // nn.Module attributes
        "training", "forward", "train", "eval", "to", "cpu", "cuda", "double", "half", "bfloat16", "apply",
        "parameters", "buffers", "children", "modules", "state_dict", "load_state_dict", "zero_grad",
        "register_buffer", "register_parameter", "add_module", "named_parameters", "named_buffers",
        "named_children", "named_modules", "extra_repr", "requires_grad_", "share_memory", "get_parameter",
        "get_buffer", "get_submodule", "to_empty", "dump_patches", "register_module", "ipu", "xpu",
        // keras.Model attributes
        "layers", "weights", "fit", "predict", "compile", "summary", "save", "get_layer", "name", "call",
        "build", "evaluate", "optimizer", "loss", "metrics", "variables", "trainable", "dtype"};
    return names;
}

} // namespace

std::string makeIdentifier(std::string_view name)
{
    std::string s;
    for (char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) && c < 128)
            s += ch;
        else if (!s.empty() && s.back() != '_')
            s += '_';
    }
    while (!s.empty() && s.back() == '_')
        s.pop_back();
    if (s.empty()) s = "node";
    if (std::isdigit(static_cast<unsigned char>(s.front()))) s = "n_" + s;
    if (reservedNames().count(s)) s += "_";
    return s;
}

std::string formatNumber(double v)
{
    std::array<char, 64> buf{};
    auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return ec == std::errc() ? std::string(buf.data(), end) : std::string("nan");
}

std::string formatFloat(float v)
{
    std::array<char, 64> buf{};
    auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return ec == std::errc() ? std::string(buf.data(), end) : std::string("nan");
}

ExportModel describeNetwork(Network &net, const Normalizer &normalizer, std::string modelName)
{
    ExportModel m;
    m.name = std::move(modelName);
    std::set<std::string> used;
    for (const auto &n : net.nodes()) {
        ExportNode e;
        e.id = n.id;
        e.name = n.name;
        e.kind = n.kind;
        const NodeSpec *spec = net.spec().find(n.id);
        if (!spec)
            throw ExportError("Node " + std::to_string(n.id) + " is missing from the network's graph.");
        e.options = spec->options;
        e.inputs = n.inputs;
        e.shape = n.shape;
        e.size = checkedInt(n.shape.size(), "A layer's size");
        std::string ident = makeIdentifier(n.name);
        for (int k = 2; used.count(ident); ++k)
            ident = makeIdentifier(n.name) + "_" + std::to_string(k);
        used.insert(ident);
        e.ident = ident;
        if (const auto from = stepMaskSource(net.spec(), n.id)) e.maskFrom = net.nodeIndex(*from);
        m.nodes.push_back(std::move(e));
    }
    std::vector<std::vector<ParamShape>> layouts(net.nodes().size());
    for (std::size_t i = 0; i < net.nodes().size(); ++i) {
        const auto &n = net.nodes()[i];
        const LayerKindInfo &info = layerKind(n.kind);
        if (!info.parameters) continue;
        std::vector<Shape> in;
        for (int p : n.inputs)
            in.push_back(net.nodes().at(static_cast<std::size_t>(p)).shape);
        layouts[i] = info.parameters(m.nodes[i].options, in);
    }
    for (auto &p : net.parameters()) {
        auto &node = m.nodes.at(static_cast<std::size_t>(p.node));
        if (!p.ref.value->allFinite())
            throw ExportError(node.label() +
                              " has weights that are not finite numbers (the training diverged) — "
                              "reset and train again with a lower learning rate before exporting.");
        node.tensors.push_back(
            toExportTensor(p.ref.name, *p.ref.value, layouts.at(static_cast<std::size_t>(p.node))));
        // The padding id's vector is zero (the layer outputs zero for it): exports that read the table's
        // row 0 as it is (ONNX Gather, PyTorch's padding_idx, Keras) must find zeros there.
        if (node.kind == LayerKind::Embedding && node.options.get(opt::embedding::maskZero)) {
            ExportTensor &t = node.tensors.back();
            std::fill_n(t.values.begin(),
                        std::min<std::size_t>(t.values.size(), static_cast<std::size_t>(t.shape.back())),
                        0.0f);
        }
    }
    for (auto &p : net.state()) {
        auto &node = m.nodes.at(static_cast<std::size_t>(p.node));
        if (!p.ref.value->allFinite())
            throw ExportError(node.label() + " has a running statistic \"" + p.ref.name +
                              "\" that is not a finite number (the training diverged) — reset and train "
                              "again with a lower learning rate before exporting.");
        node.tensors.push_back(
            toExportTensor(p.ref.name, *p.ref.value, layouts.at(static_cast<std::size_t>(p.node))));
    }
    m.inputs = net.inputNodes();
    m.output = net.outputNode();

    if (!normalizer.isIdentity()) {
        if (normalizer.offset.size() != net.inputSize() || normalizer.scale.size() != net.inputSize())
            throw ExportError("The input normalisation has " + std::to_string(normalizer.offset.size()) +
                              " features but the network takes " + std::to_string(net.inputSize()) +
                              " inputs — retrain so that they match.");
        for (Eigen::Index i = 0; i < normalizer.offset.size(); ++i) {
            m.offset.push_back(static_cast<float>(normalizer.offset(i)));
            m.scale.push_back(static_cast<float>(normalizer.scale(i)));
        }
    }
    return m;
}

void writeFileAtomic(const std::filesystem::path &file, std::string_view bytes)
{
    std::filesystem::path tmp = file;
    tmp += ".tmp-export";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw ExportError("Cannot write '" + file.string() +
                              "': the folder does not exist or is read-only.");
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            throw ExportError("Writing '" + file.string() + "' failed (disk full?).");
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        const std::string why = ec.message(); // before the clean-up reuses ec
        std::filesystem::remove(tmp, ec);
        throw ExportError("Cannot replace '" + file.string() + "': " + why);
    }
}

} // namespace nnp
