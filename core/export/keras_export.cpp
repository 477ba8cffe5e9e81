#include "export/code_export.h"
#include "export/code_export_common.h"
#include "export/weights_export.h"

#include <map>

namespace nnp {

using namespace codegen;

namespace {

// Activations with a parameter get a small named function per distinct parameter; the rest use Keras' names.
std::string kerasActivation(const ExportNode &n, std::map<std::string, std::string> &functions)
{
    const auto &o = n.options;
    switch (o.activation) {
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
    std::map<std::string, std::string> functionDefs;
};

void emitNode(const ExportModel &m, const ExportNode &n, KerasParts &k)
{
    const std::string &id = n.ident;
    const std::string x = inputNames(m, n, ", ");
    const std::string named = "name=" + pyString(id);
    std::string &b = k.build;
    b += "    # " + commentText(n.name) + ": " + describe(n) + "\n";
    switch (n.kind) {
    case LayerKind::Input:
        b += "    raw_" + id + " = keras.Input(shape=(" + std::to_string(n.size) + ",), " + named + ")\n";
        b += "    " + id + " = Normalize(" + std::to_string(n.size) +
             ", name=" + pyString(id + "_normalize") + ")(raw_" + id + ")\n";
        k.inputs += (k.inputs.empty() ? "" : ", ") + ("raw_" + id);
        return;
    case LayerKind::Dense: {
        const auto &w = n.tensor("weight");
        b += "    " + id + " = layers.Dense(" + std::to_string(n.options.units) +
             ", activation=" + kerasActivation(n, k.functionDefs) +
             (n.options.useBias ? "" : ", use_bias=False") + ", " + named + ")(" + x + ")\n";
        // Keras keeps the kernel as [inputs, units], the transpose of NN Playground's and PyTorch's weight.
        k.shapes += "    " + pyString(id) + ": [" + shapeTuple({w.shape.at(1), w.shape.at(0)}) +
                    (n.options.useBias ? ", " + shapeTuple({n.options.units}) : std::string()) + "],\n";
        return;
    }
    case LayerKind::Activation:
        b += "    " + id + " = layers.Activation(" + kerasActivation(n, k.functionDefs) + ", " + named +
             ")(" + x + ")\n";
        return;
    case LayerKind::Softmax:
        b += "    " + id + " = layers.Softmax(axis=-1, " + named + ")(" + x + ")\n";
        return;
    case LayerKind::Dropout:
        b += "    " + id + " = layers.Dropout(" + formatNumber(n.options.rate) + ", " + named + ")(" + x +
             ")\n";
        return;
    case LayerKind::BatchNorm: {
        // Keras' momentum weighs the running value; NN Playground's (PyTorch's) weighs the new batch.
        b += "    " + id + " = layers.BatchNormalization(momentum=" + formatNumber(1.0 - n.options.momentum) +
             ", epsilon=" + formatNumber(n.options.epsilon) + ", " + named + ")(" + x + ")\n";
        const std::string v = shapeTuple({n.size});
        k.shapes += "    " + pyString(id) + ": [" + v + ", " + v + ", " + v + ", " + v + "],\n";
        return;
    }
    case LayerKind::Concatenate:
        b += "    " + id + " = layers.Concatenate(axis=1, " + named + ")([" + x + "])\n";
        return;
    case LayerKind::Add:
        b += "    " + id + " = layers.Add(" + named + ")([" + x + "])\n";
        return;
    case LayerKind::Flatten:
        b += "    " + id + " = layers.Flatten(" + named + ")(" + x + ")\n";
        return;
    }
    throw ExportError(n.label() + ": this kind of layer cannot be written for Keras yet.");
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
        "row-major, Dense weights as [units, inputs]; load_weights transposes them to Keras' kernels and\n"
        "checks every shape against EXPECTED_SHAPES). Inputs are raw features; the Normalize layer\n"
        "applies x' = (x - offset) * scale (fixed, not trained).\n\n"
        "Run:  python3 " +
        commentText(stem) +
        ".py inputs.csv [--weights FILE]\n"
        "      prints one line of predictions per row; the first N_INPUTS columns are the inputs.\n"
        "\"\"\"\n"
        "import argparse\nimport csv\nimport json\nfrom pathlib import Path\n\n"
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
        "}\n\n\n"
        "class Normalize(layers.Layer):\n"
        "    \"\"\"x' = (x - offset) * scale, fixed (not trained); the identity until load_weights sets "
        "it.\"\"\"\n\n"
        "    def __init__(self, size, **kwargs):\n"
        "        super().__init__(trainable=False, **kwargs)\n"
        "        self.offset = self.add_weight(name=\"offset\", shape=(size,), initializer=\"zeros\", "
        "trainable=False)\n"
        "        self.scale = self.add_weight(name=\"scale\", shape=(size,), initializer=\"ones\", "
        "trainable=False)\n\n"
        "    def call(self, x):\n"
        "        return (x - self.offset) * self.scale\n\n\n" +
        functions + "def build_model():\n" + k.build + "    return keras.Model(inputs=[" + k.inputs +
        "], outputs=" + m.nodes.at(static_cast<std::size_t>(m.output)).ident +
        ", name=" + pyString(makeIdentifier(m.name)) + ")\n";
    s += R"PY(

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
        if "weight" in t:  # Dense: Keras' kernel is [inputs, units]
            values = [t["weight"].T] + ([t["bias"]] if "bias" in t else [])
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
    args = parser.parse_args(argv)
    model = load_weights(build_model(), args.weights)
    x = np.asarray(read_csv(args.csv), dtype="float32").reshape(-1, N_INPUTS)
    parts = np.split(x, np.cumsum(INPUT_SIZES)[:-1], axis=1)
    y = model.predict(parts, verbose=0)
    for row in y.tolist():
        print(",".join(f"{v:.9g}" for v in row))


if __name__ == "__main__":
    main()
)PY";
    return s;
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
