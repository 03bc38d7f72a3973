package genlab.tensor;

import genlab.nn.Losses;
import genlab.optim.Adam;
import genlab.tensor.ops.Conv2d;
import genlab.tensor.ops.ConvTranspose2d;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identities the tensor layer relies on, each checked on 100 seeded random cases (more with -Dgenlab.cases=N). */
class TensorPropertiesTest {

    static java.util.stream.LongStream seeds() {
        return Cases.seeds();
    }

    private static double dot(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.numel(); i++) s += (double) a.data()[i] * b.data()[i];
        return s;
    }

    /** ⟨conv(x), y⟩ = ⟨x, convT(y)⟩ with the same weight: the transposed convolution is the adjoint. */
    @ParameterizedTest @MethodSource("seeds")
    void convTransposeIsTheAdjointOfConv(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int n = 1 + g.nextInt(2), cin = 1 + g.nextInt(4), cout = 1 + g.nextInt(4), k = 1 + g.nextInt(4);
        int s = 1 + g.nextInt(3), p = g.nextInt(k), d = 1 + g.nextInt(2);
        int h = d * (k - 1) + 1 + g.nextInt(8), w = d * (k - 1) + 1 + g.nextInt(8);
        Tensor x = Tensor.randn(g, n, cin, h, w);
        Tensor wt = Tensor.randn(g, cout, cin, k, k);
        Tensor y = Conv2d.apply(x, wt, new int[] {s, s}, new int[] {p, p}, new int[] {d, d});
        Tensor r = Tensor.randn(g, y.shape());
        // conv_transpose2d's weight layout is (in, out, k, k): the conv's (cout, cin, k, k) is exactly that.
        int oph = h - ((y.size(2) - 1) * s - 2 * p + d * (k - 1) + 1);
        int opw = w - ((y.size(3) - 1) * s - 2 * p + d * (k - 1) + 1);
        Tensor xt = ConvTranspose2d.apply(r, wt, new int[] {s, s}, new int[] {p, p}, new int[] {oph, opw}, new int[] {d, d});
        double lhs = dot(y, r), rhs = dot(x, xt);
        assertEquals(lhs, rhs, 1e-4 * (1 + Math.abs(lhs)), "seed " + seed);
    }

    /** conv2d(x, w) = W · im2col(x): the unfolded patches times the flattened kernel. */
    @ParameterizedTest @MethodSource("seeds")
    void convEqualsIm2colThenMatmul(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int n = 1 + g.nextInt(2), cin = 1 + g.nextInt(3), cout = 1 + g.nextInt(4), k = 1 + g.nextInt(3);
        int s = 1 + g.nextInt(2), p = g.nextInt(2), h = k + g.nextInt(6), w = k + g.nextInt(6);
        Tensor x = Tensor.randn(g, n, cin, h, w), wt = Tensor.randn(g, cout, cin, k, k);
        Tensor y = Conv2d.apply(x, wt, new int[] {s, s}, new int[] {p, p}, new int[] {1, 1});
        int oh = y.size(2), ow = y.size(3);
        float[] cols = new float[n * cin * k * k * oh * ow];   // (N, Cin·k·k, Ho·Wo)
        for (int b = 0; b < n; b++)
            for (int c = 0; c < cin; c++)
                for (int i = 0; i < k; i++)
                    for (int j = 0; j < k; j++)
                        for (int oy = 0; oy < oh; oy++)
                            for (int ox = 0; ox < ow; ox++) {
                                int iy = oy * s - p + i, ix = ox * s - p + j;
                                int row = (c * k + i) * k + j;
                                cols[((b * cin * k * k + row) * oh + oy) * ow + ox] =
                                        iy < 0 || iy >= h || ix < 0 || ix >= w ? 0 : x.get(b, c, iy, ix);
                            }
        Tensor viaGemm = wt.reshape(cout, cin * k * k)
                .matmul(Tensor.of(cols, n, cin * k * k, oh * ow))   // broadcast over N: (N, Cout, Ho·Wo)
                .reshape(n, cout, oh, ow);
        for (int i = 0; i < y.numel(); i++) assertEquals(y.data()[i], viaGemm.data()[i], 1e-4, "seed " + seed + " element " + i);
    }

    /** softmax(x + c) = softmax(x) and logsumexp(x + c) = logsumexp(x) + c, even for huge c. */
    @ParameterizedTest @MethodSource("seeds")
    void softmaxAndLogsumexpAreShiftInvariant(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        RandomShapes r = new RandomShapes(seed);
        int[] shape = r.shape(3, 6);
        int axis = g.nextInt(shape.length);
        Tensor x = Tensor.randn(g, shape).mul(5f);
        float c = (float) ((g.nextDouble() * 2 - 1) * 1000);
        Tensor sm = x.softmax(axis), smShift = x.add(c).softmax(axis);
        for (int i = 0; i < sm.numel(); i++) assertEquals(sm.data()[i], smShift.data()[i], 2e-3, "softmax, seed " + seed);
        Tensor lse = x.logsumexp(axis, false), lseShift = x.add(c).logsumexp(axis, false);
        for (int i = 0; i < lse.numel(); i++) assertEquals(lse.data()[i] + c, lseShift.data()[i], 1e-3 * (1 + Math.abs(c)), "logsumexp, seed " + seed);
        Tensor sums = sm.sum(axis, false);
        for (float v : sums.data()) assertEquals(1.0, v, 1e-5, "softmax sums to 1");
    }

    /** BCE-with-logits(x, y) = BCE(σ(x), y) where the latter is finite, and stays finite (≈ |x|) where σ saturates. */
    @ParameterizedTest @MethodSource("seeds")
    void bceWithLogitsMatchesBceOfSigmoidAndNeverOverflows(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int n = 1 + g.nextInt(20);
        // |x| ≤ 6: beyond that float σ(x) is so close to 1 that 1 − σ(x) keeps few correct digits,
        // and BCE of the sigmoid, not BCE with logits, becomes the inaccurate side.
        Tensor moderate = Tensor.randn(g, n).mul(2f).clamp(-6f, 6f);
        Tensor y = Tensor.rand(g, n);
        float viaSigmoid = Losses.bce(moderate.sigmoid(), y).item();
        assertEquals(viaSigmoid, Losses.bceWithLogits(moderate, y).item(), 1e-4 * (1 + viaSigmoid), "seed " + seed);
        // |x| in [100, 1000]: σ(x) rounds to exactly 0 or 1 in float, and BCE's log clamps at −100.
        float big = (float) (100 + g.nextDouble() * 900) * (g.nextBoolean() ? 1 : -1);
        Tensor x = Tensor.full(big, 1);
        Tensor wrong = Tensor.full(big > 0 ? 0f : 1f, 1);
        float l = Losses.bceWithLogits(x, wrong).item();
        assertTrue(Float.isFinite(l), "seed " + seed);
        assertEquals(Math.abs(big), l, 1e-3 * Math.abs(big), "loss of a confidently wrong logit is |x|");
        assertEquals(0f, Losses.bceWithLogits(x, Tensor.full(big > 0 ? 1f : 0f, 1)).item(), 1e-6);
    }

    /** Adam's first step: m̂ = g, v̂ = g², so Δθ = −η·g/(|g| + ε) ≈ −η·sign(g). */
    @ParameterizedTest @MethodSource("seeds")
    void adamFirstStepMovesByLrTimesSign(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int n = 1 + g.nextInt(30);
        Tensor p = Tensor.randn(g, n).requiresGrad(true);
        Tensor before = p.copy();
        double lr = Math.pow(10, -1 - 3 * g.nextDouble());
        Tensor c = Tensor.randn(g, n);
        p.mul(c).sum().backward();     // gradient = c
        new Adam(List.of(p), lr).step();
        for (int i = 0; i < n; i++) {
            double moved = p.data()[i] - before.data()[i];
            double expected = -lr * Math.signum(c.data()[i]) * Math.abs(c.data()[i]) / (Math.abs(c.data()[i]) + 1e-8);
            assertEquals(expected, moved, 1e-6 + 1e-3 * lr, "seed " + seed + " element " + i);
        }
    }

    /** a = x; b = a + a; c = b·b: both uses of a contribute, dc/dx = 2b·2 = 8x. */
    @ParameterizedTest @MethodSource("seeds")
    void gradientsAccumulateOnReusedNodes(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        Tensor x = Tensor.randn(g, 1 + g.nextInt(5)).requiresGrad(true);
        Tensor a = x.mul(1f);
        Tensor b = a.add(a);
        Tensor c = b.mul(b);
        c.sum().backward();
        for (int i = 0; i < x.numel(); i++) assertEquals(8 * x.data()[i], x.grad().data()[i], 1e-5, "seed " + seed);
    }

    /** Gradient of a gradient: d²(x³)/dx² = 6x, recorded with createGraph. */
    @ParameterizedTest @MethodSource("seeds")
    void secondDerivativeOfCube(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        Tensor x = Tensor.randn(g, 1 + g.nextInt(6)).mul(2f).requiresGrad(true);
        Tensor dy = Autograd.grad(x.pow(3f).sum(), List.of(x), true)[0];   // 3x², itself differentiable
        for (int i = 0; i < x.numel(); i++) assertEquals(3 * x.data()[i] * x.data()[i], dy.data()[i], 1e-4 * (1 + dy.data()[i]));
        Tensor d2 = Autograd.grad(dy.sum(), List.of(x), false)[0];
        for (int i = 0; i < x.numel(); i++) assertEquals(6 * x.data()[i], d2.data()[i], 1e-4 * (1 + Math.abs(6 * x.data()[i])), "seed " + seed);
    }

    /**
     * f(x) = Σ tanh(Wx): ∇f = Wᵀ(1 − t²), t = tanh(Wx), and the Hessian-vector product is
     * H·v = Wᵀ diag(−2t(1 − t²)) W·v. Computed as ∇ₓ(∇f · v) through the recorded backward pass.
     */
    @ParameterizedTest @MethodSource("seeds")
    void hessianVectorProductOfSumTanh(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int m = 1 + g.nextInt(5), n = 1 + g.nextInt(5);
        Tensor w = Tensor.randn(g, m, n);
        Tensor x = Tensor.randn(g, n, 1).requiresGrad(true);
        Tensor v = Tensor.randn(g, n, 1);
        Tensor grad = Autograd.grad(w.matmul(x).tanh().sum(), List.of(x), true)[0];
        Tensor hv = Autograd.grad(grad.mul(v).sum(), List.of(x), false)[0];
        double[] t = new double[m];
        for (int i = 0; i < m; i++) {
            double u = 0;
            for (int j = 0; j < n; j++) u += (double) w.get(i, j) * x.get(j, 0);
            t[i] = Math.tanh(u);
        }
        for (int j = 0; j < n; j++) {
            double expected = 0;
            for (int i = 0; i < m; i++) {
                double wv = 0;
                for (int l = 0; l < n; l++) wv += (double) w.get(i, l) * v.get(l, 0);
                expected += w.get(i, j) * (-2 * t[i] * (1 - t[i] * t[i])) * wv;
            }
            assertEquals(expected, hv.get(j, 0), 1e-4 * (1 + Math.abs(expected)), "seed " + seed + " component " + j);
        }
    }
}
