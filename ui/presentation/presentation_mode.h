#pragma once
// Presentation mode for a projector (View ▸ Presentation mode, F5; F5 or Esc leaves): the window goes full
// screen, one scale factor enlarges all text, the plots' fonts and the canvas (100–250 %, stored in QSettings
// by PresentationSettings, its only home), the docks follow the activity being shown (build / train /
// explain), and a high-contrast palette can be switched on. Leaving restores the window as it was: geometry,
// window state, docks, fonts, palette and the canvas's zoom.

#include <QByteArray>
#include <QFont>
#include <QObject>
#include <QPalette>
#include <QPointer>
#include <QStringList>
#include <QTransform>

#include <vector>

class QAction;
class QActionGroup;
class QCustomPlot;
class QMenu;
class QSpinBox;
class QToolBar;
class QWidget;

namespace nnp {

class MainWindow;

/// The presentation settings, kept in QSettings under "presentation/".
struct PresentationSettings {
    static constexpr int kMinScale = 100, kMaxScale = 250, kDefaultScale = 200, kScaleStep = 25;
    /// The text scale in percent, within [kMinScale, kMaxScale].
    [[nodiscard]] static int scalePercent();
    static void setScalePercent(int percent);
    [[nodiscard]] static bool highContrast();
    static void setHighContrast(bool on);
};

/// What the class is shown: each activity has its own set of docks.
enum class Activity { Build, Train, Explain };

class PresentationMode : public QObject {
    Q_OBJECT
public:
    /// Adds View ▸ Presentation mode (F5) and its submenu, and the presentation toolbar (hidden until used).
    explicit PresentationMode(MainWindow *window);
    ~PresentationMode() override;

    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool on);
    [[nodiscard]] int scalePercent() const { return m_scale; }
    /// Stores the scale and, while presenting, applies it at once.
    void setScalePercent(int percent);
    [[nodiscard]] bool highContrast() const { return m_highContrast; }
    void setHighContrast(bool on);
    [[nodiscard]] Activity activity() const { return m_activity; }
    /// Shows the activity's docks (while presenting; else remembered for the next time).
    void setActivity(Activity activity);

    /// The objectNames of the docks an activity shows.
    [[nodiscard]] static QStringList docksOf(Activity activity);
    /// The body text's size in pixels at a scale: the desktop's size (at least 12 px) times the scale.
    [[nodiscard]] int bodyPixelSize(int percent) const;

    [[nodiscard]] QAction *toggleAction() const { return m_toggle; }
    [[nodiscard]] QToolBar *toolBar() const { return m_bar; }
    [[nodiscard]] QSpinBox *scaleBox() const { return m_scaleBox; }

signals:
    void activeChanged(bool active);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createControls();
    void enter();
    void leave();
    void applyScale();
    void adoptNewWidgets();
    void restoreFonts();
    void applyPalette();
    void applyActivity();
    void applyCanvas();
    void placeSettingsBar();
    [[nodiscard]] bool settingsFitBesideBar(const QToolBar *settings) const;
    void syncControls();

    struct WidgetFont {
        QPointer<QWidget> widget;
        QFont original;
    };
    struct PlotFonts {
        QPointer<QCustomPlot> plot;
        std::vector<QFont> original;
    };

    struct WidgetSize {
        QPointer<QWidget> widget;
        QSize min, max;
    };

    MainWindow *m_window;
    QAction *m_toggle = nullptr, *m_contrast = nullptr;
    QActionGroup *m_activities = nullptr, *m_scales = nullptr;
    QToolBar *m_bar = nullptr;
    QSpinBox *m_scaleBox = nullptr;
    bool m_active = false, m_highContrast = false;
    int m_scale = PresentationSettings::kDefaultScale;
    Activity m_activity = Activity::Train;

    // What leaving restores.
    QByteArray m_geometry, m_dockState;
    Qt::WindowStates m_windowState;
    QFont m_appFont;
    QPalette m_appPalette;
    QTransform m_canvasTransform;
    QPoint m_canvasScroll;
    double m_ratio = 1.0; ///< the factor applied to the fonts now
    std::vector<WidgetFont> m_widgetFonts;
    std::vector<PlotFonts> m_plotFonts;
    std::vector<QFont> m_classFonts; ///< per kThemedClasses
    std::vector<WidgetSize> m_sizes;
};

} // namespace nnp
