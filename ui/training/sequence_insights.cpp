// The insight parts for sequences and embeddings (issue 11): the embedding map and the unrolled sequence,
// computed on the worker from core (embeddingMap, unrollSequence) like the other parts of InsightsEngine.
#include "data/ratings_truth.h"
#include "data/tokenizer.h"
#include "losses/loss.h"
#include "train/network.h"
#include "train/trace.h"
#include "training/insights_engine.h"
#include "training/training_session.h"

#include <QCoreApplication>

#include <algorithm>

namespace nnp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("nnp::InsightsEngine", text);
}

template <class Data> void listNodes(const Network &net, const std::vector<NodeId> &ids, Data &d)
{
    for (NodeId id : ids) {
        d.nodes.push_back(static_cast<int>(id));
        d.names << QString::fromStdString(net.nodes()[static_cast<std::size_t>(net.nodeIndex(id))].name);
    }
}

/// The chosen node, else the first.
NodeId chosen(const std::vector<NodeId> &ids, int node)
{
    return std::find(ids.begin(), ids.end(), static_cast<NodeId>(node)) != ids.end()
               ? static_cast<NodeId>(node)
               : ids.front();
}

/// The CSV text column whose T rows start at input row `offset`, with that offset; null when none.
const CsvColumn *textColumn(const PreparedData &data, long long *offset)
{
    if (!data.csvSchema) return nullptr;
    long long at = 0;
    for (const CsvColumn &c : data.csvSchema->features) {
        if (c.text()) {
            *offset = at;
            return &c;
        }
        at += c.width();
    }
    return nullptr;
}

} // namespace

std::shared_ptr<const EmbeddingMapData> InsightsEngine::embeddingMapData(Network &net,
                                                                         const TrainingSession &session,
                                                                         int node, const PcaAxes *previous)
{
    auto d = std::make_shared<EmbeddingMapData>();
    const std::vector<NodeId> ids = embeddingNodes(net);
    if (ids.empty()) {
        d->note =
            tr("The embedding map shows the vectors an Embedding layer learns, one point per id or word, "
               "projected to two dimensions. This network has no Embedding layer.");
        return d;
    }
    listNodes(net, ids, *d);
    const PreparedData &data = session.data();
    const CsvSchema *schema = data.csvSchema ? &*data.csvSchema : nullptr;
    d->map = embeddingMap(net, chosen(ids, node), data.train.x, EmbeddingMapData::kMostIds, schema, previous);
    if (d->map.ids.size() < 2) {
        d->note = tr("Fewer than two ids occur in the training data: nothing to project.");
        return d;
    }
    // The ratings generator knows the true tastes: shown beside the learned map.
    if (schema && !d->map.column.empty())
        if (const auto ratings = defaultRatingsBehind(data.full, *schema)) {
            d->truth.resize(2, static_cast<Eigen::Index>(d->map.ids.size()));
            d->hasTruth = true;
            for (std::size_t k = 0; k < d->map.ids.size() && d->hasTruth; ++k) {
                const auto taste = hiddenTaste(*ratings, *schema, d->map.column, d->map.ids[k]);
                if (taste)
                    d->truth.col(static_cast<Eigen::Index>(k)) = *taste;
                else
                    d->hasTruth = false;
            }
        }
    return d;
}

std::shared_ptr<const UnrolledData> InsightsEngine::unrolled(Network &net, const TrainingSession &session,
                                                             int node, int sample, const QString &text)
{
    auto u = std::make_shared<UnrolledData>();
    const std::vector<NodeId> ids = recurrentNodes(net);
    if (ids.empty()) {
        u->note = tr("The unrolled view follows one sentence word by word through a SimpleRNN, LSTM or GRU "
                     "layer. This network has none.");
        return u;
    }
    listNodes(net, ids, *u);
    const PreparedData &data = session.data();
    const TrainData &split = data.test.x.cols() > 0 ? data.test : data.train;
    u->samples = static_cast<int>(split.x.cols());
    if (split.x.cols() == 0 || split.x.rows() != net.inputSize()) {
        u->note = tr("There is no data that fits the network.");
        return u;
    }
    u->sample = std::clamp(sample, 0, u->samples - 1);
    Matrix x = split.x.middleCols(u->sample, 1);
    long long offset = 0;
    const CsvColumn *column = textColumn(data, &offset);
    if (!text.trimmed().isEmpty()) {
        if (!column) {
            u->note = tr("This data has no text column to read a typed sentence with.");
            return u;
        }
        // The stored vocabulary and T: as `nnp predict` reads raw text.
        long long unknown = 0;
        const std::vector<int> encoded =
            TextEncoder(column->categories, column->textLength).encode(text.toStdString(), &unknown);
        for (std::size_t t = 0; t < encoded.size(); ++t)
            x(static_cast<Eigen::Index>(offset) + static_cast<Eigen::Index>(t), 0) =
                static_cast<Scalar>(encoded[t]);
        u->sample = -1;
        u->text = text;
        if (unknown > 0)
            u->textNotes << QCoreApplication::translate("nnp::InsightsEngine",
                                                        "%n word(s) not in the vocabulary, read as unknown.",
                                                        nullptr, int(unknown));
    }
    u->sequence = unrollSequence(net, chosen(ids, node), x);
    const bool textSteps = column && column->textLength == static_cast<int>(u->sequence.steps.size());
    for (const UnrolledStep &s : u->sequence.steps) {
        if (s.id < 0)
            u->words << QString();
        else
            u->words << (textSteps ? QString::fromStdString(idLabel(*column, static_cast<int>(s.id)))
                                   : QStringLiteral("#%1").arg(static_cast<long long>(s.id)));
    }
    u->classification = isClassificationLoss(net.loss().kind);
    for (const std::string &n : data.full.classNames)
        u->classNames << QString::fromStdString(n);
    return u;
}

void InsightsEngine::nameSteps(Trace &trace, const TrainingSession &session)
{
    long long offset = 0;
    const CsvColumn *column = textColumn(session.data(), &offset);
    for (NodeTrace &nt : trace.nodes) {
        RecurrentTrace &r = nt.recurrent;
        r.words.clear();
        const bool textSteps = column && column->textLength == static_cast<int>(r.steps.size());
        for (const RecurrentStepTrace &s : r.steps) {
            const double id = s.ids.empty() ? -1.0 : s.ids.front();
            if (id < 0)
                r.words.emplace_back();
            else
                r.words.push_back(textSteps ? idLabel(*column, static_cast<int>(id))
                                            : "#" + std::to_string(static_cast<long long>(id)));
        }
    }
}

} // namespace nnp
