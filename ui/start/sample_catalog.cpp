#include "start/sample_catalog.h"

#include "start/sample_titles.h"

#include "document/default_project.h"
#include "editor/auto_layout.h"
#include "io/project.h"
#include "layers/simple_layers.h"
#include "style/palette.h"

#include "data/idx.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QPainter>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>
#include <optional>

namespace nnp {

namespace {

/// Side of the square image a sample holds, or 0 when it holds none (images are channels-first).
int imageSide(const Dataset &d)
{
    if (d.sampleShape.dims.size() == 3) return d.sampleShape.dims[1];
    // A flat row of n² pixels (8x8 digits as 64 columns) is an image too, when every value is a pixel's.
    const int n = static_cast<int>(std::lround(std::sqrt(double(d.features()))));
    if (n >= 8 && n * n == d.features() && d.size() > 0 && d.x.minCoeff() >= 0 && d.x.maxCoeff() <= 255)
        return n;
    return 0;
}

void drawImages(QPainter &p, const Dataset &d, int side, int size)
{
    const int grid = 3, gap = std::max(2, size / 40);
    const double cell = double(size - gap * (grid + 1)) / grid;
    const int shown = std::min(grid * grid, d.size());
    for (int k = 0; k < shown; ++k) {
        const auto column = d.x.col(k);
        const float hi = std::max(1e-6f, column.maxCoeff());
        QImage img(side, side, QImage::Format_Grayscale8);
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x) {
                const float v = column(y * side + x) / hi;
                img.setPixel(x, y, qRgb(int(255 - 255 * v), int(255 - 255 * v), int(255 - 255 * v)));
            }
        const QRectF target(gap + (k % grid) * (cell + gap), gap + (k / grid) * (cell + gap), cell, cell);
        p.drawImage(target, img);
    }
}

void drawPoints(QPainter &p, const Dataset &d, int size)
{
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    const double r = size / 45.0 + 0.8;
    for (int i = 0; i < d.size(); ++i) {
        p.setBrush(d.task == TaskKind::Classification ? classColor(d.labels[static_cast<std::size_t>(i)])
                                                      : divergingColor(double(d.targets(0, i))));
        const double x = (double(d.x(0, i)) + 6) / 12 * size, y = (6 - double(d.x(1, i))) / 12 * size;
        p.drawEllipse(QPointF(x, y), r, r);
    }
}

QColor kindColor(LayerKind kind)
{
    switch (kind) {
    case LayerKind::Input:
        return QColor(0x6B7280);
    case LayerKind::Conv2D:
    case LayerKind::MaxPool2D:
    case LayerKind::AveragePool2D:
    case LayerKind::GlobalAveragePool2D:
        return QColor(0xE69F00);
    case LayerKind::Embedding:
    case LayerKind::SimpleRNN:
    case LayerKind::LSTM:
    case LayerKind::GRU:
        return QColor(0xCC79A7);
    case LayerKind::Softmax:
    case LayerKind::Activation:
        return QColor(0x009E73);
    default:
        return QColor(0x0072B2);
    }
}

/// The layers where the canvas puts them, scaled into the square, with their wires.
void drawNetwork(QPainter &p, const Project &project, int size)
{
    GraphSpec g = project.graph;
    if (needsLayout(g))
        for (const auto &[id, pos] : layeredLayout(g))
            if (NodeSpec *n = g.find(id)) {
                n->x = pos.x();
                n->y = pos.y();
            }
    if (g.nodes.empty()) return;
    double x0 = g.nodes[0].x, x1 = x0, y0 = g.nodes[0].y, y1 = y0;
    for (const NodeSpec &n : g.nodes) {
        x0 = std::min(x0, n.x);
        x1 = std::max(x1, n.x);
        y0 = std::min(y0, n.y);
        y1 = std::max(y1, n.y);
    }
    const double margin = size * 0.14;
    const double scale =
        std::min((size - 2 * margin) / std::max(1.0, x1 - x0), (size - 2 * margin) / std::max(1.0, y1 - y0));
    const QPointF centre((x0 + x1) / 2, (y0 + y1) / 2);
    const auto at = [&](const NodeSpec &n) {
        return QPointF(size / 2.0 + (n.x - centre.x()) * scale, size / 2.0 + (n.y - centre.y()) * scale);
    };
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0x9CA3AF), std::max(1.5, size / 60.0)));
    for (const EdgeSpec &e : g.edges) {
        const NodeSpec *a = g.find(e.from), *b = g.find(e.to);
        if (a && b) p.drawLine(at(*a), at(*b));
    }
    const double w = std::clamp(size / double(g.nodes.size() + 1) * 0.8, size / 14.0, size / 6.0);
    const double h = w * 2.2;
    p.setPen(Qt::NoPen);
    for (const NodeSpec &n : g.nodes) {
        p.setBrush(kindColor(n.kind));
        const QPointF c = at(n);
        p.drawRoundedRect(QRectF(c.x() - w / 2, c.y() - h / 2, w, h), w / 4, w / 4);
    }
}

QString cacheKey(const QFileInfo &info, int size)
{
    const QByteArray key = QStringLiteral("v1|%1|%2|%3|%4")
                               .arg(info.absoluteFilePath())
                               .arg(info.size())
                               .arg(info.lastModified().toMSecsSinceEpoch())
                               .arg(size)
                               .toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex());
}

} // namespace

QString titleFromFileName(const QString &path)
{
    QString name = QFileInfo(path).completeBaseName().replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!name.isEmpty()) name[0] = name[0].toUpper();
    return name;
}

