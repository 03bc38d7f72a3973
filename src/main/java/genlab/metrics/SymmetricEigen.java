package genlab.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Eigendecomposition A = V Λ Vᵀ of a real symmetric matrix by the cyclic Jacobi method (Golub and
 * Van Loan, Matrix Computations, §8.5), in double.
 *
 * <p>Each Jacobi rotation J(p, q, θ) is chosen so that (JᵀAJ)ₚ_q = 0: with
 * τ = (a_qq − a_pp)/(2a_pq), t = sign(τ)/(|τ| + √(1 + τ²)), c = 1/√(1 + t²), s = t·c. A sweep
 * rotates every pair p &lt; q once; the off-diagonal mass Σ_{p≠q} a_pq² shrinks quadratically, and
 * the loop stops when it is below 10⁻³⁰ of ‖A‖²_F (round-off level). The accumulated product of
 * rotations is V. Jacobi is slower than QR on large matrices but short, always converges, and is
 * accurate for the small (84 x 84) covariance matrices the metrics need.
 *
 * <p>Also {@link #sqrt}: the symmetric square root V diag(√λ) Vᵀ of a positive semi-definite matrix.
 */
public final class SymmetricEigen {
    private static final int MAX_SWEEPS = 100;

    /**
     * Eigenvalues in ascending order and the matching unit eigenvectors as the columns of
     * {@code vectors} ({@code vectors[i][j]} is component i of eigenvector j).
     */
    public record Decomposition(double[] values, double[][] vectors) {}

    private SymmetricEigen() {}

    /** Decomposes the symmetric matrix {@code a} (not modified). */
    public static Decomposition of(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("SymmetricEigen: row " + i + " has " + a[i].length + " entries, matrix is " + n + " x " + n);
            }
            m[i] = a[i].clone();
            for (double v : a[i]) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException("SymmetricEigen: matrix has a non-finite entry " + v);
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(a[i][j] - a[j][i]) > 1e-9 * scale) {
                    throw new IllegalArgumentException("SymmetricEigen: matrix is not symmetric: a[" + i + "][" + j + "] = "
                            + a[i][j] + " but a[" + j + "][" + i + "] = " + a[j][i]);
                }
            }
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) v[i][i] = 1;

        double frob2 = 0;
        for (double[] row : m) for (double x : row) frob2 += x * x;
        for (int sweep = 0; ; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += 2 * m[p][q] * m[p][q];
            if (off <= 1e-30 * frob2 || off == 0) break;
            if (sweep == MAX_SWEEPS) {
                throw new IllegalStateException("SymmetricEigen: no convergence after " + MAX_SWEEPS + " sweeps (off-diagonal mass " + off + ")");
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (m[p][q] != 0) rotate(m, v, p, q);
                }
            }
        }

        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> m[i][i]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int j = 0; j < n; j++) {
            values[j] = m[order[j]][order[j]];
            for (int i = 0; i < n; i++) vectors[i][j] = v[i][order[j]];
        }
        return new Decomposition(values, vectors);
    }

    /**
     * The symmetric square root V diag(√λ) Vᵀ of a positive semi-definite matrix. Eigenvalues that
     * round-off made slightly negative are taken as 0; a clearly negative one (below −10⁻⁸ of the
     * largest) means the matrix is not PSD and is an error.
     */
    public static double[][] sqrt(double[][] a) {
        Decomposition d = of(a);
        int n = a.length;
        double[] root = new double[n];
        double largest = n == 0 ? 0 : Math.abs(d.values()[n - 1]);
        for (int j = 0; j < n; j++) {
            double l = d.values()[j];
            if (l < -1e-8 * Math.max(largest, 1e-300)) {
                throw new IllegalArgumentException("SymmetricEigen.sqrt: matrix is not positive semi-definite (eigenvalue " + l + ")");
            }
            root[j] = Math.sqrt(Math.max(l, 0));
        }
        double[][] vec = d.vectors();
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = i; k < n; k++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += vec[i][j] * root[j] * vec[k][j];
                out[i][k] = s;
                out[k][i] = s;
            }
        }
        return out;
    }

    /** Applies the rotation that zeroes m[p][q]: m ← JᵀmJ, v ← vJ. */
    private static void rotate(double[][] m, double[][] v, int p, int q) {
        int n = m.length;
        double tau = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        double t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        double c = 1 / Math.sqrt(1 + t * t);
        double s = t * c;
        for (int k = 0; k < n; k++) {          // m·J: columns p and q
            double kp = m[k][p], kq = m[k][q];
            m[k][p] = c * kp - s * kq;
            m[k][q] = s * kp + c * kq;
        }
        for (int k = 0; k < n; k++) {          // Jᵀ·(mJ): rows p and q
            double pk = m[p][k], qk = m[q][k];
            m[p][k] = c * pk - s * qk;
            m[q][k] = s * pk + c * qk;
        }
        m[p][q] = 0;                           // exactly zero by construction; remove round-off
        m[q][p] = 0;
        for (int k = 0; k < n; k++) {
            double kp = v[k][p], kq = v[k][q];
            v[k][p] = c * kp - s * kq;
            v[k][q] = s * kp + c * kq;
        }
    }
}
