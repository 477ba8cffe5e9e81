#pragma once
// What the start page offers: the shipped samples and lessons (samples/lessons/*.nnp), each with a title, a
// one-line description (the project's own), a group and a thumbnail rendered from its data or network.

#include <QImage>
#include <QString>

#include <vector>

namespace nnp {

struct Project;

enum class SampleGroup { Basics, Images, TextSequences, Lessons };

struct SampleEntry {
    QString path;        ///< absolute
    QString title;       ///< shipped: its translated title (sample_titles.h); else from the file name
    QString description; ///< shipped: its translated summary; else the project's description (the start
                         ///< page shows its first sentence)
    SampleGroup group = SampleGroup::Basics;
};

/// Every sample (findSamplesDir()) and lesson (its lessons/ folder), grouped and sorted by name; a file that
/// cannot be read is left out.
std::vector<SampleEntry> listStartEntries();
/// The group a project belongs in: images (IDX data, image inputs, convolutions), text and sequences
/// (embeddings of text, recurrent layers), else the basics. Lessons are grouped by their folder.
SampleGroup groupOf(const Project &project);
QString groupTitle(SampleGroup group);
/// "iris_3class" -> "Iris 3class".
QString titleFromFileName(const QString &path);
/// The first sentence of a description.
QString firstSentence(const QString &text);

/// A picture of the project at `size` pixels square: generated 2-D points in their class colours, the first
/// images of an image dataset, else the network's shape (its layers where the canvas puts them).
QImage renderSampleThumbnail(const Project &project, const QString &baseDir, int size);
/// renderSampleThumbnail of the project file, cached in memory and in the user's cache folder (keyed by the
/// file's path, size and time), so the start page opens quickly after the first time. A null image when the
/// file cannot be read.
QImage sampleThumbnail(const QString &projectPath, int size);

} // namespace nnp
