#pragma once
// The titles and one-line summaries of the samples and lessons shipped in samples/, in the interface
// language (English in the code, Chinese through the translation file). Projects of one's own keep the
// title made from their file name and their own description.

#include <QString>

#include <optional>

namespace nnp {

struct SampleTitle {
    QString title;   ///< "Digits 8×8, CNN" / "8×8 手写数字：卷积网络"
    QString summary; ///< one sentence
};

/// The translated title and summary of a shipped sample or lesson, by its file name ("iris.nnp",
/// "lessons/02_forward_pass.nnp": the base name decides); nothing for any other file.
std::optional<SampleTitle> shippedSampleTitle(const QString &path);
/// The base names that have a title (for tests: every shipped file has one).
int shippedSampleTitleCount();

} // namespace nnp
