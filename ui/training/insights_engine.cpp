#include "training/insights_engine.h"

#include "i18n/typed_row_text.h"
#include "io/typed_row.h"
#include "layers/activations.h"
#include "layers/conv2d.h"
#include "layers/layer_registry.h"
#include "layers/simple_layers.h"

#include "metrics/metrics.h"
#include "style/palette.h"
#include "training/training_session.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace nnp {

namespace {
constexpr qint64 kStatsMinMs = 300;      // layer statistics at most ~3 times a second ...
constexpr qint64 kConfusionMinMs = 1000; // the confusion matrix (a whole split) at most once a second ...
constexpr qint64 kCostFactor = 25;       // ... and each never more than 4 % of the worker's time
constexpr qint64 kProbeMinMs = 100;      // the probe (one sample) at most 10 times a second while training
constexpr int kMaxListedInputs = 2000;   // misclassified samples whose inputs travel with the matrix
constexpr qint64 kMapsMinMs = 250;       // feature maps (one sample) at most 4 times a second ...
constexpr qint64 kKernelsMinMs = 250;    // ... and the kernels too
constexpr qint64 kSequenceMinMs = 200; // the embedding map and the unrolled sentence at most 5 times a second

QString tr(const char *text)
{
    return QCoreApplication::translate("nnp::InsightsEngine", text);
}

bool isRelu(const Network &net, const Network::Node &node)
{
    if (node.kind != LayerKind::Dense && node.kind != LayerKind::Activation) return false;
    for (const NodeSpec &n : net.spec().nodes)
        if (n.id == node.id) return n.options.get(opt::activation) == ActivationKind::ReLU;
    return false;
}

QStringList classNamesOf(const Dataset &d)
{
    QStringList names;
    for (const std::string &n : d.classNames)
        names << QString::fromStdString(n);
    return names;
}

/// The {height, width} of a one-channel image sample: the dataset's own ({1, H, W} from IDX), or a square of
/// pixels for flat data whose size is a square of at least 8 × 8 (the digits CSV has 64 columns): {} when the
/// data is not a one-channel image.
std::vector<int> imageShape(const Dataset &d)
{
    const std::vector<int> &dims = d.sampleShape.dims;
    if (dims.size() == 3) return dims[0] == 1 ? std::vector<int>{dims[1], dims[2]} : std::vector<int>{};
    if (dims.size() == 2) return dims;
    const int n = d.features();
    const int side = static_cast<int>(std::lround(std::sqrt(double(n))));
    if (n >= 64 && side * side == n) return {side, side};
    return {};
}

bool isImage(const Dataset &d)
{
    return !imageShape(d).empty();
}

bool isImageLayer(LayerKind k)
{
    return k == LayerKind::Conv2D || k == LayerKind::MaxPool2D || k == LayerKind::AveragePool2D ||
           k == LayerKind::GlobalAveragePool2D;
}

/// Channel maps of one sample's values with the per-sample shape `dims` ([C, H, W]; a flat [C] is C maps of
/// 1 × 1, as a global pooling layer makes). `allowGray`: dark ink on white from 0 to the largest value (an
/// input image without negative values), else the diverging scale symmetric around 0.
ChannelMaps channelMaps(const Scalar *v, const std::vector<int> &dims, bool allowGray)
{
    ChannelMaps m;
    m.channels = dims.empty() ? 0 : dims[0];
    m.height = dims.size() >= 3 ? dims[1] : 1;
    m.width = dims.size() >= 3 ? dims[2] : 1;
    const auto n = static_cast<std::size_t>(m.channels) * std::size_t(m.height) * std::size_t(m.width);
    m.values.assign(v, v + n);
    double lo = 0;
    for (float x : m.values) {
        if (!std::isfinite(x)) continue;
        m.scale = std::max(m.scale, double(std::abs(x)));
        lo = std::min(lo, double(x));
    }
    const bool gray = allowGray && lo >= 0;
    for (int c = 0; c < m.channels; ++c) {
        QImage img(m.width, m.height, QImage::Format_RGB32);
        for (int y = 0; y < m.height; ++y)
            for (int x = 0; x < m.width; ++x) {
                const double t = m.scale > 0 ? double(m.at(c, y, x)) / m.scale : 0.0;
                QColor col;
                if (!std::isfinite(t)) {
                    col = QColor(0xD0, 0x20, 0x20);
                } else if (gray) {
                    const int g = 255 - static_cast<int>(std::lround(255 * std::clamp(t, 0.0, 1.0)));
                    col = QColor(g, g, g);
                } else {
                    col = divergingColor(t);
                }
                img.setPixel(x, y, col.rgb());
            }
        m.images.push_back(std::move(img));
    }
    return m;
}

bool due(const QElapsedTimer &since, qint64 minMs, qint64 cost, bool force)
{
    return force || !since.isValid() || since.elapsed() >= std::max(minMs, kCostFactor * cost);
}
} // namespace

