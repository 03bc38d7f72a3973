package genlab.kernels.cpu;

import genlab.kernels.Binary;
import genlab.kernels.ConvGeometry;
import genlab.kernels.Kernels;
import genlab.kernels.Reduce;
import genlab.kernels.ReferenceKernels;
import genlab.kernels.Unary;

/**
 * The fast CPU kernels ({@code --backend cpu}): the project's own Java, checked element by element
 * against {@link ReferenceKernels} by the parity tests.
 *
 * <ul>
 *   <li>{@link #gemm}: packed, cache-blocked, register-blocked ({@link Gemm}); the micro-kernel
 *       uses {@code jdk.incubator.vector} when the module is enabled ({@link VectorMicroKernel}),
 *       plain Java otherwise ({@link ScalarMicroKernel}).</li>
 *   <li>The convolutions: im2col + GEMM ({@link Conv}).</li>
 *   <li>The ops a training step spends its time in besides those (elementwise with contiguous
 *       and bias-broadcast fast paths, reductions, transposing copies, Adam): {@link Elementwise}.</li>
 *   <li>sigmoid, softplus, the fused BCE-with-logits loss, relu and the finite check: {@link Pointwise},
 *       vectorised with {@code jdk.incubator.vector} when the module is enabled
 *       ({@link VectorPointwise}: its own exp and log1p, within a few ulps of the
 *       reference), plain Java otherwise ({@link ScalarPointwise}).</li>
 *   <li>Everything else (gather, scatter, pooling, SGD) is the reference code: not hot.</li>
 * </ul>
 *
 * <p>Large products run on several threads ({@link #threads()}, default: every available core).
 * The products' sums are not accumulated in double as in the reference, so results differ from it
 * by float rounding (growing with the length of a sum); reductions along the contiguous axis add
 * eight double partial sums (at most about one float ulp from the reference's single chain). All
 * are deterministic: the same inputs give the same bits, whatever the thread count.
 */
public final class CpuKernels implements Kernels {
    private final ReferenceKernels reference = new ReferenceKernels();
    private final Parallel parallel;
    private final Gemm gemm;
    private final Conv conv;
    private final Pointwise pointwise;
    private final boolean vector;

    /** Every available core, the Vector API when the module is enabled. */
    public CpuKernels() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** {@code threads} threads, the Vector API when the module is enabled. */
    public CpuKernels(int threads) {
        this(threads, VectorSupport.available());
    }

    /**
     * {@code threads} threads; {@code useVector} selects the Vector API micro-kernel (refused when
     * the module is not enabled) or, when false, the plain-Java one.
     */
    public CpuKernels(int threads, boolean useVector) {
        this(threads, useVector, Gemm.KC, Gemm.MC, Gemm.NC);
    }

