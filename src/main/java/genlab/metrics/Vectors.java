package genlab.metrics;

/** Dot products and squared distances of double vectors, the inner loops of KID and precision/recall. */
final class Vectors {
    private Vectors() {}

    static double dot(double[] a, double[] b) {
        // Four partial sums let the CPU overlap the additions (a plain loop waits on each one).
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int n = a.length, i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    static double squaredDistance(double[] a, double[] b) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int n = a.length, i = 0;
        for (; i + 3 < n; i += 4) {
            double d0 = a[i] - b[i], d1 = a[i + 1] - b[i + 1], d2 = a[i + 2] - b[i + 2], d3 = a[i + 3] - b[i + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < n; i++) {
            double d = a[i] - b[i];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
