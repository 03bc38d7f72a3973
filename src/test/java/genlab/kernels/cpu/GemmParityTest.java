package genlab.kernels.cpu;

import genlab.kernels.ReferenceKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CpuKernels#gemm} against {@link ReferenceKernels#gemm} on odd shapes (every combination
 * of 1, 7, 33, 65, 129 for m, n and k), all four transpose variants, batches and a shared B, for the
 * Vector API and the plain-Java micro-kernel, on one and on three threads, and with tiny block
 * sizes so that every cache-block edge (KC, MC, NC) is crossed.
 */
class GemmParityTest {
    static final int[] SIZES = {1, 7, 33, 65, 129};
    private static final ReferenceKernels REF = new ReferenceKernels();

    /** The configurations every case runs on. */
    static List<CpuKernels> configs() {
        return List.of(
                new CpuKernels(1, true), new CpuKernels(3, true),
                new CpuKernels(1, false), new CpuKernels(3, false),
                new CpuKernels(1, true, 16, 12, 64), new CpuKernels(3, true, 16, 12, 64),
                new CpuKernels(3, false, 8, 8, 24));
    }

    @Test
    void theVectorModuleIsEnabledInTests() {
        // pom.xml passes --add-modules jdk.incubator.vector to the test JVM; without it the Vector API
        // path would not be tested at all, so say so instead of passing.
        assertTrue(VectorSupport.available(), "jdk.incubator.vector is not enabled in the test JVM (see test.jvm.args in pom.xml)");
        assertTrue(new CpuKernels(1).vectorized());
        assertTrue(new CpuKernels(1).device().contains("jdk.incubator.vector"), new CpuKernels(1).device());
        assertTrue(new CpuKernels(2, false).device().contains("plain Java"), new CpuKernels(2, false).device());
    }

    @ParameterizedTest(name = "m = {0}")
    @ValueSource(ints = {1, 7, 33, 65, 129})
    void everyShapeAndTransposeVariant(int m) {
        List<CpuKernels> configs = configs();
        SplittableRandom rng = new SplittableRandom(m);
        for (int n : SIZES) {
            for (int k : SIZES) {
                for (int variant = 0; variant < 4; variant++) {
                    check(configs, rng, 1, m, n, k, (variant & 1) != 0, (variant & 2) != 0, false);
                }
            }
        }
    }

    @Test
    void batchesAndSharedB() {
        List<CpuKernels> configs = configs();
        SplittableRandom rng = new SplittableRandom(7);
        for (int[] s : new int[][] {{3, 7, 33, 65}, {5, 33, 1, 7}, {2, 65, 65, 33}, {4, 1, 129, 7}, {64, 7, 7, 7}}) {
            for (int variant = 0; variant < 4; variant++) {
                for (boolean shared : new boolean[] {false, true}) {
                    check(configs, rng, s[0], s[1], s[2], s[3], (variant & 1) != 0, (variant & 2) != 0, shared);
                }
            }
        }
    }

    @Test
    void kZeroGivesZeros() {
        for (CpuKernels k : configs()) {
            float[] c = Parity.poisoned(6);
            k.gemm(1, 2, 3, 0, new float[0], false, new float[0], false, false, c);
            Parity.same("k = 0", new float[6], c);
        }
    }

    @Test
    void sameBitsWhateverTheThreadCount() {
        SplittableRandom rng = new SplittableRandom(11);
        int m = 150, n = 170, k = 300;
        float[] a = Parity.normal(rng, m * k), b = Parity.normal(rng, k * n);
        for (int variant = 0; variant < 4; variant++) {
            boolean ta = (variant & 1) != 0, tb = (variant & 2) != 0;
            float[] one = new float[m * n];
            new CpuKernels(1).gemm(1, m, n, k, a, ta, b, tb, false, one);
            for (int threads : new int[] {2, 3, 5}) {
                float[] many = new float[m * n];
                new CpuKernels(threads).gemm(1, m, n, k, a, ta, b, tb, false, many);
                Parity.same(threads + " threads vs 1, variant " + variant, one, many);
            }
            float[] again = new float[m * n];
            new CpuKernels(1).gemm(1, m, n, k, a, ta, b, tb, false, again);
            Parity.same("a second run", one, again);
        }
    }

    private static void check(List<CpuKernels> configs, SplittableRandom rng, int batch, int m, int n, int k,
                              boolean ta, boolean tb, boolean shared) {
        float[] a = Parity.normal(rng, batch * m * k), b = Parity.normal(rng, (shared ? 1 : batch) * k * n);
        float[] expected = new float[batch * m * n], abs = new float[batch * m * n];
        REF.gemm(batch, m, n, k, a, ta, b, tb, shared, expected);
        REF.gemm(batch, m, n, k, Parity.abs(a), ta, Parity.abs(b), tb, shared, abs);
        for (CpuKernels kernels : configs) {
            float[] c = Parity.poisoned(batch * m * n);
            kernels.gemm(batch, m, n, k, a, ta, b, tb, shared, c);
            String what = String.format("gemm batch %d, %dx%dx%d, transA %b, transB %b, shared B %b, %s",
                    batch, m, k, n, ta, tb, shared, kernels.device());
            Parity.close(what, expected, c, abs, k);
        }
    }
}
