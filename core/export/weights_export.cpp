#include "export/weights_export.h"

#include <nlohmann/json.hpp>

#include <system_error>

namespace nnp {

namespace {

std::string quoted(const std::string &s)
{
    return nlohmann::json(s).dump();
}

// Written by hand rather than through nlohmann::json so each float keeps its shortest exact text
// (a json number is a double and would print 0.10000000149011612 for 0.1f).
void appendFloats(std::string &out, const std::vector<float> &v)
{
    out += '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out += ", ";
        out += formatFloat(v[i]);
    }
    out += ']';
}

void appendInts(std::string &out, const std::vector<int> &v)
{
    out += '[';
    for (std::size_t i = 0; i < v.size(); ++i)
        out += (i ? ", " : "") + std::to_string(v[i]);
    out += ']';
}

std::string csvField(const std::string &s)
{
    if (s.find_first_of(",;\"\n\r") == std::string::npos) return s;
    std::string r = "\"";
    for (char c : s)
        r += c == '"' ? std::string("\"\"") : std::string(1, c);
    return r + "\"";
}

} // namespace

std::string weightsJson(const ExportModel &model)
{
    std::string j = "{\n  \"format\": \"nnp-weights\",\n  \"version\": 1,\n";
    j += "  \"model\": " + quoted(model.name) + ",\n";
    j += "  \"layout\": \"row-major; a Dense weight is [units, inputs] like torch.nn.Linear\",\n";
    j += "  \"inputs\": [";
    for (std::size_t k = 0; k < model.inputs.size(); ++k) {
        const ExportNode &n = model.nodes.at(static_cast<std::size_t>(model.inputs[k]));
        j += std::string(k ? ", " : "") + "{\"node\": " + quoted(n.ident) +
             ", \"node_name\": " + quoted(n.name) + ", \"size\": " + std::to_string(n.size) + "}";
    }
    j += "],\n  \"output_size\": " + std::to_string(model.outputSize()) + ",\n";
    j += "  \"normalization\": ";
    if (model.normalized()) {
        j += "{\n    \"offset\": ";
        appendFloats(j, model.offset);
        j += ",\n    \"scale\": ";
        appendFloats(j, model.scale);
        j += "\n  },\n";
    } else {
        j += "null,\n";
    }
    if (model.scalesOutput()) { // predictions = outputs * gain + bias (a scaled regression target)
        j += "  \"target_scaling\": {\n    \"gain\": ";
        appendFloats(j, model.outputGain);
        j += ",\n    \"bias\": ";
        appendFloats(j, model.outputBias);
        j += "\n  },\n";
    }
    j += "  \"tensors\": [";
    bool first = true;
    for (const auto &n : model.nodes)
        for (const auto &t : n.tensors) {
            j += first ? "\n" : ",\n";
            first = false;
            j += "    {\"node\": " + quoted(n.ident) + ", \"node_name\": " + quoted(n.name) +
                 ", \"node_id\": " + std::to_string(n.id) +
                 ", \"kind\": " + quoted(std::string(toString(n.kind))) + ", \"name\": " + quoted(t.name) +
                 ", \"shape\": ";
            appendInts(j, t.shape);
            j += ",\n     \"values\": ";
            appendFloats(j, t.values);
            j += "}";
        }
    j += "\n  ]\n}\n";
    return j;
}

void writeWeightsJson(const ExportModel &model, const std::filesystem::path &file)
{
    writeFileAtomic(file, weightsJson(model));
}

void writeWeightsCsv(const ExportModel &model, const std::filesystem::path &dir)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec || !std::filesystem::is_directory(dir))
        throw ExportError("Cannot create the folder '" + dir.string() + "' for the weight files.");
    std::string index = "file,node,node_name,kind,tensor,shape\n";
    for (const auto &n : model.nodes)
        for (const auto &t : n.tensors) {
            const std::string file = n.ident + "." + t.name + ".csv";
            const int cols = t.shape.size() == 2 ? t.shape[1] : 1;
            std::string text;
            for (std::size_t i = 0; i < t.values.size(); ++i) {
                text += formatFloat(t.values[i]);
                text += (static_cast<int>(i % static_cast<std::size_t>(cols)) == cols - 1) ? "\n" : ",";
            }
            writeFileAtomic(dir / file, text);
            std::string shape;
            for (std::size_t d = 0; d < t.shape.size(); ++d)
                shape += (d ? "x" : "") + std::to_string(t.shape[d]);
            index += file + "," + n.ident + "," + csvField(n.name) + "," + std::string(toString(n.kind)) +
                     "," + t.name + "," + shape + "\n";
        }
    if (model.normalized()) {
        std::string text = "feature,offset,scale\n";
        for (std::size_t i = 0; i < model.offset.size(); ++i)
            text += std::to_string(i) + "," + formatFloat(model.offset[i]) + "," +
                    formatFloat(model.scale[i]) + "\n";
        writeFileAtomic(dir / "normalization.csv", text);
        index += "normalization.csv,,,,normalization," + std::to_string(model.offset.size()) + "\n";
    }
    writeFileAtomic(dir / "tensors.csv", index);
}

std::string datasetCsv(const Dataset &data, const SplitIndices *split)
{
    const int features = data.features();
    std::string out;
    for (int f = 0; f < features; ++f) {
        const auto i = static_cast<std::size_t>(f);
        out += (f ? "," : "") +
               csvField(i < data.featureNames.size() ? data.featureNames[i] : "x" + std::to_string(f + 1));
    }
    const bool classification = data.task == TaskKind::Classification;
    const int targets = classification ? 1 : static_cast<int>(data.targets.rows());
    if (classification) {
        out += std::string(features ? "," : "") + "label";
    } else {
        for (int t = 0; t < targets; ++t) {
            const auto i = static_cast<std::size_t>(t);
            out += "," +
                   csvField(i < data.targetNames.size() ? data.targetNames[i] : "y" + std::to_string(t + 1));
        }
    }
    std::vector<const char *> part;
    if (split) {
        out += ",split";
        part.assign(static_cast<std::size_t>(data.size()), "unused");
        auto mark = [&](const std::vector<int> &idx, const char *name) {
            for (int i : idx)
                if (i >= 0 && i < data.size()) part[static_cast<std::size_t>(i)] = name;
        };
        mark(split->train, "train");
        mark(split->validation, "validation");
        mark(split->test, "test");
    }
    out += '\n';
    for (int s = 0; s < data.size(); ++s) {
        for (int f = 0; f < features; ++f)
            out += (f ? "," : "") + formatFloat(static_cast<float>(data.x(f, s)));
        if (classification) {
            const auto label =
                s < static_cast<int>(data.labels.size()) ? data.labels[static_cast<std::size_t>(s)] : -1;
            const bool named = label >= 0 && label < static_cast<int>(data.classNames.size());
            out += "," + (named ? csvField(data.classNames[static_cast<std::size_t>(label)])
                                : std::to_string(label));
        } else {
            for (int t = 0; t < targets; ++t)
                out += "," + formatFloat(static_cast<float>(data.targets(t, s)));
        }
        if (split) out += std::string(",") + part[static_cast<std::size_t>(s)];
        out += '\n';
    }
    return out;
}

void writeDatasetCsv(const Dataset &data, const std::filesystem::path &file, const SplitIndices *split)
{
    writeFileAtomic(file, datasetCsv(data, split));
}

} // namespace nnp