    /** With the GEMM's block sizes given (tests use small ones so odd shapes cross every block edge). */
    CpuKernels(int threads, boolean useVector, int kc, int mc, int nc) {
        if (threads < 1) throw new IllegalArgumentException("cpu kernels: threads must be at least 1, got " + threads);
        if (useVector && !VectorSupport.available()) {
            throw new IllegalArgumentException("cpu kernels: jdk.incubator.vector is not enabled (start the JVM with --add-modules jdk.incubator.vector)");
        }
        this.parallel = new Parallel(threads);
        this.vector = useVector;
        MicroKernel mk = useVector ? VectorSupport.create("VectorMicroKernel", MicroKernel.class) : new ScalarMicroKernel();
        this.gemm = new Gemm(mk, parallel, kc, mc, nc);
        this.conv = new Conv(gemm, parallel);
        this.pointwise = useVector ? VectorSupport.create("VectorPointwise", Pointwise.class)
                : new ScalarPointwise();
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String device() {
        String how = vector ? gemm.kernel().describe()
                : VectorSupport.available() ? "plain Java (Vector API switched off)" : "plain Java (jdk.incubator.vector not enabled)";
        return "CPU, " + threads() + (threads() == 1 ? " thread, " : " threads, ") + how;
    }

    /** How many threads large kernels use. */
    public int threads() {
        return parallel.threads();
    }

    /** Whether the micro-kernel uses the Vector API. */
    public boolean vectorized() {
        return vector;
    }

    // ---------------------------------------------------------------- elementwise

    @Override
    public void unary(Unary op, float[] x, float[] out, int n) {
        if (!pointwise.unary(op, x, out, n)) Elementwise.unary(op, x, out, n);
    }

    @Override
    public void bceWithLogits(float[] logits, float[] target, float[] loss, float[] grad, int n) {
        pointwise.bceWithLogits(logits, target, loss, grad, n);
    }

    @Override
    public int firstNonFinite(float[] x, int n) {
        return pointwise.firstNonFinite(x, n);
    }

    @Override
    public void unaryScalar(Binary op, float[] x, float s, float[] out, int n) {
        Elementwise.unaryScalar(op, x, s, out, n);
    }

    @Override
    public void binary(Binary op, int[] shape, float[] a, int[] aStrides, float[] b, int[] bStrides, float[] out) {
        Elementwise.binary(op, shape, a, aStrides, b, bStrides, out);
    }

    @Override
    public void where(int[] shape, float[] cond, int[] cStrides, float[] a, int[] aStrides, float[] b, int[] bStrides,
                      float[] out) {
        reference.where(shape, cond, cStrides, a, aStrides, b, bStrides, out);
    }

    @Override
    public void reduce(Reduce op, float[] x, int outer, int n, int inner, float[] out) {
        if (op != Reduce.SUM || !Elementwise.sum(x, outer, n, inner, out)) reference.reduce(op, x, outer, n, inner, out);
    }

    @Override
    public void copy(int[] shape, float[] src, int srcOff, int[] srcStrides, float[] dst, int dstOff, int[] dstStrides) {
        Elementwise.copy(shape, src, srcOff, srcStrides, dst, dstOff, dstStrides);
    }

    @Override
    public void gather(float[] src, int[] index, float[] out) {
        reference.gather(src, index, out);
    }

    @Override
    public void scatterAdd(float[] src, int[] index, float[] out) {
        reference.scatterAdd(src, index, out);
    }

    // ---------------------------------------------------------------- products

    @Override
    public void gemm(int batch, int m, int n, int k, float[] a, boolean transA, float[] b, boolean transB,
                     boolean bBroadcast, float[] c) {
        int lda = transA ? m : k, ldb = transB ? k : n;
        long sizeA = (long) m * k, sizeB = bBroadcast ? 0 : (long) k * n, sizeC = (long) m * n;
        if (batch > 1 && threads() > 1 && sizeC * k < (1L << 20)) {
            // Many small products: one per task, each single-threaded.
            parallel.forEach(batch, bt -> gemm.multiply(m, n, k, a, Math.toIntExact(bt * sizeA), lda, transA,
                    b, Math.toIntExact(bt * sizeB), ldb, transB, c, Math.toIntExact(bt * sizeC), n, false, false));
            return;
        }
        for (int bt = 0; bt < batch; bt++) {
            gemm.multiply(m, n, k, a, Math.toIntExact(bt * sizeA), lda, transA, b, Math.toIntExact(bt * sizeB), ldb, transB,
                    c, Math.toIntExact(bt * sizeC), n, false, true);
        }
    }

    @Override
    public void conv2d(ConvGeometry g, float[] x, float[] w, float[] y) {
        conv.forward(g, x, w, y);
    }

    @Override
    public void conv2dInputGrad(ConvGeometry g, float[] gy, float[] w, float[] gx) {
        conv.inputGrad(g, gy, w, gx);
    }

    @Override
    public void conv2dWeightGrad(ConvGeometry g, float[] x, float[] gy, float[] gw) {
        conv.weightGrad(g, x, gy, gw);
    }

    @Override
    public void maxPool2d(ConvGeometry g, float[] x, float[] y, int[] argmax) {
        reference.maxPool2d(g, x, y, argmax);
    }

    // ---------------------------------------------------------------- optimisers

    @Override
    public void sgdStep(float[] p, float[] grad, float[] velocity, int n, float lr, float momentum, float dampening,
                        boolean nesterov, float weightDecay) {
        reference.sgdStep(p, grad, velocity, n, lr, momentum, dampening, nesterov, weightDecay);
    }

    @Override
    public void adamStep(float[] p, float[] grad, float[] m, float[] v, int n, float lr, float beta1, float beta2,
                         float eps, float weightDecay, boolean decoupled, float biasCorrection1,
                         float biasCorrection2) {
        Elementwise.adamStep(p, grad, m, v, n, lr, beta1, beta2, eps, weightDecay, decoupled, biasCorrection1, biasCorrection2);
    }
}
