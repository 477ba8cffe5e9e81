// Evaluating a network on data (loss, accuracy, confusion or MAE and R²), and reading class labels from
// targets: what the trainer reports per epoch and what `nnp eval`, the app and the insights use.
#include "metrics/metrics.h"
#include "train/trainer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace nnp {

const NodeTrace *Trace::find(NodeId id) const
{
    for (const auto &n : nodes)
        if (n.id == id) return &n;
    return nullptr;
}

std::vector<int> labelsFromTargets(const Matrix &y, LossKind loss, int outputs)
{
    if (y.rows() == 1 && (loss == LossKind::SparseCategoricalCrossEntropy || outputs == 1)) {
        std::vector<int> r(static_cast<std::size_t>(y.cols()));
        for (Eigen::Index c = 0; c < y.cols(); ++c)
            r[static_cast<std::size_t>(c)] = static_cast<int>(std::lround(y(0, c)));
        return r;
    }
    return predictedClasses(y);
}

Evaluation evaluate(Network &net, const TrainData &data)
{
    Evaluation e;
    if (data.y.cols() != data.x.cols())
        throw std::invalid_argument("evaluate: " + std::to_string(data.x.cols()) + " samples but " +
                                    std::to_string(data.y.cols()) + " targets.");
    if (data.x.cols() == 0) return e;
    // Chunked, so a large split never needs one huge activation buffer (Network::evaluationChunk); the loss
    // is the sample-weighted mean of the chunks' losses (from logits where the network fuses them).
    const Eigen::Index kChunk = net.evaluationChunk();
    Matrix out(net.outputSize(), data.x.cols());
    double lossSum = 0;
    for (Eigen::Index c = 0; c < data.x.cols(); c += kChunk) {
        const Eigen::Index n = std::min(kChunk, data.x.cols() - c);
        out.middleCols(c, n) = net.forward(data.x.middleCols(c, n), Mode::Eval);
        lossSum += net.lossOf(data.y.middleCols(c, n)) * double(n);
    }
    e.loss = lossSum / double(data.x.cols());
    const LossParams &lp = net.loss();
    if (isClassificationLoss(lp.kind)) {
        const int outputs = net.outputSize();
        const auto truth = labelsFromTargets(data.y, lp.kind, outputs);
        e.predicted = predictedClasses(out);
        e.accuracy = accuracy(e.predicted, truth);
        e.confusion = confusionMatrix(e.predicted, truth, std::max(outputs, 2));
        e.metric = e.accuracy;
    } else {
        e.mae = meanAbsoluteError(out, data.y);
        e.r2 = rSquared(out, data.y);
        e.metric = e.mae;
    }
    return e;
}

} // namespace nnp
