#pragma once
// What the tests that compare with PyTorch share: whether PyTorch is there, the export's float weights, the
// float32 files a PyTorch driver reads, the step-by-step loss comparison, and the samples a torch.onnx.export
// script writes beside its model.

#include "export_test_util.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace nnp::testutil {

/// Debian's PyTorch (and numpy) in /usr/bin/python3: the tests skip without it.
inline bool torchAvailable(bool numpy = true)
{
    return runProcess(QStringLiteral("/usr/bin/python3"),
                      {"-c", numpy ? QStringLiteral("import torch, numpy") : QStringLiteral("import torch")},
                      120000)
               .exitCode == 0;
}

/// Rounds every parameter to float, the values the export writes, so that the double build starts from the
/// same weights as PyTorch too.
inline void roundParametersToFloat(Network &net)
{
    for (auto &p : net.parameters())
        for (Eigen::Index i = 0; i < p.ref.value->size(); ++i)
            p.ref.value->data()[i] = static_cast<Scalar>(static_cast<float>(p.ref.value->data()[i]));
}

/// The columns of `x` (one sample each) as consecutive rows of float32, as numpy.fromfile reads them.
inline void writeFloatRows(const Matrix &x, const QString &file)
{
    std::ofstream out(file.toStdString(), std::ios::binary);
    for (Eigen::Index c = 0; c < x.cols(); ++c)
        for (Eigen::Index r = 0; r < x.rows(); ++r) {
            const float v = static_cast<float>(x(r, c));
            out.write(reinterpret_cast<const char *>(&v), sizeof v);
        }
}

/// Compares our losses with the JSON list a PyTorch driver printed, step by step, relative to PyTorch's.
/// Empty when every step is within `tolerance(step)` (steps from 1), else what differs first; `worst` is the
/// largest relative difference seen.
inline QString compareLosses(const std::vector<double> &ours, const QString &torchJson,
                             const std::function<double(int)> &tolerance, double &worst)
{
    const QJsonArray theirs = QJsonDocument::fromJson(torchJson.toUtf8()).array();
    worst = 0;
    if (theirs.size() != static_cast<qsizetype>(ours.size()))
        return QStringLiteral("PyTorch printed %1 losses for %2 steps").arg(theirs.size()).arg(ours.size());
    for (std::size_t s = 0; s < ours.size(); ++s) {
        const double t = theirs[static_cast<qsizetype>(s)].toDouble(),
                     rel = std::abs(ours[s] - t) / std::abs(t);
        worst = std::max(worst, rel);
        if (!(rel <= tolerance(static_cast<int>(s) + 1)))
            return QStringLiteral("step %1: loss %2, PyTorch %3")
                .arg(s + 1)
                .arg(ours[s], 0, 'g', 17)
                .arg(t, 0, 'g', 17);
    }
    return {};
}

/// The samples a torch.onnx.export script wrote as {"x": [[...], ...], "y": [[...], ...]}: raw inputs and
/// PyTorch's outputs, one column per sample. False when the file cannot be read.
inline bool readTorchSamples(const QString &file, Matrix &raw, Matrix &expected)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return false;
    const QJsonObject d = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonArray x = d["x"].toArray(), y = d["y"].toArray();
    if (x.isEmpty() || y.size() != x.size()) return false;
    const auto features = x[0].toArray().size(), outputs = y[0].toArray().size();
    raw.resize(features, x.size());
    expected.resize(outputs, y.size());
    for (int c = 0; c < x.size(); ++c) {
        for (int k = 0; k < features; ++k)
            raw(k, c) = static_cast<Scalar>(x[c].toArray()[k].toDouble());
        for (int k = 0; k < outputs; ++k)
            expected(k, c) = static_cast<Scalar>(y[c].toArray()[k].toDouble());
    }
    return true;
}

} // namespace nnp::testutil
