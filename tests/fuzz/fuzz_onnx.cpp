// libFuzzer harness: the ONNX importer, and building the imported network with its weights
// (tests/fuzz/README.md).
#include "fuzz_common.h"

#include "export/onnx_import.h"
#include "train/network.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    nnp::fuzz::init();
    try {
        const nnp::ImportedModel m = nnp::importOnnxBytes(nnp::fuzz::text(data, size), "fuzz.onnx");
        nnp::Network net = nnp::buildImported(m);
        (void)net.predict(nnp::Matrix::Zero(net.inputSize(), 2));
    } catch (const std::exception &) {
    }
    return 0;
}
