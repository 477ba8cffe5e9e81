#include "panels/split_counts.h"

#include "panels/data_panel_preview.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace nnp {

namespace {
constexpr qint64 kCountMaxBytes = 32 << 20;

QString missingText(const CsvMissingReport &m)
{
    if (m.policy == CsvMissing::Refuse) return {};
    if (m.policy == CsvMissing::DropRows)
        return m.droppedRows == 0
                   ? QCoreApplication::translate("nnp::DataPanel", "No row has a missing value.")
                   : QCoreApplication::translate("nnp::DataPanel", "Rows left out for a missing value: %1.")
                         .arg(m.droppedRows);
    if (m.filledCells == 0) return QCoreApplication::translate("nnp::DataPanel", "No cell is missing.");
    if (m.policy == CsvMissing::FillMostFrequent)
        return QCoreApplication::translate(
                   "nnp::DataPanel", "Missing cells filled with their column's most frequent value: %1.")
            .arg(m.filledCells);
    if (m.policy == CsvMissing::FillValue) // one arg() call: a "%2" in the value stays as typed
        return QCoreApplication::translate("nnp::DataPanel", "Missing cells filled with “%1”: %2.")
            .arg(QString::fromStdString(m.fillValue), QString::number(m.filledCells));
    return QCoreApplication::translate("nnp::DataPanel", "Missing cells filled: %1.").arg(m.filledCells);
}

} // namespace

DataCounts dataCounts(const DataSource &source, const Preprocessing &pre, const QString &baseDir)
{
    DataCounts out;
    try {
        Dataset d;
        std::vector<CsvRowSplit> rowSplit;
        switch (source.kind) {
        case DataSourceKind::Generator:
            d = generate(source.generator);
            break;
        case DataSourceKind::Csv: {
            const QString path = resolveDataPath(source.path, baseDir);
            const QString test = resolveDataPath(source.csv.testPath, baseDir);
            if (path.isEmpty() || !QFileInfo::exists(path) || (!test.isEmpty() && !QFileInfo::exists(test)))
                return out;
            if (QFileInfo(path).size() + (test.isEmpty() ? 0 : QFileInfo(test).size()) > kCountMaxBytes) {
                out.rows = QCoreApplication::translate(
                    "nnp::DataPanel",
                    "A large file: the rows of each split are counted when training starts.");
                return out;
            }
            CsvOptions options = source.csv;
            options.text.clear(); // the counts do not depend on the words; tokenising would only cost time
            for (const TextColumnOptions &t : source.csv.text)
                options.ignore.push_back(t.column);
            CsvData csv = loadCsv(path.toStdString(), options, nullptr, test.toStdString());
            d = std::move(csv.data);
            rowSplit = std::move(csv.rowSplit);
            out.missing = missingText(csv.missing);
            break;
        }
        case DataSourceKind::Idx:
            out.rows = source.testImages.empty()
                           ? QCoreApplication::translate(
                                 "nnp::DataPanel", "Counted when training starts (the images are read then).")
                           : QCoreApplication::translate(
                                 "nnp::DataPanel",
                                 "The test split is the separate test files; counted when training starts.");
            return out;
        }
        // The same split as training makes (prepareData): a test file or split column decides its rows.
        const SplitIndices split = splitCsvRows(d, rowSplit, pre.split);
        out.rows = QCoreApplication::translate("nnp::DataPanel", "%1 training · %2 validation · %3 test rows")
                       .arg(split.train.size())
                       .arg(split.validation.size())
                       .arg(split.test.size());
        if (!source.csv.testPath.empty() && source.kind == DataSourceKind::Csv)
            out.rows += QStringLiteral(" ") +
                        QCoreApplication::translate("nnp::DataPanel", "(the test rows from %1)")
                            .arg(QFileInfo(QString::fromStdString(source.csv.testPath)).fileName());
        else if (!source.csv.splitColumn.empty() && source.kind == DataSourceKind::Csv)
            out.rows +=
                QStringLiteral(" ") + QCoreApplication::translate("nnp::DataPanel", "(as the column %1 says)")
                                          .arg(QString::fromStdString(source.csv.splitColumn));
    } catch (const std::exception &) {
        return {};
    }
    return out;
}

QString splitCountsText(const DataSource &source, const Preprocessing &pre, const QString &baseDir)
{
    return dataCounts(source, pre, baseDir).rows;
}

} // namespace nnp
