#pragma once
// The embedding map (issue 11): an Embedding's learned vectors projected to 2-D by principal component
// analysis, in double, for a view that moves live while training. The axes keep their direction between
// updates (each new axis is turned to agree with the previous one), so the picture does not flip.

#include "data/csv.h"
#include "graph/graph_spec.h"
#include "tensor.h"

#include <optional>
#include <string>
#include <vector>

namespace nnp {

class Network;

/// A [dim x 2] pair of orthonormal principal axes, the larger variance first.
using PcaAxes = Eigen::Matrix<double, Eigen::Dynamic, 2>;

/// The two principal axes of a set of vectors and the vectors' coordinates on them.
struct Pca2 {
    Eigen::VectorXd mean;                            ///< [dim]
    PcaAxes axes;                                    ///< [dim x 2]; a zero column when dim < 2
    double variance[2] = {0, 0};                     ///< along each axis (covariance with 1/(n − 1))
    double totalVariance = 0;                        ///< the covariance's trace: the variance of all dims
    Eigen::Matrix<double, 2, Eigen::Dynamic> points; ///< [2 x n]: (vector − mean) on the axes
    /// The share of the total variance along axis k (0 or 1).
    [[nodiscard]] double explained(int k) const
    {
        return totalVariance > 0 ? variance[k] / totalVariance : 0.0;
    }
};

/// PCA of the columns of `vectors` ([dim x n], one vector per column): centred, the covariance's eigenvectors
/// (Eigen's SelfAdjointEigenSolver) for the two largest eigenvalues. Signs: with `previous` axes of the same
/// dim, each axis points so that its dot product with the previous one is not negative; else its largest
/// component (by magnitude, the first of equal ones) is positive. Fewer than two vectors: zero variance.
Pca2 pca2(const Eigen::MatrixXd &vectors, const PcaAxes *previous = nullptr);

/// One Embedding's vectors on the map.
struct EmbeddingMap {
    NodeId node = 0;
    std::string name;
    int vocabulary = 0, dim = 0;
    std::vector<int> ids;            ///< the ids shown (rows of the table), most frequent first
    std::vector<long long> counts;   ///< how often each appears in the data given
    std::vector<std::string> labels; ///< per shown id: its word or value, else "#id"
    std::string column;              ///< the CSV text or id column the ids come from, if any
    Pca2 pca;                        ///< of the shown ids' vectors, points in the order of `ids`
};

/// The Embeddings of a network, in network order.
std::vector<NodeId> embeddingNodes(const Network &net);

/// The map of Embedding `node` (a node of `net`): the ids that appear in `inputs` ([inputSize x N], the
/// network's inputs) at the rows its Input feeds it, at most `most` of them, the most frequent first (ties by
/// id); the padding id 0 of mask_zero is left out. When its input is no Input node every id counts once.
/// Labels come from `schema` (a CSV's: the text column's words, the id column's values) when the Input's
/// rows are a text or id column, else "#id". Throws std::invalid_argument when `node` is no Embedding.
EmbeddingMap embeddingMap(const Network &net, NodeId node, const Matrix &inputs, int most,
                          const CsvSchema *schema = nullptr, const PcaAxes *previous = nullptr);

/// The label of id `id` of a CSV's text or id column: a text column's id 0 is "<pad>", 1 "<unknown>", k + 2
/// its word k; an id column's 0 is "<unknown>", k + 1 its value k; else "#id".
std::string idLabel(const CsvColumn &column, int id);

} // namespace nnp
