package genlab.kernels;

/**
 * The compute contract: every piece of arithmetic on flat {@code float[]} arrays that the tensor
 * library performs goes through one of these methods.
 *
 * <p>Arrays are row-major. Shapes and strides are in elements. Methods write their result into
 * {@code out} (overwriting it, never accumulating, unless the name says {@code Add}) and never
 * modify their inputs. {@link ReferenceKernels} is the specification: plain loops, obviously
 * correct. Faster implementations (the kernels issue: blocked/vectorised Java, Aparapi OpenCL)
 * must agree with it, and are checked against it by parity tests.
 *
 * <p>The contract, in the spirit of early tinygrad, is small:
 * <ul>
 *   <li>elementwise: {@link #unary}, {@link #binary} (with broadcasting strides), {@link #where};</li>
 *   <li>one fused loss: {@link #bceWithLogits} (value and gradient in one pass);</li>
 *   <li>reductions along one axis: {@link #reduce};</li>
 *   <li>movement: {@link #copy} (strided: permute, slice, pad, broadcast all reduce to it);</li>
 *   <li>indexing: {@link #gather}, {@link #scatterAdd};</li>
 *   <li>processing: {@link #gemm}, the three convolution kernels, {@link #maxPool2d};</li>
 *   <li>optimiser updates: {@link #sgdStep}, {@link #adamStep}.</li>
 * </ul>
 */
public interface Kernels {

    /** Short name as used by {@code --backend}: {@code reference}, {@code cpu}, {@code opencl}. */
    String name();

    /** The device the arithmetic runs on, in words (printed at the start of every run). */
    String device();

    /** {@code out[i] = op(x[i])} for {@code i < n}. {@code out} may be {@code x}. */
    void unary(Unary op, float[] x, float[] out, int n);

    /** {@code out[i] = op(x[i], s)} with a scalar right operand, for {@code i < n}. */
    void unaryScalar(Binary op, float[] x, float s, float[] out, int n);

    /**
     * Broadcasting elementwise: for every index {@code i} of {@code shape},
     * {@code out[flat(i)] = op(a[aOff + i·aStrides], b[bOff + i·bStrides])}. A broadcast axis has
     * stride 0. {@code out} is contiguous.
     */
    void binary(Binary op, int[] shape, float[] a, int[] aStrides, float[] b, int[] bStrides, float[] out);

    /**
     * Binary cross-entropy on logits, elementwise, for {@code i < n}:
     * {@code loss[i] = softplus(l[i]) − x[i]·l[i]} (= −[x ln σ(l) + (1 − x) ln(1 − σ(l))], finite for
     * every finite l) and, unless {@code grad} is null, its derivative in l,
     * {@code grad[i] = σ(l[i]) − x[i]}. One pass instead of the ten elementwise ops the composed
     * form takes (softplus, products, differences, and their gradients).
     */
    void bceWithLogits(float[] logits, float[] target, float[] loss, float[] grad, int n);

    /**
     * The first index i &lt; n where x[i] is NaN or infinite, or −1 when all n values are finite
     * (the check an optimizer makes of every gradient before it changes a parameter).
     */
    default int firstNonFinite(float[] x, int n) {
        return firstNonFiniteReference(x, n);
    }

    /** {@link #firstNonFinite} element by element: the definition every kernel must agree with. */
    static int firstNonFiniteReference(float[] x, int n) {
        for (int i = 0; i < n; i++) if (!Float.isFinite(x[i])) return i;
        return -1;
    }

    /** {@code out = cond != 0 ? a : b}, broadcasting like {@link #binary}. */
    void where(int[] shape, float[] cond, int[] cStrides, float[] a, int[] aStrides, float[] b, int[] bStrides,
               float[] out);

    /**
     * Reduces the middle axis of {@code x} viewed as {@code (outer, n, inner)}:
     * {@code out[o, i] = op_{j < n} x[o, j, i]}; {@code out} has {@code outer·inner} elements.
     */
    void reduce(Reduce op, float[] x, int outer, int n, int inner, float[] out);

