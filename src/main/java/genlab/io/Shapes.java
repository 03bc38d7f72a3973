package genlab.io;

/** Shape arithmetic and formatting shared by the readers and writers of this package. */
final class Shapes {
    private Shapes() {}

    /** {@code (2, 3)}; a scalar is {@code ()}, a vector {@code (5)}. */
    static String format(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    static String format(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** Product of the dimensions, or -1 if a dimension is negative or the product overflows a long. */
    static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) return -1;
            if (d != 0 && n > Long.MAX_VALUE / d) return -1;
            n *= d;
        }
        return n;
    }

    static long numel(int[] shape) {
        long[] l = new long[shape.length];
        for (int i = 0; i < shape.length; i++) l[i] = shape[i];
        return numel(l);
    }
}
