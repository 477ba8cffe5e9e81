#include "document/graph_document.h"

#include "io/data_facts.h"
#include "layers/layer_registry.h"

#include "commands/graph_commands.h"
#include "document/graph_fragment.h"
#include "document/layer_catalog.h"

#include <QDir>
#include <QFileInfo>
#include <QUndoStack>

#include <algorithm>
#include <set>

namespace nnp {

namespace {
QString nodeLabel(const NodeSpec &n)
{
    return QStringLiteral("%1 '%2'").arg(LayerCatalog::title(n.kind), QString::fromStdString(n.name));
}
} // namespace

GraphDocument::GraphDocument(QObject *parent) : QObject(parent), m_undo(std::make_unique<QUndoStack>())
{
    connect(m_undo.get(), &QUndoStack::cleanChanged, this,
            [this](bool) { emit modifiedChanged(isModified()); });
    revalidate();
}

GraphDocument::~GraphDocument()
{
    // Commands refer to the document; they must go before it does. Quietly: clearing the stack emits
    // cleanChanged, and the window listening to modifiedChanged may already be half destroyed (its children,
    // this document among them, are deleted after its own destructor ran).
    QObject::disconnect(m_undo.get(), nullptr, this, nullptr);
    m_undo->clear();
}

QString GraphDocument::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

bool GraphDocument::isModified() const
{
    return !m_undo->isClean() || m_extraModified;
}

void GraphDocument::reset(Project project, const QString &filePath)
{
    const bool wasModified = isModified();
    m_undo->clear();
    m_project = std::move(project);
    m_extraModified = false;
    if (m_filePath != filePath) {
        m_filePath = filePath;
        emit filePathChanged(m_filePath);
    }
    readFacts();
    revalidate();
    emit documentReset();
    emit graphChanged();
    emit hyperparametersChanged();
    emit dataSourceChanged();
    if (wasModified) emit modifiedChanged(false);
}

bool GraphDocument::open(const QString &path, QString *error)
{
    try {
        Project p = loadProject(path.toStdString());
        reset(std::move(p), QFileInfo(path).absoluteFilePath());
        return true;
    } catch (const std::exception &e) { // ProjectError, and anything else a broken file may provoke
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
}

bool GraphDocument::saveAs(const QString &path, QString *error)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    // Data paths relative to the old folder (a sample's "datasets/iris/iris.csv") would not open from the new
    // one; an untitled project's paths are absolute or relative to the working folder.
    Project rebased = m_project;
    const QString fromDir = m_filePath.isEmpty() ? QDir::currentPath() : QFileInfo(m_filePath).absolutePath();
    rebaseDataPaths(rebased, fromDir.toStdString(), QFileInfo(abs).absolutePath().toStdString());
    try {
        saveProject(rebased, path.toStdString());
    } catch (const std::exception &e) {
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
    const bool moved = !(rebased.data == m_project.data);
    m_project.data = rebased.data;
    if (abs != m_filePath) {
        m_filePath = abs;
        emit filePathChanged(m_filePath);
    }
    setExtraModified(false);
    m_undo->setClean();
    if (moved) emit dataPathsRebased();
    return true;
}

void GraphDocument::applyWholeProject(const Project &project)
{
    m_project = project;
    readFacts();
    revalidate();
    emit documentReset();
    emit graphChanged();
    emit hyperparametersChanged();
    emit dataSourceChanged();
}

NodeId GraphDocument::addNode(LayerKind kind, QPointF pos)
{
    NodeSpec n;
    n.id = m_project.graph.nextId();
    n.kind = kind;
    n.options = layerKind(kind).newNode;
    n.name = uniqueName(kind);
    n.x = pos.x();
    n.y = pos.y();
    m_undo->push(new AddNodeCommand(this, n));
    return n.id;
}

QString GraphDocument::connectNodes(NodeId from, NodeId to, int port)
{
    if (port < 0) port = nextFreePort(to);
    QString problem = connectionProblem(from, to, port);
    if (problem.isEmpty()) m_undo->push(new ConnectCommand(this, EdgeSpec{from, to, port}));
    return problem;
}

void GraphDocument::removeItems(const std::vector<NodeId> &nodes, const std::vector<EdgeSpec> &edges)
{
    if (nodes.empty() && edges.empty()) return;
    m_undo->push(new RemoveItemsCommand(this, nodes, edges));
}

bool GraphDocument::takesSeveralInputs(LayerKind kind)
{
    return layerKind(kind).traits.maxInputs > 1;
}

int GraphDocument::nextFreePort(NodeId to) const
{
    int port = 0;
    for (const auto &e : m_project.graph.edges)
        if (e.to == to) port = std::max(port, e.port + 1);
    return port;
}

QString GraphDocument::connectionProblem(NodeId from, NodeId to, int port) const
{
    const GraphSpec &g = m_project.graph;
    const NodeSpec *src = g.find(from);
    const NodeSpec *dst = g.find(to);
    if (!src || !dst) return tr("That layer no longer exists.");
    if (from == to) return tr("A layer cannot feed itself.");
    if (dst->kind == LayerKind::Input)
        return tr("%1 is where data enters: nothing can be wired into it.").arg(nodeLabel(*dst));
    // A wire from -> to closes a loop exactly when `to` already reaches `from`.
    std::vector<NodeId> stack{to};
    std::set<NodeId> seen;
    while (!stack.empty()) {
        const NodeId id = stack.back();
        stack.pop_back();
        if (id == from)
            return tr("This wire would make a loop (%1 already leads to %2) — a network must flow one way.")
                .arg(nodeLabel(*dst), nodeLabel(*src));
        if (!seen.insert(id).second) continue;
        for (const auto &e : g.edges)
            if (e.from == id) stack.push_back(e.to);
    }
    for (const auto &e : g.edges) {
        if (e.from == from && e.to == to)
            return tr("%1 already feeds %2.").arg(nodeLabel(*src), nodeLabel(*dst));
        if (e.to == to && !takesSeveralInputs(dst->kind))
            return tr("%1 takes one input and already has one — remove that wire first, or merge the two "
                      "with Concatenate or Add.")
                .arg(nodeLabel(*dst));
        if (e.to == to && e.port == port)
            return tr("Input slot %1 of %2 is already taken.").arg(port + 1).arg(nodeLabel(*dst));
    }
    if (port < 0) return tr("Invalid input slot.");
    return {};
}

std::string GraphDocument::uniqueName(LayerKind kind) const
{
    const std::string base = LayerCatalog::baseName(kind).toStdString();
    for (int i = 1;; ++i) {
        std::string name = base + "_" + std::to_string(i);
        const bool taken = std::any_of(m_project.graph.nodes.begin(), m_project.graph.nodes.end(),
                                       [&](const NodeSpec &n) { return n.name == name; });
        if (!taken) return name;
    }
}

std::string GraphDocument::uniqueName(const std::string &wanted) const
{
    std::set<std::string> used;
    for (const auto &n : m_project.graph.nodes)
        used.insert(n.name);
    return uniqueAmong(wanted, used);
}

int GraphDocument::indexOfNode(NodeId id) const
{
    const auto &nodes = m_project.graph.nodes;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].id == id) return static_cast<int>(i);
    return -1;
}

