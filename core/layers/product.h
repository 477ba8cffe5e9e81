#pragma once
// The matrix products of Dense, Conv2D and the recurrent layers, without heap allocation once the sizes are
// known.

#include "tensor.h"

namespace nnp {

enum class Op { None, Transpose };

/// c = op(a) · op(b), or c = bias·1ᵀ + op(a) · op(b) when `bias` (a column) is given; c is resized.
/// Results of at most 16 rows with an inner size up to 256 (the playground's layers, the logits) take a
/// kernel of ours; matrix–vector and tiny products Eigen's ordinary expressions; the rest OpenBLAS's GEMM, on
/// the calling thread. None of them allocates.
void multiply(Matrix &c, const Matrix &a, Op opA, const Matrix &b, Op opB, const Matrix *bias = nullptr);

/// c = op(a) · op(b), or c += op(a) · op(b) when `accumulate`; c already has the product's size. For views
/// into buffers a layer keeps (Conv2D's im2col blocks), by the same paths.
void multiplyInto(Eigen::Ref<Matrix> c, const Eigen::Ref<const Matrix> &a, Op opA,
                  const Eigen::Ref<const Matrix> &b, Op opB, bool accumulate = false);

} // namespace nnp
