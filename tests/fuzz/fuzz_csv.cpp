// libFuzzer harness: the CSV reader (parseCsv) and the encoding of rows with the schema it found, as
// `nnp predict` encodes new rows (tests/fuzz/README.md).
#include "fuzz_common.h"

#include "data/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    nnp::fuzz::init();
    const std::string_view text = nnp::fuzz::text(data, size);
    try {
        const nnp::CsvOptions options; // the defaults: the delimiter detected, the last column the target
        const nnp::CsvData csv = nnp::parseCsv(text, options, "fuzz.csv");
        (void)nnp::encodeCsvFeatures(text, csv.schema, "fuzz.csv");
    } catch (const std::exception &) {
    }
    return 0;
}