int GraphDocument::indexOfEdge(const EdgeSpec &e) const
{
    const auto &edges = m_project.graph.edges;
    const auto it = std::find(edges.begin(), edges.end(), e);
    return it == edges.end() ? -1 : static_cast<int>(it - edges.begin());
}

void GraphDocument::applyInsertNode(const NodeSpec &node, int index)
{
    auto &nodes = m_project.graph.nodes;
    if (index < 0 || index > static_cast<int>(nodes.size())) index = static_cast<int>(nodes.size());
    nodes.insert(nodes.begin() + index, node);
    revalidate();
    emit nodeAdded(node.id);
    emit graphChanged();
}

void GraphDocument::applyRemoveNode(NodeId id)
{
    const int index = indexOfNode(id);
    Q_ASSERT(index >= 0);
    if (index < 0) return;
    m_project.graph.nodes.erase(m_project.graph.nodes.begin() + index);
    revalidate();
    emit nodeRemoved(id);
    emit graphChanged();
}

void GraphDocument::applyNodeSettings(NodeId id, const std::string &name, const LayerOptions &options)
{
    NodeSpec *n = m_project.graph.find(id);
    if (!n) return;
    n->name = name;
    n->options = options;
    revalidate();
    emit nodeChanged(id);
    emit graphChanged();
}

