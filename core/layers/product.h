#pragma once
// The matrix products of the Dense layer, without heap allocation once the sizes are known.

#include "tensor.h"

namespace nnp {

enum class Op { None, Transpose };

/// c = op(a) · op(b), or c = bias·1ᵀ + op(a) · op(b) when `bias` (a column) is given; c is resized.
/// Products large enough for Eigen's blocked kernel run it with packing buffers this thread keeps (Eigen's
/// own product allocates them on every call once they exceed 128 KB); small ones and matrix–vector products
/// go through Eigen's ordinary expressions, which do not allocate.
void multiply(Matrix &c, const Matrix &a, Op opA, const Matrix &b, Op opB, const Matrix *bias = nullptr);

/// c = op(a) · op(b), or c += op(a) · op(b) when `accumulate`; c already has the product's size. For views
/// into buffers a layer keeps (Conv2D's im2col blocks), with the same persistent packing buffers.
void multiplyInto(Eigen::Ref<Matrix> c, const Eigen::Ref<const Matrix> &a, Op opA,
                  const Eigen::Ref<const Matrix> &b, Op opB, bool accumulate = false);

} // namespace nnp
