#pragma once
// Runs kept for comparison ("Keep run"): each with its number, the project settings it ran with and its
// curves; at most kMaxKeptRuns, the oldest dropped first. `Picture` is what a view keeps besides (the app:
// the final decision boundary of 2-D data), so that it leaves with its run.

#include "io/project.h"
#include "io/run_compare.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace nnp {

inline constexpr int kMaxKeptRuns = 6;

struct RunRecord {
    int number = 0;   ///< 1, 2, 3 … in the order kept (not reused after a removal, until clear())
    Project settings; ///< what the run trained with (without weights)
    std::vector<EpochRecord> history;
};

template <class Picture> class KeptRuns {
public:
    struct Entry {
        RunRecord record;
        Picture picture;
    };

    /// Keeps a run (its settings without trained weights); drops the oldest when there are already
    /// kMaxKeptRuns. Returns the number given to it.
    int keep(Project settings, std::vector<EpochRecord> history, Picture picture = {})
    {
        settings.weights.clear();
        settings.normalizer.reset();
        settings.csvSchema.reset();
        settings.trainerState.reset();
        settings.history.clear();
        if (m_entries.size() >= static_cast<std::size_t>(kMaxKeptRuns)) m_entries.erase(m_entries.begin());
        m_entries.push_back(
            {RunRecord{++m_lastNumber, std::move(settings), std::move(history)}, std::move(picture)});
        return m_lastNumber;
    }
    /// Removes the run with this number; false when there is none.
    bool remove(int number)
    {
        const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                     [number](const Entry &e) { return e.record.number == number; });
        if (it == m_entries.end()) return false;
        m_entries.erase(it);
        return true;
    }
    void clear()
    {
        m_entries.clear();
        m_lastNumber = 0;
    }
    [[nodiscard]] const std::vector<Entry> &entries() const { return m_entries; }
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }
    [[nodiscard]] bool empty() const { return m_entries.empty(); }
    /// The run the others are labelled against: the oldest kept one (null when none).
    [[nodiscard]] const RunRecord *reference() const { return empty() ? nullptr : &m_entries.front().record; }
    /// What differs in `settings` from the reference run (empty without a reference).
    [[nodiscard]] std::vector<RunDifference> differencesFromReference(const Project &settings) const
    {
        return empty() ? std::vector<RunDifference>{} : settingsDifferences(reference()->settings, settings);
    }

private:
    std::vector<Entry> m_entries;
    int m_lastNumber = 0;
};

} // namespace nnp
