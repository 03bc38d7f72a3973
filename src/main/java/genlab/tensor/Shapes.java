package genlab.tensor;

import java.util.Arrays;

/** Shape arithmetic: sizes, row-major strides, NumPy broadcasting, and shape formatting for messages. */
public final class Shapes {
    private Shapes() {}

    /** Number of elements: the product of the sizes (1 for a scalar's empty shape). */
    public static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) throw new IllegalArgumentException("negative size in shape " + str(shape));
            n *= s;
        }
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31 elements");
        return (int) n;
    }

    /** Row-major strides: the last axis has stride 1. */
    public static int[] strides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            st[d] = s;
            s *= shape[d];
        }
        return st;
    }

    /**
     * The NumPy broadcast of two shapes: align at the right; each pair of sizes must be equal or
     * contain a 1, and the result takes the larger.
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int sa = i < r - a.length ? 1 : a[i - (r - a.length)];
            int sb = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (sa != sb && sa != 1 && sb != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b) + " do not broadcast (axis " + i + ": " + sa + " vs " + sb + ")");
            }
            out[i] = Math.max(sa, sb);
        }
        return out;
    }

    /**
     * Strides for reading a tensor of {@code shape} as if it had the (larger) {@code target} shape:
     * broadcast axes get stride 0.
     */
    public static int[] broadcastStrides(int[] shape, int[] target) {
        int[] own = strides(shape);
        int[] st = new int[target.length];
        int off = target.length - shape.length;
        if (off < 0) throw new IllegalArgumentException("cannot broadcast " + str(shape) + " to " + str(target));
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == target[i + off]) st[i + off] = own[i];
            else if (shape[i] == 1) st[i + off] = 0;
            else throw new IllegalArgumentException("cannot broadcast " + str(shape) + " to " + str(target));
        }
        return st;
    }

    /** A negative axis counts from the end, as in NumPy. */
    public static int axis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw new IllegalArgumentException("axis " + axis + " out of range for rank " + rank);
        return a;
    }

    /** "(2, 3, 4)". */
    public static String str(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    public static boolean same(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }
}
