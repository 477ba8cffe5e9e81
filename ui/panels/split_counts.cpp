#include "panels/split_counts.h"

#include "panels/data_panel_preview.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace nnp {

namespace {
constexpr qint64 kCountMaxBytes = 32 << 20;

} // namespace

QString splitCountsText(const DataSource &source, const Preprocessing &pre, const QString &baseDir)
{
    try {
        Dataset d;
        switch (source.kind) {
        case DataSourceKind::Generator:
            d = generate(source.generator);
            break;
        case DataSourceKind::Csv: {
            const QString path = resolveDataPath(source.path, baseDir);
            if (path.isEmpty() || !QFileInfo::exists(path)) return {};
            if (QFileInfo(path).size() > kCountMaxBytes)
                return QCoreApplication::translate(
                    "nnp::DataPanel",
                    "A large file: the rows of each split are counted when training starts.");
            CsvOptions options = source.csv;
            options.text.clear(); // the counts do not depend on the words; tokenising would only cost time
            for (const TextColumnOptions &t : source.csv.text)
                options.ignore.push_back(t.column);
            d = loadCsv(path.toStdString(), options).data;
            break;
        }
        case DataSourceKind::Idx:
            return source.testImages.empty()
                       ? QCoreApplication::translate(
                             "nnp::DataPanel", "Counted when training starts (the images are read then).")
                       : QCoreApplication::translate(
                             "nnp::DataPanel",
                             "The test split is the separate test files; counted when training starts.");
        }
        const SplitIndices split = splitDataset(d, pre.split);
        return QCoreApplication::translate("nnp::DataPanel", "%1 training · %2 validation · %3 test rows")
            .arg(split.train.size())
            .arg(split.validation.size())
            .arg(split.test.size());
    } catch (const std::exception &) {
        return {};
    }
}

} // namespace nnp