long long Histogram::total() const
{
    long long t = nonFinite;
    for (long long c : counts)
        t += c;
    return t;
}

Histogram Histogram::of(const Scalar *values, std::size_t n, int bins)
{
    Histogram h;
    bins = std::max(1, bins);
    h.counts.assign(static_cast<std::size_t>(bins), 0);
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
        const double v = double(values[i]);
        if (!std::isfinite(v)) continue;
        h.lo = any ? std::min(h.lo, v) : v;
        h.hi = any ? std::max(h.hi, v) : v;
        any = true;
    }
    if (!any) {
        h.nonFinite = static_cast<long long>(n);
        return h;
    }
    if (h.hi - h.lo < 1e-12) { // all equal: one visible bar in the middle of a small range
        h.lo -= 0.5;
        h.hi += 0.5;
    }
    const double width = (h.hi - h.lo) / bins;
    for (std::size_t i = 0; i < n; ++i) {
        const double v = double(values[i]);
        if (!std::isfinite(v)) {
            ++h.nonFinite;
            continue;
        }
        const int b = std::clamp(static_cast<int>((v - h.lo) / width), 0, bins - 1);
        ++h.counts[static_cast<std::size_t>(b)];
    }
    return h;
}

const Scalar *ConfusionData::inputOf(int sample) const
{
    const auto it = std::lower_bound(inputSamples.begin(), inputSamples.end(), sample);
    if (it == inputSamples.end() || *it != sample) return nullptr;
    return inputs.data() + (it - inputSamples.begin()) * inputs.rows();
}

InsightsEngine::InsightsEngine() = default;
InsightsEngine::~InsightsEngine() = default;

Network &InsightsEngine::copyOf(TrainingSession &session)
{
    const long long step = session.trainer().step();
    if (!m_net) {
        m_net = std::make_unique<Network>(session.network());
    } else if (step != m_netStep) {
        m_net->copyParametersFrom(session.network());
    }
    m_netStep = step;
    return *m_net;
}

