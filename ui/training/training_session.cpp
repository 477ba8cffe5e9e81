#include "training/training_session.h"
#include "layers/dense.h"
#include "layers/layer_registry.h"
#include "layers/simple_layers.h"

#include "i18n/diagnostic_text.h"
#include "metrics/metrics.h"
#include "style/palette.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace nnp {

namespace {

/// The graph's problems as one message (Network::build only says that it failed).
std::string describeGraphProblems(const GraphError &e)
{
    QString out = QCoreApplication::translate("nnp::TrainingSession", "The network cannot be built:");
    for (const Diagnostic &d : e.diagnostics())
        if (d.severity == Severity::Error) out += QStringLiteral("\n- ") + diagnosticText(d);
    return out.toStdString();
}

/// Per cell, one probability per class (core's classProbabilities, as the probe and `nnp predict` compute
/// them).
void toProbabilities(const Matrix &out, int classes, std::vector<float> &values)
{
    const auto cells = static_cast<std::size_t>(out.cols());
    values.resize(cells * static_cast<std::size_t>(classes));
    std::vector<double> p(static_cast<std::size_t>(classes));
    for (std::size_t c = 0; c < cells; ++c) {
        classProbabilities(out, static_cast<Eigen::Index>(c), p);
        std::copy(p.begin(), p.end(), values.begin() + static_cast<std::ptrdiff_t>(c * p.size()));
    }
}

Matrix columns(const Matrix &x, const std::vector<int> &idx)
{
    Matrix r(x.rows(), static_cast<Eigen::Index>(idx.size()));
    for (std::size_t i = 0; i < idx.size(); ++i)
        r.col(static_cast<Eigen::Index>(i)) = x.col(idx[i]);
    return r;
}

} // namespace

std::atomic<int> TrainingSession::s_live{0};
std::atomic<int> TrainingSession::s_built{0};

int TrainingSession::liveCount()
{
    return s_live.load();
}

int TrainingSession::builtCount()
{
    return s_built.load();
}

TrainingSession::TrainingSession(const Project &project, const std::filesystem::path &baseDir)
    : m_project(project)
{
    try {
        m_run = std::make_unique<ProjectRun>(m_project, baseDir, ProjectRun::Start::StoredWeights);
    } catch (const GraphError &e) {
        throw std::invalid_argument(describeGraphProblems(e));
    }
    buildPlane();
    ++s_live; // last: a constructor that throws leaves nothing alive
    ++s_built;
}

TrainingSession::~TrainingSession()
{
    --s_live;
}

void TrainingSession::buildPlane()
{
    auto plane = std::make_shared<PlanePoints>();
    Dataset raw;
    if (m_project.data.kind == DataSourceKind::Generator) {
        // The generator is deterministic: the same config gives the points prepareData split, before any
        // engineered features, in the same order.
        raw = generate(m_project.data.generator);
        plane->xName = QStringLiteral("x1");
        plane->yName = QStringLiteral("x2");
    } else if (data().full.features() == 2 && data().full.sampleShape.dims.size() <= 1 &&
               !hasIdInputs(m_project.graph)) { // two ids (a user, an item) are no plane
        raw = data().full;
        if (raw.featureNames.size() == 2) {
            plane->xName = QString::fromStdString(raw.featureNames[0]);
            plane->yName = QString::fromStdString(raw.featureNames[1]);
        }
        const Vector lo = raw.x.rowwise().minCoeff(), hi = raw.x.rowwise().maxCoeff();
        const double mx = 0.05 * std::max(1e-6, double(hi(0) - lo(0)));
        const double my = 0.05 * std::max(1e-6, double(hi(1) - lo(1)));
        plane->xMin = double(lo(0)) - mx;
        plane->xMax = double(hi(0)) + mx;
        plane->yMin = double(lo(1)) - my;
        plane->yMax = double(hi(1)) + my;
    } else {
        return;
    }
    const auto n = raw.size();
    const auto inRange = [n](const std::vector<int> &idx) {
        return std::all_of(idx.begin(), idx.end(), [n](int i) { return i >= 0 && i < n; });
    };
    if (raw.features() != 2 || n != data().full.size() || !inRange(data().split.train) ||
        !inRange(data().split.test))
        return;
    plane->train = columns(raw.x, data().split.train);
    plane->test = columns(raw.x, data().split.test);
    if (raw.task == TaskKind::Classification) {
        plane->classes = std::max(2, raw.classes);
        for (const std::string &name : raw.classNames)
            plane->classNames << QString::fromStdString(name);
        for (int i : data().split.train)
            plane->trainLabels.push_back(raw.labels[static_cast<std::size_t>(i)]);
        for (int i : data().split.test)
            plane->testLabels.push_back(raw.labels[static_cast<std::size_t>(i)]);
    } else {
        if (raw.targets.rows() < 1) return;
        for (int i : data().split.train)
            plane->trainValues.push_back(static_cast<float>(raw.targets(0, i)));
        for (int i : data().split.test)
            plane->testValues.push_back(static_cast<float>(raw.targets(0, i)));
    }
    m_plane = std::move(plane);
}

