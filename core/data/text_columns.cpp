#include "data/text_columns.h"

namespace nnp {

CsvData loadCsvForTraining(const std::string &path, const CsvOptions &options, const SplitConfig &split,
                           const std::string &testFile)
{
    CsvData csv = loadCsv(path, options, nullptr, testFile);
    if (options.text.empty()) return csv;
    const SplitIndices s = splitCsvRows(csv.data, csv.rowSplit, split);
    return loadCsv(path, options, &s.train, testFile);
}

std::vector<TextColumnFacts> textColumnFacts(const CsvSchema &schema, const Matrix &x)
{
    std::vector<TextColumnFacts> out;
    Eigen::Index row = 0;
    for (const CsvColumn &c : schema.features) {
        if (c.text()) {
            TextColumnFacts f{c.name, c.textLength, static_cast<long long>(c.categories.size()),
                              std::vector<long long>(static_cast<std::size_t>(c.textLength) + 1, 0)};
            for (Eigen::Index s = 0; s < x.cols() && row + c.textLength <= x.rows(); ++s) {
                std::size_t words = 0;
                for (Eigen::Index t = 0; t < c.textLength; ++t)
                    words += x(row + t, s) != Scalar(kPaddingToken) ? 1 : 0;
                ++f.lengths[words];
            }
            out.push_back(std::move(f));
        }
        row += static_cast<Eigen::Index>(c.width());
    }
    return out;
}

} // namespace nnp