std::shared_ptr<const Insights> InsightsEngine::update(TrainingSession &session,
                                                       const InsightsRequest &request, bool force)
{
    const long long step = session.trainer().step();
    bool changed = false;
    if (!request.layerStats) {
        changed = changed || m_stats;
        m_stats.reset();
    } else if ((step != m_statsStep || !m_stats) &&
               due(m_sinceStats, kStatsMinMs, m_statsCost, force || !m_stats)) {
        QElapsedTimer cost;
        cost.start();
        auto stats = layerStats(copyOf(session), session);
        auto withEpoch = std::make_shared<LayerStatsSet>(*stats);
        const int n = session.trainSamples();
        withEpoch->epoch = n > 0 ? double(session.trainer().samplesSeen()) / n : double(step);
        withEpoch->step = step;
        m_stats = std::move(withEpoch);
        m_statsStep = step;
        m_statsCost = cost.elapsed();
        m_sinceStats.restart();
        changed = true;
    }
    const bool newSplit = !m_confusion || m_confusionSplit != request.split;
    if (!request.confusion) {
        changed = changed || m_confusion;
        m_confusion.reset();
    } else if ((step != m_confusionStep || newSplit) &&
               due(m_sinceConfusion, kConfusionMinMs, m_confusionCost, force || newSplit)) {
        QElapsedTimer cost;
        cost.start();
        m_confusion = confusion(copyOf(session), session, request.split);
        m_confusionSplit = request.split;
        m_confusionStep = step;
        m_confusionCost = cost.elapsed();
        m_sinceConfusion.restart();
        changed = true;
    }
    const bool newProbe = !m_probe || m_probe->id != request.probeId;
    if (!request.probe) {
        changed = changed || m_probe;
        m_probe.reset();
    } else if ((step != m_probeStep || newProbe) && due(m_sinceProbe, kProbeMinMs, 0, force || newProbe)) {
        m_probe = probe(copyOf(session), session, request.probeInput, request.probeId, request.probeRow);
        m_probeStep = step;
        m_sinceProbe.restart();
        changed = true;
    }
    const bool newSample =
        !m_featureMaps || m_mapsSplit != request.featureSplit || m_mapsSample != request.featureSample;
    if (!request.featureMaps) {
        changed = changed || m_featureMaps;
        m_featureMaps.reset();
    } else if ((step != m_mapsStep || newSample) &&
               due(m_sinceMaps, kMapsMinMs, m_mapsCost, force || newSample)) {
        QElapsedTimer cost;
        cost.start();
        m_featureMaps = featureMaps(copyOf(session), session, request.featureSplit, request.featureSample);
        m_mapsSplit = request.featureSplit;
        m_mapsSample = request.featureSample;
        m_mapsStep = step;
        m_mapsCost = cost.elapsed();
        m_sinceMaps.restart();
        changed = true;
    }
    if (!request.kernels) {
        changed = changed || m_kernels;
        m_kernels.reset();
    } else if ((step != m_kernelsStep || !m_kernels) &&
               due(m_sinceKernels, kKernelsMinMs, 0, force || !m_kernels)) {
        m_kernels = kernels(copyOf(session));
        m_kernelsStep = step;
        m_sinceKernels.restart();
        changed = true;
    }
    const bool newMap = !m_embeddingMap || m_embeddingNode != request.embeddingNode;
    if (!request.embeddingMap) {
        changed = changed || m_embeddingMap;
        m_embeddingMap.reset();
    } else if ((step != m_embeddingStep || newMap) &&
               due(m_sinceEmbedding, kSequenceMinMs, m_embeddingCost, force || newMap)) {
        QElapsedTimer cost;
        cost.start();
        // The same layer's last axes keep the picture from flipping between updates.
        const bool same =
            m_embeddingMap && !m_embeddingMap->map.ids.empty() && m_embeddingNode == request.embeddingNode;
        m_embeddingMap = embeddingMapData(copyOf(session), session, request.embeddingNode,
                                          same ? &m_embeddingMap->map.pca.axes : nullptr);
        m_embeddingNode = request.embeddingNode;
        m_embeddingStep = step;
        m_embeddingCost = cost.elapsed();
        m_sinceEmbedding.restart();
        changed = true;
    }
    const bool newSentence = !m_unrolled || m_unrolledNode != request.unrolledNode ||
                             m_unrolledSample != request.unrolledSample ||
                             m_unrolledText != request.unrolledText;
    if (!request.unrolled) {
        changed = changed || m_unrolled;
        m_unrolled.reset();
    } else if ((step != m_unrolledStep || newSentence) &&
               due(m_sinceUnrolled, kSequenceMinMs, m_unrolledCost, force || newSentence)) {
        QElapsedTimer cost;
        cost.start();
        m_unrolled = unrolled(copyOf(session), session, request.unrolledNode, request.unrolledSample,
                              request.unrolledText);
        m_unrolledNode = request.unrolledNode;
        m_unrolledSample = request.unrolledSample;
        m_unrolledText = request.unrolledText;
        m_unrolledStep = step;
        m_unrolledCost = cost.elapsed();
        m_sinceUnrolled.restart();
        changed = true;
    }
    if (changed || !m_last) {
        auto all = std::make_shared<Insights>();
        all->stats = m_stats;
        all->confusion = m_confusion;
        all->probe = m_probe;
        all->featureMaps = m_featureMaps;
        all->kernels = m_kernels;
        all->embeddingMap = m_embeddingMap;
        all->unrolled = m_unrolled;
        m_last = std::move(all);
    }
    return m_last;
}

