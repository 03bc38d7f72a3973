package genlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Seeded samplers of the 2-D toy distributions used to watch GANs, flows and diffusion models
 * learn. Each constant is a distribution with the usual default parameters ({@link #sample});
 * the static methods take the parameters explicitly. Same generator state, same points.
 *
 * <ul>
 * <li>{@code moons} (as scikit-learn {@code make_moons}): n/2 points (rounded down) on the upper
 *   half circle {@code (cos t, sin t)} and the rest on the lower one {@code (1 - cos t,
 *   1 - sin t - 0.5)}, with {@code t} evenly spaced over [0, pi] (ends included); shuffled, then
 *   {@code N(0, noise^2)} added to each coordinate. Labels 0 (upper), 1 (lower). Noiseless extent
 *   x in [-1, 2], y in [-0.5, 1]; mean (0.5, 0.25) for even n. Default noise 0.05.</li>
 * <li>{@code 8gaussians}: pick {@code k} uniformly in 0..7, then
 *   {@code radius (cos(2 pi k / 8), sin(2 pi k / 8)) + std N(0, I)}. Label k. Default radius 2,
 *   std 0.02 (the WGAN-GP toy before its final division by 1.414; GAN Lab's ring). Modes: the 8
 *   centres.</li>
 * <li>{@code grid25}: pick a centre {@code (spacing i, spacing j)}, {@code i, j in -2..2},
 *   uniformly, add {@code std N(0, I)}. Label {@code 5 (i + 2) + (j + 2)}. Default spacing 2,
 *   std 0.05 (VEEGAN / PacGAN's grid, centres in [-4, 4]). Modes: the 25 centres.</li>
 * <li>{@code swissroll} (as FFJORD's toy, from scikit-learn {@code make_swiss_roll}):
 *   {@code t = 1.5 pi (1 + 2u)}, {@code u ~ U(0, 1)}, point {@code ((t cos t, t sin t) + noise
 *   N(0, I)) / 5}. Default noise 1.0 (std 0.2 after the division); noiseless extent
 *   [-1.90, 2.53] x [-2.21, 2.83].</li>
 * <li>{@code checkerboard} (as FFJORD's toy): {@code x1 ~ U(-2, 2)}, {@code x2 = U(0, 1) - 2 b
 *   + (floor(x1) mod 2)} with {@code b ~ Bernoulli(1/2)}, point {@code 2 (x1, x2)}: uniform on the
 *   8 cells of a 4x4 board over [-4, 4]^2 where {@code floor(x/2) + floor(y/2)} is even.</li>
 * <li>{@code circles} (as scikit-learn {@code make_circles}): n/2 points (rounded down) at angles
 *   {@code 2 pi i / n_out} on the unit circle (label 0), the rest at evenly spaced angles on the
 *   circle of radius {@code factor} (label 1); shuffled, then {@code N(0, noise^2)} per
 *   coordinate. Default factor 0.5, noise 0.05.</li>
 * </ul>
 *
 * <p>{@link #modes()} gives the mode centres of the mixtures, for mode-coverage metrics;
 * {@link Points#standardized()} rescales any of them to zero mean and unit variance.
 */
public enum Toy2D {
    MOONS("moons") {
        @Override
        public Points sample(int n, RandomGenerator rng) {
            return moons(n, 0.05, rng);
        }
    },
    EIGHT_GAUSSIANS("8gaussians") {
        @Override
        public Points sample(int n, RandomGenerator rng) {
            return eightGaussians(n, 2.0, 0.02, rng);
        }

        @Override
        public Points modes() {
            return eightGaussiansCentres(2.0);
        }
    },
    GRID25("grid25") {
        @Override
        public Points sample(int n, RandomGenerator rng) {
            return grid25(n, 2.0, 0.05, rng);
        }

        @Override
        public Points modes() {
            return grid25Centres(2.0);
        }
    },
    SWISS_ROLL("swissroll") {
        @Override
        public Points sample(int n, RandomGenerator rng) {
            return swissRoll(n, 1.0, rng);
        }
    },
    CHECKERBOARD("checkerboard") {
        @Override
        public Points sample(int n, RandomGenerator rng) {
            return checkerboard(n, rng);
        }
    },
    CIRCLES("circles") {
        @Override
        public Points sample(int n, RandomGenerator rng) {
            return circles(n, 0.5, 0.05, rng);
        }
    };

    private final String key;

    Toy2D(String key) {
        this.key = key;
    }

    /** The lookup name, e.g. {@code "8gaussians"}. */
    public String key() {
        return key;
    }

    /** n points with this toy's default parameters (see the class javadoc). */
    public abstract Points sample(int n, RandomGenerator rng);

    /** Mode centres, (M, 2), for the mixtures ({@code 8gaussians}, {@code grid25}); empty (size 0) otherwise. */
    public Points modes() {
        return new Points(new float[0]);
    }

    /** Whether {@link #modes()} is non-empty. */
    public boolean hasModes() {
        return modes().size() > 0;
    }

    /** The toy with this key (case-insensitive); the error lists the valid keys. */
    public static Toy2D byName(String name) {
        String k = name.strip().toLowerCase(Locale.ROOT);
        for (Toy2D t : values()) {
            if (t.key.equals(k)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown 2-D toy \"" + name + "\"; valid names: " + String.join(", ", names()));
    }

    /** The valid keys, in declaration order. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Toy2D t : values()) {
            out.add(t.key);
        }
        return out;
    }

    /** Two interleaving half circles, as scikit-learn {@code make_moons(n, shuffle=True, noise)}. */
    public static Points moons(int n, double noise, RandomGenerator rng) {
        checkN(n);
        int nOut = n / 2;
        int nIn = n - nOut;
        float[] xy = new float[2 * n]; // (N, 2)
        int[] lab = new int[n];        // (N)
        for (int i = 0; i < nOut; i++) {
            double t = linspace(i, nOut, Math.PI);
            xy[2 * i] = (float) Math.cos(t);
            xy[2 * i + 1] = (float) Math.sin(t);
        }
        for (int i = 0; i < nIn; i++) {
            double t = linspace(i, nIn, Math.PI);
            xy[2 * (nOut + i)] = (float) (1 - Math.cos(t));
            xy[2 * (nOut + i) + 1] = (float) (1 - Math.sin(t) - 0.5);
            lab[nOut + i] = 1;
        }
        return shuffleAndNoise(xy, lab, noise, rng);
    }

    /** A mixture of 8 Gaussians of std {@code std} evenly spaced on a circle of {@code radius}. */
    public static Points eightGaussians(int n, double radius, double std, RandomGenerator rng) {
        return mixture(n, eightGaussiansCentres(radius), std, rng);
    }

    /** The 8 centres {@code radius (cos(2 pi k / 8), sin(2 pi k / 8))}, k = 0..7, as (8, 2). */
    public static Points eightGaussiansCentres(double radius) {
        float[] c = new float[16]; // (8, 2)
        for (int k = 0; k < 8; k++) {
            double a = 2 * Math.PI * k / 8;
            c[2 * k] = (float) (radius * Math.cos(a));
            c[2 * k + 1] = (float) (radius * Math.sin(a));
        }
        return new Points(c);
    }

    /** A mixture of 25 Gaussians of std {@code std} on a 5x5 grid with the given spacing. */
    public static Points grid25(int n, double spacing, double std, RandomGenerator rng) {
        return mixture(n, grid25Centres(spacing), std, rng);
    }

    /** The 25 centres {@code (spacing i, spacing j)}, i, j in -2..2, index {@code 5 (i+2) + (j+2)}, as (25, 2). */
    public static Points grid25Centres(double spacing) {
        float[] c = new float[50]; // (25, 2)
        for (int i = -2; i <= 2; i++) {
            for (int j = -2; j <= 2; j++) {
                int k = 5 * (i + 2) + (j + 2);
                c[2 * k] = (float) (spacing * i);
                c[2 * k + 1] = (float) (spacing * j);
            }
        }
        return new Points(c);
    }

    /** The 2-D swiss roll of FFJORD's toys: ((t cos t, t sin t) + noise N(0, I)) / 5, t = 1.5 pi (1 + 2u). */
    public static Points swissRoll(int n, double noise, RandomGenerator rng) {
        checkN(n);
        float[] xy = new float[2 * n]; // (N, 2)
        for (int i = 0; i < n; i++) {
            double t = 1.5 * Math.PI * (1 + 2 * rng.nextDouble());
            xy[2 * i] = (float) ((t * Math.cos(t) + noise * rng.nextGaussian()) / 5);
            xy[2 * i + 1] = (float) ((t * Math.sin(t) + noise * rng.nextGaussian()) / 5);
        }
        return new Points(xy);
    }

    /** FFJORD's checkerboard: uniform on the 8 "even" cells of a 4x4 board over [-4, 4]^2. */
    public static Points checkerboard(int n, RandomGenerator rng) {
        checkN(n);
        float[] xy = new float[2 * n]; // (N, 2)
        for (int i = 0; i < n; i++) {
            double x1 = rng.nextDouble() * 4 - 2;
            double x2 = rng.nextDouble() - 2 * rng.nextInt(2) + Math.floorMod((int) Math.floor(x1), 2);
            xy[2 * i] = (float) (2 * x1);
            xy[2 * i + 1] = (float) (2 * x2);
        }
        return new Points(xy);
    }

    /** Two concentric circles, radii 1 and {@code factor}, as scikit-learn {@code make_circles}. */
    public static Points circles(int n, double factor, double noise, RandomGenerator rng) {
        checkN(n);
        if (!(factor >= 0 && factor < 1)) {
            throw new IllegalArgumentException("circles: factor must be in [0, 1), got " + factor);
        }
        int nOut = n / 2;
        int nIn = n - nOut;
        float[] xy = new float[2 * n]; // (N, 2)
        int[] lab = new int[n];        // (N)
        for (int i = 0; i < nOut; i++) {
            double t = 2 * Math.PI * i / nOut;
            xy[2 * i] = (float) Math.cos(t);
            xy[2 * i + 1] = (float) Math.sin(t);
        }
        for (int i = 0; i < nIn; i++) {
            double t = 2 * Math.PI * i / nIn;
            xy[2 * (nOut + i)] = (float) (factor * Math.cos(t));
            xy[2 * (nOut + i) + 1] = (float) (factor * Math.sin(t));
            lab[nOut + i] = 1;
        }
        return shuffleAndNoise(xy, lab, noise, rng);
    }

    /** Equal-weight Gaussian mixture: component k uniform, then centre_k + std N(0, I); label k. */
    private static Points mixture(int n, Points centres, double std, RandomGenerator rng) {
        checkN(n);
        float[] xy = new float[2 * n]; // (N, 2)
        int[] lab = new int[n];        // (N)
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(centres.size());
            xy[2 * i] = (float) (centres.x(k) + std * rng.nextGaussian());
            xy[2 * i + 1] = (float) (centres.y(k) + std * rng.nextGaussian());
            lab[i] = k;
        }
        return new Points(xy, lab);
    }

    /** numpy linspace(0, end, count)[i] with both ends included (0 when count is 1). */
    private static double linspace(int i, int count, double end) {
        return count == 1 ? 0 : end * i / (count - 1);
    }

    /** Shuffle rows (with their labels), then add N(0, noise^2) to every coordinate, as scikit-learn does. */
    private static Points shuffleAndNoise(float[] xy, int[] lab, double noise, RandomGenerator rng) {
        int n = lab.length;
        int[] perm = Batches.permutation(n, rng);
        float[] out = new float[2 * n]; // (N, 2)
        int[] outLab = new int[n];      // (N)
        for (int i = 0; i < n; i++) {
            out[2 * i] = xy[2 * perm[i]];
            out[2 * i + 1] = xy[2 * perm[i] + 1];
            outLab[i] = lab[perm[i]];
        }
        if (noise > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (out[i] + noise * rng.nextGaussian());
            }
        }
        return new Points(out, outLab);
    }

    private static void checkN(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("toy sample size must be >= 0, got " + n);
        }
    }
}