    /**
     * Strided copy: for every index {@code i} of {@code shape},
     * {@code dst[dstOff + i·dstStrides] = src[srcOff + i·srcStrides]}.
     */
    void copy(int[] shape, float[] src, int srcOff, int[] srcStrides, float[] dst, int dstOff, int[] dstStrides);

    /** {@code out[i] = src[index[i]]} for {@code i < index.length}. */
    void gather(float[] src, int[] index, float[] out);

    /** {@code out[index[i]] += src[i]} for {@code i < index.length} ({@code out} is accumulated into). */
    void scatterAdd(float[] src, int[] index, float[] out);

    /**
     * Batched matrix product {@code C[b] = op(A[b]) · op(B[b])}, {@code C[b]} of shape (m, n),
     * where {@code op(A)} is A or Aᵀ. Stored shapes: A is (m, k), or (k, m) when {@code transA};
     * B is (k, n), or (n, k) when {@code transB}. Batches are contiguous: A[b] starts at
     * {@code b·m·k}, B[b] at {@code b·k·n} (or 0 for every b when {@code bBroadcast}), C[b] at
     * {@code b·m·n}.
     */
    void gemm(int batch, int m, int n, int k, float[] a, boolean transA, float[] b, boolean transB,
              boolean bBroadcast, float[] c);

    /** Convolution (cross-correlation, as in PyTorch): {@code y (N, Cout, Ho, Wo) = x (N, Cin, H, W) ⋆ w (Cout, Cin, kh, kw)}. */
    void conv2d(ConvGeometry g, float[] x, float[] w, float[] y);

    /** The adjoint of {@link #conv2d} in x: {@code gx (N, Cin, H, W)} from {@code gy (N, Cout, Ho, Wo)} and w. Also conv-transpose forward. */
    void conv2dInputGrad(ConvGeometry g, float[] gy, float[] w, float[] gx);

    /** The adjoint of {@link #conv2d} in w: {@code gw (Cout, Cin, kh, kw)} from x and gy. */
    void conv2dWeightGrad(ConvGeometry g, float[] x, float[] gy, float[] gw);

    /**
     * Max pooling per channel ({@code g.inChannels() == g.outChannels()}, weights unused): writes
     * the maxima to {@code y} and, in {@code argmax}, the flat index into x of each maximum
     * (padding never wins).
     */
    void maxPool2d(ConvGeometry g, float[] x, float[] y, int[] argmax);

    /** SGD with momentum and (coupled) weight decay, in place on p and the velocity buffer. */
    void sgdStep(float[] p, float[] grad, float[] velocity, int n, float lr, float momentum, float dampening,
                 boolean nesterov, float weightDecay);

    /**
     * One Adam/AdamW step in place on p, m, v. {@code biasCorrection1 = 1 − β1^t},
     * {@code biasCorrection2 = 1 − β2^t}; {@code decoupled} selects AdamW's weight decay
     * ({@code p −= lr·λ·p}) instead of L2 added to the gradient.
     */
    void adamStep(float[] p, float[] grad, float[] m, float[] v, int n, float lr, float beta1, float beta2,
                  float eps, float weightDecay, boolean decoupled, float biasCorrection1, float biasCorrection2);

    /**
     * Host code wrote into {@code data} in place, outside these methods (an initialiser, a
     * checkpoint load, an EMA swap): kernels that keep a device copy of an array must not use it
     * again. Every such write in the project reports itself through {@link Backend#hostWrote};
     * kernels that keep no copies ignore it. Filling a newly allocated array (a data loader's
     * batch, an op's output) needs no report: no kernel has seen that array yet.
     */
    default void hostWrote(float[] data) {}

    /**
     * Any array may have been written: {@link Backend#use} calls this when these kernels become
     * current, since writes made while other kernels were current went unseen.
     */
    default void hostWroteAny() {}
}
