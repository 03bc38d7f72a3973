package genlab.kernels.opencl;

import genlab.kernels.ConvGeometry;

/**
 * The adjoint of convolution in x (conv-transpose forward) as an implicit matrix product, one per
 * image t: {@code gx[t] (Cin, H·W) = Wᵀ (Cin, Cout·kh·kw) · G_t (Cout·kh·kw, H·W)}, where
 * {@code G_t((co, p, q), (ih, iw)) = gy[t, co, oh, ow]} when {@code ih = oh·sh − ph + p·dh} and
 * {@code iw = ow·sw − pw + q·dw} for some output pixel (oh, ow), and 0 otherwise.
 *
 * <p>Written as a gather (each gx element sums what reaches it) rather than col2im's scatter, so no
 * two work items write the same element and no atomics are needed; with stride s, all but 1/s² of
 * G's entries are 0, the price of keeping one simple tiled loop. Operands: a = w (Cout, Cin, kh, kw),
 * b = gy (N, Cout, Ho, Wo). Implicit for the reason given in {@link Conv2dKernel}.
 */
public final class Conv2dInputGradKernel extends TiledProductKernel {
    int inC, inW, outC, outH, outW, kH, kW, strideH, strideW, padH, padW, dilH, dilW;

    void geometry(ConvGeometry g) {
        m = g.inChannels();
        n = g.inH() * g.inW();
        k = g.outChannels() * g.kH() * g.kW();
        inC = g.inChannels();
        inW = g.inW();
        outC = g.outChannels();
        outH = g.outH();
        outW = g.outW();
        kH = g.kH();
        kW = g.kW();
        strideH = g.strideH();
        strideW = g.strideW();
        padH = g.padH();
        padW = g.padW();
        dilH = g.dilH();
        dilW = g.dilW();
        aAlongK = 1;   // w[co, ci, :, :] is contiguous along (p, q)
        bAlongK = 0;   // neighbouring input pixels read neighbouring output pixels
    }

    @Override
    protected float loadA(int t, int ci, int r) {
        int co = r / (kH * kW), pq = r % (kH * kW);
        return a[(co * inC + ci) * kH * kW + pq];
    }

    @Override
    protected float loadB(int t, int r, int j) {
        int co = r / (kH * kW), pq = r % (kH * kW);
        int th = j / inW + padH - (pq / kW) * dilH;   // = oh·sh if an output pixel reaches this one
        int tw = j % inW + padW - (pq % kW) * dilW;
        float v = 0f;
        if (th >= 0 && tw >= 0 && th % strideH == 0 && tw % strideW == 0) {
            int oh = th / strideH, ow = tw / strideW;
            if (oh < outH && ow < outW) v = b[((t * outC + co) * outH + oh) * outW + ow];
        }
        return v;
    }
}
