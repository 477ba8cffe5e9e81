#include "train/embedding_map.h"

#include "data/tokenizer.h"
#include "layers/embedding.h"
#include "train/network.h"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace nnp {

Pca2 pca2(const Eigen::MatrixXd &vectors, const PcaAxes *previous)
{
    const Eigen::Index dim = vectors.rows(), n = vectors.cols();
    Pca2 p;
    p.mean = n > 0 ? Eigen::VectorXd(vectors.rowwise().mean()) : Eigen::VectorXd::Zero(dim);
    p.axes = PcaAxes::Zero(dim, 2);
    p.points = Eigen::Matrix<double, 2, Eigen::Dynamic>::Zero(2, n);
    if (dim == 0) return p;
    const Eigen::MatrixXd centred = vectors.colwise() - p.mean;
    Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(dim, dim);
    if (n >= 2) cov = centred * centred.transpose() / static_cast<double>(n - 1);
    p.totalVariance = cov.trace();
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(cov);
    // Eigenvalues in increasing order: the last two columns are the axes we want.
    for (int k = 0; k < 2 && k < dim; ++k) {
        const Eigen::Index col = dim - 1 - k;
        p.variance[k] = std::max(0.0, solver.eigenvalues()(col));
        Eigen::VectorXd axis = solver.eigenvectors().col(col);
        double sign = 1;
        if (previous && previous->rows() == dim) {
            sign = axis.dot(previous->col(k)) < 0 ? -1 : 1;
        } else {
            Eigen::Index largest = 0;
            for (Eigen::Index i = 1; i < dim; ++i)
                if (std::abs(axis(i)) > std::abs(axis(largest))) largest = i;
            sign = axis(largest) < 0 ? -1 : 1;
        }
        p.axes.col(k) = sign * axis;
    }
    p.points = p.axes.transpose() * centred;
    return p;
}

std::vector<NodeId> embeddingNodes(const Network &net)
{
    std::vector<NodeId> ids;
    for (const auto &n : net.nodes())
        if (n.kind == LayerKind::Embedding) ids.push_back(n.id);
    return ids;
}

std::string idLabel(const CsvColumn &column, int id)
{
    const auto word = [&](int k) -> std::string {
        return k >= 0 && k < static_cast<int>(column.categories.size())
                   ? column.categories[static_cast<std::size_t>(k)]
                   : "#" + std::to_string(id);
    };
    if (column.text()) {
        if (id == kPaddingToken) return "<pad>";
        if (id == kUnknownToken) return "<unknown>";
        return word(id - 2);
    }
    if (column.ids) return id == kUnknownId ? "<unknown>" : word(id - 1);
    return "#" + std::to_string(id);
}

EmbeddingMap embeddingMap(const Network &net, NodeId node, const Matrix &inputs, int most,
                          const CsvSchema *schema, const PcaAxes *previous)
{
    const int index = net.nodeIndex(node);
    if (index < 0 || net.nodes()[static_cast<std::size_t>(index)].kind != LayerKind::Embedding)
        throw std::invalid_argument("embeddingMap: node " + std::to_string(node) + " is no Embedding");
    const auto &n = net.nodes()[static_cast<std::size_t>(index)];
    const auto &layer = static_cast<const Embedding &>(*n.layer);
    const Matrix &table = layer.weight();
    EmbeddingMap m;
    m.node = node;
    m.name = n.name;
    m.vocabulary = static_cast<int>(table.rows());
    m.dim = static_cast<int>(table.cols());
    const bool maskZero = layer.options().maskZero;

    // Where the ids come from: the Input that feeds the Embedding, at its offset among the network's inputs.
    std::vector<long long> counts(static_cast<std::size_t>(m.vocabulary), 0);
    const int producer = n.inputs.empty() ? -1 : n.inputs.front();
    long long offset = -1, width = 0;
    if (producer >= 0 && net.nodes()[static_cast<std::size_t>(producer)].kind == LayerKind::Input) {
        long long at = 0;
        for (int i : net.inputNodes()) {
            const long long size = net.nodes()[static_cast<std::size_t>(i)].shape.size();
            if (i == producer) {
                offset = at;
                width = size;
            }
            at += size;
        }
    }
    if (offset >= 0 && offset + width <= inputs.rows()) {
        for (Eigen::Index c = 0; c < inputs.cols(); ++c)
            for (long long r = offset; r < offset + width; ++r) {
                const double v = static_cast<double>(inputs(static_cast<Eigen::Index>(r), c));
                if (v >= 0 && v < m.vocabulary && v == std::floor(v)) ++counts[static_cast<std::size_t>(v)];
            }
    } else {
        std::fill(counts.begin(), counts.end(), 1);
    }
    if (maskZero && !counts.empty()) counts[0] = 0;

    std::vector<int> order(static_cast<std::size_t>(m.vocabulary));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return counts[static_cast<std::size_t>(a)] > counts[static_cast<std::size_t>(b)];
    });
    for (int id : order) {
        if (static_cast<int>(m.ids.size()) >= most || counts[static_cast<std::size_t>(id)] == 0) break;
        m.ids.push_back(id);
        m.counts.push_back(counts[static_cast<std::size_t>(id)]);
    }

    // Labels from the CSV column that the Input's rows are.
    const CsvColumn *column = nullptr;
    if (schema && offset >= 0) {
        long long at = 0;
        for (const auto &c : schema->features) {
            if (at == offset && c.width() == width && (c.ids || c.text())) column = &c;
            at += c.width();
        }
    }
    if (column) m.column = column->name;
    for (int id : m.ids)
        m.labels.push_back(column ? idLabel(*column, id) : "#" + std::to_string(id));

    Eigen::MatrixXd vectors(m.dim, static_cast<Eigen::Index>(m.ids.size()));
    for (std::size_t k = 0; k < m.ids.size(); ++k)
        vectors.col(static_cast<Eigen::Index>(k)) = table.row(m.ids[k]).transpose().cast<double>();
    m.pca = pca2(vectors, previous);
    return m;
}

} // namespace nnp
