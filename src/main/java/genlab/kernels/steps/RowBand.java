package genlab.kernels.steps;

/** A matrix product that can compute a band of rows [i0, i1) of C on its own (what {@link Multithreaded} splits). */
public interface RowBand {
    /** Overwrites rows [i0, i1) of c (m × n) with the same rows of a (m × k) · b (k × n). */
    void rows(int i0, int i1, int n, int k, float[] a, float[] b, float[] c);
}
