package genlab.kernels;

/**
 * The specification of every kernel: plain loops, one element at a time, no tricks.
 *
 * <p>Sums are accumulated in double so the reference is at least as accurate as any fast path it
 * checks. Slow on purpose: faster kernels are measured against it, never the other way round.
 */
public final class ReferenceKernels implements Kernels {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String device() {
        return "CPU, plain Java loops (" + Runtime.getRuntime().availableProcessors() + " cores available, 1 used)";
    }

    @Override
    public void unary(Unary op, float[] x, float[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = op.apply(x[i]);
    }

    @Override
    public void unaryScalar(Binary op, float[] x, float s, float[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = op.apply(x[i], s);
    }

    /**
     * In double: softplus(l) − x·l written as c·l + ln(1 + e^−|l|), with c = 1 − x where l ≥ 0 and
     * −x where l &lt; 0 (softplus(l) = max(l, 0) + ln(1 + e^−|l|), so this is the same sum with the
     * max(l, 0) and x·l terms combined first). Combined, nothing cancels for targets in [0, 1]:
     * as written, l + ln(1 + e^−l) − l loses the small loss of a confident right answer (l = 40,
     * x = 1: 4.2e-18) to rounding. σ(l) as in {@link Unary#SIGMOID}.
     */
    @Override
    public void bceWithLogits(float[] logits, float[] target, float[] loss, float[] grad, int n) {
        for (int i = 0; i < n; i++) {
            double l = logits[i], x = target[i];
            double c = l >= 0 ? 1 - x : -x;
            loss[i] = (float) (c * l + Math.log1p(Math.exp(-Math.abs(l))));
            if (grad != null) {
                double sigmoid = l >= 0 ? 1 / (1 + Math.exp(-l)) : Math.exp(l) / (1 + Math.exp(l));
                grad[i] = (float) (sigmoid - x);
            }
        }
    }

    @Override
    public void binary(Binary op, int[] shape, float[] a, int[] aStrides, float[] b, int[] bStrides, float[] out) {
        int n = numel(shape);
        int[] idx = new int[shape.length];
        for (int i = 0; i < n; i++) {
            out[i] = op.apply(a[offset(idx, aStrides)], b[offset(idx, bStrides)]);
            increment(idx, shape);
        }
    }

    @Override
    public void where(int[] shape, float[] cond, int[] cStrides, float[] a, int[] aStrides, float[] b, int[] bStrides,
                      float[] out) {
        int n = numel(shape);
        int[] idx = new int[shape.length];
        for (int i = 0; i < n; i++) {
            out[i] = cond[offset(idx, cStrides)] != 0 ? a[offset(idx, aStrides)] : b[offset(idx, bStrides)];
            increment(idx, shape);
        }
    }

    @Override
    public void reduce(Reduce op, float[] x, int outer, int n, int inner, float[] out) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                if (op == Reduce.SUM) {
                    double s = 0;
                    for (int j = 0; j < n; j++) s += x[base + j * inner];
                    out[o * inner + i] = (float) s;
                } else {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j < n; j++) {
                        float v = x[base + j * inner];
                        if (v > m || Float.isNaN(v)) m = v;
                        if (Float.isNaN(m)) break;
                    }
                    out[o * inner + i] = m;
                }
            }
        }
    }

    @Override
    public void copy(int[] shape, float[] src, int srcOff, int[] srcStrides, float[] dst, int dstOff, int[] dstStrides) {
        int n = numel(shape);
        int[] idx = new int[shape.length];
        for (int i = 0; i < n; i++) {
            dst[dstOff + offset(idx, dstStrides)] = src[srcOff + offset(idx, srcStrides)];
            increment(idx, shape);
        }
    }

    @Override
    public void gather(float[] src, int[] index, float[] out) {
        for (int i = 0; i < index.length; i++) out[i] = src[index[i]];
    }

    @Override
    public void scatterAdd(float[] src, int[] index, float[] out) {
        for (int i = 0; i < index.length; i++) out[index[i]] += src[i];
    }

    @Override
    public void gemm(int batch, int m, int n, int k, float[] a, boolean transA, float[] b, boolean transB,
                     boolean bBroadcast, float[] c) {
        for (int bt = 0; bt < batch; bt++) {
            int aOff = bt * m * k, bOff = bBroadcast ? 0 : bt * k * n, cOff = bt * m * n;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        float av = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                        float bv = transB ? b[bOff + j * k + p] : b[bOff + p * n + j];
                        s += (double) av * bv;
                    }
                    c[cOff + i * n + j] = (float) s;
                }
            }
        }
    }

    @Override
    public void conv2d(ConvGeometry g, float[] x, float[] w, float[] y) {
        for (int nb = 0; nb < g.batch(); nb++)
            for (int co = 0; co < g.outChannels(); co++)
                for (int oh = 0; oh < g.outH(); oh++)
                    for (int ow = 0; ow < g.outW(); ow++) {
                        double s = 0;
                        for (int ci = 0; ci < g.inChannels(); ci++)
                            for (int kh = 0; kh < g.kH(); kh++) {
                                int ih = oh * g.strideH() - g.padH() + kh * g.dilH();
                                if (ih < 0 || ih >= g.inH()) continue;
                                for (int kw = 0; kw < g.kW(); kw++) {
                                    int iw = ow * g.strideW() - g.padW() + kw * g.dilW();
                                    if (iw < 0 || iw >= g.inW()) continue;
                                    s += (double) x[xIndex(g, nb, ci, ih, iw)] * w[wIndex(g, co, ci, kh, kw)];
                                }
                            }
                        y[yIndex(g, nb, co, oh, ow)] = (float) s;
                    }
    }

    @Override
    public void conv2dInputGrad(ConvGeometry g, float[] gy, float[] w, float[] gx) {
        // gx[n, ci, ih, iw] = Σ over (co, kh, kw) with ih = oh·s − p + kh·d of gy[n, co, oh, ow] · w[co, ci, kh, kw]
        double[] acc = new double[g.batch() * g.inChannels() * g.inH() * g.inW()];
        for (int nb = 0; nb < g.batch(); nb++)
            for (int co = 0; co < g.outChannels(); co++)
                for (int oh = 0; oh < g.outH(); oh++)
                    for (int ow = 0; ow < g.outW(); ow++) {
                        double gv = gy[yIndex(g, nb, co, oh, ow)];
                        for (int ci = 0; ci < g.inChannels(); ci++)
                            for (int kh = 0; kh < g.kH(); kh++) {
                                int ih = oh * g.strideH() - g.padH() + kh * g.dilH();
                                if (ih < 0 || ih >= g.inH()) continue;
                                for (int kw = 0; kw < g.kW(); kw++) {
                                    int iw = ow * g.strideW() - g.padW() + kw * g.dilW();
                                    if (iw < 0 || iw >= g.inW()) continue;
                                    acc[xIndex(g, nb, ci, ih, iw)] += gv * w[wIndex(g, co, ci, kh, kw)];
                                }
                            }
                    }
        for (int i = 0; i < acc.length; i++) gx[i] = (float) acc[i];
    }

    @Override
    public void conv2dWeightGrad(ConvGeometry g, float[] x, float[] gy, float[] gw) {
        for (int co = 0; co < g.outChannels(); co++)
            for (int ci = 0; ci < g.inChannels(); ci++)
                for (int kh = 0; kh < g.kH(); kh++)
                    for (int kw = 0; kw < g.kW(); kw++) {
                        double s = 0;
                        for (int nb = 0; nb < g.batch(); nb++)
                            for (int oh = 0; oh < g.outH(); oh++) {
                                int ih = oh * g.strideH() - g.padH() + kh * g.dilH();
                                if (ih < 0 || ih >= g.inH()) continue;
                                for (int ow = 0; ow < g.outW(); ow++) {
                                    int iw = ow * g.strideW() - g.padW() + kw * g.dilW();
                                    if (iw < 0 || iw >= g.inW()) continue;
                                    s += (double) x[xIndex(g, nb, ci, ih, iw)] * gy[yIndex(g, nb, co, oh, ow)];
                                }
                            }
                        gw[wIndex(g, co, ci, kh, kw)] = (float) s;
                    }
    }

    @Override
    public void maxPool2d(ConvGeometry g, float[] x, float[] y, int[] argmax) {
        for (int nb = 0; nb < g.batch(); nb++)
            for (int c = 0; c < g.inChannels(); c++)
                for (int oh = 0; oh < g.outH(); oh++)
                    for (int ow = 0; ow < g.outW(); ow++) {
                        float m = Float.NEGATIVE_INFINITY;
                        int arg = -1;
                        for (int kh = 0; kh < g.kH(); kh++) {
                            int ih = oh * g.strideH() - g.padH() + kh * g.dilH();
                            if (ih < 0 || ih >= g.inH()) continue;
                            for (int kw = 0; kw < g.kW(); kw++) {
                                int iw = ow * g.strideW() - g.padW() + kw * g.dilW();
                                if (iw < 0 || iw >= g.inW()) continue;
                                int xi = xIndex(g, nb, c, ih, iw);
                                if (arg < 0 || x[xi] > m) {
                                    m = x[xi];
                                    arg = xi;
                                }
                            }
                        }
                        int yi = ((nb * g.inChannels() + c) * g.outH() + oh) * g.outW() + ow;
                        y[yi] = m;
                        argmax[yi] = arg;
                    }
    }

    @Override
    public void sgdStep(float[] p, float[] grad, float[] velocity, int n, float lr, float momentum, float dampening,
                        boolean nesterov, float weightDecay) {
        for (int i = 0; i < n; i++) {
            float d = grad[i] + weightDecay * p[i];
            if (momentum != 0) {
                velocity[i] = momentum * velocity[i] + (1 - dampening) * d;
                d = nesterov ? d + momentum * velocity[i] : velocity[i];
            }
            p[i] -= lr * d;
        }
    }

    @Override
    public void adamStep(float[] p, float[] grad, float[] m, float[] v, int n, float lr, float beta1, float beta2,
                         float eps, float weightDecay, boolean decoupled, float biasCorrection1,
                         float biasCorrection2) {
        for (int i = 0; i < n; i++) {
            float g = grad[i];
            if (decoupled) p[i] -= lr * weightDecay * p[i];
            else g += weightDecay * p[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            double mHat = m[i] / (double) biasCorrection1;
            double vHat = v[i] / (double) biasCorrection2;
            p[i] -= (float) (lr * mHat / (Math.sqrt(vHat) + eps));
        }
    }

    private static int xIndex(ConvGeometry g, int n, int c, int h, int w) {
        return ((n * g.inChannels() + c) * g.inH() + h) * g.inW() + w;
    }

    private static int yIndex(ConvGeometry g, int n, int c, int h, int w) {
        return ((n * g.outChannels() + c) * g.outH() + h) * g.outW() + w;
    }

    private static int wIndex(ConvGeometry g, int co, int ci, int kh, int kw) {
        return ((co * g.inChannels() + ci) * g.kH() + kh) * g.kW() + kw;
    }

    private static int numel(int[] shape) {
        int n = 1;
        for (int s : shape) n *= s;
        return n;
    }

    private static int offset(int[] idx, int[] strides) {
        int o = 0;
        for (int d = 0; d < idx.length; d++) o += idx[d] * strides[d];
        return o;
    }

    /** Advances a row-major multi-index by one. */
    private static void increment(int[] idx, int[] shape) {
        for (int d = shape.length - 1; d >= 0; d--) {
            if (++idx[d] < shape[d]) return;
            idx[d] = 0;
        }
    }
}
