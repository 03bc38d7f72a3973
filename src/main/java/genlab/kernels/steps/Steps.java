package genlab.kernels.steps;

import genlab.kernels.cpu.VectorSupport;

import java.util.ArrayList;
import java.util.List;

/** The lesson's steps in order; the Vector API ones only when the module is enabled. */
public final class Steps {
    private Steps() {}

    /** Naive, ikj, cache-blocked, register-blocked, then (with the Vector API) vectorized and multithreaded. */
    public static List<MatmulStep> all(int threads) {
        List<MatmulStep> steps = new ArrayList<>(List.of(new Naive(), new LoopReordered(), new CacheBlocked(), new RegisterBlocked()));
        if (VectorSupport.available()) {
            MatmulStep vectorized = vectorized();
            steps.add(vectorized);
            steps.add(new Multithreaded(vectorized, threads));
        } else {
            steps.add(new Multithreaded(new BlockedRows(), threads));
        }
        return steps;
    }

    /** {@link Vectorized}, loaded by name so that this class never links against the incubator module. */
    private static MatmulStep vectorized() {
        try {
            return (MatmulStep) Class.forName(Steps.class.getPackageName() + ".Vectorized").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the Vectorized step: " + e, e);
        }
    }

    /** Without the Vector API, the threads split step 3's loops. */
    private static final class BlockedRows implements MatmulStep, RowBand {
        private final CacheBlocked blocked = new CacheBlocked();

        @Override
        public String name() {
            return blocked.name();
        }

        @Override
        public String idea() {
            return blocked.idea();
        }

        @Override
        public void multiply(int m, int n, int k, float[] a, float[] b, float[] c) {
            blocked.multiply(m, n, k, a, b, c);
        }

        @Override
        public void rows(int i0, int i1, int n, int k, float[] a, float[] b, float[] c) {
            // the band as its own product: A's rows i0..i1 and C's rows i0..i1 are contiguous slices
            int m = i1 - i0;
            float[] aBand = java.util.Arrays.copyOfRange(a, i0 * k, i1 * k), cBand = new float[m * n];
            blocked.multiply(m, n, k, aBand, b, cBand);
            System.arraycopy(cBand, 0, c, i0 * n, m * n);
        }
    }
}
