package genlab.flow;

import genlab.tensor.Tensor;
import genlab.tensor.ops.Gather;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A fixed permutation π of axis 1 (features, or channels of an image):
 * <pre>
 *   z[:, i] = x[:, π(i)],   x[:, j] = z[:, π⁻¹(j)],   log |det| = 0
 * </pre>
 * A permutation matrix has determinant ±1, so the flow's volume is unchanged. Between couplings
 * it lets every dimension be transformed in turn (RealNVP alternates masks instead; Glow learns a
 * 1x1 convolution in place of a fixed permutation).
 */
public final class Permutation extends Bijector {
    private final int[] perm;
    private final int[] inversePerm;

    public Permutation(int[] perm) {
        this.perm = perm.clone();
        this.inversePerm = new int[perm.length];
        Arrays.fill(inversePerm, -1);
        for (int i = 0; i < perm.length; i++) {
            int p = perm[i];
            if (p < 0 || p >= perm.length || inversePerm[p] >= 0) {
                throw new IllegalArgumentException("Permutation: " + Arrays.toString(perm) + " is not a permutation of 0.." + (perm.length - 1));
            }
            inversePerm[p] = i;
        }
    }

    /** n, n−1, …, 1, 0. */
    public static Permutation reverse(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = n - 1 - i;
        return new Permutation(p);
    }

    /** A uniformly random permutation (Fisher-Yates). */
    public static Permutation random(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return new Permutation(p);
    }

    private static Tensor permute(Tensor x, int[] p) {
        if (x.size(1) != p.length) {
            throw new IllegalArgumentException("Permutation of " + p.length + " entries: input " + genlab.tensor.Shapes.str(x.shape()) + " has " + x.size(1) + " on axis 1");
        }
        int b = x.size(0), c = p.length, inner = x.numel() / (b * c);
        int[] index = new int[x.numel()];
        for (int n = 0; n < b; n++)
            for (int i = 0; i < c; i++)
                for (int k = 0; k < inner; k++) index[(n * c + i) * inner + k] = (n * c + p[i]) * inner + k;
        return Gather.apply(x, index, x.shape());
    }

    @Override
    public Transformed forwardLogDet(Tensor x) {
        return new Transformed(permute(x, perm), zeroLogDet(x));
    }

    @Override
    public Transformed inverseLogDet(Tensor z) {
        return new Transformed(permute(z, inversePerm), zeroLogDet(z));
    }
}
