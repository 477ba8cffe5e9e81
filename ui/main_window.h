#pragma once
// The playground window: the canvas in the middle, the layer palette and the inspector as docks the user
// can rearrange (state saved with QSettings), menus File / Edit / View, the title with the file name and an
// unsaved-changes marker. Panels from elsewhere plug in with addDock() and the menu accessors.

#include <QMainWindow>
#include <QPointer>

#include <map>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace nnp {

class Autosave;
class GraphDocument;
class GraphScene;
class GraphView;
class InspectorWidget;
class PaletteWidget;
class PresentationMode;
class ProblemsBar;
class TrainingDocks;
class FigureRegistry;
struct Project;

/// The docks other docks place themselves beside (each one's home is told to the window by addDock).
enum class DockRole { Other, Palette, Inspector, Data, Output, Curves };

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] GraphDocument *document() const { return m_doc; }
    [[nodiscard]] GraphScene *scene() const { return m_scene; }
    [[nodiscard]] GraphView *view() const { return m_view; }
    [[nodiscard]] PaletteWidget *palette() const { return m_palette; }
    [[nodiscard]] InspectorWidget *inspector() const { return m_inspector; }
    /// Above the canvas: the network's problems against its loss and data, with one-click fixes.
    [[nodiscard]] ProblemsBar *problemsBar() const { return m_problems; }
    /// The training toolbar, the Data / Output / Training curves docks and their controller.
    [[nodiscard]] TrainingDocks *training() const { return m_training; }
    /// The figures File > Export > Figure can write (views register themselves here).
    [[nodiscard]] FigureRegistry *figures() const { return m_figures; }
    /// View > Presentation mode (F5): full screen, large text, one activity's docks.
    [[nodiscard]] PresentationMode *presentation() const { return m_presentation; }
    /// Unsaved work written to a recovery file every minute (ui/document/autosave.h).
    [[nodiscard]] Autosave *autosave() const { return m_autosave; }
    [[nodiscard]] QMenu *fileMenu() const { return m_fileMenu; }
    [[nodiscard]] QMenu *editMenu() const { return m_editMenu; }
    [[nodiscard]] QMenu *viewMenu() const { return m_viewMenu; }
    [[nodiscard]] QMenu *samplesMenu() const { return m_samplesMenu; }

    /// Adds a dock (it needs an objectName, for the saved layout) and its toggle to View > Panels; a dock
    /// with a role can be found by it.
    void addDock(QDockWidget *dock, Qt::DockWidgetArea area, DockRole role = DockRole::Other);
    /// A dock of this window holding `content`; `name` is its objectName (the saved layout's key).
    [[nodiscard]] QDockWidget *newDock(const QString &title, const QString &name, QWidget *content);
    /// The dock added with this role; null when there is none.
    [[nodiscard]] QDockWidget *dock(DockRole role) const;

    /// Opens a project without asking about unsaved changes. On failure shows why and keeps the current
    /// project; returns whether it opened.
    bool loadFile(const QString &path);
    /// Saves to `path` (asks for one when empty, and when the project is a lesson and `path` its own file:
    /// lessons open as templates). Returns whether it saved.
    bool saveTo(const QString &path);
    /// Starts over with the playground's default network, or with an empty canvas.
    void newProject(bool empty = false);
    /// Asks to save unsaved changes; false when the user cancels.
    bool maybeSave();
    /// Makes `project` the current one, unsaved and without a file (an ONNX import); no question asked.
    void adoptProject(Project project);
    /// File > Open data…: a CSV file (asked for when `csvPath` is empty) becomes a network that fits it,
    /// after the choices are shown in a dialog ("openDataDialog", window-modal, not blocking).
    void openData(const QString &csvPath = {});
    /// What Open data makes goes in: one undo step when the canvas holds a network (Undo brings it back),
    /// else a new untitled project named after the data.
    void adoptDataProject(Project project);
    /// The start page (File > Start page; at start when no file is given): samples, lessons, recent files.
    void showStartPage();
    /// The sample this project was opened from (it opens as a template: Save goes to Save As in the user's
    /// documents); empty for any other project.
    [[nodiscard]] QString templatePath() const { return m_templatePath; }
    /// File > Reset to sample: asks ("resetSampleBox"), then opens the sample again as it was shipped.
    void resetToSample();
    /// When the last run left a recovery file (it did not close normally), asks in a window-modal box
    /// ("recoveryBox": Restore / Discard) whether to restore it; the app calls this once at start. Returns
    /// whether it asked.
    bool offerRecovery();
    /// Shows an error in a window-modal box and the status bar; lastError() keeps the text.
    void showError(const QString &title, const QString &text);
    /// The text of the last error shown to the user (also in a dialog and the status bar), for tests.
    [[nodiscard]] QString lastError() const { return m_lastError; }

    // Edit operations (also the Edit menu's actions).
    void copySelection();
    void cutSelection();
    void paste();
    void selectAll();

    /// The window's action with this objectName ("actionSave", "actionUndo" ...), for tests and panels.
    [[nodiscard]] QAction *action(const QString &objectName) const;

signals:
    /// A project was opened, created or reset (after the document and canvas are updated).
    void projectOpened();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void updateTitle();
    void updateEditActions();
    void rebuildRecentMenu();
    void rebuildSamplesMenu();
    void addRecentFile(const QString &path);
    void onSelectionChanged();
    void addLayerAtCentre(int kind);
    void triggerSpaceShortcut();
    void applyProject(Project project, const QString &path);
    QString askOpenPath();
    void createStartActions();
    void saveSettings();
    void balanceBottomDocks();
    QAction *makeAction(const QString &name, const QString &text, const QList<QKeySequence> &keys = {});

    GraphDocument *m_doc;
    GraphScene *m_scene;
    GraphView *m_view;
    PaletteWidget *m_palette = nullptr;
    InspectorWidget *m_inspector = nullptr;
    ProblemsBar *m_problems = nullptr;
    FigureRegistry *m_figures = nullptr;
    TrainingDocks *m_training = nullptr;
    PresentationMode *m_presentation = nullptr;
    Autosave *m_autosave = nullptr;
    std::map<DockRole, QDockWidget *> m_docks;
    QMenu *m_fileMenu = nullptr, *m_editMenu = nullptr, *m_viewMenu = nullptr, *m_panelsMenu = nullptr,
          *m_recentMenu = nullptr, *m_samplesMenu = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QByteArray m_defaultState;
    bool m_restored = false;
    int m_pasteCount = 0;
    QString m_lastError;
    QString m_templatePath;
};

} // namespace nnp
