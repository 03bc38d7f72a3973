package genlab.kernels.steps;

/**
 * One version of the {@code kernels} lesson's matrix product, C (m × n) = A (m × k) · B (k × n),
 * all row-major and contiguous: {@code C[i·n + j] = Σ_p A[i·k + p] · B[p·n + j]}.
 *
 * <p>The versions, in the order of the lesson, each one change away from the previous:
 * {@link Naive} (ijk), {@link LoopReordered} (ikj), {@link CacheBlocked}, {@link RegisterBlocked},
 * {@link Vectorized} (jdk.incubator.vector), {@link Multithreaded}; the lesson adds the project's
 * packed kernel ({@code --backend cpu}) and OpenCL where a device exists. Each is checked against
 * {@link Naive}.
 */
public interface MatmulStep {
    /** Short name for the table and the chart. */
    String name();

    /** What changed from the previous step, in one line. */
    String idea();

    /** Overwrites c with a·b. */
    void multiply(int m, int n, int k, float[] a, float[] b, float[] c);
}
