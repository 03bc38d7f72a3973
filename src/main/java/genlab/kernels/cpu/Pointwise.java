package genlab.kernels.cpu;

import genlab.kernels.Unary;

/**
 * The pointwise functions a training step spends time in that the JIT does not vectorise by
 * itself: those that need exp or log (sigmoid, softplus, and the fused BCE-with-logits loss built
 * on them: scalar {@code Math.exp}/{@code Math.log} calls), those whose scalar loop branches on
 * the data (relu and its derivative, the step function: a mispredicted branch for about every
 * other element of a layer's activations), and the finite check an optimizer makes of every
 * gradient (a loop with an early exit). Two implementations, as for the GEMM's
 * {@link MicroKernel}: {@link VectorPointwise} ({@code jdk.incubator.vector}) and
 * {@link ScalarPointwise} (plain Java).
 */
interface Pointwise {

    /** {@code out[i] = op(x[i])} for {@code i < n}, returning true, if this class computes {@code op}; else false. */
    boolean unary(Unary op, float[] x, float[] out, int n);

    /** {@link genlab.kernels.Kernels#bceWithLogits}: loss = softplus(l) − x·l and, unless grad is null, grad = σ(l) − x. */
    void bceWithLogits(float[] logits, float[] target, float[] loss, float[] grad, int n);

    /** {@link genlab.kernels.Kernels#firstNonFinite}: the first i &lt; n with x[i] NaN or infinite, or −1. */
    int firstNonFinite(float[] x, int n);
}
