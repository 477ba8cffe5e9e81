#pragma once
#include "graph/graph_spec.h"
#include "tensor.h"

namespace nnp {

/// Fills w [fanOut x fanIn] (row by row, so a seed always gives the same weights):
/// Uniform05 U(-0.5, 0.5) as in TensorFlow Playground; Glorot/Xavier (Glorot & Bengio 2010);
/// He/Kaiming (He et al. 2015); Zeros.
void initializeWeights(Matrix &w, InitKind kind, int fanIn, int fanOut, Rng &rng);
/// The same for w [rows x cols] whose fans are not its sizes: a convolution's kernels [filters x c·kh·kw]
/// have fan-in c·kh·kw and fan-out filters·kh·kw (as Keras and PyTorch count them).
void initializeWeights(Matrix &w, InitKind kind, Eigen::Index rows, Eigen::Index cols, double fanIn,
                       double fanOut, Rng &rng);

} // namespace nnp
