#pragma once
// File > Export > ONNX / PyTorch / Keras / Weights / Data: one dialog per format with the output path (and a
// file chooser), the options the core supports, and a message line that says what was written or why not
// (an untrained model, a layer the format cannot express — named). The writing runs on a worker thread with
// a copy of the project; a running training is paused first and its latest weights are written.

#include "export/model_export.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTimer;

namespace nnp {

class MainWindow;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(MainWindow *window, ExportFormat format);
    ~ExportDialog() override;

    [[nodiscard]] ExportFormat format() const { return m_format; }
    [[nodiscard]] QLineEdit *pathEdit() const { return m_path; }
    [[nodiscard]] QLineEdit *modelNameEdit() const { return m_modelName; }
    [[nodiscard]] QCheckBox *normalizationBox() const { return m_normalize; }
    [[nodiscard]] QRadioButton *csvButton() const { return m_csv; }
    [[nodiscard]] QCheckBox *splitBox() const { return m_split; }
    [[nodiscard]] QPushButton *exportButton() const { return m_export; }
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }
    /// What Export would write now, from the widgets.
    [[nodiscard]] ExportRequest request() const;
    [[nodiscard]] bool isBusy() const { return m_busy; }

public slots:
    /// What the Export button does: pause a running training (waiting for its weights), then write on a
    /// worker thread. exportFinished() reports the outcome.
    void startExport();

signals:
    void exportFinished(bool ok, const QString &message);

private:
    void browse();
    void refreshState();
    void writeNow();
    void finish(const ExportOutcome &outcome);
    void showMessage(const QString &text, int kind); // 0 info, 1 success, 2 error
    void updateWeightsNote();

    MainWindow *m_window;
    ExportFormat m_format;
    QLineEdit *m_path = nullptr, *m_modelName = nullptr;
    QCheckBox *m_normalize = nullptr, *m_split = nullptr;
    QRadioButton *m_json = nullptr, *m_csv = nullptr;
    QLabel *m_note = nullptr, *m_message = nullptr;
    QPushButton *m_export = nullptr;
    QTimer *m_pauseTimeout = nullptr;
    QMetaObject::Connection m_pauseWait;
    QString m_confirmedPath; ///< chosen in the file chooser, which already asked about overwriting
    bool m_busy = false;
    bool m_showingState = false; ///< the message is the model's state (untrained ...), not an export's
};

} // namespace nnp
