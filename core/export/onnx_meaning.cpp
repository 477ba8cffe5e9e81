#include "export/onnx_meaning.h"

#include "export/code_export_common.h"
#include "export/project_meaning.h"

namespace nnp {

namespace {

using codegen::pyString; // JSON's string escaping

std::string jsonArray(const std::vector<std::string> &values)
{
    std::string r = "[";
    for (std::size_t k = 0; k < values.size(); ++k)
        r += (k ? ", " : "") + pyString(values[k]);
    return r + "]";
}

std::string jsonInts(const std::vector<int> &values)
{
    std::string r = "[";
    for (std::size_t k = 0; k < values.size(); ++k)
        r += (k ? ", " : "") + std::to_string(values[k]);
    return r + "]";
}

std::string columnJson(const CsvColumn &c)
{
    std::string r = "{\"name\": " + pyString(c.name) + ", \"type\": ";
    if (c.text())
        return r + "\"text\", \"length\": " + std::to_string(c.textLength) +
               ", \"padding_id\": 0, \"unknown_id\": 1, \"first_word_id\": 2, \"vocabulary\": " +
               jsonArray(c.categories) + "}";
    if (c.ids)
        return r + "\"ids\", \"unknown_id\": " + std::to_string(kUnknownId) +
               ", \"first_id\": 1, \"values\": " + jsonArray(c.categories) + "}";
    if (c.categorical) return r + "\"categories\", \"one_hot\": " + jsonArray(c.categories) + "}";
    return r + "\"number\"}";
}

/// "a, b, c", or the first and last few of a long list.
std::string listText(const std::vector<std::string> &names, std::size_t from, std::size_t count)
{
    std::string r;
    const std::size_t end = std::min(names.size(), from + count);
    for (std::size_t k = from; k < end; ++k) {
        if (end - from > 8 && k == from + 3) {
            r += ", …";
            k = end - 3;
        }
        r += (k > from ? ", " : "") + names[k];
    }
    return r;
}

void addProp(onnx::ModelProto &proto, const std::string &key, const std::string &value)
{
    auto *p = proto.add_metadata_props();
    p->set_key(key);
    p->set_value(value);
}

bool hasText(const ExportModel &m)
{
    for (const CsvColumn &c : m.csvColumns)
        if (c.text()) return true;
    return false;
}

} // namespace

std::string onnxOutputName(const ExportModel &m)
{
    const ExportMeaning &e = m.meaning;
    std::string name;
    if (e.task == "classification")
        name = outputIsProbability(m) ? "probabilities" : "scores";
    else if (e.task == "regression" && !e.targetNames.empty())
        name = e.targetNames.size() == 1 ? makeIdentifier(e.targetNames.front()) : "predictions";
    for (const ExportNode &n : m.nodes)
        if (n.ident == name || n.ident.rfind(name + "/", 0) == 0) return {};
    return name;
}

std::string rawInputJson(const ExportModel &m)
{
    const ExportMeaning &e = m.meaning;
    switch (e.raw) {
    case RawInputKind::Csv: {
        std::string r = "{\"kind\": \"csv\", \"columns\": [";
        for (std::size_t k = 0; k < m.csvColumns.size(); ++k)
            r += (k ? ", " : "") + columnJson(m.csvColumns[k]);
        return r + "]" +
               (e.imageShape.empty() ? std::string() : ", \"image_shape\": " + jsonInts(e.imageShape)) + "}";
    }
    case RawInputKind::Plane:
        return "{\"kind\": \"plane\", \"columns\": [\"x1\", \"x2\"], \"features\": " +
               jsonArray(e.engineered) + "}";
    case RawInputKind::Pixels:
        return "{\"kind\": \"pixels\", \"range\": [0, 255]" +
               (e.imageShape.empty() ? std::string() : ", \"shape\": " + jsonInts(e.imageShape)) + "}";
    case RawInputKind::Encoded:
        break;
    }
    return "{\"kind\": \"features\"}";
}

void addOnnxMeaning(onnx::ModelProto &proto, const ExportModel &m)
{
    const ExportMeaning &e = m.meaning;
    addProp(proto, "nnp.project", m.name);
    if (!e.description.empty()) addProp(proto, "nnp.description", e.description);
    if (!e.task.empty()) addProp(proto, "nnp.task", e.task);
    if (!e.loss.empty()) addProp(proto, "nnp.loss", e.loss);
    if (!e.featureNames.empty()) addProp(proto, "nnp.feature_names", jsonArray(e.featureNames));
    if (!e.classNames.empty()) addProp(proto, "nnp.class_names", jsonArray(e.classNames));
    if (!e.targetNames.empty()) addProp(proto, "nnp.target_names", jsonArray(e.targetNames));
    addProp(proto, "nnp.normalization", m.normalized() ? e.normalization : std::string("none"));
    addProp(proto, "nnp.raw_input", rawInputJson(m));
    if (hasText(m))
        addProp(proto, "nnp.tokenizer",
                "ASCII letters lowercased; split on spaces and punctuation (an apostrophe inside a word is "
                "kept); every CJK character is a token of its own. A text column keeps its last `length` "
                "tokens, left-padded with id 0; a word the vocabulary does not know is id 1; vocabulary[k] "
                "is id k + 2.");

    auto *graph = proto.mutable_graph();
    if (!e.featureNames.empty() && e.featureNames.size() == static_cast<std::size_t>(m.inputSize()))
        for (int k = 0; k < graph->input_size() && k < static_cast<int>(m.inputs.size()); ++k) {
            const auto from = static_cast<std::size_t>(m.inputOffset(static_cast<std::size_t>(k)));
            const auto count = static_cast<std::size_t>(
                m.nodes.at(static_cast<std::size_t>(m.inputs[static_cast<std::size_t>(k)])).size);
            graph->mutable_input(k)->set_doc_string("Raw features (unnormalised): " +
                                                    listText(e.featureNames, from, count));
        }
    if (graph->output_size() > 0) {
        if (!e.classNames.empty())
            graph->mutable_output(0)->set_doc_string((m.outputSize() == 1
                                                          ? "P(" + e.classNames.back() + ") of the classes "
                                                          : std::string("Scores of the classes ")) +
                                                     listText(e.classNames, 0, e.classNames.size()));
        else if (!e.targetNames.empty())
            graph->mutable_output(0)->set_doc_string("Predicted " +
                                                     listText(e.targetNames, 0, e.targetNames.size()));
    }
    std::string doc = "Exported by NN Playground from '" + m.name + "'. ";
    switch (e.raw) {
    case RawInputKind::Csv:
        doc += "Takes the features of raw CSV rows (unnormalised), in the order of nnp.feature_names: "
               "categories one-hot, ids and text as nnp.raw_input describes.";
        break;
    case RawInputKind::Plane:
        doc += "Takes the engineered features of points (x1, x2) in the order of nnp.feature_names "
               "(x1^2 = x1*x1, sin(x1) …), unnormalised.";
        break;
    case RawInputKind::Pixels:
        doc += "Takes raw pixel values 0-255, one row per image (the graph scales them).";
        break;
    case RawInputKind::Encoded:
        doc += "Takes raw (unnormalised) inputs, one row per sample.";
        break;
    }
    if (!e.classNames.empty())
        doc += " Outputs: the classes " + listText(e.classNames, 0, e.classNames.size()) + ".";
    proto.set_doc_string(doc);
}

} // namespace nnp
