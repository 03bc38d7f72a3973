package genlab.metrics;

import java.util.List;

/**
 * How smoothly a model's images change along a latent interpolation, measured in a feature space
 * (the classifier's 84-d penultimate features in the {@code compare} lesson).
 *
 * <p>For K + 1 frames x_0 … x_K decoded from a latent path between two endpoints, with features
 * φ_k = φ(x_k):
 * <pre>
 *   s_k = ‖φ_k − φ_{k−1}‖                (k = 1..K, the step sizes)
 *   L   = Σ_k s_k                        (path length)
 *   D   = ‖φ_K − φ_0‖                    (endpoint distance)
 *   path ratio        R = L / D          ≥ 1; 1 when the frames lie in order on the straight segment
 *   max / mean step   M = max_k s_k / (L / K)   ≥ 1; 1 when every step is the same size
 * </pre>
 * A straight, evenly spaced path gives R = M = 1; a path that wanders off and back raises R; a path
 * that holds still and then jumps (one image snapping into another) raises M towards K.
 */
public record InterpolationSmoothness(double pathLength, double endpointDistance, double pathRatio, double maxOverMean) {

    /** The measures of one path: {@code features[k]} is φ(x_k), at least 3 frames of equal length. */
    public static InterpolationSmoothness of(double[][] features) {
        int frames = features.length;
        if (frames < 3) throw new IllegalArgumentException("InterpolationSmoothness: need at least 3 frames, got " + frames);
        double length = 0, maxStep = 0;
        for (int k = 1; k < frames; k++) {
            double s = distance(features[k - 1], features[k]);
            length += s;
            maxStep = Math.max(maxStep, s);
        }
        double d = distance(features[0], features[frames - 1]);
        if (!(d > 0)) throw new IllegalArgumentException("InterpolationSmoothness: the endpoints' features coincide (distance " + d + ")");
        return new InterpolationSmoothness(length, d, length / d, maxStep / (length / (frames - 1)));
    }

    /** The mean of each measure over several paths (e.g. several endpoint pairs). */
    public static InterpolationSmoothness mean(List<InterpolationSmoothness> paths) {
        if (paths.isEmpty()) throw new IllegalArgumentException("InterpolationSmoothness: no paths to average");
        double l = 0, d = 0, r = 0, m = 0;
        for (InterpolationSmoothness p : paths) {
            l += p.pathLength;
            d += p.endpointDistance;
            r += p.pathRatio;
            m += p.maxOverMean;
        }
        int n = paths.size();
        return new InterpolationSmoothness(l / n, d / n, r / n, m / n);
    }

    private static double distance(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("InterpolationSmoothness: frames of " + a.length + " and " + b.length + " features");
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double t = a[i] - b[i];
            s += t * t;
        }
        return Math.sqrt(s);
    }
}
