package genlab.flow;

import genlab.tensor.Autograd;
import genlab.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two properties every bijector must have, for every layer kind and for whole stacks
 * ({@link FlowCases}): the inverse undoes the forward map with log-dets that negate, and the
 * log-det is log |det J| of the Jacobian measured by central differences.
 */
class FlowPropertiesTest {

    static Stream<Arguments> cases() {
        return FlowCases.all(20);
    }

    static Stream<Arguments> fewerCases() {
        return FlowCases.all(5);
    }

    @ParameterizedTest(name = "{0} seed {1}") @MethodSource("cases")
    void inverseUndoesForwardAndLogDetsNegate(String kind, long seed) {
        FlowCases.Case c = FlowCases.make(kind, seed);
        try (var ng = Autograd.noGrad()) {
            Transformed fwd = c.layer().forwardLogDet(c.x());
            assertEquals(c.x().size(0), fwd.logDet().numel(), c + ": one log-det per example");
            Transformed inv = c.layer().inverseLogDet(fwd.value());
            assertArrayEquals(c.x().shape(), inv.value().shape(), c + ": inverse shape");
            float[] x = c.x().data(), back = inv.value().data();
            for (int i = 0; i < x.length; i++) {
                double tol = 1e-4 * (1 + Math.abs(x[i]));
                assertTrue(Math.abs(x[i] - back[i]) <= tol, c + ": x[" + i + "] = " + x[i] + ", inverse(forward(x)) = " + back[i]);
            }
            float[] lf = fwd.logDet().data(), li = inv.logDet().data();
            for (int b = 0; b < lf.length; b++) {
                double tol = 1e-4 * (1 + Math.abs(lf[b]));
                assertTrue(Math.abs(lf[b] + li[b]) <= tol, c + ": forward log-det " + lf[b] + ", inverse log-det " + li[b]);
            }
        }
    }

    @ParameterizedTest(name = "{0} seed {1}") @MethodSource("fewerCases")
    void logDetIsLogAbsDetOfTheCentralDifferenceJacobian(String kind, long seed) {
        FlowCases.Case c = FlowCases.make(kind, seed);
        int batch = c.x().size(0), d = c.x().numel() / batch;
        int[] one = c.x().shape();
        one[0] = 1;
        try (var ng = Autograd.noGrad()) {
            float[] logDets = c.layer().forwardLogDet(c.x()).logDet().data();
            for (int b = 0; b < batch; b++) {
                float[] x = Arrays.copyOfRange(c.x().data(), b * d, (b + 1) * d);
                // 2D perturbed copies of example b in one batch: x + h e_j and x − h e_j
                int[] shape = c.x().shape();
                shape[0] = 2 * d;
                float[] pert = new float[2 * d * d];
                double[] hUsed = new double[d];
                for (int j = 0; j < d; j++) {
                    System.arraycopy(x, 0, pert, (2 * j) * d, d);
                    System.arraycopy(x, 0, pert, (2 * j + 1) * d, d);
                    float plus = (float) (x[j] + c.h()), minus = (float) (x[j] - c.h());
                    pert[(2 * j) * d + j] = plus;
                    pert[(2 * j + 1) * d + j] = minus;
                    hUsed[j] = (double) plus - (double) minus; // the step float could represent
                }
                float[] z = c.layer().forwardLogDet(Tensor.of(pert, shape)).value().data();
                double[][] jac = new double[d][d]; // jac[i][j] = ∂z_i/∂x_j
                for (int j = 0; j < d; j++)
                    for (int i = 0; i < d; i++) jac[i][j] = ((double) z[(2 * j) * d + i] - z[(2 * j + 1) * d + i]) / hUsed[j];
                double expected = logAbsDet(jac);
                double tol = 2e-3 * d + 2e-3 * Math.abs(expected);
                assertEquals(expected, logDets[b], tol, c + ", example " + b + ": log|det J| by central differences vs the layer's log-det");
            }
        }
    }

    /** log |det A| by LU decomposition with partial pivoting, in double. */
    static double logAbsDet(double[][] a0) {
        int n = a0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = a0[i].clone();
        double sum = 0;
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) if (Math.abs(a[i][k]) > Math.abs(a[p][k])) p = i;
            double[] t = a[k];
            a[k] = a[p];
            a[p] = t;
            if (a[k][k] == 0) return Double.NEGATIVE_INFINITY;
            sum += Math.log(Math.abs(a[k][k]));
            for (int i = k + 1; i < n; i++) {
                double f = a[i][k] / a[k][k];
                for (int j = k; j < n; j++) a[i][j] -= f * a[k][j];
            }
        }
        return sum;
    }
}
