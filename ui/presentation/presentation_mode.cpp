#include "presentation/presentation_mode.h"

#include "editor/graph_scene.h"
#include "editor/graph_view.h"
#include "i18n/language.h"
#include "main_window.h"
#include "style/high_contrast.h"
#include "style/plot_contrast.h"
#include "style/text_scale.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QFontInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QToolBar>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace nnp {

namespace {

const QString kScaleKey = QStringLiteral("presentation/scale");
const QString kContrastKey = QStringLiteral("presentation/highContrast");
constexpr int kDesktopMinPixels = 12; // 100 % is never smaller than this
// The classes a platform theme may give fonts of their own (QPlatformTheme::Font): they grow too.
constexpr const char *kThemedClasses[] = {"QMenu",
                                          "QMenuBar",
                                          "QMenuItem",
                                          "QMessageBox",
                                          "QLabel",
                                          "QTipLabel",
                                          "QStatusBar",
                                          "QDockWidgetTitle",
                                          "QPushButton",
                                          "QCheckBox",
                                          "QRadioButton",
                                          "QToolButton",
                                          "QAbstractItemView",
                                          "QListView",
                                          "QHeaderView",
                                          "QComboMenuItem",
                                          "QComboLineEdit",
                                          "QTabBar",
                                          "QMdiSubWindowTitleBar",
                                          "QSmallFont",
                                          "QMiniFont"};

QFont scaled(QFont f, double ratio)
{
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * ratio);
    else if (f.pixelSize() > 0)
        f.setPixelSize(std::max(1, int(std::lround(f.pixelSize() * ratio))));
    return f;
}

/// A widget whose fixed or minimum size its code derived from the font: a label (a counter, a banner of a
/// few lines) or a control in a toolbar (the pace slider beside its text).
bool sizedByText(const QWidget *w)
{
    if (qobject_cast<const QLabel *>(w)) return true;
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget())
        if (qobject_cast<const QToolBar *>(p)) return true;
    return false;
}

/// Every font a plot sets for itself (axes, legend, text items), in a fixed order.
std::vector<QFont> plotFonts(const QCustomPlot *plot)
{
    std::vector<QFont> fonts;
    for (QCPAxisRect *rect : plot->axisRects())
        for (QCPAxis *axis : rect->axes()) {
            fonts.push_back(axis->tickLabelFont());
            fonts.push_back(axis->labelFont());
        }
    fonts.push_back(plot->legend->font());
    for (int i = 0; i < plot->itemCount(); ++i)
        if (const auto *text = qobject_cast<const QCPItemText *>(plot->item(i)))
            fonts.push_back(text->font());
    return fonts;
}

constexpr int kAxisPadding = 5; // QCustomPlot's default label and tick-label padding, px

void setPlotFonts(QCustomPlot *plot, const std::vector<QFont> &fonts, double ratio)
{
    std::size_t k = 0;
    auto next = [&]() { return scaled(k < fonts.size() ? fonts[k++] : plot->font(), ratio); };
    for (QCPAxisRect *rect : plot->axisRects())
        for (QCPAxis *axis : rect->axes()) {
            axis->setTickLabelFont(next());
            axis->setLabelFont(next());
            // The gaps grow with the text (QCustomPlot's default is 5 px), so that a rotated axis label keeps
            // clear of the tick labels.
            axis->setLabelPadding(int(std::lround(kAxisPadding * ratio)));
            axis->setTickLabelPadding(int(std::lround(kAxisPadding * ratio)));
        }
    plot->legend->setFont(next());
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto *text = qobject_cast<QCPItemText *>(plot->item(i))) text->setFont(next());
    plot->replot();
}

} // namespace

int PresentationSettings::scalePercent()
{
    return std::clamp(QSettings().value(kScaleKey, kDefaultScale).toInt(), kMinScale, kMaxScale);
}

void PresentationSettings::setScalePercent(int percent)
{
    QSettings().setValue(kScaleKey, std::clamp(percent, kMinScale, kMaxScale));
}

bool PresentationSettings::highContrast()
{
    return QSettings().value(kContrastKey, false).toBool();
}

void PresentationSettings::setHighContrast(bool on)
{
    QSettings().setValue(kContrastKey, on);
}

