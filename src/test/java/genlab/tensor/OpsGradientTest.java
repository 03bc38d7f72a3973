package genlab.tensor;

import genlab.tensor.ops.AvgPool2d;
import genlab.tensor.ops.Conv2d;
import genlab.tensor.ops.ConvTranspose2d;
import genlab.tensor.ops.Dropout;
import genlab.tensor.ops.Embedding;
import genlab.tensor.ops.MatMul;
import genlab.tensor.ops.MaxPool2d;
import genlab.tensor.ops.Upsample;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/** Every primitive op's gradient against central differences, on random shapes with broadcasting and size-1 axes. */
class OpsGradientTest {
    private static final GradCheck CHECK = GradCheck.standard();

    static LongStream seeds() {
        return LongStream.range(0, 6);
    }

    @ParameterizedTest @MethodSource("seeds")
    void broadcastingBinaryOps(long seed) {
        RandomShapes r = new RandomShapes(seed);
        int[] s = r.shape(4, 4);
        int[] t = r.broadcastable(s);
        CHECK.check("add " + Shapes.str(s) + "+" + Shapes.str(t), x -> x[0].add(x[1]), r.normal(s), r.normal(t));
        CHECK.check("sub", x -> x[0].sub(x[1]), r.normal(t), r.normal(s));
        CHECK.check("mul", x -> x[0].mul(x[1]), r.normal(s), r.normal(t));
        CHECK.check("div", x -> x[0].div(x[1]), r.normal(s), r.uniform(0.5f, 2f, t));
        CHECK.check("pow", x -> x[0].pow(x[1]), r.uniform(0.5f, 2f, s), r.uniform(-1.5f, 1.5f, t));
        CHECK.check("maximum", x -> x[0].maximum(x[1]), r.distinct(s), r.distinct(t).add(0.05f));
        CHECK.check("minimum", x -> x[0].minimum(x[1]), r.distinct(s), r.distinct(t).add(0.05f));
        Tensor cond = r.uniform(-1, 1, t);
        Tensor c = Tensor.of(cond.data(), t);
        for (int i = 0; i < c.numel(); i++) c.data()[i] = c.data()[i] > 0 ? 1 : 0;
        CHECK.check("where", x -> Tensor.where(c, x[0], x[1]), r.normal(s), r.normal(t));
    }

    @ParameterizedTest @MethodSource("seeds")
    void unaryOps(long seed) {
        RandomShapes r = new RandomShapes(seed);
        int[] s = r.shape(3, 5);
        CHECK.check("neg", x -> x[0].neg(), r.normal(s));
        CHECK.check("exp", x -> x[0].exp(), r.normal(s));
        CHECK.check("log", x -> x[0].log(), r.uniform(0.3f, 3f, s));
        CHECK.check("sqrt", x -> x[0].sqrt(), r.uniform(0.3f, 3f, s));
        CHECK.check("abs", x -> x[0].abs(), r.awayFromZero(0.05f, s));
        CHECK.check("pow scalar", x -> x[0].pow(3f), r.normal(s));
        CHECK.check("clamp", x -> x[0].clamp(-0.5f, 0.7f), r.distinct(s).add(0.013f));
    }

    @ParameterizedTest @MethodSource("seeds")
    void activations(long seed) {
        RandomShapes r = new RandomShapes(seed);
        int[] s = r.shape(3, 5);
        CHECK.check("relu", x -> x[0].relu(), r.awayFromZero(0.05f, s));
        CHECK.check("leaky_relu", x -> x[0].leakyRelu(0.2f), r.awayFromZero(0.05f, s));
        CHECK.check("tanh", x -> x[0].tanh(), r.normal(s));
        CHECK.check("sigmoid", x -> x[0].sigmoid(), r.normal(s));
        CHECK.check("softplus", x -> x[0].softplus(), r.normal(s).mul(3f));
        CHECK.check("silu", x -> x[0].silu(), r.normal(s).mul(2f));
        CHECK.check("gelu", x -> x[0].gelu(), r.normal(s).mul(2f));
    }

    @ParameterizedTest @MethodSource("seeds")
    void reductions(long seed) {
        RandomShapes r = new RandomShapes(seed);
        int[] s = r.shape(4, 4);
        int axis = r.rng().nextInt(s.length);
        boolean keep = r.rng().nextBoolean();
        CHECK.check("sum all", x -> x[0].sum(), r.normal(s));
        CHECK.check("sum axis", x -> x[0].sum(axis, keep), r.normal(s));
        CHECK.check("mean axis", x -> x[0].mean(axis, keep), r.normal(s));
        CHECK.check("max axis", x -> x[0].max(axis, keep), r.distinct(s));
        CHECK.check("logsumexp", x -> x[0].logsumexp(axis, keep), r.normal(s).mul(3f));
        if (s[axis] > 1) CHECK.check("var", x -> x[0].var(new int[] {axis}, keep, 1), r.normal(s));
        CHECK.check("var biased", x -> x[0].var(new int[] {axis}, keep, 0), r.normal(s));
        CHECK.check("softmax", x -> x[0].softmax(axis), r.normal(s));
        CHECK.check("log_softmax", x -> x[0].logSoftmax(axis), r.normal(s));
    }

