package genlab.kernels.cpu;

import genlab.kernels.ConvGeometry;

/**
 * The three convolution kernels as im2col + {@link Gemm} (Chellapilla et al. 2006): lay out the
 * receptive field of every output pixel as a column, and the convolution is one matrix product
 * per image.
 * <pre>
 *   cols[(c·kh + i)·kw + j, oh·Wo + ow] = x[c, oh·s − pad + i·d, ow·s − pad + j·d]     (0 outside x)
 *   forward      y[n]  (Cout, Ho·Wo) = W (Cout, Cin·kh·kw) · cols[n]
 *   input grad   dcols (Cin·kh·kw, Ho·Wo) = Wᵀ · dy[n],  then col2im: dx[n] += dcols scattered back
 *   weight grad  dW (Cout, Cin·kh·kw) = Σ_n dy[n] · colsᵀ[n]    (the product packs colsᵀ from cols)
 * </pre>
 * Measured against a direct loop nest vectorised along the output row (batch 64, 32 -> 64
 * channels, 28 × 28, 3 × 3, pad 1, one thread, JDK 17, this machine): im2col + GEMM is several
 * times faster, because the GEMM keeps a 6 × 32 tile of sums in registers while a direct loop
 * reloads its output row for every (c, i, j); so only im2col + GEMM is kept (see the {@code bench}
 * lesson for the current figures).
 *
 * <p>Images run in parallel. The weight gradient sums over images in fixed groups, then sums the
 * groups in order, so its bits do not depend on the thread count either.
 */
final class Conv {
    /** Images per partial weight gradient (fixed, so the summation order is too). */
    private static final int GROUP = 8;
    /** Floats of dcols the input gradient makes at a time (64 KiB: stays in L2 until col2im reads it). */
    private static final int COLS_BLOCK_FLOATS = 16 * 1024;

    private final Gemm gemm;
    private final Parallel parallel;
    private final ThreadLocal<float[][]> scratch = ThreadLocal.withInitial(() -> new float[1][0]);

    Conv(Gemm gemm, Parallel parallel) {
        this.gemm = gemm;
        this.parallel = parallel;
    }

    void forward(ConvGeometry g, float[] x, float[] w, float[] y) {
        int kk = g.inChannels() * g.kH() * g.kW(), pix = g.outH() * g.outW();
        int xImage = g.inChannels() * g.inH() * g.inW(), yImage = g.outChannels() * pix;
        eachImage(g.batch(), (n, threaded) -> {
            float[] cols;
            int colsOff;
            if (isPointwise(g)) {
                cols = x;                       // a 1 × 1 convolution's columns are the image itself
                colsOff = n * xImage;
            } else {
                cols = buffer(kk * pix);
                colsOff = 0;
                im2col(g, x, n * xImage, cols);
            }
            gemm.multiply(g.outChannels(), pix, kk, w, 0, kk, false, cols, colsOff, pix, false,
                    y, n * yImage, pix, false, threaded);
        });
    }

    void inputGrad(ConvGeometry g, float[] gy, float[] w, float[] gx) {
        int kk = g.inChannels() * g.kH() * g.kW(), pix = g.outH() * g.outW();
        int xImage = g.inChannels() * g.inH() * g.inW(), yImage = g.outChannels() * pix;
        eachImage(g.batch(), (n, threaded) -> {
            if (isPointwise(g)) {
                gemm.multiply(kk, pix, g.outChannels(), w, 0, kk, true, gy, n * yImage, pix, false,
                        gx, n * xImage, pix, false, threaded);
                return;
            }
            // dcols a block of input channels at a time, each block scattered back while it is
            // still in cache: the whole (Cin·kh·kw, Ho·Wo) matrix is several times the L2 and was
            // written once and read once through memory (col2im was 20% of a RealNVP step, JFR).
            int rowsPerChannel = g.kH() * g.kW();
            int block = Math.max(1, Math.min(g.inChannels(), COLS_BLOCK_FLOATS / (rowsPerChannel * pix)));
            float[] dcols = buffer(block * rowsPerChannel * pix);
            java.util.Arrays.fill(gx, n * xImage, (n + 1) * xImage, 0f);
            for (int c0 = 0; c0 < g.inChannels(); c0 += block) {
                int c1 = Math.min(g.inChannels(), c0 + block), rows = (c1 - c0) * rowsPerChannel;
                gemm.multiply(rows, pix, g.outChannels(), w, c0 * rowsPerChannel, kk, true, gy, n * yImage, pix, false,
                        dcols, 0, pix, false, threaded);                           // (rows, Ho·Wo)
                col2im(g, dcols, c0, c1, gx, n * xImage);
            }
        });
    }

    void weightGrad(ConvGeometry g, float[] x, float[] gy, float[] gw) {
        int kk = g.inChannels() * g.kH() * g.kW(), pix = g.outH() * g.outW(), size = g.outChannels() * kk;
        int xImage = g.inChannels() * g.inH() * g.inW(), yImage = g.outChannels() * pix;
        int groups = (g.batch() + GROUP - 1) / GROUP;
        float[][] partial = new float[groups][];
        boolean pointwise = isPointwise(g);                                             // x is its own cols
        parallel.forEach(groups, gi -> {
            float[] sum = groups == 1 ? gw : new float[size];
            float[] cols = pointwise ? x : buffer(kk * pix);
            for (int n = gi * GROUP, end = Math.min(g.batch(), n + GROUP); n < end; n++) {
                int colsOff = pointwise ? n * xImage : 0;
                if (!pointwise) im2col(g, x, n * xImage, cols);                          // (Cin·kh·kw, Ho·Wo)
                gemm.multiply(g.outChannels(), kk, pix, gy, n * yImage, pix, false, cols, colsOff, pix, true,
                        sum, 0, kk, n > gi * GROUP, false);
            }
            partial[gi] = sum;
        });
        if (groups > 1) {
            System.arraycopy(partial[0], 0, gw, 0, size);
            for (int gi = 1; gi < groups; gi++) {
                float[] p = partial[gi];
                for (int i = 0; i < size; i++) gw[i] += p[i];
            }
        }
    }

