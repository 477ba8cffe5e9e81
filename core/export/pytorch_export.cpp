#include "export/code_export.h"
#include "export/code_export_common.h"
#include "export/project_meaning.h"
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

// The train command: the project's loss, SGD or Adam, and DistributedDataParallel under torchrun. Every
// process takes its share of each global batch and scales its summed loss by WORLD_SIZE / batch size, so
// that DDP's average of the gradients is the gradient of the global batch's mean loss: N processes take
// the same steps as one (up to float rounding).
constexpr const char *kTrainCommand = R"PY(

def read_training_csv(path):
    """Inputs and targets of the rows marked "train" in the CSV `nnp export --format data` writes (the
    features, then the label or the targets, then a split column; without one every row trains)."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = [row for row in csv.reader(f) if any(cell.strip() for cell in row)]
    header, rows = rows[0], rows[1:]
    if "split" in header:
        k = header.index("split")
        rows = [row for row in rows if row[k].strip() == "train"]
    x = torch.tensor([[float(v) for v in row[:N_INPUTS]] for row in rows], dtype=torch.float32)
    if TASK == "classification":
        labels = [row[N_INPUTS].strip() for row in rows]
        y = torch.tensor([CLASS_NAMES.index(v) if v in CLASS_NAMES else int(float(v)) for v in labels])
    else:
        y = torch.tensor([[float(v) for v in row[N_INPUTS:N_INPUTS + max(1, len(TARGET_NAMES))]]
                          for row in rows], dtype=torch.float32)
    return x, y


def loss_sum(out, y):
    """The project's loss (LOSS) summed over the rows of a batch."""
    if LOSS in ("binary_crossentropy",):
        target = y.float().reshape(-1, 1) if out.shape[1] == 1 else F.one_hot(y, out.shape[1]).float()
        if OUTPUT_PROBABILITIES:
            bce = F.binary_cross_entropy(out.clamp(1e-7, 1 - 1e-7), target, reduction="none")
        else:
            bce = F.binary_cross_entropy_with_logits(out, target, reduction="none")
        return bce.mean(dim=1).sum()
    if LOSS in ("categorical_crossentropy", "sparse_categorical_crossentropy"):
        log_p = torch.log(out.clamp_min(1e-12)) if OUTPUT_PROBABILITIES else F.log_softmax(out, dim=1)
        return F.nll_loss(log_p, y, reduction="sum")
    if TASK == "classification":  # a regression loss on class labels: the class index as the target
        y = y.float().reshape(-1, 1)
    if LOSS == "mae":
        return (out - y).abs().mean(dim=1).sum()
    if LOSS == "huber":  # delta 1
        return F.huber_loss(out, y, reduction="none", delta=1.0).mean(dim=1).sum()
    return ((out - y) ** 2).mean(dim=1).sum()


def scaled_targets(out, y):
    """The loss is the project's: on the z-scored target when the model scales it (TARGET_GAIN)."""
    if TARGET_GAIN is None or TASK == "classification":
        return out, y
    gain, bias = torch.tensor(TARGET_GAIN), torch.tensor(TARGET_BIAS)
    return (out - bias) / gain, (y - bias) / gain


def save_weights(model, source, path):
    """Writes the model's tensors into a copy of the nnp-weights file `source` (the same nodes, names and
    shapes), which `nnp import-weights` reads back into the project."""
    with open(source, encoding="utf-8") as f:
        data = json.load(f)
    state = model.state_dict()
    for t in data["tensors"]:
        t["values"] = state[f"{t['node']}.{PARAMETER_NAMES[t['name']]}"].detach().reshape(-1).tolist()
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)


def train_command(argv):
    parser = argparse.ArgumentParser(
        description="Trains the model on the rows marked train of `nnp export --format data`'s CSV; runs "
                    "alone or under torchrun (DistributedDataParallel, gloo).")
    parser.add_argument("csv", help="the dataset CSV (features, label or targets, split)")
    parser.add_argument("--weights", default=str(WEIGHTS_FILE), help="the nnp-weights file to start from")
    parser.add_argument("--from-scratch", action="store_true", help="fresh initial weights (seeded)")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=32, help="the global batch, over all processes")
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--optimizer", choices=["sgd", "adam"], default="sgd")
    parser.add_argument("--seed", type=int, default=1, help="the shuffling (and --from-scratch) seed")
    parser.add_argument("--out", default="trained_weights.json", help="where rank 0 writes the weights")
    args = parser.parse_args(argv)
    world, rank = int(os.environ.get("WORLD_SIZE", "1")), int(os.environ.get("RANK", "0"))
    if world > 1:
        torch.distributed.init_process_group("gloo")
    torch.manual_seed(args.seed)
    model = load_weights(Model(), args.weights)
    if args.from_scratch:
        for module in model.modules():
            if module is not model and hasattr(module, "reset_parameters"):
                module.reset_parameters()
    model.train()
    net = torch.nn.parallel.DistributedDataParallel(model) if world > 1 else model
    x, y = read_training_csv(args.csv)
    optimizer = (torch.optim.Adam if args.optimizer == "adam" else torch.optim.SGD)(model.parameters(),
                                                                                   lr=args.lr)
    order_rng = torch.Generator().manual_seed(args.seed)
    for epoch in range(args.epochs):
        order = torch.randperm(x.shape[0], generator=order_rng)
        total = 0.0
        for start in range(0, x.shape[0], args.batch_size):
            batch = order[start:start + args.batch_size]
            mine = batch[rank::world]  # this process's share of the global batch
            optimizer.zero_grad()
            out = net(*split_inputs(x[mine]))
            loss = loss_sum(*scaled_targets(out.reshape(out.shape[0], -1), y[mine])) * (world / len(batch))
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch) / world
        if world > 1:
            t = torch.tensor([total], dtype=torch.float64)
            torch.distributed.all_reduce(t)
            total = t.item()
        if rank == 0:
            print(f"epoch {epoch + 1} loss {total / x.shape[0]:.9g}", flush=True)
    if rank == 0:
        save_weights(model, args.weights, args.out)
        print(f"Wrote {args.out}", flush=True)
    if world > 1:
        torch.distributed.destroy_process_group()
)PY";

} // namespace

