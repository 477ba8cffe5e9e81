#include "layers/product.h"

#include <cblas.h>

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace nnp {

namespace {

using Eigen::Index;

/// c = alpha·op(a)·op(b) + beta·c by OpenBLAS (Debian's libopenblas0-pthread, core type detected at run
/// time). Its kernels are 1.3–2× faster than Eigen's blocked product on the shapes the workloads multiply
/// (tests/bench/README.md) and need no packing buffers of ours. The trainer runs its own two threads, so each
/// product runs on the thread that asks for it.
void blasGemm(bool ta, bool tb, Index m, Index n, Index k, const Scalar *a, Index lda, const Scalar *b,
              Index ldb, Scalar *c, Index ldc, Scalar beta)
{
    static const bool singleThreaded = [] {
        openblas_set_num_threads(1);
        return true;
    }();
    (void)singleThreaded;
    const auto opA = ta ? CblasTrans : CblasNoTrans, opB = tb ? CblasTrans : CblasNoTrans;
    const auto i = [](Index v) { return static_cast<blasint>(v); };
#ifdef NNP_SCALAR_DOUBLE
    cblas_dgemm(CblasColMajor, opA, opB, i(m), i(n), i(k), 1.0, a, i(lda), b, i(ldb), beta, c, i(ldc));
#else
    cblas_sgemm(CblasColMajor, opA, opB, i(m), i(n), i(k), 1.0f, a, i(lda), b, i(ldb), beta, c, i(ldc));
#endif
}

template <class A, class B, class C>
void gemm(bool ta, bool tb, Index m, Index n, Index k, const A &a, const B &b, C &c, bool accumulate)
{
    blasGemm(ta, tb, m, n, k, a.data(), a.outerStride(), b.data(), b.outerStride(), c.data(), c.outerStride(),
             accumulate ? Scalar(1) : Scalar(0));
}

/// Eigen's own product (small sizes, vectors, or no persistent buffers): c (+)= op(a) op(b).
template <class A, class B, class C>
void eigenProduct(bool ta, bool tb, const A &a, const B &b, C &c, bool accumulate)
{
    if (accumulate) {
        if (!ta && !tb)
            c.noalias() += a * b;
        else if (ta && !tb)
            c.noalias() += a.transpose() * b;
        else if (!ta)
            c.noalias() += a * b.transpose();
        else
            c.noalias() += a.transpose() * b.transpose();
        return;
    }
    if (!ta && !tb)
        c.noalias() = a * b;
    else if (ta && !tb)
        c.noalias() = a.transpose() * b;
    else if (!ta)
        c.noalias() = a * b.transpose();
    else
        c.noalias() = a.transpose() * b.transpose();
}

/// Products whose result has at most kNarrow rows and whose inner size is at most kNarrowDepth (the
/// playground's layers, the logits of a classifier): op(a) is copied once into columns padded to kNarrow
/// values, then every column of c is kNarrow-wide multiply-adds, one vector register with AVX-512. Eigen's
/// blocked kernel spends longer packing such shapes than multiplying them.
constexpr Index kNarrow = 16;
constexpr Index kNarrowDepth = 256;

bool useNarrowProduct(Index m, Index n, Index k)
{
    // A single row uses one lane of each vector: only worth it while the product is tiny (a playground's
    // output neuron), where Eigen's matrix-vector set-up costs more.
    return m <= kNarrow && k <= kNarrowDepth && (m > 1 || n * k <= kNarrowDepth);
}

/// kNarrow values in vector registers (GCC's generic vectors: one AVX-512 register of floats).
using Narrow = Scalar __attribute__((vector_size(kNarrow * sizeof(Scalar))));

/// The first m ≤ kNarrow values at p into a vector (the rest zero), and back: one masked instruction each
/// with AVX-512 and floats (a column of the result or of a non-transposed operand is contiguous), a loop
/// otherwise. The vectors go by reference: by value, a build without AVX-512 would pass them in another ABI
/// (-Wpsabi).
#if defined(__AVX512F__) && !defined(NNP_SCALAR_DOUBLE)
void loadFirst(Narrow &v, const Scalar *p, Index m)
{
    v = reinterpret_cast<Narrow>(_mm512_maskz_loadu_ps(static_cast<__mmask16>((1u << m) - 1), p));
}
void storeFirst(Scalar *p, const Narrow &v, Index m)
{
    _mm512_mask_storeu_ps(p, static_cast<__mmask16>((1u << m) - 1), reinterpret_cast<__m512>(v));
}
#else
void loadFirst(Narrow &v, const Scalar *p, Index m)
{
    v = Narrow{};
    for (Index r = 0; r < m; ++r)
        v[r] = p[r];
}
void storeFirst(Scalar *p, const Narrow &v, Index m)
{
    for (Index r = 0; r < m; ++r)
        p[r] = v[r];
}
#endif

/// c (+)= op(a) · op(b), with c's rows ≤ kNarrow; `bias` (c's rows) starts each column unless accumulating.
/// The transposes are template arguments, so that the inner loops read their operands without a test.
template <bool TA, bool TB, class A, class B, class C>
void narrowKernel(Index m, Index n, Index k, const A &a, const B &b, C &c, bool accumulate,
                  const Scalar *bias)
{
    Narrow cols[kNarrowDepth];
    for (Index q = 0; q < k; ++q)
        if constexpr (TA) {
            for (Index r = 0; r < kNarrow; ++r)
                cols[q][r] = r < m ? a(q, r) : Scalar(0);
        } else {
            loadFirst(cols[q], a.data() + q * a.outerStride(), m);
        }
    const auto column = [&c](Index j) { return c.data() + j * c.outerStride(); };
    Narrow start{};
    if (bias)
        for (Index r = 0; r < m; ++r)
            start[r] = bias[r];
    // Four columns at a time: four independent chains of multiply-adds keep the vector units busy.
    constexpr Index kColumns = 4;
    Index j = 0;
    for (; j + kColumns <= n; j += kColumns) {
        Narrow acc[kColumns];
        for (Index t = 0; t < kColumns; ++t)
            if (accumulate)
                loadFirst(acc[t], column(j + t), m);
            else
                acc[t] = start;
        for (Index q = 0; q < k; ++q)
            for (Index t = 0; t < kColumns; ++t)
                acc[t] += cols[q] * (TB ? b(j + t, q) : b(q, j + t));
        for (Index t = 0; t < kColumns; ++t)
            storeFirst(column(j + t), acc[t], m);
    }
    for (; j < n; ++j) {
        Narrow acc = start;
        if (accumulate) loadFirst(acc, column(j), m);
        for (Index q = 0; q < k; ++q)
            acc += cols[q] * (TB ? b(j, q) : b(q, j));
        storeFirst(column(j), acc, m);
    }
}

template <class A, class B, class C>
void narrowProduct(bool ta, bool tb, Index m, Index n, Index k, const A &a, const B &b, C &c, bool accumulate,
                   const Scalar *bias)
{
    if (!ta && !tb)
        narrowKernel<false, false>(m, n, k, a, b, c, accumulate, bias);
    else if (ta && !tb)
        narrowKernel<true, false>(m, n, k, a, b, c, accumulate, bias);
    else if (!ta)
        narrowKernel<false, true>(m, n, k, a, b, c, accumulate, bias);
    else
        narrowKernel<true, true>(m, n, k, a, b, c, accumulate, bias);
}

bool useEigenProduct(Index m, Index n, Index k)
{
    // Eigen's own choice: a coefficient-wise product below this size, a matrix-vector product for a vector.
    return k == 0 || m == 1 || n == 1 || m + n + k < EIGEN_GEMM_TO_COEFFBASED_THRESHOLD;
}

} // namespace

void multiplyInto(Eigen::Ref<Matrix> c, const Eigen::Ref<const Matrix> &a, Op opA,
                  const Eigen::Ref<const Matrix> &b, Op opB, bool accumulate)
{
    const bool ta = opA == Op::Transpose, tb = opB == Op::Transpose;
    const Index m = ta ? a.cols() : a.rows(), k = ta ? a.rows() : a.cols(), n = tb ? b.rows() : b.cols();
    eigen_assert((tb ? b.cols() : b.rows()) == k);
    eigen_assert(c.rows() == m && c.cols() == n);
    if (m == 0 || n == 0) return;
    if (useNarrowProduct(m, n, k)) {
        narrowProduct(ta, tb, m, n, k, a, b, c, accumulate, nullptr);
        return;
    }
    if (useEigenProduct(m, n, k)) {
        eigenProduct(ta, tb, a, b, c, accumulate);
        return;
    }
    gemm(ta, tb, m, n, k, a, b, c, accumulate);
}

void multiply(Matrix &c, const Matrix &a, Op opA, const Matrix &b, Op opB, const Matrix *bias)
{
    const bool ta = opA == Op::Transpose, tb = opB == Op::Transpose;
    const Index m = ta ? a.cols() : a.rows(), k = ta ? a.rows() : a.cols(), n = tb ? b.rows() : b.cols();
    eigen_assert((tb ? b.cols() : b.rows()) == k);
    eigen_assert(!bias || bias->rows() == m);
    c.resize(m, n);
    if (m == 0 || n == 0) return;
    if (useNarrowProduct(m, n, k)) {
        narrowProduct(ta, tb, m, n, k, a, b, c, false, bias ? bias->data() : nullptr);
        return;
    }
    if (useEigenProduct(m, n, k)) {
        eigenProduct(ta, tb, a, b, c, false);
        if (bias) c.colwise() += bias->col(0);
        return;
    }
    // With a bias the product accumulates onto it (one pass fewer than adding it afterwards).
    if (bias) c.colwise() = bias->col(0);
    gemm(ta, tb, m, n, k, a, b, c, bias != nullptr);
}

} // namespace nnp
