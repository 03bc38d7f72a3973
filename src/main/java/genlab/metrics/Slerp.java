package genlab.metrics;

/**
 * Spherical linear interpolation between two latent vectors (Shoemake 1985; White 2016,
 * "Sampling Generative Networks"), the path {@link InterpolationSmoothness} is measured along:
 * <pre>
 *   ω = arccos(a·b / (‖a‖ ‖b‖)),   slerp(a, b; t) = sin((1 − t) ω)/sin ω · a + sin(t ω)/sin ω · b
 * </pre>
 * For Gaussian latents it keeps the norm near the prior's shell, where the straight line between
 * two draws passes through the unlikely region near the origin. Nearly parallel vectors
 * (sin ω &lt; 1e-6) fall back to the straight line (1 − t) a + t b.
 */
public final class Slerp {
    private Slerp() {}

    /** slerp(a, b; t) for t ∈ [0, 1]; a and b of equal length. */
    public static float[] between(float[] a, float[] b, double t) {
        if (a.length != b.length) throw new IllegalArgumentException("Slerp: vectors of " + a.length + " and " + b.length + " elements");
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        double cos = na == 0 || nb == 0 ? 1 : Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
        double omega = Math.acos(cos), sin = Math.sin(omega);
        double wa, wb;
        if (sin < 1e-6) {
            wa = 1 - t;
            wb = t;
        } else {
            wa = Math.sin((1 - t) * omega) / sin;
            wb = Math.sin(t * omega) / sin;
        }
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = (float) (wa * a[i] + wb * b[i]);
        return out;
    }
}