std::string pytorchScript(const ExportModel &m, const std::string &weightsFileName)
{
    std::string init, fwd, args;
    for (std::size_t k = 0; k < m.inputs.size(); ++k)
        args += ", " + m.nodes.at(static_cast<std::size_t>(m.inputs[k])).ident;
    for (std::size_t i = 0; i < m.nodes.size(); ++i)
        emitNode(m, i, init, fwd);
    const std::string &result = m.nodes.at(static_cast<std::size_t>(m.output)).ident;
    if (m.scalesOutput())
        fwd += "        # The network learnt the z-scored target: back in its own units.\n"
               "        return " +
               result + " * self.target_gain + self.target_bias\n";
    else
        fwd += "        return " + result + "\n";

    const std::string stem = commentText(weightsFileName.substr(0, weightsFileName.rfind("_weights.json")));
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
        stem + ".py inputs.csv [--weights FILE] [--raw] [--no-header]\n" + meaningDoc(m) +
        "Train (on the CSV `nnp export --format data` writes; also under torchrun with\n"
        "DistributedDataParallel, e.g. torchrun --nproc_per_node=2):\n"
        "      python3 " +
        stem +
        ".py train data.csv --epochs 10 --batch-size 32 --lr 0.01 --out trained.json\n"
        "      then: nnp import-weights PROJECT.nnp trained.json --out TRAINED.nnp\n"
        "Train further:\n"
        "      model = load_weights(Model()).train()\n"
        "      optimizer = torch.optim.SGD(model.parameters(), lr=0.01)\n"
        "      loss = F.mse_loss(model(*split_inputs(x)), target); loss.backward(); optimizer.step()\n"
        "\"\"\"\n"
        "import argparse\nimport csv\nimport io\nimport json\nimport math\nimport os\nimport sys\n"
        "from pathlib import Path\n\n"
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
        "                   \"bias_hh\": \"bias_hh_l0\"}\n" +
        targetScalingConstants(m) +
        "OUTPUT_PROBABILITIES = " + std::string(outputIsProbability(m) ? "True" : "False") +
        "  # the output is already a softmax / sigmoid (else scores)\n" + pythonMeaning(m) +
        "\n\n"
        "class Model(nn.Module):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        # The input normalisation (identity until load_weights sets it).\n"
        "        self.register_buffer(\"input_offset\", torch.zeros(N_INPUTS))\n"
        "        self.register_buffer(\"input_scale\", torch.ones(N_INPUTS))\n" +
        std::string(
            m.scalesOutput()
                ? "        # The target scaling: outputs * TARGET_GAIN + TARGET_BIAS are the predictions.\n"
                  "        self.register_buffer(\"target_gain\", torch.tensor(TARGET_GAIN))\n"
                  "        self.register_buffer(\"target_bias\", torch.tensor(TARGET_BIAS))\n"
                : "") +
        init + "\n    def forward(self" + args + "):\n" + fwd;
    s += R"PY(

def load_weights(model, path=WEIGHTS_FILE):
    """Copies every tensor of an "nnp-weights" JSON file into the model, checking names and shapes."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data.get("format") != "nnp-weights":
        raise ValueError(f"{path} is not an NN Playground weights file")
    state = model.state_dict()
    expected = {k for k in state if not k.endswith("num_batches_tracked") and not k.startswith(("input_", "target_"))}
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
    s += kTrainCommand;
    s += R"PY(

def predict_command(argv):
    parser = argparse.ArgumentParser(description="Predictions of the exported NN Playground model.")
    parser.add_argument("csv", help="raw inputs, one sample per row")
    parser.add_argument("--weights", default=str(WEIGHTS_FILE), help="the nnp-weights JSON file")
    parser.add_argument("--raw", action="store_true", help="print the model's outputs as they are")
    parser.add_argument("--no-header", action="store_true", help="leave out the header line")
    args = parser.parse_args(argv)
    model = load_weights(Model(), args.weights).eval()
    rows = read_raw_csv(args.csv)
    x = torch.tensor(rows if rows is not None else read_csv(args.csv), dtype=torch.float32).reshape(-1, N_INPUTS)
    with torch.no_grad():
        y = model(*split_inputs(x))
    outputs = y.reshape(y.shape[0], -1).tolist()
    if args.raw:
        for row in outputs:
            print(",".join(f"{v:.9g}" for v in row))
    else:
        print_predictions(outputs, header=not args.no_header)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "train":
        train_command(argv[1:])
    else:
        predict_command(argv)


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