QString firstSentence(const QString &text)
{
    const qsizetype end = text.indexOf(QStringLiteral(". "));
    return end < 0 ? text.trimmed() : text.left(end + 1).trimmed();
}

QString groupTitle(SampleGroup group)
{
    switch (group) {
    case SampleGroup::Basics:
        return QCoreApplication::translate("nnp::StartPage", "Basics");
    case SampleGroup::Images:
        return QCoreApplication::translate("nnp::StartPage", "Images");
    case SampleGroup::TextSequences:
        return QCoreApplication::translate("nnp::StartPage", "Text & sequences");
    case SampleGroup::Lessons:
        return QCoreApplication::translate("nnp::StartPage", "Lessons");
    }
    return {};
}

SampleGroup groupOf(const Project &project)
{
    if (project.data.kind == DataSourceKind::Idx) return SampleGroup::Images;
    bool recurrent = !project.data.csv.text.empty();
    for (const NodeSpec &n : project.graph.nodes) {
        switch (n.kind) {
        case LayerKind::Conv2D:
        case LayerKind::MaxPool2D:
        case LayerKind::AveragePool2D:
        case LayerKind::GlobalAveragePool2D:
            return SampleGroup::Images;
        case LayerKind::SimpleRNN:
        case LayerKind::LSTM:
        case LayerKind::GRU:
            recurrent = true;
            break;
        default:
            break;
        }
        if (n.kind == LayerKind::Input && n.options.get(opt::input::shape).size() == 3)
            return SampleGroup::Images;
    }
    if (recurrent) return SampleGroup::TextSequences;
    // A flat row of 8x8 pixels (digits as 64 columns) is still a picture.
    const std::string folder = std::filesystem::path(project.data.path).parent_path().filename().string();
    if (folder.find("digits") != std::string::npos || folder.find("mnist") != std::string::npos)
        return SampleGroup::Images;
    return SampleGroup::Basics;
}

std::vector<SampleEntry> listStartEntries()
{
    std::vector<SampleEntry> out;
    const auto add = [&out](const QString &path, std::optional<SampleGroup> group) {
        try {
            const Project p = loadProject(path.toStdString());
            const std::optional<SampleTitle> shipped = shippedSampleTitle(path);
            out.push_back({path, shipped ? shipped->title : titleFromFileName(path),
                           shipped ? shipped->summary : QString::fromStdString(p.description),
                           group ? *group : groupOf(p)});
        } catch (const std::exception &) {
            // A broken file is not offered; File > Open says what is wrong with it.
        }
    };
    for (const QString &path : listSamples())
        add(path, std::nullopt);
    const QString samples = findSamplesDir();
    if (!samples.isEmpty()) {
        const QDir lessons(samples + QStringLiteral("/lessons"));
        for (const QString &name : lessons.entryList({QStringLiteral("*.nnp")}, QDir::Files, QDir::Name))
            add(lessons.absoluteFilePath(name), SampleGroup::Lessons);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const SampleEntry &a, const SampleEntry &b) { return int(a.group) < int(b.group); });
    return out;
}

namespace {

/// Draws the project's data when it makes a picture (points of a generator, the first images); false when it
/// does not or cannot be read.
bool drawData(QPainter &p, const Project &project, const QString &baseDir, int size)
{
    try {
        const std::filesystem::path base = baseDir.toStdString();
        const auto resolve = [&base](const std::string &path) {
            const std::filesystem::path f(path);
            return (f.is_relative() ? base / f : f).string();
        };
        Dataset d;
        switch (project.data.kind) {
        case DataSourceKind::Generator: {
            GeneratorConfig config = project.data.generator;
            config.samples = std::min(config.samples, 300);
            drawPoints(p, generate(config), size);
            return true;
        }
        case DataSourceKind::Idx:
            d = loadIdx(resolve(project.data.images), resolve(project.data.labels));
            break;
        case DataSourceKind::Csv:
            if (groupOf(project) != SampleGroup::Images) return false;
            d = loadCsv(resolve(project.data.path), project.data.csv).data;
            break;
        }
        const int side = imageSide(d);
        if (side <= 0) return false;
        drawImages(p, d, side, size);
        return true;
    } catch (const std::exception &) {
        return false; // no data to draw: the network's shape still says what the project is
    }
}

} // namespace

QImage renderSampleThumbnail(const Project &project, const QString &baseDir, int size)
{
    QImage img(size, size, QImage::Format_RGB32);
    img.fill(QColor(0xF4F5F7));
    QPainter p(&img);
    if (!drawData(p, project, baseDir, size)) drawNetwork(p, project, size);
    return img;
}

QImage sampleThumbnail(const QString &projectPath, int size)
{
    static QHash<QString, QImage> memory;
    const QFileInfo info(projectPath);
    const QString key = cacheKey(info, size);
    if (const auto it = memory.constFind(key); it != memory.constEnd()) return *it;
    const QString cacheDir =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/thumbnails");
    const QString file = cacheDir + QLatin1Char('/') + key + QStringLiteral(".png");
    QImage img(file);
    if (img.isNull() || img.width() != size) {
        try {
            const Project project = loadProject(projectPath.toStdString());
            img = renderSampleThumbnail(project, info.absolutePath(), size);
        } catch (const std::exception &) {
            return {};
        }
        if (QDir().mkpath(cacheDir)) img.save(file, "PNG"); // a cache: failing to write it costs only time
    }
    memory.insert(key, img);
    return img;
}

} // namespace nnp
