#pragma once
// File > Export > Figure…: the figures the views registered (canvas, output, curves …) as PNG or SVG at a
// chosen size, for slides. writeFigure() is what the dialog calls (and the tests).

#include <QDialog>
#include <QSize>
#include <QString>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace nnp {

struct FigureSource;
class FigureRegistry;

enum class FigureFormat { Png, Svg };

/// Renders `source` at `size` (pixels for PNG; the SVG's size and view box) on a white background and
/// writes it atomically. False with *error (translated, naming the file) on failure.
bool writeFigure(const FigureSource &source, const QString &path, QSize size, FigureFormat format,
                 QString *error = nullptr);
/// The figure as an image (what PNG export writes), e.g. for a preview.
QImage renderFigure(const FigureSource &source, QSize size);

class FigureExportDialog : public QDialog {
    Q_OBJECT
public:
    FigureExportDialog(FigureRegistry *registry, const QString &defaultDir, QWidget *parent = nullptr);

    [[nodiscard]] QComboBox *figureBox() const { return m_figure; }
    [[nodiscard]] QComboBox *formatBox() const { return m_format; }
    [[nodiscard]] QSpinBox *widthBox() const { return m_width; }
    [[nodiscard]] QSpinBox *heightBox() const { return m_height; }
    [[nodiscard]] QCheckBox *aspectBox() const { return m_aspect; }
    [[nodiscard]] QLineEdit *pathEdit() const { return m_path; }
    [[nodiscard]] QPushButton *exportButton() const { return m_export; }
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }
    /// Selects a figure by id; false when there is none with that id.
    bool selectFigure(const QString &id);

public slots:
    /// What the Export button does. Returns whether the file was written.
    bool exportNow();

private:
    void rebuildList();
    void onFigureChanged();
    void onFormatChanged();
    void onWidthChanged(int w);
    void onHeightChanged(int h);
    void updatePreview();
    void browse();
    [[nodiscard]] const FigureSource *current() const;

    FigureRegistry *m_registry;
    QString m_dir;
    QComboBox *m_figure, *m_format;
    QSpinBox *m_width, *m_height;
    QCheckBox *m_aspect;
    QLineEdit *m_path;
    QLabel *m_preview, *m_message;
    QPushButton *m_export = nullptr;
    double m_ratio = 1.0; ///< width / height of the figure's natural size
    bool m_syncing = false;
    QString m_confirmedPath;
};

} // namespace nnp