PresentationMode::PresentationMode(MainWindow *window)
    : QObject(window), m_window(window), m_highContrast(PresentationSettings::highContrast()),
      m_scale(PresentationSettings::scalePercent())
{
    setObjectName(QStringLiteral("presentationMode"));
    createControls();
    window->installEventFilter(this); // Esc that no child took leaves
}

PresentationMode::~PresentationMode()
{
    // The window closes while presenting: the application's font and palette are the desktop's again.
    if (!m_active) return;
    QApplication::setFont(m_appFont);
    for (std::size_t i = 0; i < m_classFonts.size(); ++i)
        QApplication::setFont(m_classFonts[i], kThemedClasses[i]);
    QApplication::setPalette(m_appPalette);
    setTextScale(1.0);
}

QStringList PresentationMode::docksOf(Activity activity)
{
    switch (activity) {
    case Activity::Build:
        return {QStringLiteral("paletteDock"), QStringLiteral("inspectorDock"), QStringLiteral("dataDock")};
    case Activity::Train:
        return {QStringLiteral("outputDock"), QStringLiteral("curvesDock"), QStringLiteral("confusionDock"),
                QStringLiteral("compareDock")};
    case Activity::Explain:
        return {QStringLiteral("neuronDock"), QStringLiteral("explainDock")};
    }
    return {};
}

int PresentationMode::bodyPixelSize(int percent) const
{
    const QFont desktop = m_active ? m_appFont : QApplication::font();
    const int base = std::max(kDesktopMinPixels, QFontInfo(desktop).pixelSize());
    return int(std::lround(
        base * std::clamp(percent, PresentationSettings::kMinScale, PresentationSettings::kMaxScale) /
        100.0));
}

void PresentationMode::createControls()
{
    m_toggle = new QAction(tr("&Presentation mode"), m_window);
    m_toggle->setObjectName(QStringLiteral("actionPresentation"));
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(Qt::Key_F5));
    m_toggle->setShortcutContext(Qt::WindowShortcut);
    m_toggle->setToolTip(tr("Full screen, large text and one activity's panels, for a projector (F5; F5 or "
                            "Esc leaves)"));
    m_window->addAction(m_toggle);
    connect(m_toggle, &QAction::toggled, this, &PresentationMode::setActive);

    m_activities = new QActionGroup(this);
    const std::pair<Activity, QString> activities[] = {{Activity::Build, tr("&Build")},
                                                       {Activity::Train, tr("&Train")},
                                                       {Activity::Explain, tr("&Explain")}};
    for (const auto &[activity, text] : activities) {
        QAction *a = m_activities->addAction(text);
        a->setCheckable(true);
        a->setData(int(activity));
        a->setChecked(activity == m_activity);
        a->setIconText(withoutMnemonic(text));
        a->setObjectName(QStringLiteral("actionPresent%1").arg(int(activity)));
        connect(a, &QAction::triggered, this, [this, activity] { setActivity(activity); });
    }
    m_scales = new QActionGroup(this);
    for (int p = PresentationSettings::kMinScale; p <= PresentationSettings::kMaxScale;
         p += PresentationSettings::kScaleStep) {
        QAction *a = m_scales->addAction(tr("%1 %").arg(p));
        a->setCheckable(true);
        a->setData(p);
        connect(a, &QAction::triggered, this, [this, p] { setScalePercent(p); });
    }
    m_contrast = new QAction(tr("&High contrast"), this);
    m_contrast->setObjectName(QStringLiteral("actionHighContrast"));
    m_contrast->setCheckable(true);
    m_contrast->setIconText(withoutMnemonic(m_contrast->text()));
    connect(m_contrast, &QAction::toggled, this, &PresentationMode::setHighContrast);

    QMenu *view = m_window->viewMenu();
    view->addSeparator();
    view->addAction(m_toggle);
    QMenu *options = view->addMenu(tr("P&resentation"));
    options->addActions(m_activities->actions());
    options->addSeparator();
    QMenu *sizes = options->addMenu(tr("Text &size"));
    sizes->addActions(m_scales->actions());
    options->addAction(m_contrast);

    m_bar = new QToolBar(tr("Presentation"), m_window);
    m_bar->setObjectName(QStringLiteral("presentationToolBar"));
    m_bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_bar->addActions(m_activities->actions());
    m_bar->addSeparator();
    m_scaleBox = new QSpinBox(m_bar);
    m_scaleBox->setObjectName(QStringLiteral("presentationScale"));
    m_scaleBox->setRange(PresentationSettings::kMinScale, PresentationSettings::kMaxScale);
    m_scaleBox->setSingleStep(PresentationSettings::kScaleStep);
    m_scaleBox->setSuffix(tr(" %"));
    m_scaleBox->setPrefix(tr("Text "));
    m_scaleBox->setToolTip(tr("The size of all text, plots and the canvas while presenting"));
    m_scaleBox->setKeyboardTracking(false);
    connect(m_scaleBox, &QSpinBox::valueChanged, this, &PresentationMode::setScalePercent);
    m_bar->addWidget(m_scaleBox);
    m_bar->addAction(m_contrast);
    m_bar->addSeparator();
    QAction *exit = m_bar->addAction(tr("Leave presentation"));
    exit->setObjectName(QStringLiteral("actionLeavePresentation"));
    connect(exit, &QAction::triggered, this, [this] { setActive(false); });
    m_window->addToolBarBreak(Qt::TopToolBarArea); // a row of its own: the training toolbar is wide
    m_window->addToolBar(Qt::TopToolBarArea, m_bar);
    m_bar->hide();
    syncControls();
}

