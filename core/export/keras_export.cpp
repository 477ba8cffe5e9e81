#include "export/code_export.h"
#include "export/code_export_common.h"
#include "export/script_meaning.h"
#include "export/weights_export.h"
#include "layers/batch_norm.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/embedding.h"
#include "layers/layer_registry.h"
#include "layers/pooling.h"
#include "layers/recurrent.h"
#include "layers/simple_layers.h"

#include <map>

namespace nnp {

using namespace codegen;

namespace {

// Activations with a parameter get a small named function per distinct parameter; the rest use Keras' names.
std::string kerasActivation(const ExportNode &n, std::map<std::string, std::string> &functions)
{
    const ActivationParams o = activationOf(n.options);
    switch (o.kind) {
    case ActivationKind::Linear:
        return "\"linear\"";
    case ActivationKind::ReLU:
        return "\"relu\"";
    case ActivationKind::Tanh:
        return "\"tanh\"";
    case ActivationKind::Sigmoid:
        return "\"sigmoid\"";
    case ActivationKind::Softplus:
        return "\"softplus\"";
    case ActivationKind::GELU:
        functions["gelu"] = "def gelu(z):\n    \"\"\"The exact (erf) GELU, as in NN Playground.\"\"\"\n"
                            "    return tf.nn.gelu(z, approximate=False)\n";
        return "gelu";
    case ActivationKind::LeakyReLU: {
        const std::string name = "leaky_relu_" + std::to_string(functions.size());
        functions[name] = "def " + name +
                          "(z):\n    return tf.nn.leaky_relu(z, alpha=" + formatNumber(o.leakySlope) + ")\n";
        return name;
    }
    case ActivationKind::ELU: {
        const std::string name = "elu_" + std::to_string(functions.size());
        functions[name] = "def " + name + "(z):\n    return tf.where(z > 0, z, " + formatNumber(o.eluAlpha) +
                          " * tf.math.expm1(z))\n";
        return name;
    }
    }
    throw ExportError(n.label() + " uses an activation that cannot be written for Keras.");
}

std::string shapeTuple(std::vector<int> dims)
{
    std::string r = "(";
    for (std::size_t i = 0; i < dims.size(); ++i)
        r += (i ? ", " : "") + std::to_string(dims[i]);
    return r + (dims.size() == 1 ? ",)" : ")");
}

struct KerasParts {
    std::string build, shapes, functions, inputs;
    std::string tables;    ///< the Embedding layers, whose weights Keras keeps as they are (not transposed)
    std::string recurrent; ///< RECURRENT_KINDS entries: which recurrent kind each such layer is
    std::map<std::string, std::string> functionDefs;
};

// One function per layer kind: the lines of build_model() and, for layers with weights, EXPECTED_SHAPES.
struct Emit {
    const ExportModel &m;
    const ExportNode &n;
    KerasParts &k;
    const std::string &id;
    std::string x;     ///< the inputs, comma-separated
    std::string named; ///< name="..."
    void line(const std::string &expr) { k.build += "    " + id + " = " + expr + "\n"; }
};

// Images: NN Playground and PyTorch hold a sample as [channels, height, width]; Keras' convolutions (on CPU)
// take [height, width, channels]. Every image tensor here is channels-last, and Permute layers convert where
// values are seen in order (from input rows, into Reshape and Flatten), so the order of values matches ours.
bool isImage(const Shape &s)
{
    return s.dims.size() == 3;
}
const Shape &inputShape(const Emit &e, std::size_t port = 0)
{
    return e.m.nodes.at(static_cast<std::size_t>(e.n.inputs.at(port))).shape;
}
/// x in our order of values: a channels-last image is permuted back to channels-first.
std::string inOurOrder(const Emit &e, const std::string &x, const Shape &shape)
{
    if (!isImage(shape)) return x;
    return "layers.Permute((3, 1, 2), name=" + pyString(e.id + "_chw") + ")(" + x + ")";
}
/// x (values in our order) as a tensor of `shape`, channels-last when it is an image.
std::string asShape(const Emit &e, const std::string &x, const Shape &shape, const std::string &name)
{
    std::string r = "layers.Reshape(" + shapeTuple(shape.dims) + ", name=" + pyString(name) + ")(" + x + ")";
    if (isImage(shape)) r = "layers.Permute((2, 3, 1), name=" + pyString(e.id + "_hwc") + ")(" + r + ")";
    return r;
}
std::string pair(int a, int b)
{
    return "(" + std::to_string(a) + ", " + std::to_string(b) + ")";
}

void emitInput(Emit &e)
{
    const std::string size = std::to_string(e.n.size);
    e.k.build += "    raw_" + e.id + " = keras.Input(shape=(" + size + ",), " + e.named + ")\n";
    e.line("Normalize(" + size + ", name=" + pyString(e.id + "_normalize") + ")(raw_" + e.id + ")");
    if (!e.n.shape.isFlat()) e.line(asShape(e, e.id, e.n.shape, e.id + "_image"));
    e.k.inputs += (e.k.inputs.empty() ? "" : ", ") + ("raw_" + e.id);
}

void emitDense(Emit &e)
{
    const auto &w = e.n.tensor("weight");
    const int units = e.n.options.get(opt::dense::units);
    const bool bias = e.n.options.get(opt::dense::useBias);
    e.line("layers.Dense(" + std::to_string(units) +
           ", activation=" + kerasActivation(e.n, e.k.functionDefs) + (bias ? "" : ", use_bias=False") +
           ", " + e.named + ")(" + e.x + ")");
    // Keras keeps the kernel as [inputs, units], the transpose of NN Playground's and PyTorch's weight.
    e.k.shapes += "    " + pyString(e.id) + ": [" + shapeTuple({w.shape.at(1), w.shape.at(0)}) +
                  (bias ? ", " + shapeTuple({units}) : std::string()) + "],\n";
}

void emitActivation(Emit &e)
{
    e.line("layers.Activation(" + kerasActivation(e.n, e.k.functionDefs) + ", " + e.named + ")(" + e.x + ")");
}

void emitSoftmax(Emit &e)
{
    e.line("layers.Softmax(axis=-1, " + e.named + ")(" + e.x + ")");
}

void emitDropout(Emit &e)
{
    e.line("layers.Dropout(" + formatNumber(e.n.options.get(opt::dropout::rate)) + ", " + e.named + ")(" +
           e.x + ")");
}

void emitBatchNorm(Emit &e)
{
    // Keras' momentum weighs the running value; NN Playground's (PyTorch's) weighs the new batch.
    e.line("layers.BatchNormalization(momentum=" +
           formatNumber(1.0 - e.n.options.get(opt::batchnorm::momentum)) + ", epsilon=" +
           formatNumber(e.n.options.get(opt::batchnorm::epsilon)) + ", " + e.named + ")(" + e.x + ")");
    const std::string v = shapeTuple({e.n.size});
    e.k.shapes += "    " + pyString(e.id) + ": [" + v + ", " + v + ", " + v + ", " + v + "],\n";
}

void emitConcatenate(Emit &e)
{
    e.line("layers.Concatenate(axis=1, " + e.named + ")([" + e.x + "])");
}
void emitAdd(Emit &e)
{
    e.line("layers.Add(" + e.named + ")([" + e.x + "])");
}
void emitFlatten(Emit &e)
{
    e.line("layers.Flatten(" + e.named + ")(" + inOurOrder(e, e.x, inputShape(e)) + ")");
}

void emitReshape(Emit &e)
{
    // The same order of values as NN Playground (an image is permuted to channels-last afterwards).
    e.line(asShape(e, inOurOrder(e, e.x, inputShape(e)), e.n.shape, e.id));
}

void emitConv2D(Emit &e)
{
    const WindowGeometry g = windowGeometry(inputShape(e), convWindow(e.n.options));
    const int filters = e.n.options.get(opt::conv2d::filters);
    const bool bias = e.n.options.get(opt::conv2d::useBias);
    e.line("layers.Conv2D(" + std::to_string(filters) + ", " + pair(g.kh, g.kw) +
           ", strides=" + pair(g.sh, g.sw) +
           ", padding=" + pyString(std::string(toString(e.n.options.get(opt::conv2d::padding)))) +
           ", dilation_rate=" + pair(g.dh, g.dw) + ", activation=" + kerasActivation(e.n, e.k.functionDefs) +
           (bias ? "" : ", use_bias=False") + ", " + e.named + ")(" + e.x + ")");
    // Keras keeps the kernels as [kh, kw, channels, filters] (HWIO); load_weights transposes ours.
    e.k.shapes += "    " + pyString(e.id) + ": [" + shapeTuple({g.kh, g.kw, g.channels, filters}) +
                  (bias ? ", " + shapeTuple({filters}) : std::string()) + "],\n";
}

void emitPool(Emit &e, const char *layer)
{
    const WindowGeometry g = windowGeometry(inputShape(e), poolWindow(e.n.options));
    e.line(std::string("layers.") + layer + "(" + pair(g.kh, g.kw) + ", strides=" + pair(g.sh, g.sw) +
           ", padding=" + pyString(std::string(toString(e.n.options.get(opt::pool2d::padding)))) + ", " +
           e.named + ")(" + e.x + ")");
}
void emitMaxPool2D(Emit &e)
{
    emitPool(e, "MaxPooling2D");
}
void emitAveragePool2D(Emit &e)
{
    emitPool(e, "AveragePooling2D");
}
void emitGlobalAveragePool2D(Emit &e)
{
    e.line("layers.GlobalAveragePooling2D(" + e.named + ")(" + e.x + ")");
}

void emitDot(Emit &e)
{
    e.line("layers.Dot(axes=1, " + e.named + ")([" + e.x + "])");
}

void emitEmbedding(Emit &e)
{
    // Keras casts the float ids to integers itself; its table is [vocabulary, dim], as ours.
    const int vocab = e.n.options.get(opt::embedding::inputDim),
              dim = e.n.options.get(opt::embedding::outputDim);
    e.line("layers.Embedding(" + std::to_string(vocab) + ", " + std::to_string(dim) +
           (e.n.options.get(opt::embedding::maskZero) ? ", mask_zero=True" : "") + ", " + e.named + ")(" +
           e.x + ")");
    e.k.shapes += "    " + pyString(e.id) + ": [" + shapeTuple({vocab, dim}) + "],\n";
    e.k.tables += (e.k.tables.empty() ? "" : ", ") + pyString(e.id);
}

/// SimpleRNN / LSTM / GRU on [N, T, features]. Keras' LSTM has PyTorch's gate order (i, f, c, o) and one bias
/// (ours summed); its GRU with reset_after=True is PyTorch's GRU with the gates z, r, h and both biases
/// ([2, 3·units]); load_weights converts.
void emitRecurrent(Emit &e)
{
    static constexpr const char *layer[] = {"", "SimpleRNN", "", "GRU", "LSTM"};
    const int gates = recurrentGates(e.n.kind), units = e.n.options.get(opt::rnn::units);
    const int features = inputShape(e).dims.at(1);
    e.line(std::string("layers.") + layer[gates] + "(" + std::to_string(units) +
           (e.n.kind == LayerKind::GRU ? ", reset_after=True" : "") +
           ", return_sequences=" + (e.n.options.get(opt::rnn::returnSequences) ? "True" : "False") + ", " +
           e.named + ")(" + e.x + ")");
    const std::string bias =
        e.n.kind == LayerKind::GRU ? shapeTuple({2, gates * units}) : shapeTuple({gates * units});
    e.k.shapes += "    " + pyString(e.id) + ": [" + shapeTuple({features, gates * units}) + ", " +
                  shapeTuple({units, gates * units}) + ", " + bias + "],\n";
    e.k.recurrent += "    " + pyString(e.id) + ": " + pyString(layer[gates]) + ",\n";
}

void emitGlobalAveragePool1D(Emit &e)
{
    e.line("layers.GlobalAveragePooling1D(" + e.named + ")(" + e.x + ")");
}
void emitGlobalMaxPool1D(Emit &e)
{
    if (e.n.maskFrom < 0) {
        e.line("layers.GlobalMaxPooling1D(" + e.named + ")(" + e.x + ")");
        return;
    }
    // Keras' GlobalMaxPooling1D ignores the Embedding's mask: the largest value over the real steps (id not
    // 0) by hand, 0 for a sentence of padding only, as NN Playground. (GlobalAveragePooling1D obeys the
    // mask.)
    const ExportNode &table = e.m.nodes.at(static_cast<std::size_t>(e.n.maskFrom));
    const std::string &ids = e.m.nodes.at(static_cast<std::size_t>(table.inputs.at(0))).ident;
    e.line("layers.Lambda(lambda a: tf.where(tf.reduce_any(a[1] != 0, axis=1, keepdims=True), "
           "tf.reduce_max(tf.where(tf.expand_dims(a[1] != 0, 2), a[0], float(\"-inf\")), axis=1), 0.0), " +
           e.named + ")([" + e.x + ", " + ids + "])");
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
static_assert(coversEveryKind(kEmitters), "every layer kind needs a Keras emitter");

void emitNode(const ExportModel &m, const ExportNode &n, KerasParts &k)
{
    k.build += "    # " + commentText(n.name) + ": " + describe(n) + "\n";
    Emit e{m, n, k, n.ident, inputNames(m, n, ", "), "name=" + pyString(n.ident)};
    entryFor(kEmitters, n.kind)(e);
}

} // namespace

std::string kerasScript(const ExportModel &m, const std::string &weightsFileName)
{
    KerasParts k;
    for (const auto &n : m.nodes)
        emitNode(m, n, k);
    std::string functions;
    for (const auto &[name, def] : k.functionDefs)
        functions += def + "\n\n";
    const std::string stem = weightsFileName.substr(0, weightsFileName.rfind("_weights.json"));

    std::string s =
        "#!/usr/bin/env python3\n\"\"\"" + commentText(m.name) +
        ": a Keras (TensorFlow 2) model exported by NN Playground.\n\n"
        "Layers (build_model() wires the same graph with the functional API):\n" +
        layerList(m, "    ") + "\nWeights: read from the side file " + commentText(weightsFileName) +
        " beside this script (format \"nnp-weights\",\n"
        "row-major, Dense weights as [units, inputs], Conv2D kernels as [filters, channels, height, width];\n"
        "load_weights transposes them to Keras' kernels and\n"
        "checks every shape against EXPECTED_SHAPES). Inputs are raw features; the Normalize layer\n"
        "applies x' = (x - offset) * scale (fixed, not trained). Images are channels-last inside the model\n"
        "(Keras' convolutions); Permute layers keep the order of values NN Playground uses.\n\n"
        "Run:  python3 " +
        commentText(stem) + ".py inputs.csv [--weights FILE] [--raw] [--no-header]\n" + meaningDoc(m) +
        "\"\"\"\n"
        "import argparse\nimport csv\nimport io\nimport json\nimport math\nfrom pathlib import Path\n\n"
        "import numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\n"
        "from tensorflow.keras import layers\n\n"
        "WEIGHTS_FILE = Path(__file__).with_name(" +
        pyString(weightsFileName) +
        ")\n"
        "INPUT_SIZES = " +
        inputSizes(m) +
        "  # features per input, in the order the model takes them\n"
        "N_INPUTS = sum(INPUT_SIZES)\n"
        "# The weights each layer holds, as layer.get_weights() lists them.\n"
        "EXPECTED_SHAPES = {\n" +
        k.shapes +
        "}\n"
        "# Embedding tables are [vocabulary, dim] in NN Playground and in Keras alike (not transposed).\n"
        "EMBEDDINGS = {" +
        k.tables +
        "}\n\n"
        "# The recurrent layers' kinds, for load_weights' conversion from PyTorch's layout.\n"
        "RECURRENT_KINDS = {\n" +
        k.recurrent + "}\n" + targetScalingConstants(m) + pythonMeaning(m) +
        "\n\n"
        "class Normalize(layers.Layer):\n"
        "    \"\"\"x' = (x - offset) * scale, fixed (not trained); the identity until load_weights sets "
        "it.\"\"\"\n\n"
        "    def __init__(self, size, **kwargs):\n"
        "        kwargs.pop(\"trainable\", None)  # always fixed; get_config() carries it back\n"
        "        super().__init__(trainable=False, **kwargs)\n"
        "        self.size = size\n"
        "        self.offset = self.add_weight(name=\"offset\", shape=(size,), initializer=\"zeros\", "
        "trainable=False)\n"
        "        self.scale = self.add_weight(name=\"scale\", shape=(size,), initializer=\"ones\", "
        "trainable=False)\n\n"
        "    def call(self, x):\n"
        "        return (x - self.offset) * self.scale\n\n"
        "    def get_config(self):\n"
        "        \"\"\"The constructor's arguments, so that model.save() and load_model() work (Keras "
        "2).\"\"\"\n"
        "        config = super().get_config()\n"
        "        config.update({\"size\": self.size})\n"
        "        return config\n\n\n" +
        functions + "def build_model():\n" + k.build +
        (m.scalesOutput() ? "    # The network learnt the z-scored target: back in its own units.\n"
                            "    target_scaling = layers.Rescaling(TARGET_GAIN, offset=TARGET_BIAS, "
                            "name=\"target_scaling\")(" +
                                m.nodes.at(static_cast<std::size_t>(m.output)).ident + ")\n"
                          : std::string()) +
        "    return keras.Model(inputs=[" + k.inputs + "], outputs=" +
        (m.scalesOutput() ? std::string("target_scaling")
                          : m.nodes.at(static_cast<std::size_t>(m.output)).ident) +
        ", name=" + pyString(makeIdentifier(m.name)) + ")\n";
    s += R"PY(

def recurrent_weights(kind, t):
    """PyTorch's recurrent layout (gates stacked in rows, two biases) as Keras' kernel, recurrent kernel, bias."""
    w_ih, w_hh, b_ih, b_hh = t["weight_ih"], t["weight_hh"], t["bias_ih"], t["bias_hh"]
    if kind == "GRU":  # PyTorch's gates r, z, n are Keras' z, r, h in another order; reset_after keeps 2 biases
        def order(a):
            r, z, n = np.split(a, 3)
            return np.concatenate([z, r, n])
        return [order(w_ih).T, order(w_hh).T, np.stack([order(b_ih), order(b_hh)])]
    return [w_ih.T, w_hh.T, b_ih + b_hh]  # SimpleRNN; LSTM: gates i, f, g (Keras' c), o in both


def load_weights(model, path=WEIGHTS_FILE):
    """Sets every layer's weights from an "nnp-weights" JSON file, checking them against EXPECTED_SHAPES."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data.get("format") != "nnp-weights":
        raise ValueError(f"{path} is not an NN Playground weights file")
    tensors = {}
    for t in data["tensors"]:
        value = np.asarray(t["values"], dtype="float32").reshape(t["shape"])
        tensors.setdefault(t["node"], {})[t["name"]] = value
    for node, shapes in EXPECTED_SHAPES.items():
        t = tensors.get(node)
        if t is None:
            raise ValueError(f"{path}: no weights for layer {node}")
        if "weight" in t:  # Dense: Keras' kernel is [inputs, units]; Conv2D: [kh, kw, channels, filters]
            w = t["weight"]
            kernel = w.transpose(2, 3, 1, 0) if w.ndim == 4 else w if node in EMBEDDINGS else w.T
            values = [kernel] + ([t["bias"]] if "bias" in t else [])
        elif "weight_ih" in t:
            values = recurrent_weights(RECURRENT_KINDS[node], t)
        else:  # BatchNorm
            values = [t["gamma"], t["beta"], t["running_mean"], t["running_var"]]
        found = [tuple(v.shape) for v in values]
        if found != [tuple(s) for s in shapes]:
            raise ValueError(f"{path}: layer {node} has weights of shapes {found}, expected {shapes}")
        model.get_layer(node).set_weights(values)
    norm = data.get("normalization")
    start = 0
    for spec in data["inputs"]:
        end = start + spec["size"]
        if norm:
            offset = np.asarray(norm["offset"][start:end], dtype="float32")
            scale = np.asarray(norm["scale"][start:end], dtype="float32")
            model.get_layer(spec["node"] + "_normalize").set_weights([offset, scale])
        start = end
    return model


)PY";
    s += readCsvFunction();
    s += R"PY(

def main(argv=None):
    parser = argparse.ArgumentParser(description="Predictions of the exported NN Playground model.")
    parser.add_argument("csv", help="raw inputs, one sample per row")
    parser.add_argument("--weights", default=str(WEIGHTS_FILE), help="the nnp-weights JSON file")
    parser.add_argument("--raw", action="store_true", help="print the model's outputs as they are")
    parser.add_argument("--no-header", action="store_true", help="leave out the header line")
    args = parser.parse_args(argv)
    model = load_weights(build_model(), args.weights)
    rows = read_raw_csv(args.csv)
    x = np.asarray(rows if rows is not None else read_csv(args.csv), dtype="float32").reshape(-1, N_INPUTS)
    parts = np.split(x, np.cumsum(INPUT_SIZES)[:-1], axis=1)
    y = model.predict(parts, verbose=0)
    outputs = y.reshape(y.shape[0], -1).tolist()
    if args.raw:
        for row in outputs:
            print(",".join(f"{v:.9g}" for v in row))
    else:
        print_predictions(outputs, header=not args.no_header)


if __name__ == "__main__":
    main()
)PY";
    return s;
}

std::vector<LayerKind> kerasExportKinds()
{
    return kindsOf(kEmitters);
}

std::filesystem::path writeKeras(const ExportModel &model, const std::filesystem::path &script)
{
    const auto weights = weightsPathFor(script);
    const std::string text = kerasScript(model, weights.filename().string());
    writeWeightsJson(model, weights);
    writeFileAtomic(script, text);
    return weights;
}

} // namespace nnp
