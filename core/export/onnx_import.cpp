#include "export/onnx_import.h"
#include "export/onnx_import_detail.h"

#include <onnx/onnx_pb.h>

#include <cstring>
#include <fstream>
#include <sstream>

namespace nnp {

namespace onnximport {

std::string nodeLabel(const onnx::NodeProto &n, int index)
{
    std::string r = "node ";
    if (n.name().empty()) {
        r += '#';
        r += std::to_string(index);
    } else {
        r += '\'';
        r += n.name();
        r += '\'';
    }
    r += " (";
    r += n.op_type();
    r += ')';
    return r;
}

Const toConst(const onnx::TensorProto &t, const std::string &what)
{
    if (t.data_location() == onnx::TensorProto::EXTERNAL)
        throw std::runtime_error(what + " keeps its data in an external file, which is not supported — "
                                        "save the model with its weights inside.");
    Const c;
    std::uint64_t count = 1;
    for (auto d : t.dims()) {
        if (d < 0 || static_cast<std::uint64_t>(d) > kMaxConstElements)
            throw std::runtime_error(what + " has an invalid dimension " + std::to_string(d) + ".");
        count *= static_cast<std::uint64_t>(d);
        if (count > kMaxConstElements) throw std::runtime_error(what + " is too large.");
        c.dims.push_back(d);
    }
    c.data.resize(static_cast<std::size_t>(count));
    const auto n = static_cast<std::size_t>(count);
    switch (t.data_type()) {
    case onnx::TensorProto::FLOAT:
        if (t.has_raw_data()) {
            if (t.raw_data().size() != n * sizeof(float))
                throw std::runtime_error(what + " holds " + std::to_string(t.raw_data().size()) +
                                         " bytes for " + std::to_string(n) +
                                         " floats — the file is damaged.");
            if (n > 0) // an empty vector's data() may be null, and memcpy's pointers must not be
                std::memcpy(c.data.data(), t.raw_data().data(), n * sizeof(float));
        } else if (static_cast<std::size_t>(t.float_data_size()) == n) {
            for (std::size_t i = 0; i < n; ++i)
                c.data[i] = t.float_data(static_cast<int>(i));
        } else {
            throw std::runtime_error(what + " has " + std::to_string(t.float_data_size()) + " values for " +
                                     std::to_string(n) + " elements — the file is damaged.");
        }
        break;
    case onnx::TensorProto::DOUBLE:
        if (t.has_raw_data()) {
            if (t.raw_data().size() != n * sizeof(double))
                throw std::runtime_error(what + " has the wrong number of bytes — the file is damaged.");
            for (std::size_t i = 0; i < n; ++i) {
                double v = 0;
                std::memcpy(&v, t.raw_data().data() + i * sizeof(double), sizeof(double));
                c.data[i] = static_cast<float>(v);
            }
        } else if (static_cast<std::size_t>(t.double_data_size()) == n) {
            for (std::size_t i = 0; i < n; ++i)
                c.data[i] = static_cast<float>(t.double_data(static_cast<int>(i)));
        } else {
            throw std::runtime_error(what + " has the wrong number of values — the file is damaged.");
        }
        break;
    case onnx::TensorProto::BOOL:
    case onnx::TensorProto::INT32:
    case onnx::TensorProto::INT64:
        // Small integer constants (Dropout's training_mode) arrive in int32_data / int64_data / raw bytes.
        if (t.has_raw_data()) {
            const std::size_t width = t.data_type() == onnx::TensorProto::INT64   ? 8
                                      : t.data_type() == onnx::TensorProto::INT32 ? 4
                                                                                  : 1;
            if (t.raw_data().size() != n * width)
                throw std::runtime_error(what + " has the wrong number of bytes — the file is damaged.");
            for (std::size_t i = 0; i < n; ++i) {
                std::int64_t v = 0;
                std::memcpy(&v, t.raw_data().data() + i * width, width); // little-endian
                if (width == 4) v = static_cast<std::int32_t>(v);
                c.data[i] = static_cast<float>(v);
            }
        } else if (t.data_type() == onnx::TensorProto::INT64 &&
                   static_cast<std::size_t>(t.int64_data_size()) == n) {
            for (std::size_t i = 0; i < n; ++i)
                c.data[i] = static_cast<float>(t.int64_data(static_cast<int>(i)));
        } else if (static_cast<std::size_t>(t.int32_data_size()) == n) {
            for (std::size_t i = 0; i < n; ++i)
                c.data[i] = static_cast<float>(t.int32_data(static_cast<int>(i)));
        } else {
            throw std::runtime_error(what + " has the wrong number of values — the file is damaged.");
        }
        break;
    default:
        throw std::runtime_error(what + " has element type " + std::to_string(t.data_type()) +
                                 "; only float tensors can be imported.");
    }
    return c;
}

} // namespace onnximport

ImportedModel importOnnxBytes(std::string_view bytes, const std::string &sourceName)
{
    if (bytes.size() > kMaxOnnxFileBytes)
        throw OnnxImportError(sourceName + ": the file is too large to be a model NN Playground can edit.");
    onnx::ModelProto model;
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
        !model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
        throw OnnxImportError(sourceName +
                              ": not an ONNX model (the file cannot be read as one; it may be damaged "
                              "or a different format).");
    if (!model.has_graph() || model.graph().node_size() == 0)
        throw OnnxImportError(sourceName + ": the ONNX model has no graph (no nodes).");
    return onnximport::importModel(model, sourceName);
}

ImportedModel importOnnx(const std::filesystem::path &file)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) throw OnnxImportError(file.string() + ": cannot open the file (" + ec.message() + ").");
    if (size > kMaxOnnxFileBytes)
        throw OnnxImportError(file.string() + ": the file is too large (" + std::to_string(size >> 20) +
                              " MB) to be a model NN Playground can edit.");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw OnnxImportError(file.string() + ": cannot open the file.");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uintmax_t>(in.gcount()) != size)
        throw OnnxImportError(file.string() + ": the file could not be read completely.");
    return importOnnxBytes(bytes, file.string());
}

void loadTensors(Network &net, const std::vector<StoredTensor> &tensors)
{
    auto fill = [&](std::vector<NodeParam> params) {
        for (auto &p : params) {
            const StoredTensor *found = nullptr;
            for (const auto &t : tensors)
                if (t.node == p.id && t.name == p.ref.name) found = &t;
            const std::string what = "'" + p.ref.name + "' of node '" + p.nodeName + "'";
            if (!found) throw std::invalid_argument("No stored values for " + what + ".");
            Matrix &m = *p.ref.value;
            if (found->rows != m.rows() || found->cols != m.cols() ||
                found->values.size() != static_cast<std::size_t>(m.size()))
                throw std::invalid_argument("The stored " + what + " is " + std::to_string(found->rows) +
                                            "x" + std::to_string(found->cols) + " but the layer needs " +
                                            std::to_string(m.rows()) + "x" + std::to_string(m.cols()) + ".");
            for (Eigen::Index i = 0; i < m.size(); ++i)
                m.data()[i] = static_cast<Scalar>(found->values[static_cast<std::size_t>(i)]);
        }
    };
    fill(net.parameters());
    fill(net.state());
}

Network buildImported(const ImportedModel &model)
{
    Network net = Network::build(model.graph, 1);
    loadTensors(net, model.weights);
    return net;
}

} // namespace nnp
