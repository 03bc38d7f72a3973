package genlab.nn;

import genlab.kernels.Backend;
import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * Weight initialisers. Each writes into the tensor's data in place (reported to the kernels through
 * {@link Backend#hostWrote}, since they may hold a device copy) and returns it.
 *
 * <ul>
 *   <li>{@link #normal}: N(0, σ²); DCGAN uses σ = 0.02 for every conv and linear weight.</li>
 *   <li>{@link #uniform}: U(−b, b). PyTorch's default for Linear and Conv weights and biases is
 *       b = 1/√fan_in (its kaiming_uniform with a = √5), which the layers here reproduce.</li>
 *   <li>{@link #kaimingNormal}: N(0, 2/fan_in), He et al. 2015, for ReLU networks.</li>
 *   <li>{@link #xavierUniform}: U(−b, b), b = √(6/(fan_in + fan_out)), Glorot and Bengio 2010.</li>
 * </ul>
 * fan_in of a (out, in, kh, kw) weight is in·kh·kw; of a (out, in) weight, in.
 */
public final class Init {
    private Init() {}

    public static Tensor normal(Tensor t, float std, RandomGenerator rng) {
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) (rng.nextGaussian() * std);
        Backend.hostWrote(d);
        return t;
    }

    public static Tensor uniform(Tensor t, float bound, RandomGenerator rng) {
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        Backend.hostWrote(d);
        return t;
    }

    public static Tensor constant(Tensor t, float value) {
        java.util.Arrays.fill(t.data(), value);
        Backend.hostWrote(t.data());
        return t;
    }

    public static Tensor kaimingNormal(Tensor t, RandomGenerator rng) {
        return normal(t, (float) Math.sqrt(2.0 / fanIn(t)), rng);
    }

    public static Tensor xavierUniform(Tensor t, RandomGenerator rng) {
        return uniform(t, (float) Math.sqrt(6.0 / (fanIn(t) + fanOut(t))), rng);
    }

    /** PyTorch's default: U(−1/√fan_in, 1/√fan_in). */
    public static Tensor torchDefault(Tensor t, int fanIn, RandomGenerator rng) {
        return uniform(t, (float) (1 / Math.sqrt(fanIn)), rng);
    }

    static int fanIn(Tensor w) {
        return w.numel() / w.size(0);
    }

    static int fanOut(Tensor w) {
        int receptive = w.dim() > 2 ? w.numel() / (w.size(0) * w.size(1)) : 1;
        return w.size(0) * receptive;
    }
}