void GraphDocument::applyNodePosition(NodeId id, QPointF pos)
{
    NodeSpec *n = m_project.graph.find(id);
    if (!n) return;
    n->x = pos.x();
    n->y = pos.y();
    emit nodeMoved(id);
}

void GraphDocument::applyInsertEdge(const EdgeSpec &edge, int index)
{
    auto &edges = m_project.graph.edges;
    if (index < 0 || index > static_cast<int>(edges.size())) index = static_cast<int>(edges.size());
    edges.insert(edges.begin() + index, edge);
    revalidate();
    emit edgeAdded(edge);
    emit graphChanged();
}

void GraphDocument::applyRemoveEdge(const EdgeSpec &edge)
{
    const int index = indexOfEdge(edge);
    if (index < 0) return;
    m_project.graph.edges.erase(m_project.graph.edges.begin() + index);
    revalidate();
    emit edgeRemoved(edge);
    emit graphChanged();
}

void GraphDocument::applyTraining(const TrainingConfig &config)
{
    const bool lossChanged = !(m_project.training.loss == config.loss);
    m_project.training = config;
    if (lossChanged) revalidate(); // the output is checked against the loss
    emit hyperparametersChanged();
}

void GraphDocument::applyLesson(const std::optional<Lesson> &lesson)
{
    m_project.lesson = lesson;
    emit lessonChanged();
}

void GraphDocument::applyData(const DataSource &data, const Preprocessing &preprocessing)
{
    const bool sourceChanged = !(m_project.data == data);
    const bool scalingChanged = m_project.preprocessing.scaleTarget != preprocessing.scaleTarget;
    m_project.data = data;
    m_project.preprocessing = preprocessing;
    if (sourceChanged) readFacts();
    if (sourceChanged || scalingChanged) revalidate(); // the unscaled-target warning comes and goes
    emit dataSourceChanged();
}

void GraphDocument::setTrainedState(std::vector<StoredTensor> weights, std::optional<Normalizer> normalizer,
                                    std::vector<EpochRecord> history, std::optional<CsvSchema> csvSchema,
                                    std::optional<Normalizer> targetScaler,
                                    std::optional<TrainerState> trainerState)
{
    m_project.weights = std::move(weights);
    m_project.normalizer = std::move(normalizer);
    m_project.targetScaler = std::move(targetScaler);
    m_project.history = std::move(history);
    m_project.csvSchema = std::move(csvSchema);
    m_project.trainerState = std::move(trainerState); // goes with these weights only
    setExtraModified(true);
}

void GraphDocument::clearTrainedState()
{
    if (m_project.weights.empty() && m_project.history.empty() && !m_project.normalizer &&
        !m_project.targetScaler && !m_project.csvSchema && !m_project.trainerState)
        return;
    setTrainedState({}, std::nullopt, {}, std::nullopt);
}

void GraphDocument::setExtraModified(bool on)
{
    const bool before = isModified();
    m_extraModified = on;
    if (before != isModified()) emit modifiedChanged(isModified());
}

bool GraphDocument::canTrain() const
{
    return m_validation.ok() &&
           std::none_of(m_fitProblems.begin(), m_fitProblems.end(),
                        [](const FitProblem &f) { return f.diagnostic.severity == Severity::Error; });
}

void GraphDocument::readFacts()
{
    const QString dir = m_filePath.isEmpty() ? QString() : QFileInfo(m_filePath).absolutePath();
    m_dataFacts = readDataFacts(m_project, dir.toStdString());
}

void GraphDocument::revalidate()
{
    m_validation = validate(m_project.graph);
    // The classic mistakes (output, loss and data that do not fit), checked only once the graph itself is
    // fine; the strip above the canvas lists them with their fixes.
    std::optional<DataFacts> facts = m_dataFacts;
    if (facts) facts->targetScaled = m_project.preprocessing.scaleTarget;
    m_fitProblems =
        nnp::fitProblems(m_project.graph, m_validation, m_project.training.loss, facts ? &*facts : nullptr);
    emit diagnosticsChanged();
}

} // namespace nnp
