#include "export/code_export_common.h"

#include "layers/layer_registry.h"

#include <nlohmann/json.hpp>

namespace nnp::codegen {

std::string pyString(std::string_view s)
{
    return nlohmann::json(std::string(s)).dump();
}

std::string commentText(std::string_view s)
{
    std::string r;
    for (char c : s) {
        if (c == '\n' || c == '\r' || c == '\t')
            r += ' ';
        else if (c == '"')
            r += '\'';
        else if (c == '\\')
            r += '/';
        else if (static_cast<unsigned char>(c) >= 32)
            r += c;
    }
    return r;
}

std::string describe(const ExportNode &n)
{
    // The kind and the options that matter for these values, from the kind's schema: "Dense units=4,
    // activation=tanh, init=glorot_uniform, use_bias=true, l1=0, l2=0".
    const LayerKindInfo &info = layerKind(n.kind);
    std::string r(info.fileName);
    if (n.kind == LayerKind::Input && !n.shape.isFlat())
        r += " (" + n.shape.toString() + ", given as rows of " + std::to_string(n.size) + " raw values)";
    std::string options;
    for (const OptionSpec &o : info.options)
        if (o.isShown(n.options))
            options += (options.empty() ? " " : ", ") + o.name + "=" + optionText(o.valueIn(n.options));
    return r + options;
}

std::string inputNames(const ExportModel &m, const ExportNode &n, std::string_view separator)
{
    std::string r;
    for (std::size_t p = 0; p < n.inputs.size(); ++p)
        r += (p ? std::string(separator) : std::string()) +
             m.nodes.at(static_cast<std::size_t>(n.inputs[p])).ident;
    return r;
}

std::string layerList(const ExportModel &m, std::string_view indent)
{
    std::string r;
    for (const auto &n : m.nodes) {
        r += std::string(indent) + n.ident + " = " + describe(n);
        if (!n.inputs.empty()) r += "  <- " + inputNames(m, n, ", ");
        if (n.ident != n.name) r += "  [" + commentText(n.name) + "]";
        r += "\n";
    }
    return r;
}

std::string inputSizes(const ExportModel &m)
{
    std::string r = "[";
    for (std::size_t k = 0; k < m.inputs.size(); ++k)
        r += (k ? ", " : "") + std::to_string(m.nodes.at(static_cast<std::size_t>(m.inputs[k])).size);
    return r + "]";
}

std::string readCsvFunction()
{
    return R"PY(def read_csv(path):
    """Rows of raw inputs: the first N_INPUTS columns of every row (a header row is skipped)."""
    with open(path, newline="", encoding="utf-8") as f:
        text = f.read()
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    rows = []
    for line_no, row in enumerate(csv.reader(text.splitlines(), delimiter=delimiter), start=1):
        if not any(cell.strip() for cell in row):
            continue
        try:
            values = [float(cell) for cell in row[:N_INPUTS]]
        except ValueError:
            if line_no == 1:
                continue  # the header
            raise ValueError(f"{path}:{line_no}: expected {N_INPUTS} numbers") from None
        if len(values) < N_INPUTS:
            raise ValueError(f"{path}:{line_no}: expected {N_INPUTS} numbers, found {len(values)}")
        rows.append(values)
    return rows
)PY";
}

std::string targetScalingConstants(const ExportModel &m)
{
    if (!m.scalesOutput())
        return "TARGET_GAIN = None  # the outputs are the predictions (no target scaling)\nTARGET_BIAS = "
               "None\n";
    const auto list = [](const std::vector<float> &v) {
        std::string r = "[";
        for (std::size_t i = 0; i < v.size(); ++i)
            r += (i ? ", " : "") + formatFloat(v[i]);
        return r + "]";
    };
    return "# The network learnt the z-scored target: outputs * TARGET_GAIN + TARGET_BIAS are in its own "
           "units.\n"
           "TARGET_GAIN = " +
           list(m.outputGain) + "\nTARGET_BIAS = " + list(m.outputBias) + "\n";
}

} // namespace nnp::codegen
