package genlab.tensor;

import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks an op's hand-written gradient against central differences.
 *
 * <p>The scalar probed is L = Σ wᵢ·f(x)ᵢ with fixed random weights w (so every output element
 * matters), summed in double. Each checked input element is moved by ±h and
 * ∂L/∂x ≈ (L(x + h) − L(x − h)) / 2h, evaluated in double; the analytic gradient comes from one
 * backward pass. Float32 rounding in f limits the agreement to about 1e-3 relative, hence the
 * tolerance.
 */
public final class GradCheck {
    private final double h;
    private final double atol;
    private final double rtol;
    private final int maxElements;

    public GradCheck(double h, double atol, double rtol, int maxElements) {
        this.h = h;
        this.atol = atol;
        this.rtol = rtol;
        this.maxElements = maxElements;
    }

    public static GradCheck standard() {
        return new GradCheck(1e-2, 2e-3, 1e-2, 40);
    }

    /** Fails with the op name, input, element and both values when any checked element disagrees. */
    public void check(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        for (Tensor t : inputs) t.requiresGrad(true).zeroGrad();
        Tensor y = f.apply(inputs);
        SplittableRandom rng = new SplittableRandom(12345);
        float[] w = new float[y.numel()];
        for (int i = 0; i < w.length; i++) w[i] = (float) (rng.nextDouble() * 2 - 1);
        Tensor wt = Tensor.of(w, y.shape());
        y.mul(wt).sum().backward();
        for (int k = 0; k < inputs.length; k++) {
            Tensor x = inputs[k];
            float[] d = x.data();
            int n = d.length;
            int step = Math.max(1, n / maxElements);
            for (int i = rng.nextInt(step); i < n; i += step) {
                float orig = d[i];
                d[i] = (float) (orig + h);
                double lp = project(f, inputs, w);
                d[i] = (float) (orig - h);
                double lm = project(f, inputs, w);
                d[i] = orig;
                double numeric = (lp - lm) / (2 * h);
                double analytic = x.grad() == null ? 0 : x.grad().data()[i];
                if (Math.abs(analytic - numeric) > atol + rtol * Math.abs(numeric)) {
                    fail(String.format("%s: d/d input %d %s element %d: analytic %.6g vs central difference %.6g",
                            name, k, Shapes.str(x.shape()), i, analytic, numeric));
                }
            }
        }
    }

    private static double project(Function<Tensor[], Tensor> f, Tensor[] inputs, float[] w) {
        try (var ng = Autograd.noGrad()) {
            float[] y = f.apply(inputs).data();
            double s = 0;
            for (int i = 0; i < y.length; i++) s += (double) w[i] * y[i];
            return s;
        }
    }
}
