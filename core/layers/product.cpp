#include "layers/product.h"

// The persistent packing buffers use Eigen's internal GEMM interface as of 3.4 (Debian 12); other versions
// take Eigen's ordinary product, which allocates its buffers per call.
#if EIGEN_VERSION_AT_LEAST(3, 4, 0) && !EIGEN_VERSION_AT_LEAST(3, 4, 90)
#define NNP_PERSISTENT_GEMM 1
#else
#define NNP_PERSISTENT_GEMM 0
#endif

namespace nnp {

namespace {

using Eigen::Index;

#if NNP_PERSISTENT_GEMM

/// Eigen's blocking descriptor with buffers that outlive the call: the sizes come from Eigen's own heuristic
/// (so results equal those of `c.noalias() = a * b`); the buffers only grow.
class Workspace : public Eigen::internal::level3_blocking<Scalar, Scalar> {
public:
    void prepare(Index m, Index n, Index k)
    {
        m_mc = m;
        m_nc = n;
        m_kc = k;
        Eigen::internal::computeProductBlockingSizes<Scalar, Scalar, 1>(m_kc, m_mc, m_nc, Index(1));
        grow(m_a, m_mc * m_kc);
        grow(m_b, m_kc * m_nc);
        m_blockA = m_a.data();
        m_blockB = m_b.data();
    }

private:
    static void grow(Vector &v, Index size)
    {
        if (v.size() < size) v.resize(size);
    }
    Vector m_a, m_b;
};

Workspace &workspace()
{
    // One per thread: the training thread and the trainer's helper multiply at the same time.
    thread_local Workspace w;
    return w;
}

template <int LhsOrder, int RhsOrder, class A, class B, class C>
void gemm(Index m, Index n, Index k, const A &a, const B &b, C &c)
{
    Workspace &w = workspace();
    w.prepare(m, n, k);
    Eigen::internal::general_matrix_matrix_product<Index, Scalar, LhsOrder, false, Scalar, RhsOrder, false,
                                                   Eigen::ColMajor, 1>::run(m, n, k, a.data(),
                                                                            a.outerStride(), b.data(),
                                                                            b.outerStride(), c.data(), 1,
                                                                            c.outerStride(), Scalar(1), w,
                                                                            nullptr);
}

template <class A, class B, class C>
void gemmAny(bool ta, bool tb, Index m, Index n, Index k, const A &a, const B &b, C &c)
{
    if (!ta && !tb)
        gemm<Eigen::ColMajor, Eigen::ColMajor>(m, n, k, a, b, c);
    else if (ta && !tb)
        gemm<Eigen::RowMajor, Eigen::ColMajor>(m, n, k, a, b, c);
    else if (!ta)
        gemm<Eigen::ColMajor, Eigen::RowMajor>(m, n, k, a, b, c);
    else
        gemm<Eigen::RowMajor, Eigen::RowMajor>(m, n, k, a, b, c);
}

#endif

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

bool useNarrowProduct(Index m, Index k)
{
    return m > 1 && m <= kNarrow && k <= kNarrowDepth;
}

/// kNarrow values in vector registers (GCC's generic vectors: one AVX-512 register of floats).
using Narrow = Scalar __attribute__((vector_size(kNarrow * sizeof(Scalar))));

/// c (+)= op(a) · op(b), with c's rows ≤ kNarrow; `bias` (c's rows) starts each column when given.
template <class A, class B, class C>
void narrowProduct(bool ta, bool tb, Index m, Index n, Index k, const A &a, const B &b, C &c, bool accumulate,
                   const Scalar *bias)
{
    Narrow cols[kNarrowDepth];
    for (Index q = 0; q < k; ++q)
        for (Index r = 0; r < kNarrow; ++r)
            cols[q][r] = r < m ? (ta ? a(q, r) : a(r, q)) : Scalar(0);
    Narrow start{};
    if (bias)
        for (Index r = 0; r < m; ++r)
            start[r] = bias[r];
    // Four columns at a time: four independent chains of multiply-adds keep the vector units busy.
    constexpr Index kColumns = 4;
    Index j = 0;
    for (; j + kColumns <= n; j += kColumns) {
        Narrow acc[kColumns];
        for (Index t = 0; t < kColumns; ++t) {
            acc[t] = start;
            if (accumulate)
                for (Index r = 0; r < m; ++r)
                    acc[t][r] = c(r, j + t);
        }
        for (Index q = 0; q < k; ++q)
            for (Index t = 0; t < kColumns; ++t)
                acc[t] += cols[q] * (tb ? b(j + t, q) : b(q, j + t));
        for (Index t = 0; t < kColumns; ++t)
            for (Index r = 0; r < m; ++r)
                c(r, j + t) = acc[t][r];
    }
    for (; j < n; ++j) {
        Narrow acc = start;
        if (accumulate)
            for (Index r = 0; r < m; ++r)
                acc[r] = c(r, j);
        for (Index q = 0; q < k; ++q)
            acc += cols[q] * (tb ? b(j, q) : b(q, j));
        for (Index r = 0; r < m; ++r)
            c(r, j) = acc[r];
    }
}

bool useEigenProduct(Index m, Index n, Index k)
{
    // Eigen's own choice: a coefficient-wise product below this size, a matrix-vector product for a vector.
    return !NNP_PERSISTENT_GEMM || k == 0 || m == 1 || n == 1 ||
           m + n + k < EIGEN_GEMM_TO_COEFFBASED_THRESHOLD;
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
    if (useNarrowProduct(m, k)) {
        narrowProduct(ta, tb, m, n, k, a, b, c, accumulate, nullptr);
        return;
    }
    if (useEigenProduct(m, n, k)) {
        eigenProduct(ta, tb, a, b, c, accumulate);
        return;
    }
#if NNP_PERSISTENT_GEMM
    if (!accumulate) c.setZero();
    gemmAny(ta, tb, m, n, k, a, b, c);
#endif
}

void multiply(Matrix &c, const Matrix &a, Op opA, const Matrix &b, Op opB, const Matrix *bias)
{
    const bool ta = opA == Op::Transpose, tb = opB == Op::Transpose;
    const Index m = ta ? a.cols() : a.rows(), k = ta ? a.rows() : a.cols(), n = tb ? b.rows() : b.cols();
    eigen_assert((tb ? b.cols() : b.rows()) == k);
    eigen_assert(!bias || bias->rows() == m);
    c.resize(m, n);
    if (m == 0 || n == 0) return;
    if (useNarrowProduct(m, k)) {
        narrowProduct(ta, tb, m, n, k, a, b, c, false, bias ? bias->data() : nullptr);
        return;
    }
    if (useEigenProduct(m, n, k)) {
        eigenProduct(ta, tb, a, b, c, false);
        if (bias) c.colwise() += bias->col(0);
        return;
    }
#if NNP_PERSISTENT_GEMM
    // The kernel accumulates into c: start from the bias (one pass fewer than adding it afterwards) or zero.
    if (bias)
        c.colwise() = bias->col(0);
    else
        c.setZero();
    gemmAny(ta, tb, m, n, k, a, b, c);
#endif
}

} // namespace nnp
