package genlab.metrics;

import genlab.tensor.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymmetricEigenTest {
    static LongStream seeds() {
        return Cases.seeds();
    }

    static double[][] randomSymmetric(SplittableRandom rng, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = rng.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        return a;
    }

    /** B Bᵀ with B of rank r: positive semi-definite, singular when r &lt; n. */
    static double[][] randomPsd(SplittableRandom rng, int n, int rank) {
        double[][] b = new double[n][rank];
        for (double[] row : b) for (int j = 0; j < rank; j++) row[j] = rng.nextGaussian();
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < rank; k++) out[i][j] += b[i][k] * b[j][k];
        return out;
    }

    /** A V = V Λ, Vᵀ V = I and ascending eigenvalues, on random symmetric matrices of sizes 1 to 40. */
    @ParameterizedTest
    @MethodSource("seeds")
    void decomposesRandomSymmetricMatrices(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 1 + rng.nextInt(40);
        double[][] a = randomSymmetric(rng, n);
        SymmetricEigen.Decomposition d = SymmetricEigen.of(a);
        double[] l = d.values();
        double[][] v = d.vectors();
        double scale = 0;
        for (double[] row : a) for (double x : row) scale = Math.max(scale, Math.abs(x));
        for (int j = 0; j < n; j++) {
            if (j > 0) assertTrue(l[j - 1] <= l[j], "seed " + seed + ": eigenvalues not ascending");
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int k = 0; k < n; k++) av += a[i][k] * v[k][j];
                assertEquals(l[j] * v[i][j], av, 1e-11 * n * scale, "seed " + seed + ", n " + n + ": (AV − VΛ)[" + i + "][" + j + "]");
            }
            for (int k = 0; k < n; k++) {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += v[i][j] * v[i][k];
                assertEquals(j == k ? 1 : 0, dot, 1e-12 * n, "seed " + seed + ": VᵀV[" + j + "][" + k + "]");
            }
        }
    }

    @Test
    void twoByTwoMatchesTheClosedForm() {
        double a = 3, b = 2, d = -1;
        double mid = (a + d) / 2, r = Math.sqrt((a - d) * (a - d) / 4 + b * b);
        double[] l = SymmetricEigen.of(new double[][] {{a, b}, {b, d}}).values();
        assertArrayEquals(new double[] {mid - r, mid + r}, l, 1e-14);
    }

    @Test
    void diagonalMatrixKeepsItsDiagonal() {
        double[] l = SymmetricEigen.of(new double[][] {{5, 0, 0}, {0, -2, 0}, {0, 0, 1}}).values();
        assertArrayEquals(new double[] {-2, 1, 5}, l, 0);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void squareRootSquaresBack(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 1 + rng.nextInt(30);
        int rank = 1 + rng.nextInt(n); // often singular, like ReLU feature covariances
        double[][] a = randomPsd(rng, n, rank);
        double[][] s = SymmetricEigen.sqrt(a);
        double[][] ss = FrechetDistance.multiply(s, s);
        double scale = 0;
        for (double[] row : a) for (double x : row) scale = Math.max(scale, Math.abs(x));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(a[i][j], ss[i][j], 1e-9 * scale, "seed " + seed + ": (√A)²[" + i + "][" + j + "]");
                assertEquals(s[i][j], s[j][i], 0, "√A is symmetric");
            }
        }
    }

    @Test
    void squareRootOfDiagonal() {
        double[][] s = SymmetricEigen.sqrt(new double[][] {{4, 0}, {0, 9}});
        assertArrayEquals(new double[] {2, 0}, s[0], 1e-15);
        assertArrayEquals(new double[] {0, 3}, s[1], 1e-15);
    }

    @Test
    void rejectsBadMatrices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}, {3, 4}}));
        assertTrue(e.getMessage().contains("not symmetric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.sqrt(new double[][] {{1, 0}, {0, -1}}));
        assertTrue(e.getMessage().contains("not positive semi-definite"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{Double.NaN}}));
    }
}
