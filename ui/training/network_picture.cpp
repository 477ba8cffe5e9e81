#include "training/network_picture.h"

#include "layers/dense.h"
#include "style/palette.h"
#include "train/network.h"

#include <algorithm>
#include <cmath>

namespace nnp {

int NetworkPicture::columnOf(NodeId id) const
{
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (layers[i].id == id) return static_cast<int>(i);
    return -1;
}

double heatmapValue(ActivationKind f, double a, double maxAbs)
{
    switch (f) {
    case ActivationKind::Tanh:
        return std::clamp(a, -1.0, 1.0);
    case ActivationKind::Sigmoid:
        return std::clamp(2.0 * a - 1.0, -1.0, 1.0);
    default:
        return maxAbs > 0 ? std::clamp(a / maxAbs, -1.0, 1.0) : 0.0;
    }
}

namespace {
QImage heatmap(const Matrix &y, int row, int size, ActivationKind f)
{
    QImage img(size, size, QImage::Format_RGB32);
    const auto values = y.row(row);
    const double maxAbs = values.size() > 0 ? double(values.cwiseAbs().maxCoeff()) : 0.0;
    for (int r = 0; r < size; ++r) {
        auto *line = reinterpret_cast<QRgb *>(img.scanLine(r));
        for (int c = 0; c < size; ++c)
            line[c] = divergingColor(heatmapValue(f, double(values(r * size + c)), maxAbs)).rgb();
    }
    return img;
}
} // namespace

PicturePtr buildNetworkPicture(Network &net, const Matrix *gridInputs, int mapSize,
                               const QStringList &inputNames, const QStringList &classNames)
{
    auto pic = std::make_shared<NetworkPicture>();
    if (inputNames.size() == net.inputSize()) pic->inputNames = inputNames;
    const auto &nodes = net.nodes();
    const bool maps = gridInputs && mapSize > 0 && gridInputs->rows() == net.inputSize() &&
                      gridInputs->cols() == Eigen::Index(mapSize) * mapSize;
    if (maps) {
        net.forward(*gridInputs, Mode::Eval);
        pic->mapSize = mapSize;
    }
    bool haveInput = false;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Network::Node &n = nodes[i];
        PictureLayer l;
        l.id = n.id;
        l.name = QString::fromStdString(n.name);
        l.kind = n.kind;
        if (n.kind == LayerKind::Input && !haveInput) {
            haveInput = true;
            l.units = static_cast<int>(n.shape.size());
            l.activation = ActivationKind::Linear;
        } else if (n.kind == LayerKind::Dense) {
            auto &dense = static_cast<Dense &>(*n.layer);
            l.units = dense.options().units;
            l.activation = dense.options().activation.kind;
            l.weight = dense.weight();
            if (dense.options().useBias) l.bias = dense.bias();
        } else {
            continue;
        }
        if (maps && l.units <= kMaxDrawnNeurons && n.y.rows() == l.units)
            for (int u = 0; u < l.units; ++u)
                l.maps.push_back(heatmap(n.y, u, mapSize, l.activation));
        pic->layers.push_back(std::move(l));
    }
    if (pic->layers.size() > 1 && pic->layers.back().units == classNames.size())
        pic->outputNames = classNames;
    return pic;
}

} // namespace nnp
