#pragma once
// What a trainer keeps besides the network's parameters, so that a stored run continues exactly as if it
// had never stopped: the optimizer's per-parameter state and step count (Adam's bias correction), the
// epoch the schedule is at, where the run is inside the current epoch (the shuffled order is the
// seed's, replayed), and the running sums of the open epoch's record.
//
// Also the random streams of Dropout layers (a network with one trains on one thread, without copies). Not
// included: the weights a diverging epoch would go back to (after a resume inside an epoch: the weights it
// resumed from).

#include "graph/graph_spec.h"

#include <string>
#include <vector>

namespace nnp {

/// One parameter's optimizer state, addressed like a stored tensor (node id and parameter name); values
/// column-major in double (exact for the float and the double core).
struct StoredMoments {
    NodeId node = 0;
    std::string name;
    int rows = 0, cols = 0;
    std::vector<double> a, b;
    bool operator==(const StoredMoments &) const = default;
};

/// A random layer's stream (Rng::state), addressed by node id.
struct StoredRandom {
    NodeId node = 0;
    std::string state;
    bool operator==(const StoredRandom &) const = default;
};

struct TrainerState {
    long long optimizerSteps = 0;
    std::vector<StoredMoments> moments; ///< one per trained parameter
    int epoch = 0;                      ///< completed epochs (the schedule's position)
    long long step = 0;                 ///< completed batches
    long long samplesSeen = 0;
    bool epochOpen = false; ///< inside an epoch: `position` samples of its order are done
    long long position = 0;
    double epochLossSum = 0; ///< the open epoch's sums, for its record
    long long epochCount = 0, epochCorrect = 0;
    double epochAbsErr = 0;
    double lossScale = 0; ///< divergence detection (kExplodedLossFactor)
    bool firstLossSeen = false;
    std::vector<StoredRandom> random; ///< Dropout's streams
    bool operator==(const TrainerState &) const = default;
};

} // namespace nnp