    @ParameterizedTest @MethodSource("seeds")
    void movement(long seed) {
        RandomShapes r = new RandomShapes(seed);
        int[] s = r.shape(4, 4);
        int axis = r.rng().nextInt(s.length);
        CHECK.check("reshape", x -> x[0].reshape(-1), r.normal(s));
        int[] perm = shuffled(r.rng(), s.length);
        CHECK.check("permute", x -> x[0].permute(perm), r.normal(s));
        int start = r.rng().nextInt(s[axis]);
        int end = start + 1 + r.rng().nextInt(s[axis] - start);
        CHECK.check("slice", x -> x[0].slice(axis, start, end), r.normal(s));
        int[] before = new int[s.length], after = new int[s.length];
        for (int d = 0; d < s.length; d++) {
            before[d] = r.rng().nextInt(3);
            after[d] = r.rng().nextInt(3);
        }
        CHECK.check("pad", x -> x[0].pad(before, after), r.normal(s));
        int[] t = r.broadcastable(s);
        CHECK.check("broadcast", x -> x[0].broadcastTo(s), r.normal(t));
        int[] s2 = s.clone();
        s2[axis] = 1 + r.rng().nextInt(3);
        CHECK.check("concat", x -> Tensor.concat(List.of(x[0], x[1]), axis), r.normal(s), r.normal(s2));
        CHECK.check("stack", x -> Tensor.stack(List.of(x[0], x[1], x[0]), axis), r.normal(s), r.normal(s));
    }

    @ParameterizedTest @MethodSource("seeds")
    void matmulInEveryLayout(long seed) {
        RandomShapes r = new RandomShapes(seed);
        SplittableRandom g = r.rng();
        int b = 1 + g.nextInt(3), m = 1 + g.nextInt(5), k = 1 + g.nextInt(5), n = 1 + g.nextInt(5);
        CHECK.check("matmul 2d", x -> x[0].matmul(x[1]), r.normal(m, k), r.normal(k, n));
        CHECK.check("matmul batched", x -> x[0].matmul(x[1]), r.normal(b, m, k), r.normal(b, k, n));
        CHECK.check("matmul shared rhs", x -> x[0].matmul(x[1]), r.normal(b, 2, m, k), r.normal(k, n));
        CHECK.check("matmul broadcast batch", x -> x[0].matmul(x[1]), r.normal(b, 1, m, k), r.normal(2, k, n));
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                int[] as = ta ? new int[] {b, k, m} : new int[] {b, m, k};
                int[] bs = tb ? new int[] {b, n, k} : new int[] {b, k, n};
                int[] bs2 = tb ? new int[] {n, k} : new int[] {k, n};
                CHECK.check("matmul ta=" + ta + " tb=" + tb, x -> MatMul.apply(x[0], x[1], ta, tb), r.normal(as), r.normal(bs));
                CHECK.check("matmul shared ta=" + ta + " tb=" + tb, x -> MatMul.apply(x[0], x[1], ta, tb), r.normal(as), r.normal(bs2));
            }
        }
    }

    @ParameterizedTest @MethodSource("seeds")
    void convolutions(long seed) {
        RandomShapes r = new RandomShapes(seed);
        SplittableRandom g = r.rng();
        int n = 1 + g.nextInt(2), cin = 1 + g.nextInt(3), cout = 1 + g.nextInt(3);
        int kh = 1 + g.nextInt(3), kw = 1 + g.nextInt(3);
        int[] stride = {1 + g.nextInt(2), 1 + g.nextInt(2)}, pad = {g.nextInt(2), g.nextInt(2)}, dil = {1 + g.nextInt(2), 1 + g.nextInt(2)};
        int h = 6 + g.nextInt(4), w = 6 + g.nextInt(4);
        CHECK.check("conv2d", x -> Conv2d.apply(x[0], x[1], stride, pad, dil), r.normal(n, cin, h, w), r.normal(cout, cin, kh, kw));
        int[] outPad = {g.nextInt(stride[0]), g.nextInt(stride[1])};
        CHECK.check("conv_transpose2d", x -> ConvTranspose2d.apply(x[0], x[1], stride, pad, outPad, dil),
                r.normal(n, cin, 3 + g.nextInt(3), 2 + g.nextInt(3)), r.normal(cin, cout, kh, kw));
        int[] k = {1 + g.nextInt(3), 1 + g.nextInt(3)};
        int[] p = {g.nextInt(k[0] / 2 + 1), g.nextInt(k[1] / 2 + 1)};
        CHECK.check("max_pool2d", x -> MaxPool2d.apply(x[0], k, stride, p, new int[] {1, 1}), r.distinct(n, cin, h, w));
        CHECK.check("avg_pool2d", x -> AvgPool2d.apply(x[0], k, stride, p), r.normal(n, cin, h, w));
        CHECK.check("upsample", x -> Upsample.nearest(x[0], 2), r.normal(n, cin, 3, 2));
    }

    @ParameterizedTest @MethodSource("seeds")
    void indexingAndDropout(long seed) {
        RandomShapes r = new RandomShapes(seed);
        int v = 2 + r.rng().nextInt(5), d = 1 + r.rng().nextInt(4);
        int[] ids = new int[1 + r.rng().nextInt(6)];
        for (int i = 0; i < ids.length; i++) ids[i] = r.rng().nextInt(v);
        CHECK.check("embedding", x -> Embedding.apply(x[0], ids), r.normal(v, d));
        long dseed = r.rng().nextLong();
        // The same mask on every evaluation: the op is linear in x given the mask.
        CHECK.check("dropout", x -> Dropout.apply(x[0], 0.3f, new SplittableRandom(dseed)), r.normal(r.shape(3, 5)));
    }

    private static int[] shuffled(SplittableRandom g, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = g.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
