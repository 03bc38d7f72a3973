package genlab.tensor;

import genlab.tensor.ops.Conv2d;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Gradients of gradients through the ops a WGAN-GP critic uses: P(w) = Σ (∂L/∂x)², with
 * L = Σ r·(tanh(softplus(conv(x, w)))·v), differentiated in w through the
 * recorded backward pass and compared with central differences of P itself.
 */
class HigherOrderTest {

    private static Tensor penalty(Tensor x, Tensor w, Tensor v, Tensor r, boolean createGraph) {
        Tensor xi = x.detach().requiresGrad(true);
        Tensor h = Conv2d.apply(xi, w, new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 1}).softplus().tanh();   // smooth: a kink would make P jump and central differences meaningless
        Tensor out = h.flatten(1).matmul(v).mul(r).sum();
        Tensor gx = Autograd.grad(out, List.of(xi), createGraph)[0];
        return gx.square().sum();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void gradientPenaltyGradientMatchesFiniteDifferences(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        Tensor x = Tensor.randn(g, 2, 2, 6, 6);
        Tensor w = Tensor.randn(g, 3, 2, 3, 3).mul(0.5f).requiresGrad(true);
        Tensor v = Tensor.randn(g, 3 * 3 * 3, 1);
        Tensor r = Tensor.randn(g, 2, 1);
        Tensor dw = Autograd.grad(penalty(x, w, v, r, true), List.of(w), false)[0];
        double h = 1e-2;
        float[] d = w.data();
        for (int i = 0; i < d.length; i += 3) {
            float orig = d[i];
            d[i] = (float) (orig + h);
            double plus = penalty(x, w, v, r, false).item();
            d[i] = (float) (orig - h);
            double minus = penalty(x, w, v, r, false).item();
            d[i] = orig;
            double numeric = (plus - minus) / (2 * h);
            assertEquals(numeric, dw.data()[i], 5e-3 + 2e-2 * Math.abs(numeric), "seed " + seed + " weight " + i);
        }
    }
}
