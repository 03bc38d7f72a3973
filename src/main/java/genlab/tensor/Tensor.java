package genlab.tensor;

import genlab.kernels.Backend;
import genlab.kernels.Binary;
import genlab.tensor.ops.Abs;
import genlab.tensor.ops.Add;
import genlab.tensor.ops.Gelu;
import genlab.tensor.ops.Silu;
import genlab.tensor.ops.Softplus;
import genlab.tensor.ops.Sigmoid;
import genlab.tensor.ops.Tanh;
import genlab.tensor.ops.LeakyRelu;
import genlab.tensor.ops.Relu;
import genlab.tensor.ops.Clamp;
import genlab.tensor.ops.Concat;
import genlab.tensor.ops.Div;
import genlab.tensor.ops.Exp;
import genlab.tensor.ops.Expand;
import genlab.tensor.ops.Log;
import genlab.tensor.ops.LogSumExp;
import genlab.tensor.ops.MatMul;
import genlab.tensor.ops.Max;
import genlab.tensor.ops.Maximum;
import genlab.tensor.ops.Mean;
import genlab.tensor.ops.Mul;
import genlab.tensor.ops.Neg;
import genlab.tensor.ops.Pad;
import genlab.tensor.ops.Permute;
import genlab.tensor.ops.Pow;
import genlab.tensor.ops.Reshape;
import genlab.tensor.ops.Slice;
import genlab.tensor.ops.Sqrt;
import genlab.tensor.ops.Stack;
import genlab.tensor.ops.Sub;
import genlab.tensor.ops.Sum;
import genlab.tensor.ops.SumTo;
import genlab.tensor.ops.Var;
import genlab.tensor.ops.Where;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An n-dimensional array of float32 with reverse-mode automatic differentiation.
 *
 * <p>Data is a contiguous row-major {@code float[]}; shapes broadcast as in NumPy. Every op is a
 * class in {@code genlab.tensor.ops} that computes its output with one kernel call and records a
 * {@link Node} with its vector-Jacobian product; the methods here are shorthands for them.
 * {@link #backward()} walks the recorded graph in reverse topological order ({@link Autograd}).
 *
 * <p>Tensors are immutable as far as ops are concerned: no op writes into its inputs. The only
 * in-place writers are optimisers (on parameters' data) and checkpoint loading, and they say so.
 */
public final class Tensor {
    private final float[] data;
    private final int[] shape;
    private final Node node;
    private boolean requiresGrad;
    private Tensor grad;
    /** True when {@link #grad}'s array was made by {@link #accumulateGrad} and is held by no other tensor. */
    private boolean gradOwned;

    private Tensor(float[] data, int[] shape, Node node, boolean requiresGrad) {
        this.data = data;
        this.shape = shape;
        this.node = node;
        this.requiresGrad = requiresGrad;
    }

    // ---------------------------------------------------------------- factories

    /** Wraps {@code data} (not copied) as a tensor of {@code shape}. */
    public static Tensor of(float[] data, int... shape) {
        int n = Shapes.numel(shape);
        if (data.length != n) {
            throw new IllegalArgumentException("Tensor.of: " + data.length + " values do not fill shape " + Shapes.str(shape) + " (" + n + " elements)");
        }
        return new Tensor(data, shape.clone(), null, false);
    }

    /** A 0-dimensional tensor. */
    public static Tensor scalar(float value) {
        return new Tensor(new float[] {value}, new int[0], null, false);
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(new float[Shapes.numel(shape)], shape.clone(), null, false);
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    public static Tensor full(float value, int... shape) {
        float[] d = new float[Shapes.numel(shape)];
        Arrays.fill(d, value);
        return new Tensor(d, shape.clone(), null, false);
    }

    /** Samples of N(0, 1). */
    public static Tensor randn(RandomGenerator rng, int... shape) {
        float[] d = new float[Shapes.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) rng.nextGaussian();
        return new Tensor(d, shape.clone(), null, false);
    }

    /** Samples of U[0, 1). */
    public static Tensor rand(RandomGenerator rng, int... shape) {
        float[] d = new float[Shapes.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = rng.nextFloat();
        return new Tensor(d, shape.clone(), null, false);
    }

    /** 0, 1, ..., n − 1 as floats, shape (n,). */
    public static Tensor arange(int n) {
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = i;
        return new Tensor(d, new int[] {n}, null, false);
    }

    /**
     * The output of an op: records {@code node} when gradients are enabled and any input requires
     * one. Called by the op classes, not by users.
     */
    public static Tensor fromOp(float[] data, int[] shape, String op, Node.Backward backward, Tensor... inputs) {
        boolean track = false;
        if (Autograd.isGradEnabled()) {
            for (Tensor t : inputs) track |= t != null && t.requiresGrad;
        }
        return new Tensor(data, shape, track ? new Node(op, inputs, backward) : null, track);
    }

    // ---------------------------------------------------------------- accessors

    /** The row-major backing array (shared, not copied). */
    public float[] data() {
        return data;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int dim() {
        return shape.length;
    }

    /** The size of one axis; negative axes count from the end. */
    public int size(int axis) {
        return shape[Shapes.axis(axis, shape.length)];
    }

    public int numel() {
        return data.length;
    }

    /** The single value of a one-element tensor. */
    public float item() {
        if (data.length != 1) throw new IllegalStateException("item(): tensor of shape " + Shapes.str(shape) + " has " + data.length + " elements, not 1");
        return data[0];
    }

    /** The value at a multi-index. */
    public float get(int... index) {
        if (index.length != shape.length) throw new IllegalArgumentException("get: " + index.length + " indices for shape " + Shapes.str(shape));
        int off = 0;
        for (int d = 0; d < index.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) throw new IndexOutOfBoundsException("get: index " + Arrays.toString(index) + " out of shape " + Shapes.str(shape));
            off = off * shape[d] + index[d];
        }
        return data[off];
    }

    /** The op that made this tensor, or null for a leaf. */
    public Node node() {
        return node;
    }

    public boolean isLeaf() {
        return node == null;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf as a variable whose gradient {@link #backward()} should fill in. Returns this. */
    public Tensor requiresGrad(boolean on) {
        if (node != null) throw new IllegalStateException("requiresGrad: only leaf tensors can be marked; use detach() first");
        this.requiresGrad = on;
        return this;
    }

    /** The accumulated gradient (after {@link #backward()}), or null. */
    public Tensor grad() {
        return grad;
    }

    public void setGrad(Tensor g) {
        if (g != null && !Shapes.same(g.shape, shape)) {
            throw new IllegalArgumentException("setGrad: gradient shape " + Shapes.str(g.shape) + " differs from tensor shape " + Shapes.str(shape));
        }
        this.grad = g;
        this.gradOwned = false;
    }

    public void zeroGrad() {
        this.grad = null;
        this.gradOwned = false;
    }

    /**
     * Adds g (of this tensor's shape) to the accumulated gradient, for {@link Autograd}. The first
     * gradient is kept as it is (other tensors may share it); the second is summed into a new
     * array that only this tensor holds, and later ones are added into that array in place, as
     * PyTorch accumulates {@code .grad}: no new array per backward pass. With
     * {@code createGraph} every sum is an op of the graph instead.
     */
    void accumulateGrad(Tensor g, boolean createGraph) {
        if (grad == null) {
            setGrad(g);
        } else if (gradOwned && !createGraph) {
            int[] strides = Shapes.broadcastStrides(shape, shape);
            Backend.current().binary(Binary.ADD, shape, grad.data, strides, g.data, strides, grad.data);
        } else {
            setGrad(grad.add(g));
            gradOwned = !createGraph;
        }
    }

    /** The same data, cut from the graph. */
    public Tensor detach() {
        return new Tensor(data, shape, null, false);
    }

    /** A deep copy of the data, cut from the graph. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape, null, false);
    }

    /** d(this)/d(leaves), accumulated into each leaf's {@link #grad()}; this must have one element. */
    public void backward() {
        Autograd.backward(this, null, false);
    }

    /** Backward with an explicit output gradient {@code seed} of this tensor's shape. */
    public void backward(Tensor seed) {
        Autograd.backward(this, seed, false);
    }

    // ---------------------------------------------------------------- elementwise

    public Tensor add(Tensor o) { return Add.apply(this, o); }
    public Tensor add(float s) { return Add.apply(this, scalar(s)); }
    public Tensor sub(Tensor o) { return Sub.apply(this, o); }
    public Tensor sub(float s) { return Sub.apply(this, scalar(s)); }
    /** s − this. */
    public Tensor rsub(float s) { return Sub.apply(scalar(s), this); }
    public Tensor mul(Tensor o) { return Mul.apply(this, o); }
    public Tensor mul(float s) { return Mul.apply(this, scalar(s)); }
    public Tensor div(Tensor o) { return Div.apply(this, o); }
    public Tensor div(float s) { return Div.apply(this, scalar(s)); }
    public Tensor neg() { return Neg.apply(this); }
    public Tensor pow(float p) { return Pow.apply(this, scalar(p)); }
    public Tensor pow(Tensor p) { return Pow.apply(this, p); }
    public Tensor exp() { return Exp.apply(this); }
    public Tensor log() { return Log.apply(this); }
    public Tensor sqrt() { return Sqrt.apply(this); }
    public Tensor abs() { return Abs.apply(this); }
    public Tensor square() { return Mul.apply(this, this); }
    public Tensor maximum(Tensor o) { return Maximum.apply(this, o, true); }
    public Tensor minimum(Tensor o) { return Maximum.apply(this, o, false); }
    public Tensor clamp(float lo, float hi) { return Clamp.apply(this, lo, hi); }
    /** cond ≠ 0 ? a : b (cond is not differentiated). */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) { return Where.apply(cond, a, b); }

    // ---------------------------------------------------------------- activations

    public Tensor relu() { return Relu.apply(this); }
    public Tensor leakyRelu(float slope) { return LeakyRelu.apply(this, slope); }
    public Tensor tanh() { return Tanh.apply(this); }
    public Tensor sigmoid() { return Sigmoid.apply(this); }
    public Tensor softplus() { return Softplus.apply(this); }
    public Tensor silu() { return Silu.apply(this); }
    public Tensor gelu() { return Gelu.apply(this); }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements, shape (). */
    public Tensor sum() { return Sum.apply(this, allAxes(), false); }
    public Tensor sum(int axis, boolean keepDim) { return Sum.apply(this, new int[] {axis}, keepDim); }
    public Tensor sum(int[] axes, boolean keepDim) { return Sum.apply(this, axes, keepDim); }
    public Tensor mean() { return Mean.apply(this, allAxes(), false); }
    public Tensor mean(int axis, boolean keepDim) { return Mean.apply(this, new int[] {axis}, keepDim); }
    public Tensor mean(int[] axes, boolean keepDim) { return Mean.apply(this, axes, keepDim); }
    public Tensor max() { return Max.apply(reshape(numel()), 0, false); }
    public Tensor max(int axis, boolean keepDim) { return Max.apply(this, axis, keepDim); }
    public Tensor logsumexp(int axis, boolean keepDim) { return LogSumExp.apply(this, axis, keepDim); }
    /** Variance over axes with Bessel's correction {@code correction} (0: biased, 1: unbiased). */
    public Tensor var(int[] axes, boolean keepDim, int correction) { return Var.apply(this, axes, keepDim, correction); }
    /** Reduces a broadcast gradient back to {@code target} shape by summing the broadcast axes. */
    public Tensor sumTo(int[] target) { return SumTo.apply(this, target); }

    // ---------------------------------------------------------------- composed

    /** softmax(x) = exp(x − logsumexp(x)) along {@code axis}. */
    public Tensor softmax(int axis) { return sub(logsumexp(axis, true)).exp(); }
    /** log softmax(x) = x − logsumexp(x) along {@code axis}. */
    public Tensor logSoftmax(int axis) { return sub(logsumexp(axis, true)); }

    // ---------------------------------------------------------------- movement

    public Tensor reshape(int... newShape) { return Reshape.apply(this, newShape); }
    /** Keeps the first {@code startAxis} axes and flattens the rest: (B, C, H, W).flatten(1) is (B, C·H·W). */
    public Tensor flatten(int startAxis) {
        int s = Shapes.axis(startAxis, shape.length);
        int[] ns = Arrays.copyOf(shape, s + 1);
        ns[s] = Shapes.numel(Arrays.copyOfRange(shape, s, shape.length));
        return reshape(ns);
    }
    public Tensor unsqueeze(int axis) {
        int a = axis < 0 ? axis + shape.length + 1 : axis;
        int[] ns = new int[shape.length + 1];
        for (int i = 0, j = 0; i < ns.length; i++) ns[i] = i == a ? 1 : shape[j++];
        return reshape(ns);
    }
    public Tensor squeeze(int axis) {
        int a = Shapes.axis(axis, shape.length);
        if (shape[a] != 1) throw new IllegalArgumentException("squeeze: axis " + axis + " of " + Shapes.str(shape) + " has size " + shape[a] + ", not 1");
        int[] ns = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) if (i != a) ns[j++] = shape[i];
        return reshape(ns);
    }
    public Tensor permute(int... axes) { return Permute.apply(this, axes); }
    public Tensor transpose(int a, int b) {
        int[] p = allAxes();
        int x = Shapes.axis(a, shape.length), y = Shapes.axis(b, shape.length);
        p[x] = y;
        p[y] = x;
        return permute(p);
    }
    /** Elements {@code start} (inclusive) to {@code end} (exclusive) along {@code axis}. */
    public Tensor slice(int axis, int start, int end) {
        int a = Shapes.axis(axis, shape.length);
        int[] starts = new int[shape.length], ends = shape.clone();
        starts[a] = start;
        ends[a] = end;
        return Slice.apply(this, starts, ends);
    }
    /** Zero padding: {@code before[d]} and {@code after[d]} elements on each axis. */
    public Tensor pad(int[] before, int[] after) { return Pad.apply(this, before, after); }
    public Tensor broadcastTo(int... target) { return Expand.apply(this, target); }
    public static Tensor concat(List<Tensor> parts, int axis) { return Concat.apply(parts, axis); }
    public static Tensor stack(List<Tensor> parts, int axis) { return Stack.apply(parts, axis); }

    // ---------------------------------------------------------------- linear algebra

    /**
     * Matrix product with NumPy semantics for rank ≥ 2: (..., m, k) @ (..., k, n) -> (..., m, n),
     * batch axes broadcast.
     */
    public Tensor matmul(Tensor o) { return MatMul.matmul(this, o); }

    // ---------------------------------------------------------------- helpers

    private int[] allAxes() {
        int[] a = new int[shape.length];
        for (int i = 0; i < a.length; i++) a[i] = i;
        return a;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(Shapes.str(shape));
        if (node != null) sb.append(" <").append(node.op()).append('>');
        sb.append(' ');
        int n = Math.min(data.length, 8);
        sb.append('[');
        for (int i = 0; i < n; i++) sb.append(i > 0 ? ", " : "").append(data[i]);
        if (data.length > n) sb.append(", ...");
        return sb.append(']').toString();
    }
}
