package genlab.metrics;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * Exact log-densities of Gaussians with diagonal covariance, per example, in double:
 * <pre>
 *   log N(x; μ, diag σ²) = −½ Σⱼ [ ln 2π + ln σⱼ² + (xⱼ − μⱼ)²/σⱼ² ]
 *   log N(x; 0, I)       = −½ Σⱼ [ ln 2π + xⱼ² ]
 * </pre>
 * For tensors of shape (N, ...): one value per example, the sum over all other axes (a flow's
 * base density, a VAE decoder's likelihood). In nats; {@link BitsPerDim} converts.
 */
public final class GaussianLogDensity {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private GaussianLogDensity() {}

    /** log N(xᵢ; 0, I) for each example i of x (N, ...), (N). */
    public static double[] standard(Tensor x) {
        int n = examples(x);
        int per = x.numel() / n;
        float[] d = x.data();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = i * per; j < (i + 1) * per; j++) s += (double) d[j] * d[j];
            out[i] = -0.5 * (per * LOG_2PI + s);
        }
        return out;
    }

    /**
     * log N(xᵢ; μᵢ, diag exp(logVarᵢ)) for each example i; {@code mu} and {@code logVar} have x's shape
     * (N, ...), (N).
     */
    public static double[] diagonal(Tensor x, Tensor mu, Tensor logVar) {
        if (!Shapes.same(x.shape(), mu.shape()) || !Shapes.same(x.shape(), logVar.shape())) {
            throw new IllegalArgumentException("GaussianLogDensity: x " + Shapes.str(x.shape()) + ", mu " + Shapes.str(mu.shape())
                    + " and logVar " + Shapes.str(logVar.shape()) + " must have one shape");
        }
        int n = examples(x);
        int per = x.numel() / n;
        float[] xd = x.data(), md = mu.data(), lv = logVar.data();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = i * per; j < (i + 1) * per; j++) {
                double diff = (double) xd[j] - md[j];
                s += LOG_2PI + lv[j] + diff * diff * Math.exp(-(double) lv[j]);
            }
            out[i] = -0.5 * s;
        }
        return out;
    }

    private static int examples(Tensor x) {
        if (x.dim() < 1 || x.numel() == 0) throw new IllegalArgumentException("GaussianLogDensity: need (N, ...) with N >= 1, got " + Shapes.str(x.shape()));
        return x.size(0);
    }
}
