// The importer's image operators: Conv, MaxPool, AveragePool, GlobalAveragePool and a Pad of nothing, their
// windows matched to `valid` or Keras' `same` padding.
#include "export/onnx_import_ops.h"

#include "layers/conv2d.h"
#include "layers/pooling.h"
#include "layers/simple_layers.h"

namespace nnp::onnximport {

std::vector<int> OpImporter::intsAttr(const onnx::NodeProto &n, int i, const std::string &name,
                                      std::size_t count, int def) const
{
    const onnx::AttributeProto *a = attribute(n, name);
    if (!a) return std::vector<int>(count, def);
    if (a->type() != onnx::AttributeProto::INTS || static_cast<std::size_t>(a->ints_size()) != count)
        fail(n, i, "the attribute " + name + " must list " + std::to_string(count) + " whole numbers.");
    std::vector<int> r;
    for (long long v : a->ints()) {
        if (v < 0 || v > 1'000'000)
            fail(n, i, "the attribute " + name + " has the value " + std::to_string(v) + ".");
        r.push_back(static_cast<int>(v));
    }
    return r;
}

const Value &OpImporter::image(const onnx::NodeProto &n, int i) const
{
    const Value &x = layerValue(n, i, 0);
    if (x.dims.size() != 3)
        fail(n, i,
             "it needs images [N, channels, height, width], but its input has " + std::to_string(x.features) +
                 " values per sample without that shape.");
    return x;
}

WindowOptions OpImporter::window(const onnx::NodeProto &n, int i, const Value &x, std::vector<int> kernel,
                                 bool dilations) const
{
    WindowOptions w;
    w.size = std::move(kernel);
    if (w.size.size() != 2 || w.size[0] < 1 || w.size[1] < 1)
        fail(n, i, "only 2-D windows of at least 1×1 are supported.");
    w.stride = intsAttr(n, i, "strides", 2, 1);
    w.dilation = dilations ? intsAttr(n, i, "dilations", 2, 1) : std::vector<int>{1, 1};
    for (int v : w.stride)
        if (v < 1) fail(n, i, "strides must be at least 1.");
    for (int v : w.dilation)
        if (v < 1) fail(n, i, "dilations must be at least 1.");
    if (intAttr(n, i, "ceil_mode", 0) != 0) fail(n, i, "ceil_mode = 1 is not supported.");
    const Shape in(x.dims);
    const onnx::AttributeProto *autoPad = attribute(n, "auto_pad");
    const std::string mode = autoPad ? autoPad->s() : "NOTSET";
    if (mode == "VALID") return w;
    if (mode == "SAME_UPPER") {
        w.padding = Padding::Same;
        return w;
    }
    if (mode != "NOTSET")
        fail(n, i,
             "auto_pad = " + mode + " is not supported (NN Playground pads as SAME_UPPER, Keras' 'same').");
    const std::vector<int> pads = intsAttr(n, i, "pads", 4, 0);
    for (Padding p : {Padding::Valid, Padding::Same}) {
        w.padding = p;
        const WindowGeometry g = windowGeometry(in, w);
        if (g.outPlane() > 0 && pads == std::vector<int>{g.padTop, g.padLeft, g.padBottom, g.padRight})
            return w;
    }
    fail(n, i,
         "the padding [" + std::to_string(pads[0]) + ", " + std::to_string(pads[1]) + ", " +
             std::to_string(pads[2]) + ", " + std::to_string(pads[3]) +
             "] (top, left, bottom, right) is neither 'valid' nor Keras' 'same' for this input; NN "
             "Playground supports those two.");
}

void OpImporter::conv(const onnx::NodeProto &n, int i)
{
    const Value &x = image(n, i);
    const Const &w = constant(n, i, 1);
    if (intAttr(n, i, "group", 1) != 1) fail(n, i, "grouped convolutions (group > 1) are not supported.");
    if (w.dims.size() != 4 || w.dims[1] != x.dims[0])
        fail(n, i, "the weight must be [filters, " + std::to_string(x.dims[0]) + ", height, width].");
    const auto filters = static_cast<int>(w.dims[0]);
    const std::vector<int> kernel{static_cast<int>(w.dims[2]), static_cast<int>(w.dims[3])};
    if (attribute(n, "kernel_shape") && intsAttr(n, i, "kernel_shape", 2, 1) != kernel)
        fail(n, i, "kernel_shape disagrees with the weight's shape.");
    const WindowOptions win = window(n, i, x, kernel, true);
    const WindowGeometry g = windowGeometry(Shape(x.dims), win);
    if (g.outPlane() == 0) fail(n, i, "the kernel does not fit in the input.");
    std::optional<std::vector<float>> bias;
    if (n.input_size() > 2 && !n.input(2).empty()) {
        const Const &b = constant(n, i, 2);
        if (b.data.size() != static_cast<std::size_t>(filters))
            fail(n, i, "the bias must have one value per filter.");
        bias = b.data;
    }
    const LayerOptions o = LayerOptions()
                               .set(opt::conv2d::filters, filters)
                               .set(opt::conv2d::kernel, win.size)
                               .set(opt::conv2d::strides, win.stride)
                               .set(opt::conv2d::dilation, win.dilation)
                               .set(opt::conv2d::padding, win.padding)
                               .set(opt::conv2d::useBias, bias.has_value())
                               .set(opt::activation, ActivationKind::Linear);
    const NodeId id = addNode(LayerKind::Conv2D, nameFor(n), o, {x.node});
    // ONNX's [filters, channels, kh, kw] row-major is our [filters x channels·kh·kw] row by row.
    const int patch = g.patch();
    std::vector<float> colMajor(static_cast<std::size_t>(filters) * static_cast<std::size_t>(patch));
    for (int f = 0; f < filters; ++f)
        for (int k = 0; k < patch; ++k)
            colMajor[static_cast<std::size_t>(k) * static_cast<std::size_t>(filters) +
                     static_cast<std::size_t>(f)] =
                w.data[static_cast<std::size_t>(f) * static_cast<std::size_t>(patch) +
                       static_cast<std::size_t>(k)];
    m_weights.push_back({id, "weight", filters, patch, std::move(colMajor)});
    if (bias) m_weights.push_back({id, "bias", filters, 1, std::move(*bias)});
    Value v = layerOut(id, filters * g.outPlane());
    v.dims = {filters, g.outHeight, g.outWidth};
    v.fusable = true;
    output(n, i, v);
}

void OpImporter::pool(const onnx::NodeProto &n, int i, LayerKind kind)
{
    const Value &x = image(n, i);
    if (intAttr(n, i, "storage_order", 0) != 0) fail(n, i, "storage_order = 1 is not supported.");
    if (n.output_size() > 1 && !n.output(1).empty() && uses(n.output(1)) > 0)
        fail(n, i, "its indices output is used, which NN Playground cannot represent.");
    const WindowOptions win =
        window(n, i, x, intsAttr(n, i, "kernel_shape", 2, 0), kind == LayerKind::MaxPool2D);
    for (int d : win.dilation)
        if (d != 1) fail(n, i, "dilated pooling is not supported.");
    const WindowGeometry g = windowGeometry(Shape(x.dims), win);
    if (g.outPlane() == 0) fail(n, i, "the window does not fit in the input.");
    // ONNX's AveragePool counts padded pixels only with count_include_pad = 1; Keras' `same` never does.
    if (kind == LayerKind::AveragePool2D && intAttr(n, i, "count_include_pad", 0) != 0 &&
        g.padTop + g.padLeft + g.padBottom + g.padRight > 0)
        fail(n, i,
             "count_include_pad = 1 with padding is not supported (NN Playground averages only the pixels "
             "a window covers).");
    const LayerOptions o = LayerOptions()
                               .set(opt::pool2d::size, win.size)
                               .set(opt::pool2d::strides, win.stride)
                               .set(opt::pool2d::padding, win.padding);
    Value v = layerOut(addNode(kind, nameFor(n), o, {x.node}), g.channels * g.outPlane());
    v.dims = {g.channels, g.outHeight, g.outWidth};
    output(n, i, v);
}

void OpImporter::globalAveragePool(const onnx::NodeProto &n, int i)
{
    // [N, C, H, W] -> [N, C, 1, 1]: our GlobalAveragePool2D gives [N, C], which a Flatten (or a Reshape to
    // [N, C]) after it leaves as it is.
    const Value &x = image(n, i);
    Value v = layerOut(addNode(LayerKind::GlobalAveragePool2D, nameFor(n), {}, {x.node}), x.dims[0]);
    v.dims = {x.dims[0], 1, 1};
    output(n, i, v);
}

void OpImporter::pad(const onnx::NodeProto &n, int i)
{
    layerValue(n, i, 0);
    std::vector<float> pads;
    if (n.input_size() > 1 && !n.input(1).empty())
        pads = constant(n, i, 1).data;
    else if (const onnx::AttributeProto *a = attribute(n, "pads"))
        for (long long v : a->ints())
            pads.push_back(static_cast<float>(v));
    for (float v : pads)
        if (v != 0.0f)
            fail(n, i,
                 "padding an image on its own is not supported; NN Playground pads inside Conv and pooling "
                 "layers ('same').");
    passThrough(n, i, 0);
}

ImportedModel importModel(const onnx::ModelProto &model, const std::string &source)
{
    return OpImporter(model, source).run();
}

} // namespace nnp::onnximport
