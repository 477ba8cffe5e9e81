#pragma once
// Where the data comes from: one of the built-in generators (noise, samples, train/test ratio, engineered
// features), a CSV file (with the target column, what each column is, and the CSV options) or IDX image
// files; normalisation; and a preview. Every change is an undoable ChangeDataCommand on the document.

#include "io/project.h"

#include <QWidget>

#include <array>

class QAbstractButton;
class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;
class QStackedWidget;
class QTimer;

namespace nnp {

class CsvColumnsTable;
class CsvOptionsBox;
class DataPanelPreview;
class GraphDocument;

class DataPanel : public QWidget {
    Q_OBJECT
public:
    explicit DataPanel(GraphDocument *document, QWidget *parent = nullptr);

    /// The folder relative data paths start from (the project file's folder).
    [[nodiscard]] QString baseDir() const;

    // For tests and the main window.
    [[nodiscard]] QComboBox *sourceBox() const { return m_source; }
    [[nodiscard]] QAbstractButton *generatorButton(GeneratorKind kind) const;
    [[nodiscard]] QSlider *noiseSlider() const { return m_noise; }
    [[nodiscard]] QSpinBox *samplesBox() const { return m_samples; }
    [[nodiscard]] QSlider *trainRatioSlider() const { return m_trainRatio; }
    [[nodiscard]] QCheckBox *featureBox(int index) const
    {
        return m_features[static_cast<std::size_t>(index)];
    }
    [[nodiscard]] QComboBox *targetBox() const { return m_target; }
    [[nodiscard]] QComboBox *normalizationBox() const { return m_normalization; }
    [[nodiscard]] QCheckBox *scaleTargetBox() const { return m_scaleTarget; }
    [[nodiscard]] CsvColumnsTable *csvColumns() const { return m_csvColumns; }
    [[nodiscard]] CsvOptionsBox *csvOptions() const { return m_csvOptions; }
    [[nodiscard]] QSpinBox *validationBox() const { return m_validation; }
    /// "120 training · 0 validation · 30 test rows": the split of the whole data, for every kind of source.
    [[nodiscard]] QLabel *splitCountsLabel() const { return m_splitCounts; }
    [[nodiscard]] DataPanelPreview *preview() const { return m_preview; }
    /// Sets the CSV file (as the file dialog would) and reads its header for the target choice.
    void chooseCsv(const QString &path);
    /// Sets the CSV's separate test file (as its file dialog would), stored like the data path.
    void chooseTestCsv(const QString &path);
    /// Redraws the preview now instead of after the short delay that batches quick edits.
    void refreshPreviewNow();

    static constexpr int kFeatureCount = 7;

private:
    QWidget *buildGeneratorPage();
    QWidget *buildCsvPage();
    QWidget *buildIdxPage();
    void loadFromDocument();
    /// Pushes the edited data source as one undo step; `field` names it ("noise") so drags merge.
    void commit(DataSource data, Preprocessing pre, const QString &field);
    void onGeneratorEdited(const QString &field);
    /// `field` names the edit for undo; edits of the same field merge.
    void onCsvEdited(const QString &field);
    void onSplitEdited(const QString &field);
    void fillTargetColumns(const QString &path);
    /// How the project stores a data file's path: relative to the project file when there is one.
    [[nodiscard]] std::string storedPath(const QString &path) const;
    void browseIdx(int which);
    static Preprocessing withImageScaling(const DataSource &data, Preprocessing pre);
    void schedulePreview();

    GraphDocument *m_doc;
    bool m_loading = false;
    QComboBox *m_source = nullptr;
    QStackedWidget *m_pages = nullptr;
    QButtonGroup *m_kinds = nullptr;
    QSlider *m_noise = nullptr, *m_trainRatio = nullptr;
    QLabel *m_noiseLabel = nullptr, *m_ratioLabel = nullptr, *m_splitCounts = nullptr;
    QSpinBox *m_samples = nullptr, *m_seed = nullptr, *m_validation = nullptr;
    std::array<QCheckBox *, kFeatureCount> m_features{};
    QLineEdit *m_csvPath = nullptr;
    QComboBox *m_target = nullptr, *m_task = nullptr;
    CsvColumnsTable *m_csvColumns = nullptr;
    CsvOptionsBox *m_csvOptions = nullptr;
    std::array<QLineEdit *, 4> m_idxPaths{};
    QComboBox *m_normalization = nullptr;
    QCheckBox *m_scaleTarget = nullptr;
    DataPanelPreview *m_preview = nullptr;
    QTimer *m_previewTimer = nullptr;
};

/// A thumbnail of a generator's points, as the playground's dataset buttons show.
QPixmap generatorThumbnail(GeneratorKind kind, int size);
/// The generator's name for people ("Two spirals").
QString generatorTitle(GeneratorKind kind);

} // namespace nnp
