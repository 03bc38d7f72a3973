package genlab.tensor;

import java.util.SplittableRandom;

/** Seeded generators of shapes and tensors for gradient checks and property tests. */
public final class RandomShapes {
    private final SplittableRandom rng;

    public RandomShapes(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    public SplittableRandom rng() {
        return rng;
    }

    /** A shape of rank 1..maxRank, sizes 1..maxSize (size 1 is drawn often, to exercise broadcasting). */
    public int[] shape(int maxRank, int maxSize) {
        int r = 1 + rng.nextInt(maxRank);
        int[] s = new int[r];
        for (int i = 0; i < r; i++) s[i] = rng.nextInt(4) == 0 ? 1 : 1 + rng.nextInt(maxSize);
        return s;
    }

    /** A shape that broadcasts against {@code s}: some leading axes dropped, some sizes set to 1. */
    public int[] broadcastable(int[] s) {
        int drop = rng.nextInt(s.length + 1);
        int[] b = new int[s.length - drop];
        for (int i = 0; i < b.length; i++) b[i] = rng.nextInt(3) == 0 ? 1 : s[i + drop];
        return b;
    }

    public Tensor normal(int... shape) {
        return Tensor.randn(rng, shape);
    }

    /** Uniform in [lo, hi). */
    public Tensor uniform(float lo, float hi, int... shape) {
        float[] d = new float[Shapes.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = lo + (hi - lo) * (float) rng.nextDouble();
        return Tensor.of(d, shape);
    }

    /** Normal values pushed at least {@code gap} away from 0 (for ops with a kink at 0). */
    public Tensor awayFromZero(float gap, int... shape) {
        Tensor t = normal(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = d[i] >= 0 ? d[i] + gap : d[i] - gap;
        return t;
    }

    /** Distinct values (a shuffled grid plus noise) so max-type ops have no ties. */
    public Tensor distinct(int... shape) {
        int n = Shapes.numel(shape);
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = (i - n / 2) * 0.1f;  // multiples of 0.1: adding 0.05 gives values that never tie
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            float t = d[i];
            d[i] = d[j];
            d[j] = t;
        }
        return Tensor.of(d, shape);
    }
}