void PresentationMode::syncControls()
{
    const QSignalBlocker b1(m_toggle), b2(m_contrast), b3(m_scaleBox);
    m_toggle->setChecked(m_active);
    m_contrast->setChecked(m_highContrast);
    m_scaleBox->setValue(m_scale);
    for (QAction *a : m_scales->actions())
        a->setChecked(a->data().toInt() == m_scale);
    for (QAction *a : m_activities->actions())
        a->setChecked(a->data().toInt() == int(m_activity));
}

void PresentationMode::setActive(bool on)
{
    if (on == m_active) {
        syncControls();
        return;
    }
    if (on)
        enter();
    else
        leave();
    syncControls();
    emit activeChanged(m_active);
}

void PresentationMode::setScalePercent(int percent)
{
    percent = std::clamp(percent, PresentationSettings::kMinScale, PresentationSettings::kMaxScale);
    PresentationSettings::setScalePercent(percent);
    const bool changed = percent != m_scale;
    m_scale = percent;
    if (changed && m_active) applyScale();
    syncControls();
}

void PresentationMode::setHighContrast(bool on)
{
    PresentationSettings::setHighContrast(on);
    m_highContrast = on;
    if (m_active) applyPalette();
    syncControls();
}

void PresentationMode::setActivity(Activity activity)
{
    m_activity = activity;
    if (m_active) applyActivity();
    syncControls();
}

