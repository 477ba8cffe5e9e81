// The matrix products of Dense and Conv2D (core/layers/product.h) against a plain double-precision product,
// for every path they take: the narrow kernel (results of at most 16 rows, inner size at most 256), Eigen's
// small and vector products, and OpenBLAS's GEMM; each with and without transposed operands, a bias, and
// accumulation, and views with strides. Float core, as the product trains.
#include "layers/product.h"

#include <QtTest>

#include <limits>

using namespace nnp;

namespace {

Eigen::MatrixXd reference(const Matrix &a, bool ta, const Matrix &b, bool tb)
{
    Eigen::MatrixXd A = a.cast<double>(), B = b.cast<double>();
    if (ta) A.transposeInPlace();
    if (tb) B.transposeInPlace();
    return A * B;
}

double relativeDifference(const Matrix &c, const Eigen::MatrixXd &want)
{
    return (c.cast<double>() - want).cwiseAbs().maxCoeff() / (1 + want.cwiseAbs().maxCoeff());
}

} // namespace

class TestProduct : public QObject {
    Q_OBJECT
private slots:
    void everyPathMatchesThePlainProduct()
    {
        std::srand(5);
        int cases = 0;
        for (int m : {1, 2, 8, 15, 16, 17, 40})
            for (int k : {1, 3, 8, 64, 256, 257})
                for (int n : {1, 3, 4, 9, 130})
                    for (int ta = 0; ta < 2; ++ta)
                        for (int tb = 0; tb < 2; ++tb) {
                            const Matrix a = Matrix::Random(ta ? k : m, ta ? m : k);
                            const Matrix b = Matrix::Random(tb ? n : k, tb ? k : n);
                            const Matrix bias = Matrix::Random(m, 1);
                            const Op opA = ta ? Op::Transpose : Op::None, opB = tb ? Op::Transpose : Op::None;
                            const Eigen::MatrixXd product = reference(a, ta, b, tb);
                            const QString shape =
                                QString("%1x%2x%3 %4%5").arg(m).arg(n).arg(k).arg(ta).arg(tb);

                            Matrix c;
                            multiply(c, a, opA, b, opB, &bias);
                            Eigen::MatrixXd want = product;
                            want.colwise() += bias.cast<double>().col(0);
                            QVERIFY2(relativeDifference(c, want) < 1e-5, qPrintable("bias " + shape));

                            multiply(c, a, opA, b, opB);
                            QVERIFY2(relativeDifference(c, product) < 1e-5, qPrintable("plain " + shape));

                            Matrix acc = Matrix::Random(m, n);
                            want = acc.cast<double>() + product;
                            multiplyInto(acc, a, opA, b, opB, true);
                            QVERIFY2(relativeDifference(acc, want) < 1e-5, qPrintable("accumulate " + shape));

                            // Overwritten, whatever it held (OpenBLAS's β = 0 must not multiply a NaN).
                            Matrix into = Matrix::Constant(m, n, std::numeric_limits<Scalar>::quiet_NaN());
                            multiplyInto(into, a, opA, b, opB, false);
                            QVERIFY2(relativeDifference(into, product) < 1e-5, qPrintable("into " + shape));
                            ++cases;
                        }
        QCOMPARE(cases, 7 * 6 * 5 * 4);
    }

    void stridedViews()
    {
        // Conv2D multiplies blocks of larger buffers: the operands' and the result's outer strides are not
        // their row counts. A product big enough for OpenBLAS, every transpose, a result inside a larger
        // matrix whose other rows stay as they were.
        std::srand(9);
        const int m = 40, n = 130, k = 64;
        for (int ta = 0; ta < 2; ++ta)
            for (int tb = 0; tb < 2; ++tb) {
                const Matrix bigA = Matrix::Random((ta ? k : m) + 5, ta ? m : k);
                const Matrix bigB = Matrix::Random((tb ? n : k) + 3, tb ? k : n);
                const Matrix a = bigA.topRows(ta ? k : m), b = bigB.topRows(tb ? n : k);
                Matrix c = Matrix::Constant(m + 7, n, 7);
                multiplyInto(c.middleRows(2, m), bigA.topRows(ta ? k : m), ta ? Op::Transpose : Op::None,
                             bigB.topRows(tb ? n : k), tb ? Op::Transpose : Op::None);
                const Matrix inside = c.middleRows(2, m);
                QVERIFY(relativeDifference(inside, reference(a, ta, b, tb)) < 1e-5);
                QVERIFY((c.topRows(2).array() == 7).all());
                QVERIFY((c.bottomRows(5).array() == 7).all());
            }
    }
};

QTEST_APPLESS_MAIN(TestProduct)
#include "tst_product.moc"
