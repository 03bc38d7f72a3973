package genlab.kernels.cpu;

import genlab.kernels.Unary;

/**
 * The elementwise functions that need exp or log and that a training step spends time in
 * (sigmoid, softplus, and the fused BCE-with-logits loss built on them): scalar
 * {@code Math.exp}/{@code Math.log} calls unless vectorised. Two implementations, as for the
 * GEMM's {@link MicroKernel}: {@link VectorTranscendentals} ({@code jdk.incubator.vector}) and
 * {@link ScalarTranscendentals} (plain Java).
 */
interface Transcendentals {

    /** {@code out[i] = op(x[i])} for {@code i < n}, returning true, if this class computes {@code op}; else false. */
    boolean unary(Unary op, float[] x, float[] out, int n);

    /** {@link genlab.kernels.Kernels#bceWithLogits}: loss = softplus(l) − x·l and, unless grad is null, grad = σ(l) − x. */
    void bceWithLogits(float[] logits, float[] target, float[] loss, float[] grad, int n);
}