std::shared_ptr<const LayerStatsSet> InsightsEngine::layerStats(Network &net, const TrainingSession &session,
                                                                int bins)
{
    auto set = std::make_shared<LayerStatsSet>();
    const TrainData &train = session.data().train;
    const auto n = std::min<Eigen::Index>(kProbeBatch, train.x.cols());
    if (n == 0 || train.x.rows() != net.inputSize()) return set;
    set->probeSamples = static_cast<int>(n);
    net.forward(train.x.leftCols(n), Mode::Train);
    set->loss = net.lossAndBackward(train.y.leftCols(n));
    const std::vector<NodeParam> params = net.parameters();
    const auto &nodes = net.nodes();
    for (std::size_t j = 0; j < nodes.size(); ++j) {
        const Network::Node &node = nodes[j];
        if (node.kind == LayerKind::Input) continue;
        LayerStats ls;
        ls.nodeId = static_cast<int>(node.id);
        ls.name = QString::fromStdString(node.name);
        double g2 = 0, w2 = 0;
        std::vector<Scalar> weights;
        for (const NodeParam &p : params) {
            if (p.node != static_cast<int>(j)) continue;
            w2 += double(p.ref.value->squaredNorm());
            if (p.ref.grad) {
                ls.trainable = true;
                g2 += double(p.ref.grad->squaredNorm());
            }
            if (p.ref.name == "weight")
                weights.insert(weights.end(), p.ref.value->data(), p.ref.value->data() + p.ref.value->size());
        }
        ls.gradNorm = std::sqrt(g2);
        ls.weightNorm = std::sqrt(w2);
        if (!weights.empty()) ls.weights = Histogram::of(weights.data(), weights.size(), bins);
        ls.activations = Histogram::of(node.y.data(), static_cast<std::size_t>(node.y.size()), bins);
        ls.units = static_cast<int>(node.y.rows());
        ls.relu = isRelu(net, node);
        if (ls.relu && node.y.cols() > 0)
            for (Eigen::Index r = 0; r < node.y.rows(); ++r)
                ls.dead += node.y.row(r).maxCoeff() <= 0 ? 1 : 0;
        set->layers.push_back(std::move(ls));
    }
    return set;
}

std::shared_ptr<const ConfusionData> InsightsEngine::confusion(Network &net, const TrainingSession &session,
                                                               InsightSplit split)
{
    auto c = std::make_shared<ConfusionData>();
    c->split = split;
    const PreparedData &data = session.data();
    if (!isClassificationLoss(net.loss().kind)) {
        c->note = tr("The confusion matrix is for classification; this network does regression.");
        return c;
    }
    const TrainData &td = split == InsightSplit::Train ? data.train : data.test;
    if (td.x.cols() == 0) {
        c->note = split == InsightSplit::Test
                      ? tr("This project has no test split (set a test fraction in Data).")
                      : tr("There is no training data.");
        return c;
    }
    if (td.x.rows() != net.inputSize()) {
        c->note = tr("The data does not fit the network's input.");
        return c;
    }
    const Evaluation e = evaluate(net, td);
    c->classes = static_cast<int>(e.confusion.size());
    c->counts = e.confusion;
    c->predicted = e.predicted;
    c->truth = labelsFromTargets(td.y, net.loss().kind, net.outputSize());
    c->accuracy = e.accuracy;
    c->classNames = classNamesOf(data.full);
    c->sampleShape = imageShape(data.full);
    // The inputs of the first misclassified samples, raw where the split's indices lead back to the data.
    const std::vector<int> &idx = split == InsightSplit::Train ? data.split.train : data.split.test;
    const bool raw =
        static_cast<Eigen::Index>(idx.size()) == td.x.cols() && data.full.features() == td.x.rows();
    c->normalisedInputs = !raw && !data.normalizer.isIdentity();
    for (std::size_t i = 0; i < c->truth.size() && i < c->predicted.size(); ++i)
        if (c->truth[i] != c->predicted[i] && c->inputSamples.size() < std::size_t(kMaxListedInputs))
            c->inputSamples.push_back(static_cast<int>(i));
    c->inputs.resize(td.x.rows(), static_cast<Eigen::Index>(c->inputSamples.size()));
    for (std::size_t k = 0; k < c->inputSamples.size(); ++k) {
        const int s = c->inputSamples[k];
        c->inputs.col(static_cast<Eigen::Index>(k)) =
            raw ? data.full.x.col(idx[static_cast<std::size_t>(s)]) : td.x.col(s);
    }
    return c;
}

