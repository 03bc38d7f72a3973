package genlab.kernels.cpu;

import genlab.kernels.Binary;

/**
 * Broadcasting elementwise loops for the cpu kernels: the same results as the reference kernels'
 * per-element multi-index walk, element for element, but the outer index advances once per row
 * (incrementally, no per-element offset sums) and the innermost axis runs as a tight loop with
 * the operation chosen outside it. Broadcast-heavy layers (normalisation, bias adds, the U-Net's
 * time embedding) spent most of their time in the per-element walk.
 */
final class Strided {
    private Strided() {}

    static void binary(Binary op, int[] shape, float[] a, int[] as, float[] b, int[] bs, float[] out) {
        int nd = shape.length;
        if (nd == 0) {
            out[0] = op.apply(a[0], b[0]);
            return;
        }
        int inner = shape[nd - 1];
        if (inner == 0 || out.length == 0) return;
        int rows = out.length / inner, sa = as[nd - 1], sb = bs[nd - 1];
        int[] idx = new int[nd];
        int ao = 0, bo = 0;
        for (int r = 0, o = 0; r < rows; r++, o += inner) {
            row(op, a, ao, sa, b, bo, sb, out, o, inner);
            for (int d = nd - 2; d >= 0; d--) {
                ao += as[d];
                bo += bs[d];
                if (++idx[d] < shape[d]) break;
                ao -= as[d] * shape[d];
                bo -= bs[d] * shape[d];
                idx[d] = 0;
            }
        }
    }

    private static void row(Binary op, float[] a, int ao, int sa, float[] b, int bo, int sb, float[] out, int o, int n) {
        switch (op) {
            case ADD -> {
                for (int j = 0; j < n; j++) out[o + j] = a[ao + j * sa] + b[bo + j * sb];
            }
            case SUB -> {
                for (int j = 0; j < n; j++) out[o + j] = a[ao + j * sa] - b[bo + j * sb];
            }
            case MUL -> {
                for (int j = 0; j < n; j++) out[o + j] = a[ao + j * sa] * b[bo + j * sb];
            }
            case DIV -> {
                for (int j = 0; j < n; j++) out[o + j] = a[ao + j * sa] / b[bo + j * sb];
            }
            default -> {
                for (int j = 0; j < n; j++) out[o + j] = op.apply(a[ao + j * sa], b[bo + j * sb]);
            }
        }
    }

    static void copy(int[] shape, float[] src, int srcOff, int[] ss, float[] dst, int dstOff, int[] ds) {
        int nd = shape.length;
        if (nd == 0) {
            dst[dstOff] = src[srcOff];
            return;
        }
        long total = 1;
        for (int s : shape) total *= s;
        int inner = shape[nd - 1];
        if (total == 0) return;
        int rows = (int) (total / inner), si = ss[nd - 1], di = ds[nd - 1];
        int[] idx = new int[nd];
        int so = srcOff, d0 = dstOff;
        for (int r = 0; r < rows; r++) {
            if (si == 1 && di == 1) {
                System.arraycopy(src, so, dst, d0, inner);
            } else {
                for (int j = 0; j < inner; j++) dst[d0 + j * di] = src[so + j * si];
            }
            for (int d = nd - 2; d >= 0; d--) {
                so += ss[d];
                d0 += ds[d];
                if (++idx[d] < shape[d]) break;
                so -= ss[d] * shape[d];
                d0 -= ds[d] * shape[d];
                idx[d] = 0;
            }
        }
    }
}
