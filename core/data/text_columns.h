#pragma once
// The one rule for reading a CSV with text columns for training: their vocabularies come from the training
// split only. The split depends on the targets and the seed, not on the words, so the file is read, split,
// and read again with the training rows as the vocabulary's source. prepareData and the data panel use it.

#include "data/csv.h"
#include "data/split.h"

#include <vector>

namespace nnp {

/// loadCsv, with the text columns' vocabularies from the training rows of `split` (as splitCsvRows makes
/// it). `testFile`: where options.testPath lies (see loadCsv).
CsvData loadCsvForTraining(const std::string &path, const CsvOptions &options, const SplitConfig &split,
                           const std::string &testFile = {});

/// Per text column of a schema (in feature order): how many samples hold 0, 1, … T words after truncation
/// (the length T's histogram; a sentence longer than T counts as T). Read from the encoded ids of `x`
/// ([features x N], as parseCsv makes it): a word is any id but padding.
struct TextColumnFacts {
    std::string name;
    int length = 0;                 ///< T
    long long vocabulary = 0;       ///< known words, without padding and unknown
    std::vector<long long> lengths; ///< [T + 1]: samples with k words
};
std::vector<TextColumnFacts> textColumnFacts(const CsvSchema &schema, const Matrix &x);

} // namespace nnp
