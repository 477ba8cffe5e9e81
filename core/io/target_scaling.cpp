#include "io/target_scaling.h"

#include "metrics/metrics.h"
#include "train/divergence_cause.h"

#include <cmath>

namespace nnp {

const Normalizer *outputScaler(const Project &project)
{
    if (!project.preprocessing.scaleTarget || !project.targetScaler || project.targetScaler->isIdentity())
        return nullptr;
    return &*project.targetScaler;
}

void unscaleOutputsInPlace(const Normalizer *scaler, Matrix &out)
{
    if (scaler) scaler->invertInPlace(out);
}

std::optional<OutputAffine> outputAffine(const Project &project)
{
    const Normalizer *s = outputScaler(project);
    if (!s) return std::nullopt;
    OutputAffine a;
    for (Eigen::Index i = 0; i < s->offset.size(); ++i) {
        // In double: 1/scale is the σ the scaler was fitted with, to the float's precision.
        a.gain.push_back(1.0 / double(s->scale(i)));
        a.bias.push_back(double(s->offset(i)));
    }
    return a;
}

bool lossScalesWithTarget(LossKind kind)
{
    return kind == LossKind::MSE || kind == LossKind::MAE;
}

LossUnits lossUnits(LossKind kind, const Normalizer *scaler)
{
    LossUnits u;
    if (!scaler || scaler->isIdentity() || isClassificationLoss(kind)) return u;
    u.scaled = true;
    // σ = 1/scale per output (in double, as outputAffine computes it): one factor only when all agree.
    const double sigma = 1.0 / double(scaler->scale(0));
    for (Eigen::Index r = 1; r < scaler->scale.size(); ++r)
        if (std::abs(1.0 / double(scaler->scale(r)) - sigma) > 1e-6 * sigma) return u;
    u.metricConverts = true;
    u.metricFactor = sigma;
    if (lossScalesWithTarget(kind)) {
        u.lossConverts = true;
        u.lossFactor = kind == LossKind::MSE ? sigma * sigma : sigma;
    }
    return u;
}

EpochRecord LossUnits::shown(EpochRecord r) const
{
    r.trainLoss = loss(r.trainLoss);
    r.trainMetric = metric(r.trainMetric);
    for (std::optional<double> *l : {&r.valLoss, &r.testLoss})
        if (*l) **l = loss(**l);
    for (std::optional<double> *m : {&r.valMetric, &r.testMetric})
        if (*m) **m = metric(**m);
    return r;
}

Evaluation evaluateInTargetUnits(Network &net, const TrainData &data, const Normalizer *scaler)
{
    Evaluation e = evaluate(net, data);
    if (!scaler || isClassificationLoss(net.loss().kind) || data.x.cols() == 0) return e;
    Matrix out = net.predict(data.x);
    Matrix y = data.y;
    scaler->invertInPlace(out);
    scaler->invertInPlace(y);
    if (lossScalesWithTarget(net.loss().kind)) e.loss = lossValue(net.loss(), out, y);
    e.mae = meanAbsoluteError(out, y);
    e.r2 = rSquared(out, y);
    e.metric = e.mae;
    return e;
}

bool targetFarFromUnitScale(const Matrix &targets)
{
    if (targets.size() == 0) return false;
    for (Eigen::Index r = 0; r < targets.rows(); ++r) {
        const Eigen::ArrayXd row = targets.row(r).cast<double>().transpose().array();
        if (!row.allFinite()) return false;
        const double mean = row.mean();
        const double sd = std::sqrt((row - mean).square().mean());
        // Far when the values themselves are large (as the divergence diagnosis counts them) or their spread
        // is: the first errors, and with them the first steps, are that large.
        if (row.abs().maxCoeff() > kUnitScaleLimit || sd > kUnitScaleLimit) return true;
    }
    return false;
}

} // namespace nnp
