#include "figures/figure_registry.h"

#include <algorithm>

namespace nnp {

void FigureRegistry::add(FigureSource source)
{
    auto it = std::find_if(m_sources.begin(), m_sources.end(),
                           [&](const FigureSource &s) { return s.id == source.id; });
    if (it != m_sources.end())
        *it = std::move(source);
    else
        m_sources.push_back(std::move(source));
    emit changed();
}

const FigureSource *FigureRegistry::find(const QString &id) const
{
    auto it =
        std::find_if(m_sources.begin(), m_sources.end(), [&](const FigureSource &s) { return s.id == id; });
    return it == m_sources.end() ? nullptr : &*it;
}

} // namespace nnp
