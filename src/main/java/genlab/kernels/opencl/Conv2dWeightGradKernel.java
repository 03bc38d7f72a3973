package genlab.kernels.opencl;

import genlab.kernels.ConvGeometry;

/**
 * The adjoint of convolution in w as an implicit matrix product summed over the batch:
 * {@code gw (Cout, Cin·kh·kw) = Σ_t Gy_t (Cout, Ho·Wo) · X_tᵀ (Ho·Wo, Cin·kh·kw)}, with X_t the
 * im2col matrix of {@link Conv2dKernel}. The inner axis (N·Ho·Wo) is long and the result small, so
 * the inner axis is split into {@code slices} ranges that run as separate work-groups (range axis t),
 * each writing a partial (Cout, Cin·kh·kw); the host adds the slices ("split-k"), which keeps a GPU
 * busy where a handful of output tiles would not. Operands: a = gy (N, Cout, Ho, Wo),
 * b = x (N, Cin, H, W). Implicit for the reason given in {@link Conv2dKernel}.
 */
public final class Conv2dWeightGradKernel extends TiledProductKernel {
    int inC, inH, inW, outC, outHW, outW, kH, kW, strideH, strideW, padH, padW, dilH, dilW;
    /** The full inner length N·Ho·Wo; {@code k} is one slice's share of it. */
    int inner;

    void geometry(ConvGeometry g, int slices) {
        m = g.outChannels();
        n = g.inChannels() * g.kH() * g.kW();
        inner = g.batch() * g.outH() * g.outW();
        k = (inner + slices - 1) / slices;
        inC = g.inChannels();
        inH = g.inH();
        inW = g.inW();
        outC = g.outChannels();
        outHW = g.outH() * g.outW();
        outW = g.outW();
        kH = g.kH();
        kW = g.kW();
        strideH = g.strideH();
        strideW = g.strideW();
        padH = g.padH();
        padW = g.padW();
        dilH = g.dilH();
        dilW = g.dilW();
        aAlongK = 1;   // gy[nb, co, :, :] is contiguous along the output pixels
        bAlongK = 1;   // so is the window's walk through x
    }

    @Override
    protected float loadA(int t, int co, int r) {
        int s = t * k + r;   // position along N·Ho·Wo
        float v = 0f;
        if (s < inner) v = a[((s / outHW) * outC + co) * outHW + s % outHW];
        return v;
    }

    @Override
    protected float loadB(int t, int r, int j) {
        int s = t * k + r;
        float v = 0f;
        if (s < inner) {
            int nb = s / outHW, o = s % outHW;
            int ci = j / (kH * kW), pq = j % (kH * kW);
            int ih = (o / outW) * strideH - padH + (pq / kW) * dilH;
            int iw = (o % outW) * strideW - padW + (pq % kW) * dilW;
            if (ih >= 0 && ih < inH && iw >= 0 && iw < inW) v = b[((nb * inC + ci) * inH + ih) * inW + iw];
        }
        return v;
    }
}
