package genlab.diffusion;

import genlab.tensor.Tensor;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Classifier-free guidance (Ho and Salimans 2022): one network learns both ε_θ(x_t, t, y) and the
 * unconditional ε_θ(x_t, t, ∅), by replacing each training label with ∅ with probability p_uncond
 * ({@link #dropLabels}); at sampling time the two are extrapolated,
 * <pre>
 *   ε̃ = (1 + w)·ε_θ(x_t, t, y) − w·ε_θ(x_t, t, ∅)
 * </pre>
 * w = 0 is plain conditional sampling; larger w trades diversity for samples that look more like
 * their class. Both predictions are made in one batch of 2B.
 */
public final class ClassifierFreeGuidance implements EpsModel {
    private final EpsModel model;
    private final double w;

    public ClassifierFreeGuidance(EpsModel model, double w) {
        if (w < 0) throw new IllegalArgumentException("ClassifierFreeGuidance: weight w must be >= 0, got " + w);
        this.model = model;
        this.w = w;
    }

    @Override
    public Tensor eps(Tensor xt, int[] t, int[] labels) {
        if (labels == null || w == 0) return model.eps(xt, t, labels);
        int b = xt.size(0), k = xt.numel() / b;
        int[] t2 = new int[2 * b];
        int[] y2 = new int[2 * b];
        int nullLabel = nullLabel(model);
        for (int i = 0; i < b; i++) {
            t2[i] = t2[b + i] = t[i];
            y2[i] = labels[i];
            y2[b + i] = nullLabel;
        }
        Tensor both = model.eps(Tensor.concat(List.of(xt, xt), 0), t2, y2);   // (2B, ...)
        float[] e = both.data(), out = new float[b * k];                     // (B, ...)
        float a = (float) (1 + w), c = (float) w;
        for (int i = 0; i < b * k; i++) out[i] = a * e[i] - c * e[b * k + i];
        return Tensor.of(out, xt.shape());
    }

    private static int nullLabel(EpsModel m) {
        if (m instanceof UNet u && u.classes() > 0) return u.classes();
        throw new IllegalArgumentException("ClassifierFreeGuidance: the model has no 'no label' class");
    }

    /** Training labels with each replaced by ∅ = {@code classes} with probability {@code p}. */
    public static int[] dropLabels(int[] labels, int classes, double p, RandomGenerator rng) {
        int[] out = labels.clone();
        for (int i = 0; i < out.length; i++) if (rng.nextDouble() < p) out[i] = classes;
        return out;
    }
}
