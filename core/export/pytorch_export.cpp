#include "export/code_export.h"
#include "export/code_export_common.h"
#include "export/text_script.h"
#include "export/weights_export.h"
#include "layers/batch_norm.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/embedding.h"
#include "layers/layer_registry.h"
#include "layers/pooling.h"
#include "layers/recurrent.h"
#include "layers/simple_layers.h"

namespace nnp {

using namespace codegen;

namespace {

std::string torchActivation(const ExportNode &n, const std::string &e)
{
    const ActivationParams o = activationOf(n.options);
    switch (o.kind) {
    case ActivationKind::Linear:
        return e;
    case ActivationKind::ReLU:
        return "torch.relu(" + e + ")";
    case ActivationKind::LeakyReLU:
        return "F.leaky_relu(" + e + ", negative_slope=" + formatNumber(o.leakySlope) + ")";
    case ActivationKind::ELU:
        return "F.elu(" + e + ", alpha=" + formatNumber(o.eluAlpha) + ")";
    case ActivationKind::GELU:
        return "F.gelu(" + e + ")"; // the exact (erf) form, as in NN Playground
    case ActivationKind::Tanh:
        return "torch.tanh(" + e + ")";
    case ActivationKind::Sigmoid:
        return "torch.sigmoid(" + e + ")";
    case ActivationKind::Softplus:
        return "F.softplus(" + e + ")";
    }
    throw ExportError(n.label() + " uses an activation that cannot be written for PyTorch.");
}

// Module attributes (__init__) and forward() lines for one node, one function per layer kind.
struct Emit {
    const ExportModel &m;
    const ExportNode &n;
    std::size_t index;
    const std::string &id;
    std::string x;       ///< the inputs, comma-separated
    std::string comment; ///< "# name: description" for __init__
    std::string &init, &fwd;
    void line(const std::string &expr) { fwd += "        " + id + " = " + expr + "\n"; }
};

std::string reshapeTo(const std::string &x, const Shape &shape)
{
    std::string dims;
    for (int d : shape.dims)
        dims += ", " + std::to_string(d);
    return x + ".reshape(-1" + dims + ")";
}

std::string pair(int a, int b)
{
    return "(" + std::to_string(a) + ", " + std::to_string(b) + ")";
}

const Shape &inputShape(const Emit &e)
{
    return e.m.nodes.at(static_cast<std::size_t>(e.n.inputs.at(0))).shape;
}

/// F.pad(x, …) for a window's padding (left, right, top, bottom), or x itself without padding.
std::string padded(const std::string &x, const WindowGeometry &g, const std::string &value = "")
{
    if (g.padTop + g.padBottom + g.padLeft + g.padRight == 0) return x;
    return "F.pad(" + x + ", (" + std::to_string(g.padLeft) + ", " + std::to_string(g.padRight) + ", " +
           std::to_string(g.padTop) + ", " + std::to_string(g.padBottom) + ")" +
           (value.empty() ? "" : ", value=" + value) + ")";
}

void emitInput(Emit &e)
{
    if (e.m.normalized()) {
        std::size_t k = 0;
        while (e.m.inputs.at(k) != static_cast<int>(e.index))
            ++k;
        const int a = e.m.inputOffset(k), b = a + e.n.size;
        const std::string range = "[" + std::to_string(a) + ":" + std::to_string(b) + "]";
        e.line("(" + e.id + " - self.input_offset" + range + ") * self.input_scale" + range);
    }
    if (!e.n.shape.isFlat())
        e.line(reshapeTo(e.id, e.n.shape) + (e.n.shape.dims.size() == 2
                                                 ? "  # rows of raw values as sequences [N, time, features]"
                                                 : "  # rows of raw values as images"));
}

void emitDense(Emit &e)
{
    const auto &w = e.n.tensor("weight");
    e.init += e.comment + "        self." + e.id + " = nn.Linear(" + std::to_string(w.shape.at(1)) + ", " +
              std::to_string(e.n.options.get(opt::dense::units)) +
              (e.n.options.get(opt::dense::useBias) ? "" : ", bias=False") + ")\n";
    e.line(torchActivation(e.n, "self." + e.id + "(" + e.x + ")"));
}

void emitActivation(Emit &e)
{
    e.line(torchActivation(e.n, e.x));
}
void emitSoftmax(Emit &e)
{
    e.line("torch.softmax(" + e.x + ", dim=1)");
}

void emitDropout(Emit &e)
{
    e.init += e.comment + "        self." + e.id +
              " = nn.Dropout(p=" + formatNumber(e.n.options.get(opt::dropout::rate)) + ")\n";
    e.line("self." + e.id + "(" + e.x + ")");
}

void emitBatchNorm(Emit &e)
{
    // Same conventions as NN Playground: momentum weighs the new batch, unbiased running variance.
    e.init += e.comment + "        self." + e.id + " = nn.BatchNorm1d(" + std::to_string(e.n.size) +
              ", eps=" + formatNumber(e.n.options.get(opt::batchnorm::epsilon)) +
              ", momentum=" + formatNumber(e.n.options.get(opt::batchnorm::momentum)) + ")\n";
    e.line("self." + e.id + "(" + e.x + ")");
}

void emitConcatenate(Emit &e)
{
    e.line("torch.cat([" + e.x + "], dim=1)");
}
void emitAdd(Emit &e)
{
    e.line(inputNames(e.m, e.n, " + "));
}
void emitFlatten(Emit &e)
{
    e.line("torch.flatten(" + e.x + ", 1)");
}

void emitReshape(Emit &e)
{
    e.line(reshapeTo(e.x, e.n.shape));
}

void emitConv2D(Emit &e)
{
    // Keras' `same` may pad one pixel more at the bottom and right: an explicit F.pad says so.
    const WindowGeometry g = windowGeometry(inputShape(e), convWindow(e.n.options));
    const int filters = e.n.options.get(opt::conv2d::filters);
    e.init += e.comment + "        self." + e.id + " = nn.Conv2d(" + std::to_string(g.channels) + ", " +
              std::to_string(filters) + ", " + pair(g.kh, g.kw) + ", stride=" + pair(g.sh, g.sw) +
              ", dilation=" + pair(g.dh, g.dw) +
              (e.n.options.get(opt::conv2d::useBias) ? "" : ", bias=False") + ")\n";
    e.line(torchActivation(e.n, "self." + e.id + "(" + padded(e.x, g) + ")"));
}

void emitMaxPool2D(Emit &e)
{
    const WindowGeometry g = windowGeometry(inputShape(e), poolWindow(e.n.options));
    e.line("F.max_pool2d(" + padded(e.x, g, "float(\"-inf\")") + ", " + pair(g.kh, g.kw) +
           ", stride=" + pair(g.sh, g.sw) + ")");
}

void emitAveragePool2D(Emit &e)
{
    const WindowGeometry g = windowGeometry(inputShape(e), poolWindow(e.n.options));
    const std::string window = pair(g.kh, g.kw) + ", stride=" + pair(g.sh, g.sw);
    if (g.symmetricPadding() && g.padTop == 0 && g.padLeft == 0) {
        e.line("F.avg_pool2d(" + e.x + ", " + window + ")");
        return;
    }
    // Windows over the edge average only the pixels they cover (Keras' `same`): the sum over the window
    // divided by the number of pixels in it.
    e.line("F.avg_pool2d(" + padded(e.x, g) + ", " + window + ") / F.avg_pool2d(" +
           padded("torch.ones_like(" + e.x + "[:, :1])", g) + ", " + window + ")");
}

void emitGlobalAveragePool2D(Emit &e)
{
    e.line(e.x + ".mean(dim=(2, 3))");
}

void emitDot(Emit &e)
{
    const std::string b = e.m.nodes.at(static_cast<std::size_t>(e.n.inputs.at(1))).ident;
    const std::string a = e.m.nodes.at(static_cast<std::size_t>(e.n.inputs.at(0))).ident;
    e.line("(" + a + " * " + b + ").sum(dim=1, keepdim=True)");
}

void emitEmbedding(Emit &e)
{
    // Ids arrive as float values (raw rows, as NN Playground takes them); the padding id 0 of mask_zero is
    // PyTorch's padding_idx (a zero vector that gets no gradient).
    e.init += e.comment + "        self." + e.id + " = nn.Embedding(" +
              std::to_string(e.n.options.get(opt::embedding::inputDim)) + ", " +
              std::to_string(e.n.options.get(opt::embedding::outputDim)) +
              (e.n.options.get(opt::embedding::maskZero) ? ", padding_idx=0" : "") + ")\n";
    e.line("self." + e.id + "(" + e.x + ".long())");
}

/// nn.RNN / nn.LSTM / nn.GRU with batch_first: [N, T, features] in, [N, T, units] out; the last state is the
/// last step of that output. PyTorch's maths and weight layout are NN Playground's.
void emitRecurrent(Emit &e)
{
    static constexpr const char *modules[] = {"", "nn.RNN", "", "nn.GRU", "nn.LSTM"};
    const int gates = recurrentGates(e.n.kind);
    e.init += e.comment + "        self." + e.id + " = " + modules[gates] + "(" +
              std::to_string(inputShape(e).dims.at(1)) + ", " +
              std::to_string(e.n.options.get(opt::rnn::units)) + ", batch_first=True)\n";
    const bool sequences = e.n.options.get(opt::rnn::returnSequences);
    if (e.n.maskFrom < 0) {
        e.line("self." + e.id + "(" + e.x + ")[0]" + (sequences ? "" : "[:, -1]"));
        return;
    }
    // The Embedding's padding mask (mask_zero, Keras' semantics): step by step, a padded step (id 0) keeps
    // the state (h, and c for the LSTM) and repeats the previous output.
    const ExportNode &table = e.m.nodes.at(static_cast<std::size_t>(e.n.maskFrom));
    const std::string &ids = e.m.nodes.at(static_cast<std::size_t>(table.inputs.at(0))).ident;
    const std::string units = std::to_string(e.n.options.get(opt::rnn::units)), h = e.id + "_h",
                      c = e.id + "_c", keep = e.id + "_keep", hs = e.id + "_hs", cs = e.id + "_cs";
    auto add = [&](const std::string &text) { e.fwd += "        " + text + "\n"; };
    add(h + " = " + e.x + ".new_zeros(1, " + e.x + ".shape[0], " + units + ")");
    if (gates == 4) add(c + " = " + h);
    add(e.id + "_out = []");
    const std::string t = e.id + "_t";
    add("for " + t + " in range(" + e.x + ".shape[1]):");
    add("    " + keep + " = (" + ids + "[:, " + t + "] != 0).view(1, -1, 1)");
    if (gates == 4) {
        add("    _, (" + hs + ", " + cs + ") = self." + e.id + "(" + e.x + "[:, " + t + ":" + t + " + 1], (" +
            h + ", " + c + "))");
        add("    " + c + " = torch.where(" + keep + ", " + cs + ", " + c + ")");
    } else {
        add("    _, " + hs + " = self." + e.id + "(" + e.x + "[:, " + t + ":" + t + " + 1], " + h + ")");
    }
    add("    " + h + " = torch.where(" + keep + ", " + hs + ", " + h + ")");
    add("    " + e.id + "_out.append(" + h + "[0])");
    e.line(sequences ? "torch.stack(" + e.id + "_out, dim=1)" : h + "[0]");
}

/// Behind an Embedding's padding mask (stepMaskSource) the pools over time leave padded steps (id 0) out:
/// `<id>_keep` [N, T, 1] is 1 for a real step. A sentence of padding only gives 0, as in NN Playground.
std::string stepKeep(Emit &e)
{
    const ExportNode &table = e.m.nodes.at(static_cast<std::size_t>(e.n.maskFrom));
    const std::string &ids = e.m.nodes.at(static_cast<std::size_t>(table.inputs.at(0))).ident;
    const std::string keep = e.id + "_keep";
    e.fwd += "        " + keep + " = (" + ids + " != 0).unsqueeze(2)\n";
    return keep;
}

void emitGlobalAveragePool1D(Emit &e)
{
    if (e.n.maskFrom < 0) {
        e.line(e.x + ".mean(dim=1)");
        return;
    }
    const std::string keep = stepKeep(e);
    e.line("(" + e.x + " * " + keep + ").sum(dim=1) / " + keep + ".sum(dim=1).clamp(min=1)");
}
void emitGlobalMaxPool1D(Emit &e)
{
    if (e.n.maskFrom < 0) {
        e.line(e.x + ".amax(dim=1)");
        return;
    }
    const std::string keep = stepKeep(e);
    e.line("torch.where(" + keep + ".any(dim=1), " + e.x + ".masked_fill(~" + keep +
           ", float(\"-inf\")).amax(dim=1), " + e.x + ".new_zeros(()))");
}

using Emitter = void (*)(Emit &);
constexpr KindEntry<Emitter> kEmitters[] = {
    {LayerKind::Input, emitInput},
    {LayerKind::Dense, emitDense},
    {LayerKind::Activation, emitActivation},
    {LayerKind::Softmax, emitSoftmax},
    {LayerKind::Dropout, emitDropout},
    {LayerKind::BatchNorm, emitBatchNorm},
    {LayerKind::Concatenate, emitConcatenate},
    {LayerKind::Add, emitAdd},
    {LayerKind::Flatten, emitFlatten},
    {LayerKind::Reshape, emitReshape},
    {LayerKind::Conv2D, emitConv2D},
    {LayerKind::MaxPool2D, emitMaxPool2D},
    {LayerKind::AveragePool2D, emitAveragePool2D},
    {LayerKind::GlobalAveragePool2D, emitGlobalAveragePool2D},
    {LayerKind::Dot, emitDot},
    {LayerKind::Embedding, emitEmbedding},
    {LayerKind::SimpleRNN, emitRecurrent},
    {LayerKind::LSTM, emitRecurrent},
    {LayerKind::GRU, emitRecurrent},
    {LayerKind::GlobalAveragePool1D, emitGlobalAveragePool1D},
    {LayerKind::GlobalMaxPool1D, emitGlobalMaxPool1D},
};
static_assert(coversEveryKind(kEmitters), "every layer kind needs a PyTorch emitter");

void emitNode(const ExportModel &m, std::size_t index, std::string &init, std::string &fwd)
{
    const ExportNode &n = m.nodes[index];
    Emit e{m,
           n,
           index,
           n.ident,
           inputNames(m, n, ", "),
           "        # " + commentText(n.name) + ": " + describe(n) + "\n",
           init,
           fwd};
    entryFor(kEmitters, n.kind)(e);
}

} // namespace

std::string pytorchScript(const ExportModel &m, const std::string &weightsFileName)
{
    std::string init, fwd, args;
    for (std::size_t k = 0; k < m.inputs.size(); ++k)
        args += ", " + m.nodes.at(static_cast<std::size_t>(m.inputs[k])).ident;
    for (std::size_t i = 0; i < m.nodes.size(); ++i)
        emitNode(m, i, init, fwd);
    fwd += "        return " + m.nodes.at(static_cast<std::size_t>(m.output)).ident + "\n";

    std::string s =
        "#!/usr/bin/env python3\n\"\"\"" + commentText(m.name) +
        ": a PyTorch model exported by NN Playground.\n\n"
        "Layers (forward() follows the same graph):\n" +
        layerList(m, "    ") + "\nWeights: read from the side file " + commentText(weightsFileName) +
        " beside this script (format \"nnp-weights\":\n"
        "every tensor with its node, name, shape and row-major values). They load into ordinary\n"
        "nn.Parameters, so the model can be fine-tuned or trained further like any other nn.Module.\n"
        "Inputs are raw features, one row per sample; the model applies the input normalisation\n"
        "x' = (x - offset) * scale itself (offset and scale are buffers, not trained).\n\n"
        "Run:  python3 " +
        commentText(weightsFileName.substr(0, weightsFileName.rfind("_weights.json"))) +
        ".py inputs.csv [--weights FILE]\n"
        "      prints one line of predictions per row; " +
        (m.csvColumns.empty()
             ? std::string("the first N_INPUTS columns are the inputs\n"
                           "      (further columns, e.g. the label, are ignored; a header row is skipped).\n")
             : std::string("a header naming the columns (TEXT_COLUMNS) gives raw text,\n"
                           "      tokenised as NN Playground does with its vocabulary; else the first "
                           "N_INPUTS columns are ids.\n")) +
        "Train further:\n"
        "      model = load_weights(Model()).train()\n"
        "      optimizer = torch.optim.SGD(model.parameters(), lr=0.01)\n"
        "      loss = F.mse_loss(model(*split_inputs(x)), target); loss.backward(); optimizer.step()\n"
        "\"\"\"\n"
        "import argparse\nimport csv\nimport json\nfrom pathlib import Path\n\n"
        "import torch\nimport torch.nn.functional as F\nfrom torch import nn\n\n"
        "WEIGHTS_FILE = Path(__file__).with_name(" +
        pyString(weightsFileName) +
        ")\n"
        "INPUT_SIZES = " +
        inputSizes(m) +
        "  # features per input, in the order forward() takes them\n"
        "N_INPUTS = sum(INPUT_SIZES)\n"
        "# How the tensors of the weights file map onto PyTorch's names.\n"
        "PARAMETER_NAMES = {\"weight\": \"weight\", \"bias\": \"bias\", \"gamma\": \"weight\", "
        "\"beta\": \"bias\",\n                   \"running_mean\": \"running_mean\", "
        "\"running_var\": \"running_var\",\n                   \"weight_ih\": \"weight_ih_l0\", "
        "\"weight_hh\": \"weight_hh_l0\", \"bias_ih\": \"bias_ih_l0\",\n"
        "                   \"bias_hh\": \"bias_hh_l0\"}\n\n\n"
        "class Model(nn.Module):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        # The input normalisation (identity until load_weights sets it).\n"
        "        self.register_buffer(\"input_offset\", torch.zeros(N_INPUTS))\n"
        "        self.register_buffer(\"input_scale\", torch.ones(N_INPUTS))\n" +
        init + "\n    def forward(self" + args + "):\n" + fwd;
    s += R"PY(

def load_weights(model, path=WEIGHTS_FILE):
    """Copies every tensor of an "nnp-weights" JSON file into the model, checking names and shapes."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data.get("format") != "nnp-weights":
        raise ValueError(f"{path} is not an NN Playground weights file")
    state = model.state_dict()
    expected = {k for k in state if not k.endswith("num_batches_tracked") and not k.startswith("input_")}
    loaded = set()
    with torch.no_grad():
        for t in data["tensors"]:
            key = f"{t['node']}.{PARAMETER_NAMES[t['name']]}"
            if key not in state:
                raise KeyError(f"{path}: the model has no tensor {key}")
            value = torch.tensor(t["values"], dtype=torch.float32).reshape(t["shape"])
            if value.shape != state[key].shape:
                raise ValueError(f"{path}: {key} has shape {list(value.shape)}, "
                                 f"the model expects {list(state[key].shape)}")
            state[key].copy_(value)
            loaded.add(key)
        if expected - loaded:
            raise ValueError(f"{path}: no values for {sorted(expected - loaded)}")
        norm = data.get("normalization")
        if norm:
            model.input_offset.copy_(torch.tensor(norm["offset"], dtype=torch.float32))
            model.input_scale.copy_(torch.tensor(norm["scale"], dtype=torch.float32))
    return model


def split_inputs(x):
    """Splits [N, N_INPUTS] into one tensor per input, as forward() takes them."""
    return torch.split(x, INPUT_SIZES, dim=1)


)PY";
    s += readCsvFunction();
    if (!m.csvColumns.empty()) s += "\n\n" + pythonTextReader(m);
    s += R"PY(

def main(argv=None):
    parser = argparse.ArgumentParser(description="Predictions of the exported NN Playground model.")
    parser.add_argument("csv", help="raw inputs, one sample per row")
    parser.add_argument("--weights", default=str(WEIGHTS_FILE), help="the nnp-weights JSON file")
    args = parser.parse_args(argv)
    model = load_weights(Model(), args.weights).eval()
    x = torch.tensor()PY";
    s += m.csvColumns.empty() ? "read_csv(args.csv)" : "read_raw_csv(args.csv) or read_csv(args.csv)";
    s += R"PY(, dtype=torch.float32).reshape(-1, N_INPUTS)
    with torch.no_grad():
        y = model(*split_inputs(x))
    for row in y.reshape(y.shape[0], -1).tolist():
        print(",".join(f"{v:.9g}" for v in row))


if __name__ == "__main__":
    main()
)PY";
    return s;
}

std::vector<LayerKind> pytorchExportKinds()
{
    return kindsOf(kEmitters);
}

std::filesystem::path weightsPathFor(const std::filesystem::path &script)
{
    std::filesystem::path p = script;
    p.replace_filename(script.stem().string() + "_weights.json");
    return p;
}

std::filesystem::path writePytorch(const ExportModel &model, const std::filesystem::path &script)
{
    const auto weights = weightsPathFor(script);
    const std::string text = pytorchScript(model, weights.filename().string());
    writeWeightsJson(model, weights);
    writeFileAtomic(script, text);
    return weights;
}

} // namespace nnp
