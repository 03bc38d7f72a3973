package genlab.models.gan;

import genlab.nn.Activation;
import genlab.nn.LayerNorm;
import genlab.nn.Linear;
import genlab.nn.Module;
import genlab.nn.Sequential;
import genlab.tensor.Autograd;
import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gradient penalty: its value for a linear critic, and its weight gradient against central differences. */
class GradientPenaltyTest {

    /** D(x) = w·x + b has ∇ₓD = w everywhere: GP = λ(‖w‖ − 1)², ∂GP/∂w = 2λ(‖w‖ − 1)·w/‖w‖. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void linearCriticMatchesTheClosedForm(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int dim = 1 + g.nextInt(6);
        Linear critic = new Linear(dim, 1, g);
        Tensor x = Tensor.randn(g, 5, dim), y = Tensor.randn(g, 5, dim);
        Tensor gp = GradientPenalty.of(critic, x, y, GradientPenalty.LAMBDA, g);
        float[] w = critic.weight.data();
        double norm = 0;
        for (float v : w) norm += v * v;
        norm = Math.sqrt(norm);
        assertEquals(10 * (norm - 1) * (norm - 1), gp.item(), 1e-4 * (1 + gp.item()), "seed " + seed);
        float[] dw = Autograd.grad(gp, List.of(critic.weight), false)[0].data();
        for (int i = 0; i < w.length; i++) {
            assertEquals(2 * 10 * (norm - 1) * w[i] / norm, dw[i], 1e-4, "seed " + seed + " weight " + i);
        }
    }

    /** ∂GP/∂θ through the recorded backward pass (second-order autodiff) against central differences of GP itself. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void penaltyWeightGradientMatchesFiniteDifferences(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int dim = 2 + g.nextInt(4);
        // Smooth activations: a kink would make the penalty jump and central differences meaningless.
        Module critic = new Sequential(new Linear(dim, 8, g), new LayerNorm(8), Activation.tanh(),
                new Linear(8, 8, g), Activation.softplus(), new Linear(8, 1, g));
        Tensor points = Tensor.randn(g, 6, dim);
        Tensor gp = GradientPenalty.at(critic, points, GradientPenalty.LAMBDA);
        List<Tensor> params = critic.parameters();
        Tensor[] grads = Autograd.grad(gp, params, false);
        double h = 1e-2;
        int checked = 0;
        for (int p = 0; p < params.size(); p++) {
            float[] d = params.get(p).data();
            for (int i = 0; i < d.length; i += 1 + d.length / 5) {
                float orig = d[i];
                d[i] = (float) (orig + h);
                double plus = GradientPenalty.at(critic, points, GradientPenalty.LAMBDA).item();
                d[i] = (float) (orig - h);
                double minus = GradientPenalty.at(critic, points, GradientPenalty.LAMBDA).item();
                d[i] = orig;
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, grads[p].data()[i], 5e-3 + 2e-2 * Math.abs(numeric),
                        "seed " + seed + ", parameter " + p + " element " + i);
                checked++;
            }
        }
        assertTrue(checked > 20);
    }

    /** A critic that is 1-Lipschitz with unit slope everywhere (D(x) = u·x, ‖u‖ = 1) pays no penalty. */
    @Test
    void unitSlopeCriticPaysNothing() {
        Linear critic = new Linear(2, 1, new SplittableRandom(1));
        critic.weight.data()[0] = 0.6f;
        critic.weight.data()[1] = -0.8f;
        Tensor pts = Tensor.randn(new SplittableRandom(2), 7, 2);
        assertEquals(0, GradientPenalty.at(critic, pts, 10).item(), 1e-9);
        assertEquals(1, GradientPenalty.meanGradientNorm(critic, pts), 1e-6);
    }

    @Test
    void weightClippingClampsAndCounts() {
        Tensor w = Tensor.of(new float[] {-0.5f, 0.003f, 0.02f, -0.01f}, 4);
        WeightClipping.apply(List.of(w), 0.01f);
        assertEquals(-0.01f, w.data()[0]);
        assertEquals(0.003f, w.data()[1]);
        assertEquals(0.01f, w.data()[2]);
        assertEquals(0.75, WeightClipping.shareAtBound(List.of(w), 0.01f), 1e-12);
    }
}
