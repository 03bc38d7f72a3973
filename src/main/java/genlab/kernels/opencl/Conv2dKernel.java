package genlab.kernels.opencl;

import genlab.kernels.ConvGeometry;

/**
 * Convolution forward as an implicit matrix product, one per image t:
 * {@code y[t] (Cout, Ho·Wo) = W (Cout, Cin·kh·kw) · X_t (Cin·kh·kw, Ho·Wo)}, where
 * {@code X_t((ci, p, q), (oh, ow)) = x[t, ci, oh·sh − ph + p·dh, ow·sw − pw + q·dw]} (0 outside
 * the image) is the im2col matrix of image t.
 *
 * <p>Why implicit rather than an im2col kernel followed by {@link GemmKernel}: Aparapi gives every
 * kernel object its own OpenCL context, so two kernels cannot share a device buffer, and the column
 * matrix (kh·kw times the size of x) would travel to the host and back between them. Here the
 * tile loads of {@link TiledProductKernel} compute the window index instead, and only x, w and y
 * cross the bus. Operands: a = w (Cout, Cin, kh, kw), b = x (N, Cin, H, W).
 */
public final class Conv2dKernel extends TiledProductKernel {
    int inC, inH, inW, kH, kW, strideH, strideW, padH, padW, dilH, dilW, outW;

    void geometry(ConvGeometry g) {
        m = g.outChannels();
        n = g.outH() * g.outW();
        k = g.inChannels() * g.kH() * g.kW();
        inC = g.inChannels();
        inH = g.inH();
        inW = g.inW();
        kH = g.kH();
        kW = g.kW();
        strideH = g.strideH();
        strideW = g.strideW();
        padH = g.padH();
        padW = g.padW();
        dilH = g.dilH();
        dilW = g.dilW();
        outW = g.outW();
        aAlongK = 1;   // w rows are contiguous along (ci, p, q)
        bAlongK = 0;   // neighbouring output pixels read neighbouring input pixels
    }

    @Override
    protected float loadA(int t, int co, int r) {
        return a[co * k + r];
    }

    @Override
    protected float loadB(int t, int r, int j) {
        int ci = r / (kH * kW), pq = r % (kH * kW);
        int ih = (j / outW) * strideH - padH + (pq / kW) * dilH;
        int iw = (j % outW) * strideW - padW + (pq % kW) * dilW;
        float v = 0f;
        if (ih >= 0 && ih < inH && iw >= 0 && iw < inW) v = b[((t * inC + ci) * inH + ih) * inW + iw];
        return v;
    }
}