std::shared_ptr<const ProbeResult> InsightsEngine::probe(Network &net, const TrainingSession &session,
                                                         const std::vector<float> &rawInput, quint64 id,
                                                         const QStringList &row)
{
    auto r = std::make_shared<ProbeResult>();
    r->id = id;
    r->input = rawInput;
    const PreparedData &data = session.data();
    if (data.csvSchema)
        for (const std::string &c : typedRowColumns(*data.csvSchema))
            r->rowColumns << QString::fromStdString(c);
    r->plane = session.plane() != nullptr;
    r->sampleShape = imageShape(data.full);
    r->inputSize = data.full.features();
    // The pad's full ink is the data's brightest pixel (255 for IDX, 16 for the digits CSV).
    if (!r->sampleShape.empty() && data.full.x.size() > 0)
        r->inkValue = std::max(1.0f, data.full.x.maxCoeff());
    Matrix x;
    const auto n = static_cast<Eigen::Index>(rawInput.size());
    if (!row.isEmpty() && data.csvSchema) {
        // As `nnp predict` reads a row: the training schema's encoding, then networkInputs below.
        r->row = row;
        std::vector<std::string> values;
        for (const QString &v : row)
            values.push_back(v.toStdString());
        if (const auto problem = checkTypedRow(values, *data.csvSchema)) {
            r->error = typedRowProblemText(*problem);
            return r;
        }
        try {
            x = encodeTypedRow(values, *data.csvSchema);
        } catch (const std::exception &e) { // checkTypedRow found nothing: not expected
            r->error = QString::fromStdString(e.what());
            return r;
        }
    } else if (rawInput.empty()) {
        return r; // only what the view needs to offer the right kind of probe
    } else if (session.plane() && n == 2) {
        Matrix point(2, 1);
        point << rawInput[0], rawInput[1];
        x = point;
    } else if (n == data.full.features() && n > 0 && !hasIdInputs(session.project().graph)) {
        x.resize(n, 1);
        // The pad draws intensities in 0..1; the data may be 0..1, 0..16 (digits) or 0..255.
        const double scale = isImage(data.full) ? std::max(1.0, double(data.full.x.maxCoeff())) : 1.0;
        for (Eigen::Index i = 0; i < n; ++i)
            x(i, 0) = static_cast<Scalar>(rawInput[static_cast<std::size_t>(i)] * scale);
    } else {
        r->error = tr("The probe needs two-dimensional data or images; this input has %1 values.")
                       .arg(data.full.features());
        return r;
    }
    x = networkInputs(session.project(), &data.normalizer, x);
    if (x.rows() != net.inputSize()) {
        r->error = tr("The input does not fit the network (%1 values, the network takes %2).")
                       .arg(x.rows())
                       .arg(net.inputSize());
        return r;
    }
    const Matrix &out = net.forward(x, Mode::Eval);
    if (!data.targetScaler.isIdentity() && !isClassificationLoss(net.loss().kind)) {
        Matrix value = out; // a scaled target: the prediction in its own units
        data.targetScaler.invertInPlace(value);
        r->output.assign(value.data(), value.data() + value.rows());
    } else {
        r->output.assign(out.data(), out.data() + out.rows());
    }
    for (const Network::Node &node : net.nodes()) {
        if (node.kind == LayerKind::Input) continue;
        ProbeResult::Layer l;
        l.name = QString::fromStdString(node.name);
        l.values.assign(node.y.data(), node.y.data() + node.y.rows());
        r->layers.push_back(std::move(l));
    }
    if (isClassificationLoss(net.loss().kind)) {
        const int classes = std::max(2, net.outputSize());
        const std::vector<double> p = classProbabilities(out, 0, classes);
        r->probabilities.assign(p.begin(), p.end());
        r->predicted = static_cast<int>(std::max_element(r->probabilities.begin(), r->probabilities.end()) -
                                        r->probabilities.begin());
        r->classNames = classNamesOf(data.full);
    }
    return r;
}