    /** Per-image work: images in parallel when there are enough of them, else one by one with threaded products. */
    private void eachImage(int batch, ImageTask task) {
        if (batch >= parallel.threads()) {
            parallel.forEach(batch, n -> task.run(n, false));
        } else {
            for (int n = 0; n < batch; n++) task.run(n, true);
        }
    }

    private interface ImageTask {
        void run(int n, boolean threadedGemm);
    }

    private static boolean isPointwise(ConvGeometry g) {
        return g.kH() == 1 && g.kW() == 1 && g.strideH() == 1 && g.strideW() == 1 && g.padH() == 0 && g.padW() == 0;
    }

    private float[] buffer(int size) {
        float[][] holder = scratch.get();
        if (holder[0].length < size) holder[0] = new float[size];
        return holder[0];
    }

    /** The first output column ow whose input column ow·s − pad + offset is ≥ 0. */
    private static int firstValid(int pad, int offset, int stride) {
        // smallest ow ≥ 0 with ow·stride ≥ pad − offset
        int need = pad - offset;
        return need <= 0 ? 0 : (need + stride - 1) / stride;  // may exceed the output width: callers clamp
    }

    /** The first output column (≤ out) whose input column is ≥ in: columns [lo, hi) read inside the image. */
    private static int endValid(int in, int pad, int offset, int stride, int out) {
        // smallest ow with ow·stride − pad + offset ≥ in
        int need = in + pad - offset;
        return Math.max(0, Math.min(out, need <= 0 ? 0 : (need + stride - 1) / stride));
    }

    /** cols (Cin·kh·kw, Ho·Wo) of image x[xOff ..], as in the class comment. */
    static void im2col(ConvGeometry g, float[] x, int xOff, float[] cols) {
        int ho = g.outH(), wo = g.outW(), pix = ho * wo;
        int row = 0;
        for (int c = 0; c < g.inChannels(); c++) {
            for (int i = 0; i < g.kH(); i++) {
                for (int j = 0; j < g.kW(); j++, row++) {
                    int colOffset = j * g.dilW();
                    int lo = Math.min(wo, firstValid(g.padW(), colOffset, g.strideW()));
                    int hi = Math.max(lo, endValid(g.inW(), g.padW(), colOffset, g.strideW(), wo));
                    int dst = row * pix;
                    for (int oh = 0; oh < ho; oh++, dst += wo) {
                        int ih = oh * g.strideH() - g.padH() + i * g.dilH();
                        if (ih < 0 || ih >= g.inH()) {
                            java.util.Arrays.fill(cols, dst, dst + wo, 0f);
                            continue;
                        }
                        int src = xOff + (c * g.inH() + ih) * g.inW() - g.padW() + colOffset;
                        // the padding at either end is a column or two: plain loops (Arrays.fill's set-up
                        // cost more than the filling itself, 6% of a U-Net training step)
                        for (int q = dst; q < dst + lo; q++) cols[q] = 0f;
                        if (g.strideW() == 1) {
                            System.arraycopy(x, src + lo, cols, dst + lo, hi - lo);
                        } else {
                            for (int ow = lo; ow < hi; ow++) cols[dst + ow] = x[src + ow * g.strideW()];
                        }
                        for (int q = dst + hi; q < dst + wo; q++) cols[q] = 0f;
                    }
                }
            }
        }
    }

    /**
     * gx[xOff ..] += dcols scattered back to the input pixels they were gathered from, for input
     * channels [c0, c1) only, whose rows dcols holds from its start.
     */
    static void col2im(ConvGeometry g, float[] dcols, int c0, int c1, float[] gx, int xOff) {
        int ho = g.outH(), wo = g.outW(), pix = ho * wo;
        int row = 0;
        for (int c = c0; c < c1; c++) {
            for (int i = 0; i < g.kH(); i++) {
                for (int j = 0; j < g.kW(); j++, row++) {
                    int colOffset = j * g.dilW();
                    int lo = Math.min(wo, firstValid(g.padW(), colOffset, g.strideW()));
                    int hi = Math.max(lo, endValid(g.inW(), g.padW(), colOffset, g.strideW(), wo));
                    int src = row * pix;
                    for (int oh = 0; oh < ho; oh++, src += wo) {
                        int ih = oh * g.strideH() - g.padH() + i * g.dilH();
                        if (ih < 0 || ih >= g.inH()) continue;
                        int dst = xOff + (c * g.inH() + ih) * g.inW() - g.padW() + colOffset;
                        if (g.strideW() == 1) {
                            // unit stride: a loop the JIT can vectorise
                            for (int ow = lo; ow < hi; ow++) gx[dst + ow] += dcols[src + ow];
                        } else {
                            for (int ow = lo; ow < hi; ow++) gx[dst + ow * g.strideW()] += dcols[src + ow];
                        }
                    }
                }
            }
        }
    }
}