Matrix TrainingSession::planeGridInputs(int size) const
{
    if (!m_plane || size <= 0) return {};
    Matrix points(2, size * size);
    const PlanePoints &p = *m_plane;
    for (int r = 0; r < size; ++r)
        for (int c = 0; c < size; ++c) {
            points(0, r * size + c) = static_cast<Scalar>(p.xMin + (c + 0.5) / size * (p.xMax - p.xMin));
            points(1, r * size + c) = static_cast<Scalar>(p.yMax - (r + 0.5) / size * (p.yMax - p.yMin));
        }
    return networkInputs(m_project, &data().normalizer, points);
}

std::shared_ptr<const BoundaryGrid> TrainingSession::computeBoundary(int size)
{
    if (!m_plane || size <= 0) return nullptr;
    if (size != m_gridSize) {
        m_gridInputs = planeGridInputs(size);
        m_gridSize = size;
    }
    if (m_gridInputs.rows() != m_run->network().inputSize()) return nullptr;
    const Matrix out = m_run->network().predict(m_gridInputs);
    auto grid = std::make_shared<BoundaryGrid>();
    grid->size = size;
    grid->classes = m_plane->classes;
    if (grid->classes > 0) {
        toProbabilities(out, grid->classes, grid->values);
    } else {
        grid->values.resize(static_cast<std::size_t>(out.cols()));
        for (Eigen::Index c = 0; c < out.cols(); ++c)
            grid->values[static_cast<std::size_t>(c)] = static_cast<float>(out(0, c));
    }
    grid->smooth = renderBoundary(*grid, false);
    grid->discrete = renderBoundary(*grid, true);
    return grid;
}

std::shared_ptr<const TrainedWeights> TrainingSession::copyWeights()
{
    // Stored as the CLI stores a run (ProjectRun::store): the weights, and the trainer's state with them
    // unless the run diverged, so a saved project continues as if it had never stopped.
    Project stored;
    m_run->store(stored);
    auto w = std::make_shared<TrainedWeights>();
    w->tensors = std::move(stored.weights);
    if (stored.normalizer) w->normalizer = std::move(*stored.normalizer);
    if (stored.targetScaler) w->targetScaler = std::move(*stored.targetScaler);
    w->csvSchema = std::move(stored.csvSchema);
    w->trainerState = std::move(stored.trainerState);
    return w;
}

void TrainingSession::setLayerRates(const GraphSpec &graph)
{
    for (NodeSpec &n : m_project.graph.nodes)
        if (const NodeSpec *now = graph.find(n.id); now && hasWeightPenalties(n.kind)) {
            n.options.set(opt::l1, now->options.get(opt::l1)).set(opt::l2, now->options.get(opt::l2));
            m_run->trainer().setLayerRegularization(n.id, n.options.get(opt::l1), n.options.get(opt::l2));
        }
}

} // namespace nnp
