#pragma once
// The single source of truth for what the user built: the project (graph with layout, data source,
// preprocessing, hyperparameters) plus its undo history, file path and modified state. Views mirror it
// through the signals; every user edit is a QUndoCommand from ui/commands that calls the apply*() mutators.

#include "graph/validator.h"
#include "io/project.h"
#include "train/fit_check.h"

#include <QObject>
#include <QPointF>
#include <QString>

#include <memory>

class QUndoStack;

namespace nnp {

class GraphDocument : public QObject {
    Q_OBJECT
public:
    explicit GraphDocument(QObject *parent = nullptr);
    ~GraphDocument() override;

    [[nodiscard]] const Project &project() const { return m_project; }
    [[nodiscard]] const GraphSpec &graph() const { return m_project.graph; }
    [[nodiscard]] const TrainingConfig &training() const { return m_project.training; }
    [[nodiscard]] const DataSource &dataSource() const { return m_project.data; }
    [[nodiscard]] const Preprocessing &preprocessing() const { return m_project.preprocessing; }
    /// The graph's own problems (shapes, wiring), painted on the nodes.
    [[nodiscard]] const ValidationResult &validation() const { return m_validation; }
    /// The network's problems against its loss and data, with their one-click fixes (checked once the graph
    /// is valid; listed above the canvas).
    [[nodiscard]] const std::vector<FitProblem> &fitProblems() const { return m_fitProblems; }
    /// Neither the graph nor its fit to the loss and data has an error: Play can train it.
    [[nodiscard]] bool canTrain() const;
    [[nodiscard]] QUndoStack *undoStack() const { return m_undo.get(); }

    [[nodiscard]] QString filePath() const { return m_filePath; }
    /// The file name, or "Untitled" for a project never saved.
    [[nodiscard]] QString displayName() const;
    [[nodiscard]] bool isModified() const;

    /// Replaces the whole project (New, Open, a sample) and forgets the undo history.
    void reset(Project project, const QString &filePath = {});
    /// Loads a file; on failure leaves the document untouched and puts the reason in *error.
    bool open(const QString &path, QString *error);
    /// Saves (atomically, by saveProject) and makes `path` the document's file on success. Relative data
    /// paths are rebased to the new folder (relative when the data lies in or under it, else absolute).
    bool saveAs(const QString &path, QString *error);

    // ---- Edits that push one undoable command each (the UI and tests use these) ----
    /// A new node of `kind` at `pos` with a unique name; returns its id.
    NodeId addNode(LayerKind kind, QPointF pos);
    /// Wires the output of `from` into `to` (port -1: the next free slot). Returns the refusal reason, or
    /// an empty string when the wire was made.
    QString connectNodes(NodeId from, NodeId to, int port = -1);
    /// Removes nodes (with every wire touching them) and wires as one undo step.
    void removeItems(const std::vector<NodeId> &nodes, const std::vector<EdgeSpec> &edges = {});

    // ---- Queries ----
    /// Why the wire from -> to (port) may not be made, or empty when it may.
    [[nodiscard]] QString connectionProblem(NodeId from, NodeId to, int port) const;
    /// The slot a new wire into `to` takes: 0 for single-input layers, after the last used one otherwise.
    [[nodiscard]] int nextFreePort(NodeId to) const;
    /// Whether a layer of this kind takes several inputs (Concatenate, Add).
    static bool takesSeveralInputs(LayerKind kind);
    /// "dense_3": the base name of the kind with the first number not yet used.
    [[nodiscard]] std::string uniqueName(LayerKind kind) const;
    [[nodiscard]] std::string uniqueName(const std::string &wanted) const;
    [[nodiscard]] int indexOfNode(NodeId id) const;
    [[nodiscard]] int indexOfEdge(const EdgeSpec &e) const;

    // ---- Mutators for commands only: they change the project and emit the signals, nothing else ----
    void applyInsertNode(const NodeSpec &node, int index = -1);
    void applyRemoveNode(NodeId id); ///< requires: no wire touches it
    void applyNodeSettings(NodeId id, const std::string &name, const LayerOptions &options);
    void applyNodePosition(NodeId id, QPointF pos);
    void applyInsertEdge(const EdgeSpec &edge, int index = -1);
    void applyRemoveEdge(const EdgeSpec &edge);
    void applyTraining(const TrainingConfig &config);
    void applyData(const DataSource &data, const Preprocessing &preprocessing);
    /// Replaces the whole project but keeps the file and the undo history (Open data's undoable step);
    /// the views rebuild as on reset().
    void applyWholeProject(const Project &project);
    /// The lesson the project carries (a teacher authoring it: ui/lesson/lesson_commands.h).
    void applyLesson(const std::optional<Lesson> &lesson);

    /// Stores trained weights, normaliser and history with the project (not undoable: a training result), and
    /// the trainer's state that goes with these weights (none: a continued run starts its optimizer afresh).
    void setTrainedState(std::vector<StoredTensor> weights, std::optional<Normalizer> normalizer,
                         std::vector<EpochRecord> history, std::optional<CsvSchema> csvSchema = {},
                         std::optional<Normalizer> targetScaler = {},
                         std::optional<TrainerState> trainerState = {});
    /// Drops the stored training result (Reset: the project is untrained again). No-op when there is none.
    void clearTrainedState();

signals:
    void nodeAdded(nnp::NodeId id);
    void nodeRemoved(nnp::NodeId id);
    void nodeChanged(nnp::NodeId id); ///< name or options
    void nodeMoved(nnp::NodeId id);
    void edgeAdded(const nnp::EdgeSpec &edge);
    void edgeRemoved(const nnp::EdgeSpec &edge);
    /// The network the trainer would build changed (not emitted for moves): a run should offer a reset.
    void graphChanged();
    void hyperparametersChanged();
    void dataSourceChanged();
    void diagnosticsChanged();
    void documentReset();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);
    /// Save As into another folder rewrote the data paths (the data is the same).
    void dataPathsRebased();
    /// applyLesson changed the project's lesson.
    void lessonChanged();

private:
    void revalidate();
    void readFacts();
    void setExtraModified(bool on);

    Project m_project;
    ValidationResult m_validation;
    std::vector<FitProblem> m_fitProblems;
    std::optional<DataFacts> m_dataFacts; ///< read when the data source changes (not for IDX data)
    std::unique_ptr<QUndoStack> m_undo;
    QString m_filePath;
    bool m_extraModified = false; // changes outside the undo history (stored weights)
};

} // namespace nnp
