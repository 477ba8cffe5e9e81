#include "export/weights_import.h"

#include "export/export_model.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

namespace nnp {

namespace {

struct Target {
    Matrix *value = nullptr;
    std::string label; ///< "hidden1.weight"
};

} // namespace

int readWeightsJson(Network &net, std::string_view text, const std::string &source)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception &e) {
        throw ExportError(source + " is not JSON: " + e.what());
    }
    if (!j.is_object() || j.value("format", std::string()) != "nnp-weights" || !j.contains("tensors") ||
        !j["tensors"].is_array())
        throw ExportError(source + " is not an NN Playground weights file (format \"nnp-weights\").");

    // The identifiers the exports gave the nodes: the same function names them here.
    const ExportModel names = describeNetwork(net, Normalizer{});
    std::map<std::pair<std::string, std::string>, Target> targets;
    auto add = [&](const NodeParam &p) {
        const std::string &ident = names.nodes.at(static_cast<std::size_t>(p.node)).ident;
        targets[{ident, p.ref.name}] = Target{p.ref.value, ident + "." + p.ref.name};
    };
    for (const NodeParam &p : net.parameters())
        add(p);
    for (const NodeParam &p : net.state())
        add(p);

    std::map<std::pair<std::string, std::string>, std::vector<float>> found;
    for (const auto &t : j["tensors"]) {
        if (!t.is_object() || !t.contains("node") || !t.contains("name") || !t.contains("values") ||
            !t["node"].is_string() || !t["name"].is_string() || !t["values"].is_array())
            throw ExportError(source + ": every tensor needs \"node\", \"name\" and \"values\".");
        const std::pair key{t["node"].get<std::string>(), t["name"].get<std::string>()};
        const auto it = targets.find(key);
        if (it == targets.end())
            throw ExportError(source + ": the network has no tensor " + key.first + "." + key.second + ".");
        const Matrix &m = *it->second.value;
        if (t["values"].size() != static_cast<std::size_t>(m.size()))
            throw ExportError(source + ": " + it->second.label + " has " +
                              std::to_string(t["values"].size()) + " values; the network needs " +
                              std::to_string(m.size()) + ".");
        std::vector<float> values;
        values.reserve(t["values"].size());
        for (const auto &v : t["values"]) {
            if (!v.is_number() || !std::isfinite(v.get<double>()) ||
                !std::isfinite(static_cast<float>(v.get<double>())))
                throw ExportError(source + ": " + it->second.label +
                                  " holds a value that is not a finite number (the training diverged?).");
            values.push_back(static_cast<float>(v.get<double>()));
        }
        if (!found.emplace(key, std::move(values)).second)
            throw ExportError(source + ": " + it->second.label + " appears twice.");
    }
    for (const auto &[key, target] : targets)
        if (!found.count(key)) throw ExportError(source + ": no values for " + target.label + ".");

    for (auto &[key, values] : found) {
        Matrix &m = *targets.at(key).value;
        std::size_t i = 0;
        for (Eigen::Index r = 0; r < m.rows(); ++r) // row-major, as the exports write it
            for (Eigen::Index c = 0; c < m.cols(); ++c)
                m(r, c) = static_cast<Scalar>(values[i++]);
    }
    return static_cast<int>(found.size());
}

int readWeightsFile(Network &net, const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ExportError("Cannot open '" + file.string() + "'.");
    std::stringstream s;
    s << in.rdbuf();
    return readWeightsJson(net, s.str(), file.string());
}

} // namespace nnp
