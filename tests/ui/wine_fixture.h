#pragma once
// The wine project of the GUI tests (13 numeric features, 3 cultivars): tests/ui/fixtures/wine.nnp copied
// with samples/datasets/wine/wine.csv into a folder of the test's own (a project's data lies beside it).
#include <QFile>
#include <QTemporaryDir>

namespace nnp::testutil {

/// The project's path in `dir`; empty when the files could not be copied.
inline QString wineProject(const QTemporaryDir &dir)
{
    const QString project = dir.filePath(QStringLiteral("wine.nnp"));
    if (!QFile::copy(QStringLiteral(NNP_SOURCE_DIR "/tests/ui/fixtures/wine.nnp"), project) ||
        !QFile::copy(QStringLiteral(NNP_SOURCE_DIR "/samples/datasets/wine/wine.csv"),
                     dir.filePath(QStringLiteral("wine.csv"))))
        return {};
    return project;
}

} // namespace nnp::testutil
