package genlab.kernels.cpu;

import genlab.kernels.Binary;
import genlab.kernels.Unary;

/**
 * The elementwise kernels a training step spends its time in besides the products: broadcasting
 * binary ops, strided copies, the common unary ops and the Adam update.
 *
 * <p>The reference walks every element with a multi-index and recomputes each operand's offset
 * from it (a loop over the axes per element, per operand). Here the shape is first collapsed:
 * neighbouring axes merge whenever every operand steps through them as through one axis
 * ({@code stride[d] == stride[d+1]·shape[d+1]}), so a contiguous tensor becomes one axis and a
 * bias broadcast over a batch becomes (rows, cols) with b's row stride 0. Then the last axis runs
 * as a plain loop with fixed strides, specialised for the cases the JIT can vectorise (both
 * strides 1, or one operand a broadcast scalar), while the outer axes advance the offsets
 * incrementally.
 *
 * <p>Binary ops, copies and unary ops compute exactly {@link Binary#apply}/{@link Unary#apply}
 * element by element, so their results are bit-identical to the reference. The Adam update is
 * done in float (the reference uses double for the bias-corrected moments), which differs from
 * it by float rounding only.
 */
final class Elementwise {
    private Elementwise() {}

    /** A shape with its operands' strides, neighbouring axes merged where every operand allows it. */
    private record Collapsed(int[] shape, int[][] strides) {
        int dims() {
            return shape.length;
        }
    }

