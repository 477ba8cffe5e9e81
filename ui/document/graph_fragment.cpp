#include "document/graph_fragment.h"

#include "document/graph_document.h"
#include "layers/layer_registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

#include <algorithm>
#include <map>
#include <set>

namespace nnp {

namespace {

QString str(std::string_view s)
{
    return QString::fromLatin1(s.data(), static_cast<qsizetype>(s.size()));
}

QJsonValue optionToJson(const OptionValue &v)
{
    if (const auto *l = std::get_if<std::vector<int>>(&v)) {
        QJsonArray a;
        for (int d : *l)
            a.append(d);
        return a;
    }
    if (const auto *s = std::get_if<std::string>(&v)) return QString::fromStdString(*s);
    return std::visit(
        [](const auto &x) -> QJsonValue {
            if constexpr (std::is_arithmetic_v<std::decay_t<decltype(x)>>)
                return x;
            else
                return {};
        },
        v);
}

/// The values set on a node (defaults are left out, as in LayerOptions).
QJsonObject optionsToJson(const LayerOptions &o)
{
    QJsonObject j;
    for (const auto &[name, value] : o.values())
        j.insert(QString::fromStdString(name), optionToJson(value));
    return j;
}

/// Options of a `kind` node; nullopt when a key is unknown to the kind or a value does not fit its schema.
std::optional<LayerOptions> optionsFromJson(LayerKind kind, const QJsonObject &j)
{
    const LayerKindInfo &info = layerKind(kind);
    LayerOptions o;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const OptionSpec *spec = info.option(it.key().toStdString());
        if (!spec) return std::nullopt;
        const QJsonValue &v = it.value();
        OptionValue value;
        switch (spec->type) {
        case OptionType::Int:
            value = v.toInt();
            break;
        case OptionType::Double:
            value = v.toDouble();
            break;
        case OptionType::Bool:
            value = v.toBool();
            break;
        case OptionType::Choice:
            value = v.toString().toStdString();
            break;
        case OptionType::IntList: {
            std::vector<int> dims;
            for (const auto &d : v.toArray())
                dims.push_back(d.toInt());
            value = dims;
            break;
        }
        }
        if (!spec->check(value).empty()) return std::nullopt;
        o.setValue(spec->name, value, spec->def);
    }
    return o;
}

} // namespace

std::string uniqueAmong(const std::string &wanted, const std::set<std::string> &used)
{
    if (!wanted.empty() && !used.count(wanted)) return wanted;
    // "dense_2" pasted again becomes "dense_3", not "dense_2_1".
    std::string base = wanted.empty() ? std::string("layer") : wanted;
    const auto us = base.find_last_of('_');
    if (us != std::string::npos && us + 1 < base.size() &&
        std::all_of(base.begin() + static_cast<long>(us) + 1, base.end(),
                    [](char c) { return c >= '0' && c <= '9'; }))
        base.resize(us);
    for (int i = 1;; ++i)
        if (std::string name = base + "_" + std::to_string(i); !used.count(name)) return name;
}

GraphFragment GraphFragment::extract(const GraphSpec &graph, const std::vector<NodeId> &ids)
{
    const std::set<NodeId> chosen(ids.begin(), ids.end());
    GraphFragment f;
    for (const auto &n : graph.nodes) // graph order, so a paste keeps Input order and Concatenate slots
        if (chosen.count(n.id)) f.nodes.push_back(n);
    for (const auto &e : graph.edges)
        if (chosen.count(e.from) && chosen.count(e.to)) f.edges.push_back(e);
    return f;
}

QByteArray GraphFragment::toJson() const
{
    QJsonArray nodesJson, edgesJson;
    for (const auto &n : nodes)
        nodesJson.append(QJsonObject{{"id", n.id},
                                     {"name", QString::fromStdString(n.name)},
                                     {"kind", str(toString(n.kind))},
                                     {"x", n.x},
                                     {"y", n.y},
                                     {"options", optionsToJson(n.options)}});
    for (const auto &e : edges)
        edgesJson.append(QJsonObject{{"from", e.from}, {"to", e.to}, {"port", e.port}});
    return QJsonDocument(QJsonObject{{"format", "nnp-layers"}, {"nodes", nodesJson}, {"edges", edgesJson}})
        .toJson(QJsonDocument::Compact);
}

std::optional<GraphFragment> GraphFragment::fromJson(const QByteArray &json)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject() ||
        doc.object().value("format").toString() != QLatin1String("nnp-layers"))
        return std::nullopt;
    GraphFragment f;
    std::set<NodeId> ids;
    for (const auto &v : doc.object().value("nodes").toArray()) {
        const QJsonObject o = v.toObject();
        NodeSpec n;
        n.id = o.value("id").toInt(-1);
        const auto kind = layerKindFromString(o.value("kind").toString().toStdString());
        auto options = kind ? optionsFromJson(*kind, o.value("options").toObject()) : std::nullopt;
        if (n.id < 0 || !kind || !options || !ids.insert(n.id).second) return std::nullopt;
        n.kind = *kind;
        n.options = std::move(*options);
        n.name = o.value("name").toString().toStdString();
        n.x = o.value("x").toDouble();
        n.y = o.value("y").toDouble();
        f.nodes.push_back(std::move(n));
    }
    for (const auto &v : doc.object().value("edges").toArray()) {
        const QJsonObject o = v.toObject();
        EdgeSpec e{o.value("from").toInt(-1), o.value("to").toInt(-1), o.value("port").toInt(-1)};
        if (!ids.count(e.from) || !ids.count(e.to) || e.port < 0) return std::nullopt;
        f.edges.push_back(e);
    }
    return f;
}

GraphFragment GraphFragment::rebasedFor(const GraphDocument &doc, QPointF offset) const
{
    GraphFragment out;
    std::map<NodeId, NodeId> idMap;
    NodeId next = doc.graph().nextId();
    std::set<std::string> usedNames;
    for (const auto &n : doc.graph().nodes)
        usedNames.insert(n.name);
    for (NodeSpec n : nodes) {
        idMap[n.id] = next;
        n.id = next++;
        // Unique against the document and against the nodes pasted before this one.
        const std::string name = uniqueAmong(n.name, usedNames);
        usedNames.insert(name);
        n.name = name;
        n.x += offset.x();
        n.y += offset.y();
        out.nodes.push_back(std::move(n));
    }
    for (EdgeSpec e : edges) {
        e.from = idMap.at(e.from);
        e.to = idMap.at(e.to);
        out.edges.push_back(e);
    }
    return out;
}

QMimeData *fragmentMimeData(const GraphFragment &fragment)
{
    auto *mime = new QMimeData;
    const QByteArray json = fragment.toJson();
    mime->setData(QString::fromLatin1(kLayersMimeType), json);
    mime->setText(QString::fromUtf8(json));
    return mime;
}

} // namespace nnp
