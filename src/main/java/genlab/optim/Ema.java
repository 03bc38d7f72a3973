package genlab.optim;

import genlab.kernels.Backend;
import genlab.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exponential moving average of weights: θ̄ ← d·θ̄ + (1 − d)·θ after each step (DDPM samples
 * from the averaged weights, d = 0.9999). {@link #swapInto} exchanges averaged and live weights,
 * so evaluation can use the average and training resume on the live ones.
 */
public final class Ema {
    private final Map<String, Tensor> live;
    private final Map<String, float[]> shadow = new LinkedHashMap<>();
    private final float decay;

    public Ema(Map<String, Tensor> params, double decay) {
        if (decay < 0 || decay >= 1) throw new IllegalArgumentException("Ema: decay must be in [0, 1), got " + decay);
        this.live = new LinkedHashMap<>(params);
        this.decay = (float) decay;
        live.forEach((k, t) -> shadow.put(k, t.data().clone()));
    }

    public void update() {
        live.forEach((k, t) -> {
            float[] s = shadow.get(k), p = t.data();
            for (int i = 0; i < s.length; i++) s[i] = decay * s[i] + (1 - decay) * p[i];
            Backend.hostWrote(s);
        });
    }

    /** Exchanges the averaged and live weights in place (call twice to undo). */
    public void swapInto() {
        live.forEach((k, t) -> {
            float[] s = shadow.get(k), p = t.data();
            for (int i = 0; i < s.length; i++) {
                float tmp = p[i];
                p[i] = s[i];
                s[i] = tmp;
            }
            Backend.hostWrote(p);
            Backend.hostWrote(s);
        });
    }

    /** The averaged weights by name, as tensors sharing the shadow arrays (for checkpoints). */
    public Map<String, Tensor> averaged() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        live.forEach((k, t) -> out.put(k, Tensor.of(shadow.get(k), t.shape())));
        return out;
    }
}