    /** Merges axes d and d+1 when, for every operand, stride[d] == stride[d+1]·shape[d+1]; drops size-1 axes. */
    private static Collapsed collapse(int[] shape, int[]... strides) {
        int n = shape.length, ops = strides.length;
        int[] sh = new int[n];
        int[][] st = new int[ops][n];
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (shape[i] == 1) continue;             // size-1 axes move no operand
            boolean merge = d > 0;
            for (int o = 0; o < ops && merge; o++) merge = st[o][d - 1] == strides[o][i] * shape[i];
            if (merge) {
                sh[d - 1] *= shape[i];
                for (int o = 0; o < ops; o++) st[o][d - 1] = strides[o][i];
            } else {
                sh[d] = shape[i];
                for (int o = 0; o < ops; o++) st[o][d] = strides[o][i];
                d++;
            }
        }
        if (d == 0) return new Collapsed(new int[] {1}, new int[ops][1]);   // a single element
        int[][] out = new int[ops][];
        for (int o = 0; o < ops; o++) out[o] = java.util.Arrays.copyOf(st[o], d);
        return new Collapsed(java.util.Arrays.copyOf(sh, d), out);
    }

    private static int[] contiguous(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            s[d] = acc;
            acc *= shape[d];
        }
        return s;
    }

    private static long numel(int[] shape) {
        long n = 1;
        for (int s : shape) n *= s;
        return n;
    }

    // ---------------------------------------------------------------- binary

    static void binary(Binary op, int[] shape, float[] a, int[] aStrides, float[] b, int[] bStrides, float[] out) {
        if (numel(shape) == 0) return;
        Collapsed c = collapse(shape, aStrides, bStrides, contiguous(shape));
        int dims = c.dims(), inner = c.shape()[dims - 1];
        int[] sa = c.strides()[0], sb = c.strides()[1];
        int ia = sa[dims - 1], ib = sb[dims - 1];
        int[] idx = new int[dims];
        int ao = 0, bo = 0;
        long outer = numel(c.shape()) / inner;
        for (long r = 0; r < outer; r++) {
            row(op, a, ao, ia, b, bo, ib, out, (int) (r * inner), inner);
            // advance the outer multi-index (axes 0 .. dims-2) and the operand offsets with it
            for (int d = dims - 2; d >= 0; d--) {
                ao += sa[d];
                bo += sb[d];
                if (++idx[d] < c.shape()[d]) break;
                ao -= sa[d] * c.shape()[d];
                bo -= sb[d] * c.shape()[d];
                idx[d] = 0;
            }
        }
    }

    /** out[o + j] = op(a[ao + j·ia], b[bo + j·ib]) for j < n. */
    private static void row(Binary op, float[] a, int ao, int ia, float[] b, int bo, int ib, float[] out, int o, int n) {
        switch (op) {
            case ADD -> {
                if (ia == 1 && ib == 1) for (int j = 0; j < n; j++) out[o + j] = a[ao + j] + b[bo + j];
                else if (ia == 1 && ib == 0) { float s = b[bo]; for (int j = 0; j < n; j++) out[o + j] = a[ao + j] + s; }
                else if (ia == 0 && ib == 1) { float s = a[ao]; for (int j = 0; j < n; j++) out[o + j] = s + b[bo + j]; }
                else for (int j = 0; j < n; j++) out[o + j] = a[ao + j * ia] + b[bo + j * ib];
            }
            case SUB -> {
                if (ia == 1 && ib == 1) for (int j = 0; j < n; j++) out[o + j] = a[ao + j] - b[bo + j];
                else if (ia == 1 && ib == 0) { float s = b[bo]; for (int j = 0; j < n; j++) out[o + j] = a[ao + j] - s; }
                else if (ia == 0 && ib == 1) { float s = a[ao]; for (int j = 0; j < n; j++) out[o + j] = s - b[bo + j]; }
                else for (int j = 0; j < n; j++) out[o + j] = a[ao + j * ia] - b[bo + j * ib];
            }
            case MUL -> {
                if (ia == 1 && ib == 1) for (int j = 0; j < n; j++) out[o + j] = a[ao + j] * b[bo + j];
                else if (ia == 1 && ib == 0) { float s = b[bo]; for (int j = 0; j < n; j++) out[o + j] = a[ao + j] * s; }
                else if (ia == 0 && ib == 1) { float s = a[ao]; for (int j = 0; j < n; j++) out[o + j] = s * b[bo + j]; }
                else for (int j = 0; j < n; j++) out[o + j] = a[ao + j * ia] * b[bo + j * ib];
            }
            case DIV -> {
                if (ia == 1 && ib == 1) for (int j = 0; j < n; j++) out[o + j] = a[ao + j] / b[bo + j];
                else if (ia == 1 && ib == 0) { float s = b[bo]; for (int j = 0; j < n; j++) out[o + j] = a[ao + j] / s; }
                else if (ia == 0 && ib == 1) { float s = a[ao]; for (int j = 0; j < n; j++) out[o + j] = s / b[bo + j]; }
                else for (int j = 0; j < n; j++) out[o + j] = a[ao + j * ia] / b[bo + j * ib];
            }
            case MAX -> { for (int j = 0; j < n; j++) out[o + j] = Math.max(a[ao + j * ia], b[bo + j * ib]); }
            case GT -> { for (int j = 0; j < n; j++) out[o + j] = a[ao + j * ia] > b[bo + j * ib] ? 1f : 0f; }
            default -> { for (int j = 0; j < n; j++) out[o + j] = op.apply(a[ao + j * ia], b[bo + j * ib]); }
        }
    }

    // ---------------------------------------------------------------- copy

    static void copy(int[] shape, float[] src, int srcOff, int[] srcStrides, float[] dst, int dstOff, int[] dstStrides) {
        if (numel(shape) == 0) return;
        Collapsed c = collapse(shape, srcStrides, dstStrides);
        int dims = c.dims(), inner = c.shape()[dims - 1];
        int[] ss = c.strides()[0], ds = c.strides()[1];
        int is = ss[dims - 1], id = ds[dims - 1];
        int[] idx = new int[dims];
        int so = srcOff, dof = dstOff;
        long outer = numel(c.shape()) / inner;
        for (long r = 0; r < outer; r++) {
            if (is == 1 && id == 1) System.arraycopy(src, so, dst, dof, inner);
            else if (is == 0 && id == 1) java.util.Arrays.fill(dst, dof, dof + inner, src[so]);
            else for (int j = 0; j < inner; j++) dst[dof + j * id] = src[so + j * is];
            for (int d = dims - 2; d >= 0; d--) {
                so += ss[d];
                dof += ds[d];
                if (++idx[d] < c.shape()[d]) break;
                so -= ss[d] * c.shape()[d];
                dof -= ds[d] * c.shape()[d];
                idx[d] = 0;
            }
        }
    }

    // ---------------------------------------------------------------- unary

    static void unary(Unary op, float[] x, float[] out, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) out[i] = -x[i]; }
            case RELU -> { for (int i = 0; i < n; i++) out[i] = x[i] > 0 ? x[i] : 0f; }
            case STEP -> { for (int i = 0; i < n; i++) out[i] = x[i] > 0 ? 1f : 0f; }
            case ABS -> { for (int i = 0; i < n; i++) out[i] = Math.abs(x[i]); }
            case SIGMOID -> {
                // the reference's formula with its exp computed once: Math.exp is deterministic, so the bits agree
                for (int i = 0; i < n; i++) {
                    float v = x[i];
                    if (v >= 0) out[i] = (float) (1 / (1 + Math.exp(-v)));
                    else {
                        double e = Math.exp(v);
                        out[i] = (float) (e / (1 + e));
                    }
                }
            }
            case TANH -> { for (int i = 0; i < n; i++) out[i] = tanh(x[i]); }
            default -> { for (int i = 0; i < n; i++) out[i] = op.apply(x[i]); }
        }
    }

    /**
     * tanh through the JIT's fast exp intrinsic instead of {@code Math.tanh} (a much slower library
     * call): (e²ˣ − 1)/(e²ˣ + 1) in double, x − x³/3 near 0 where that formula cancels, ±1 far out.
     * Accurate to about 1e-12 relative, so the float result is the correctly rounded tanh except in
     * rare ties, where it may differ from the reference by one ulp.
     */
    static float tanh(float v) {
        double x = v, ax = Math.abs(x);
        if (ax < 1e-4) return (float) (x - x * x * x / 3);
        if (ax > 20) return v > 0 ? 1f : -1f;                    // tanh(20) = 1 − 8e-18: 1 in float
        double e = Math.exp(2 * x);
        return (float) ((e - 1) / (e + 1));
    }

    // ---------------------------------------------------------------- reductions

    /**
     * Sums along the middle axis, in double like the reference. With inner &gt; 1: the reference's
     * sum (j = 0, 1, ... for each output) with the loops turned so the innermost one runs along the
     * contiguous inner axis: the same additions in the same order per element, so the bits agree,
     * without striding through x by {@code inner} for every output.
     *
     * <p>With inner = 1 (a sum along the contiguous axis: a mean over a row, GroupNorm's statistics)
     * the reference's single chain of dependent double additions runs at the latency of one add per
     * element; here eight partial sums (j mod 8) run side by side and are added pairwise at the end.
     * That is another order of the same double additions: both double sums are within
     * (n − 1)·2⁻⁵³·Σ|x| of the exact one, so the float results differ by at most one ulp plus
     * (n − 1)·2⁻⁵²·Σ|x| (in practice: the same float, or the neighbouring one).
     */
    static boolean sum(float[] x, int outer, int n, int inner, float[] out) {
        if (inner == 1) {
            for (int o = 0; o < outer; o++) out[o] = (float) rowSum(x, o * n, n);
            return true;
        }
        double[] acc = new double[inner];
        for (int o = 0; o < outer; o++) {
            java.util.Arrays.fill(acc, 0);
            int base = o * n * inner;
            for (int j = 0; j < n; j++) {
                int row = base + j * inner;
                for (int i = 0; i < inner; i++) acc[i] += x[row + i];
            }
            for (int i = 0; i < inner; i++) out[o * inner + i] = (float) acc[i];
        }
        return true;
    }

    /** Σ x[off + j], j &lt; n, in double: eight interleaved partial sums, combined pairwise. */
    private static double rowSum(float[] x, int off, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int j = off, end = off + n;
        for (; j + 8 <= end; j += 8) {
            s0 += x[j];
            s1 += x[j + 1];
            s2 += x[j + 2];
            s3 += x[j + 3];
            s4 += x[j + 4];
            s5 += x[j + 5];
            s6 += x[j + 6];
            s7 += x[j + 7];
        }
        for (; j < end; j++) s0 += x[j];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    static void unaryScalar(Binary op, float[] x, float s, float[] out, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = x[i] + s; }
            case SUB -> { for (int i = 0; i < n; i++) out[i] = x[i] - s; }
            case MUL -> { for (int i = 0; i < n; i++) out[i] = x[i] * s; }
            case DIV -> { for (int i = 0; i < n; i++) out[i] = x[i] / s; }
            default -> { for (int i = 0; i < n; i++) out[i] = op.apply(x[i], s); }
        }
    }

    // ---------------------------------------------------------------- Adam

    /**
     * Adam/AdamW in float: m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², p ← p − (lr/bc1)·m / (√(v/bc2) + ε).
     * Folding 1/bc1 into the step size and 1/bc2 into one multiply leaves one division and one
     * square root per element, all in float, which the JIT vectorises.
     */
    static void adamStep(float[] p, float[] grad, float[] m, float[] v, int n, float lr, float beta1, float beta2,
                         float eps, float weightDecay, boolean decoupled, float biasCorrection1, float biasCorrection2) {
        float a1 = 1 - beta1, a2 = 1 - beta2;
        float step = (float) (lr / (double) biasCorrection1), inv2 = (float) (1 / (double) biasCorrection2);
        float decay = lr * weightDecay;
        if (decoupled) {
            for (int i = 0; i < n; i++) {
                float g = grad[i];
                float pi = p[i] - decay * p[i];
                float mi = beta1 * m[i] + a1 * g, vi = beta2 * v[i] + a2 * g * g;
                m[i] = mi;
                v[i] = vi;
                p[i] = pi - step * mi / ((float) Math.sqrt(vi * inv2) + eps);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float g = grad[i] + weightDecay * p[i];
                float mi = beta1 * m[i] + a1 * g, vi = beta2 * v[i] + a2 * g * g;
                m[i] = mi;
                v[i] = vi;
                p[i] = p[i] - step * mi / ((float) Math.sqrt(vi * inv2) + eps);
            }
        }
    }
}