std::shared_ptr<const FeatureMapsData>
InsightsEngine::featureMaps(Network &net, const TrainingSession &session, InsightSplit split, int sample)
{
    auto f = std::make_shared<FeatureMapsData>();
    const PreparedData &data = session.data();
    f->hasTestSplit = data.test.x.cols() > 0;
    if (!f->hasTestSplit) split = InsightSplit::Train;
    f->split = split;
    const bool any = std::any_of(net.nodes().begin(), net.nodes().end(),
                                 [](const Network::Node &n) { return isImageLayer(n.kind); });
    if (!any) {
        f->note =
            tr("Feature maps show what each convolution and pooling layer sees in one sample: one small "
               "image per channel. This network has none. Give the Input an image shape (for example "
               "[1, 8, 8]) and add a Conv2D layer, then a MaxPool2D layer, to see them here.");
        return f;
    }
    const TrainData &td = split == InsightSplit::Train ? data.train : data.test;
    f->samples = static_cast<int>(td.x.cols());
    if (td.x.cols() == 0) {
        f->note = tr("There is no data to show feature maps for.");
        return f;
    }
    if (td.x.rows() != net.inputSize()) {
        f->note = tr("The data does not fit the network's input.");
        return f;
    }
    f->sample = std::clamp(sample, 0, f->samples - 1);
    const Matrix x = td.x.middleCols(f->sample, 1);
    const Matrix &out = net.forward(x, Mode::Eval);
    for (const Network::Node &node : net.nodes()) {
        if (node.kind == LayerKind::Input) {
            if (f->input.channels > 0) continue; // the first Input is the image
            f->inputIsImage = node.shape.dims.size() == 3;
            const std::vector<int> dims =
                f->inputIsImage ? node.shape.dims : std::vector<int>{1, 1, static_cast<int>(node.y.rows())};
            f->input = channelMaps(node.y.data(), dims, true);
            f->input.nodeId = static_cast<int>(node.id);
            f->input.name = QString::fromStdString(node.name);
            f->input.kind = QStringLiteral("Input");
            continue;
        }
        if (!isImageLayer(node.kind)) continue;
        ChannelMaps m = channelMaps(node.y.data(), node.shape.dims, false);
        m.nodeId = static_cast<int>(node.id);
        m.name = QString::fromStdString(node.name);
        m.kind = QString::fromUtf8(layerKind(node.kind).fileName.data(),
                                   static_cast<qsizetype>(layerKind(node.kind).fileName.size()));
        f->layers.push_back(std::move(m));
    }
    if (isClassificationLoss(net.loss().kind)) {
        const int classes = std::max(2, net.outputSize());
        const std::vector<double> p = classProbabilities(out, 0, classes);
        f->probabilities.assign(p.begin(), p.end());
        f->predicted = static_cast<int>(std::max_element(f->probabilities.begin(), f->probabilities.end()) -
                                        f->probabilities.begin());
        f->classNames = classNamesOf(data.full);
        const std::vector<int> truth =
            labelsFromTargets(td.y.middleCols(f->sample, 1), net.loss().kind, net.outputSize());
        if (!truth.empty()) f->truth = truth[0];
    }
    return f;
}

std::shared_ptr<const KernelsData> InsightsEngine::kernels(Network &net)
{
    auto k = std::make_shared<KernelsData>();
    for (const Network::Node &node : net.nodes()) {
        auto *conv = dynamic_cast<Conv2D *>(node.layer.get());
        if (node.kind != LayerKind::Conv2D || !conv) continue;
        const WindowGeometry &g = conv->geometry();
        const Matrix &w = conv->weight();
        k->nodeId = static_cast<int>(node.id);
        k->name = QString::fromStdString(node.name);
        k->filters = static_cast<int>(w.rows());
        k->channels = g.channels;
        k->kh = g.kh;
        k->kw = g.kw;
        if (w.cols() != Eigen::Index(g.channels) * g.kh * g.kw) {
            k->note = tr("The kernels of %1 are not built yet.").arg(k->name);
            return k;
        }
        // Row f holds filter f in [C, kh, kw] order: a row-major copy keeps each filter's values together.
        k->weights.reserve(static_cast<std::size_t>(w.size()));
        for (Eigen::Index f = 0; f < w.rows(); ++f)
            for (Eigen::Index j = 0; j < w.cols(); ++j)
                k->weights.push_back(float(w(f, j)));
        const Matrix &b = conv->bias();
        k->bias.assign(b.data(), b.data() + b.size());
        const std::vector<int> dims{k->filters * k->channels, k->kh, k->kw};
        ChannelMaps m = channelMaps(k->weights.data(), dims, false);
        k->scale = m.scale;
        k->images = std::move(m.images);
        return k;
    }
    k->note = tr("Kernels are the weights a convolution slides over its input. This network has no Conv2D "
                 "layer: give the Input an image shape (for example [1, 8, 8]) and add a Conv2D layer to see "
                 "its filters here.");
    return k;
}

} // namespace nnp