void PresentationMode::enter()
{
    m_geometry = m_window->saveGeometry();
    m_dockState = m_window->saveState();
    m_windowState = m_window->windowState();
    m_appFont = QApplication::font();
    m_classFonts.clear();
    for (const char *name : kThemedClasses)
        m_classFonts.push_back(QApplication::font(name));
    m_appPalette = QApplication::palette();
    m_canvasTransform = m_window->view()->transform();
    m_canvasScroll = {m_window->view()->horizontalScrollBar()->value(),
                      m_window->view()->verticalScrollBar()->value()};
    m_ratio = 1.0;
    m_widgetFonts.clear();
    m_plotFonts.clear();
    for (QWidget *w : m_window->findChildren<QWidget *>())
        if (w->testAttribute(Qt::WA_SetFont) && !qobject_cast<QDockWidget *>(w))
            m_widgetFonts.push_back({w, w->font()});
    for (QCustomPlot *plot : m_window->findChildren<QCustomPlot *>())
        m_plotFonts.push_back({plot, plotFonts(plot)});
    // Sizes set from the desktop's font metrics (a counter's width, a plot's minimum height) grow with it.
    m_sizes.clear();
    const QSize unset(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    for (QWidget *w : m_window->findChildren<QWidget *>())
        if (sizedByText(w) && (!w->minimumSize().isNull() || w->maximumSize() != unset))
            m_sizes.push_back({w, w->minimumSize(), w->maximumSize()});
    m_active = true;

    m_window->setWindowState((m_windowState & ~(Qt::WindowMinimized | Qt::WindowMaximized)) |
                             Qt::WindowFullScreen);
    applyScale();
    applyPalette();
    m_bar->show();
    applyActivity();
}

void PresentationMode::leave()
{
    m_active = false;
    adoptNewWidgets();
    restoreFonts();
    setHighContrastActive(false);
    QApplication::setPalette(m_appPalette);
    for (QCustomPlot *plot : m_window->findChildren<QCustomPlot *>())
        setPlotHighContrast(plot, false);
    m_window->restoreState(m_dockState); // the docks and toolbars, the presentation bar hidden again
    m_window->setWindowState(m_windowState);
    // The layouts take the desktop's fonts (and minimum sizes) before the window gets its size back, then
    // the docks their sizes in it.
    for (int pass = 0; pass < 2; ++pass) {
        QCoreApplication::sendPostedEvents();
        m_window->restoreGeometry(m_geometry);
        QCoreApplication::sendPostedEvents();
        m_window->restoreState(m_dockState);
    }
    GraphView *view = m_window->view();
    view->setTransform(m_canvasTransform);
    emit view->zoomChanged(view->zoom());
    view->horizontalScrollBar()->setValue(m_canvasScroll.x());
    view->verticalScrollBar()->setValue(m_canvasScroll.y());
}

void PresentationMode::applyScale()
{
    const double dpi = std::max(1, m_window->logicalDpiY());
    const double desktopPoints =
        m_appFont.pointSizeF() > 0 ? m_appFont.pointSizeF() : QFontInfo(m_appFont).pixelSize() * 72.0 / dpi;
    const double points = bodyPixelSize(m_scale) * 72.0 / dpi;
    const double ratio = points / desktopPoints;
    adoptNewWidgets();
    restoreFonts();
    m_ratio = ratio;
    setTextScale(m_scale / 100.0);
    QFont app = m_appFont;
    app.setPointSizeF(points);
    QApplication::setFont(app);
    for (std::size_t i = 0; i < m_classFonts.size(); ++i)
        QApplication::setFont(scaled(m_classFonts[i], ratio), kThemedClasses[i]);
    auto grow = [ratio](int v) { return v <= 0 || v >= QWIDGETSIZE_MAX ? v : int(std::lround(v * ratio)); };
    for (const WidgetSize &w : m_sizes)
        if (w.widget) {
            w.widget->setMinimumSize(grow(w.min.width()), grow(w.min.height()));
            w.widget->setMaximumSize(grow(w.max.width()), grow(w.max.height()));
        }
    for (const WidgetFont &w : m_widgetFonts)
        if (w.widget) w.widget->setFont(scaled(w.original, ratio));
    for (const PlotFonts &p : m_plotFonts)
        if (p.plot) setPlotFonts(p.plot, p.original, ratio);
    // A dock draws its title in the theme's small title font while its font is the application's; a font
    // of its own (the same size, its contents inherit it) makes it draw the title at the body size.
    QFont dockFont = app;
    dockFont.setStyleStrategy(QFont::PreferAntialias);
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
        d->setFont(dockFont);
    applyCanvas();
    placeSettingsBar();
    // The toolbars' size hints follow the new fonts only once their layouts have run: decided again then.
    QTimer::singleShot(0, this, [this] {
        if (m_active) placeSettingsBar();
    });
    for (QWidget *w : m_window->findChildren<QWidget *>())
        w->update();
}

void PresentationMode::adoptNewWidgets()
{
    // A widget that set its font while presenting (a form rebuilt for a selection) took the large font:
    // its desktop font is that one shrunk by the factor in force.
    std::set<const QWidget *> known;
    for (const WidgetFont &w : m_widgetFonts)
        known.insert(w.widget.data());
    for (QWidget *w : m_window->findChildren<QWidget *>())
        if (w->testAttribute(Qt::WA_SetFont) && !known.count(w) && !qobject_cast<QDockWidget *>(w))
            m_widgetFonts.push_back({w, scaled(w->font(), 1.0 / m_ratio)});
}

void PresentationMode::restoreFonts()
{
    QApplication::setFont(m_appFont);
    for (std::size_t i = 0; i < m_classFonts.size(); ++i)
        QApplication::setFont(m_classFonts[i], kThemedClasses[i]);
    for (const WidgetSize &w : m_sizes)
        if (w.widget) {
            w.widget->setMinimumSize(w.min);
            w.widget->setMaximumSize(w.max);
        }
    for (const WidgetFont &w : m_widgetFonts)
        if (w.widget) w.widget->setFont(w.original);
    for (const PlotFonts &p : m_plotFonts)
        if (p.plot) setPlotFonts(p.plot, p.original, 1.0);
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
        d->setFont(QFont()); // the application's again
    m_ratio = 1.0;
    setTextScale(1.0);
}

void PresentationMode::applyPalette()
{
    setHighContrastActive(m_highContrast); // before the palette's change repaints the views
    QApplication::setPalette(m_highContrast ? highContrastPalette() : m_appPalette);
    // The plots draw with pens of their own, which the palette does not reach (style/plot_contrast.h).
    for (QCustomPlot *plot : m_window->findChildren<QCustomPlot *>())
        setPlotHighContrast(plot, m_highContrast);
}

void PresentationMode::applyActivity()
{
    const QStringList shown = docksOf(m_activity);
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>()) {
        if (d->parentWidget() != m_window) continue;
        if (d->objectName() == QLatin1String("lessonDock")) continue; // an open lesson stays (ui/lesson)
        d->setVisible(shown.contains(d->objectName()));
    }
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
        if (shown.contains(d->objectName()) && !m_window->tabifiedDockWidgets(d).isEmpty()) d->raise();
    // Of the tabs the activity shows, its main one in front: the curves (not the runs compared, nor the
    // confusion matrix) while training.
    if (m_activity == Activity::Train)
        if (auto *curves = m_window->findChild<QDockWidget *>(QStringLiteral("curvesDock"))) curves->raise();
    // The activity's main view gets the room: the canvas and the inspector to build, the curves and the
    // output to train, the neurons to explain.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const int width = m_window->width(), height = m_window->height();
    auto dock = [this](const char *name) { return m_window->findChild<QDockWidget *>(QLatin1String(name)); };
    switch (m_activity) {
    case Activity::Build:
        m_window->resizeDocks({dock("paletteDock"), dock("inspectorDock")}, {width / 5, width * 3 / 10},
                              Qt::Horizontal);
        break;
    case Activity::Train:
        m_window->resizeDocks({dock("outputDock")}, {width * 2 / 5}, Qt::Horizontal);
        // The boundary is what the class watches form: the curves below leave it most of the height.
        m_window->resizeDocks({dock("curvesDock")}, {height / 3}, Qt::Vertical);
        break;
    case Activity::Explain:
        m_window->resizeDocks({dock("neuronDock")}, {height * 3 / 5}, Qt::Vertical);
        m_window->resizeDocks({dock("neuronDock"), dock("explainDock")}, {width / 2, width / 2},
                              Qt::Horizontal);
        break;
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    applyCanvas();
}

void PresentationMode::placeSettingsBar()
{
    // The training settings (learning rate, batch, the state) leave the training toolbar's row, which has no
    // room for them in large text: they join the presentation bar's row, or take a row of their own when
    // that one is full too. Leaving restores the toolbars with the docks' state.
    auto *settings = m_window->findChild<QToolBar *>(QStringLiteral("trainingSettingsToolbar"));
    if (!settings) return;
    m_window->removeToolBarBreak(settings);
    m_window->addToolBar(Qt::TopToolBarArea, settings); // moves it to the end of the last row
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (!settingsFitBesideBar(settings)) m_window->insertToolBarBreak(settings);
}

bool PresentationMode::settingsFitBesideBar(const QToolBar *settings) const
{
    // Measured from what the two bars ask for in the presentation fonts against the full screen's width, not
    // from the geometry the window's layout last gave them: on entering, the presentation bar is still hidden
    // (its width a stale one) and the window not yet full screen, which put the settings on a row of their
    // own even where they fit (in Chinese).
    const QScreen *screen = m_window->screen();
    const int room = m_window->isFullScreen() && screen ? screen->geometry().width() : m_window->width();
    return m_bar->sizeHint().width() + settings->sizeHint().width() <= room;
}

void PresentationMode::applyCanvas()
{
    // Building, the canvas is the main view: it grows by the text's factor, around the network's centre.
    // Training and explaining, it is an overview beside the curves or the neurons: every layer in view, at
    // most at the text's factor.
    GraphView *view = m_window->view();
    const double scale = m_scale / 100.0;
    if (m_activity == Activity::Build) {
        view->setZoom(scale);
        view->centerOn(m_window->scene()->itemsBoundingRect().center());
    } else {
        view->fitAll(scale);
    }
}

bool PresentationMode::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && m_active && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        setActive(false);
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace nnp
