package genlab.models.vae;

import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known answers for the helpers: PCA, the latent grid and quantiles, shapes and gradients of ConvVae, the deeper MlpVae. */
class VaePartsTest {
    @Test
    void pcaFindsTheDirectionsOfAKnownCovariance() {
        // points along (3, 4)/5 with variance 25, and along (−4, 3)/5 with variance 1, plus a third axis of variance 0.25
        SplittableRandom rng = new SplittableRandom(1);
        int n = 20_000;
        double[][] x = new double[n][3];
        for (int i = 0; i < n; i++) {
            double a = 5 * rng.nextGaussian(), b = rng.nextGaussian(), c = 0.5 * rng.nextGaussian();
            x[i] = new double[] {a * 0.6 - b * 0.8 + 10, a * 0.8 + b * 0.6 - 3, c};
        }
        Pca pca = Pca.fit(x, 2);
        double[] v1 = pca.component(0), v2 = pca.component(1), var = pca.variances();
        assertEquals(1, Math.abs(v1[0] * 0.6 + v1[1] * 0.8), 1e-3, "first component along (3, 4)/5");
        assertEquals(1, Math.abs(-v2[0] * 0.8 + v2[1] * 0.6), 1e-2, "second component along (−4, 3)/5");
        assertEquals(25, var[0], 0.8);
        assertEquals(1, var[1], 0.05);
        assertEquals(26.0 / 26.25, pca.explainedFraction(), 0.01);
        double[][] y = pca.project(new double[][] {{10 + 3, -3 + 4, 0}});
        assertEquals(5, Math.abs(y[0][0]), 0.05);
    }

    @Test
    void normalQuantilesAndTheManifoldGrid() {
        assertEquals(1.959964, LatentGrid.normalQuantile(0.975), 1e-5);
        assertEquals(-1.644854, LatentGrid.normalQuantile(0.05), 1e-5);
        assertEquals(0, LatentGrid.normalQuantile(0.5), 1e-7);
        Tensor g = LatentGrid.manifold(3, 0.05); // (9, 2)
        assertArrayEquals(new int[] {9, 2}, g.shape());
        // top-left: smallest z1, largest z2; centre: the origin
        assertEquals(-1.644854, g.get(0, 0), 1e-4);
        assertEquals(1.644854, g.get(0, 1), 1e-4);
        assertEquals(0, g.get(4, 0), 1e-6);
        assertEquals(0, g.get(4, 1), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> LatentGrid.normalQuantile(1));
    }

    @Test
    void interpolationStartsAndEndsAtTheCodes() {
        Tensor a = Tensor.of(new float[] {0, 0, 1, 1}, 2, 2), b = Tensor.of(new float[] {1, 2, 3, 5}, 2, 2);
        Tensor z = LatentGrid.interpolate(a, b, 5); // (10, 2)
        assertArrayEquals(new int[] {10, 2}, z.shape());
        assertEquals(0, z.get(0, 1));
        assertEquals(1, z.get(2, 1), 1e-6); // t = 1/2 of (0, 0) -> (1, 2)
        assertEquals(5, z.get(9, 1), 1e-6);
        assertEquals(3, z.get(9, 0), 1e-6);
    }

    @Test
    void convVaeShapesAndEveryParameterGetsAGradient() {
        ConvVae vae = new ConvVae(3, 2, 5, new SplittableRandom(0));
        Tensor x = Tensor.rand(new SplittableRandom(1), 2, 1, 28, 28);
        GaussianPosterior q = vae.encode(x);
        assertArrayEquals(new int[] {2, 3}, q.mu().shape());
        Tensor xHat = vae.decode(q.mu());
        assertArrayEquals(new int[] {2, 1, 28, 28}, xHat.shape());
        for (float v : xHat.data()) assertTrue(v > 0 && v < 1);
        Elbo.loss(vae, x, ReconstructionLoss.BCE, 1, new SplittableRandom(2)).total().backward();
        vae.namedParameters().forEach((name, p) -> {
            double s = 0;
            for (float g : p.grad().data()) s += Math.abs(g);
            assertTrue(s > 0, name + " has no gradient");
        });
    }

    /** From logits, both losses equal the probability forms, and BCE keeps a finite gradient where σ(l) rounds to 0 or 1. */
    @Test
    void lossesFromLogitsMatchAndStayFiniteWhenTheDecoderSaturates() {
        SplittableRandom rng = new SplittableRandom(3);
        Tensor l = Tensor.randn(rng, 3, 1, 2, 4).mul(4f), x = Tensor.rand(rng, 3, 1, 2, 4);
        for (ReconstructionLoss r : ReconstructionLoss.values()) {
            float[] a = r.perExampleFromLogits(l, x).data(), b = r.perExample(l.sigmoid(), x).data();
            for (int i = 0; i < 3; i++) assertEquals(b[i], a[i], 1e-4 * (1 + Math.abs(b[i])), r + " example " + i);
        }
        Tensor sat = Tensor.of(new float[] {50, -50, 30, -120}, 1, 1, 1, 4).requiresGrad(true);
        Tensor target = Tensor.of(new float[] {0.5f, 0.5f, 0.2f, 0.9f}, 1, 1, 1, 4);
        Tensor loss = ReconstructionLoss.BCE.perExampleFromLogits(sat, target).sum();
        // softplus(l) − x·l: 25 + 25 + 24 + 108
        assertEquals(182, loss.item(), 1e-3);
        loss.backward();
        float[] g = sat.grad().data(); // σ(l) − x
        assertEquals(0.5, g[0], 1e-6);
        assertEquals(-0.5, g[1], 1e-6);
        assertEquals(0.8, g[2], 1e-6);
        assertEquals(-0.9, g[3], 1e-6);
    }

