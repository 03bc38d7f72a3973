package genlab.nn;

import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/** Inverted dropout in training mode (see {@link genlab.tensor.ops.Dropout}); the identity in evaluation. */
public final class Dropout extends Module {
    private final float p;
    private final RandomGenerator rng;

    public Dropout(float p, RandomGenerator rng) {
        if (p < 0 || p >= 1) throw new IllegalArgumentException("Dropout: p must be in [0, 1), got " + p);
        this.p = p;
        this.rng = rng;
    }

    @Override
    public Tensor forward(Tensor x) {
        return isTraining() ? genlab.tensor.ops.Dropout.apply(x, p, rng) : x;
    }
}
