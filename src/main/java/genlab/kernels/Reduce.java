package genlab.kernels;

/** Reductions along one axis, as used by {@link Kernels#reduce}. */
public enum Reduce {
    /** Σ x (accumulated in double by the reference kernel). */
    SUM,
    /** max x. */
    MAX
}
