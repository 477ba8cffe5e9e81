// libFuzzer harness: the project reader (.nnp JSON) and what opening a project does next: the graph's
// validation, the stored weights against the graph, and building the network with them
// (tests/fuzz/README.md).
#include "fuzz_common.h"

#include "io/project.h"
#include "train/network.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    nnp::fuzz::init();
    try {
        const nnp::Project p = nnp::parseProject(nnp::fuzz::text(data, size), "fuzz.nnp");
        const nnp::ValidationResult v = nnp::validate(p.graph);
        if (!v.ok() || !nnp::checkWeightsAgainstGraph(p).empty()) return 0;
        nnp::Network net = nnp::Network::build(p.graph, p.training.seed);
        if (!p.weights.empty()) nnp::restoreWeights(p, net);
        const nnp::Matrix x = nnp::Matrix::Zero(net.inputSize(), 2);
        (void)net.predict(x);
    } catch (const std::exception &) {
        // refused with a message: what the reader must do with a bad file
    }
    return 0;
}
