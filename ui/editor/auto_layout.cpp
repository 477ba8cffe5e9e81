#include "editor/auto_layout.h"

#include <algorithm>
#include <set>
#include <vector>

namespace nnp {

std::map<NodeId, QPointF> layeredLayout(const GraphSpec &graph)
{
    std::map<NodeId, int> indegree, depth;
    for (const auto &n : graph.nodes)
        indegree[n.id] = 0;
    for (const auto &e : graph.edges)
        if (indegree.count(e.to) && indegree.count(e.from)) ++indegree[e.to];
    std::vector<NodeId> ready, order;
    for (const auto &n : graph.nodes)
        if (indegree[n.id] == 0) {
            ready.push_back(n.id);
            depth[n.id] = 0;
        }
    for (std::size_t head = 0; head < ready.size(); ++head) {
        const NodeId id = ready[head];
        order.push_back(id);
        for (const auto &e : graph.edges)
            if (e.from == id && indegree.count(e.to)) {
                depth[e.to] = std::max(depth[e.to], depth[id] + 1);
                if (--indegree[e.to] == 0) ready.push_back(e.to);
            }
    }
    int maxDepth = 0;
    for (const auto &[id, d] : depth)
        maxDepth = std::max(maxDepth, d);
    for (const auto &n : graph.nodes)
        if (std::find(order.begin(), order.end(), n.id) == order.end()) {
            depth[n.id] = maxDepth + 1; // part of a cycle: keep it visible, away from the rest
            order.push_back(n.id);
        }

    std::map<int, std::vector<NodeId>> columns;
    for (NodeId id : order)
        columns[depth[id]].push_back(id);
    std::map<NodeId, double> rank; // position within its column, for the barycentre of the next one
    std::map<NodeId, QPointF> pos;
    for (auto &[d, ids] : columns) {
        if (d > 0) {
            auto barycentre = [&](NodeId id) {
                double sum = 0;
                int count = 0;
                for (const auto &e : graph.edges)
                    if (e.to == id && rank.count(e.from)) {
                        sum += rank[e.from];
                        ++count;
                    }
                return count ? sum / count : 0.0;
            };
            std::stable_sort(ids.begin(), ids.end(),
                             [&](NodeId a, NodeId b) { return barycentre(a) < barycentre(b); });
        }
        const double mid = (static_cast<double>(ids.size()) - 1.0) / 2.0;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const double r = static_cast<double>(i) - mid;
            rank[ids[i]] = r;
            pos[ids[i]] = QPointF(d * kLayoutColumnSpacing, r * kLayoutRowSpacing);
        }
    }
    return pos;
}

bool needsLayout(const GraphSpec &graph)
{
    std::set<std::pair<long long, long long>> spots;
    for (const auto &n : graph.nodes)
        if (!spots.insert({static_cast<long long>(n.x / 20.0), static_cast<long long>(n.y / 20.0)}).second)
            return true;
    return false;
}

} // namespace nnp
