#pragma once
// The memory budget's refusal (core MemoryError) as the UI says it, in the user's language.

#include "memory_budget.h"

#include <QCoreApplication>
#include <QString>

namespace nnp {

class MemoryText {
    Q_DECLARE_TR_FUNCTIONS(MemoryText)
public:
    /// "The network needs about 21.3 GB of memory (the largest part for layer 'hidden') …"
    static QString refusal(const MemoryError &e);
    /// What the app says when an allocation failed although the budget allowed it.
    static QString outOfMemory();
    /// "1.5 GB"
    static QString bytes(std::uint64_t bytes);
};

} // namespace nnp
