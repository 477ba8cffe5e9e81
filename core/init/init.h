#pragma once
#include "graph/graph_spec.h"
#include "tensor.h"

namespace nnp {

/// Fills w [fanOut x fanIn] (row by row, so a seed always gives the same weights):
/// Uniform05 U(-0.5, 0.5) as in TensorFlow Playground; Glorot/Xavier (Glorot & Bengio 2010);
/// He/Kaiming (He et al. 2015); Zeros.
void initializeWeights(Matrix &w, InitKind kind, int fanIn, int fanOut, Rng &rng);

} // namespace nnp