    @Test
    void badShapesAreNamed() {
        MlpVae vae = new MlpVae(4, new SplittableRandom(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vae.encode(Tensor.zeros(2, 784)));
        assertTrue(e.getMessage().contains("(2, 784)") && e.getMessage().contains("(B, 1, 28, 28)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> vae.decode(Tensor.zeros(2, 5)));
        assertTrue(e.getMessage().contains("(B, 4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReconstructionLoss.parse("l1"));
        assertTrue(e.getMessage().contains("l1"), e.getMessage());
    }

    /** A deeper MlpVae (hidden 5, 4) against a plain double-precision forward pass through its own weights. */
    @Test
    void deeperMlpVaeMatchesAPlainForwardPass() {
        MlpVae vae = new MlpVae(new int[] {1, 2, 3}, new int[] {5, 4}, 2, new SplittableRandom(0));
        var p = vae.namedParameters();
        assertEquals(java.util.List.of("fc1.weight", "fc1.bias", "fc1_1.weight", "fc1_1.bias", "fc21.weight", "fc21.bias",
                "fc22.weight", "fc22.bias", "fc3.weight", "fc3.bias", "fc3_1.weight", "fc3_1.bias", "fc4.weight", "fc4.bias"),
                java.util.List.copyOf(p.keySet()));
        assertArrayEquals(new int[] {4, 5}, p.get("fc1_1.weight").shape());
        assertArrayEquals(new int[] {4, 2}, p.get("fc3.weight").shape());   // the decoder mirrors: L -> 4 -> 5 -> D
        assertArrayEquals(new int[] {5, 4}, p.get("fc3_1.weight").shape());
        assertArrayEquals(new int[] {6, 5}, p.get("fc4.weight").shape());
        Tensor x = Tensor.rand(new SplittableRandom(1), 3, 1, 2, 3);         // (3, 1, 2, 3)
        GaussianPosterior q = vae.encode(x);
        Tensor z = Tensor.randn(new SplittableRandom(2), 3, 2);              // (3, 2)
        Tensor logits = vae.decodeLogits(z);                                 // (3, 1, 2, 3)
        assertArrayEquals(new int[] {3, 1, 2, 3}, logits.shape());
        for (int b = 0; b < 3; b++) {
            double[] h = plainLayer(p, "fc1", row(x, b, 6), true);
            h = plainLayer(p, "fc1_1", h, true);
            double[] mu = plainLayer(p, "fc21", h, false), logVar = plainLayer(p, "fc22", h, false);
            double[] g = plainLayer(p, "fc3", row(z, b, 2), true);
            g = plainLayer(p, "fc3_1", g, true);
            double[] out = plainLayer(p, "fc4", g, false);
            for (int j = 0; j < 2; j++) {
                assertEquals(mu[j], q.mu().data()[b * 2 + j], 1e-5, "mu");
                assertEquals(logVar[j], q.logVar().data()[b * 2 + j], 1e-5, "logVar");
            }
            for (int j = 0; j < 6; j++) assertEquals(out[j], logits.data()[b * 6 + j], 1e-5, "logit " + j);
        }
        // one hidden width is the seed model: same names, same initial weights for the same seed
        MlpVae a = new MlpVae(new int[] {1, 2, 3}, 5, 2, new SplittableRandom(3)), c = new MlpVae(new int[] {1, 2, 3}, new int[] {5}, 2, new SplittableRandom(3));
        assertEquals(java.util.List.of("fc1", "fc21", "fc22", "fc3", "fc4"), java.util.List.copyOf(a.children().keySet()));
        a.namedParameters().forEach((name, t) -> assertArrayEquals(t.data(), c.namedParameters().get(name).data(), name));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MlpVae(new int[] {1, 28, 28}, new int[] {512, 0}, 2, new SplittableRandom(0)));
        assertTrue(e.getMessage().contains("[512, 0]"), e.getMessage());
    }

    private static double[] row(Tensor t, int b, int n) {
        double[] r = new double[n];
        for (int j = 0; j < n; j++) r[j] = t.data()[b * n + j];
        return r;
    }

    /** y = W x + b, then ReLU if asked, in double. */
    private static double[] plainLayer(java.util.Map<String, Tensor> p, String name, double[] x, boolean relu) {
        Tensor w = p.get(name + ".weight"), bias = p.get(name + ".bias");
        int out = w.size(0), in = w.size(1);
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double s = bias.data()[o];
            for (int i = 0; i < in; i++) s += (double) w.data()[o * in + i] * x[i];
            y[o] = relu ? Math.max(0, s) : s;
        }
        return y;
    }
}
