package genlab.kernels.cpu;

import genlab.kernels.Unary;

/**
 * The elementwise functions that need exp or log (and the fused loss built on them): the part
 * of a training step that is scalar {@code Math.exp}/{@code Math.log} calls unless it is
 * vectorised. Two implementations, as for the GEMM's {@link MicroKernel}:
 * {@link VectorTranscendentals} ({@code jdk.incubator.vector} lanewise EXP, LOG, LOG1P, TANH)
 * and {@link ScalarTranscendentals} (plain Java, bit-identical to the reference where it can be).
 */
interface Transcendentals {

    /** {@code out[i] = op(x[i])} for {@code i < n}, returning true, if this class computes {@code op}; else false. */
    boolean unary(Unary op, float[] x, float[] out, int n);

    /** {@link genlab.kernels.Kernels#bceWithLogits}: loss = softplus(l) − x·l and, unless grad is null, grad = σ(l) − x. */
    void bceWithLogits(float[] logits, float[] target, float[] loss, float[] grad, int n);
}
