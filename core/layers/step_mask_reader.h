#pragma once
// The hook through which the Network hands an Embedding's padding mask (mask_zero) to the layers that obey it
// (which ones: stepMaskSource, layers/step_mask.h): SimpleRNN / LSTM / GRU keep their state on padded steps,
// GlobalAveragePool1D / GlobalMaxPool1D leave them out.

#include "tensor.h"

namespace nnp {

class StepMaskReader {
public:
    /// The mask of the following forwards: [time x samples], 1 for a real step, 0 for a padded one. Its
    /// column count must equal the batch's.
    virtual void setMask(const Matrix &mask) = 0;

protected:
    StepMaskReader() = default;
    StepMaskReader(const StepMaskReader &) = default;
    StepMaskReader &operator=(const StepMaskReader &) = default;
    ~StepMaskReader() = default;
};

} // namespace nnp
