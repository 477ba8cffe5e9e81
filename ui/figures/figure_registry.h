#pragma once
// The figures a user can export for slides (File > Export > Figure...): the canvas, the output view, the
// plots, the neuron view ... Each view registers a FigureSource with the window's registry; the export
// dialog lists them and renders the chosen one as PNG or SVG at the chosen size.

#include <QObject>
#include <QPainter>
#include <QRectF>
#include <QSize>
#include <QString>

#include <functional>
#include <vector>

namespace nnp {

struct FigureSource {
    QString id;    ///< stable, for tests and settings: "canvas", "output", "loss", "neurons" ...
    QString title; ///< shown in the dialog (already translated)
    /// The size the figure has on screen now: the dialog's default size and aspect ratio.
    std::function<QSize()> naturalSize;
    /// Draws the whole figure scaled into `target` (painter already set up for the output device).
    std::function<void(QPainter &painter, const QRectF &target)> render;
};

class FigureRegistry : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    /// Adds a figure, replacing one with the same id.
    void add(FigureSource source);
    [[nodiscard]] const std::vector<FigureSource> &sources() const { return m_sources; }
    [[nodiscard]] const FigureSource *find(const QString &id) const;

signals:
    void changed();

private:
    std::vector<FigureSource> m_sources;
};

} // namespace nnp
