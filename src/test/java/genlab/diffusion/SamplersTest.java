package genlab.diffusion;

import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The samplers, guidance and networks, with oracle ε-models whose answers are known in closed form. */
class SamplersTest {

    /** The exact ε for data N(0, s²) in every coordinate: E[ε | x_t] = √(1 − ᾱ_t)·x_t/(ᾱ_t·s² + 1 − ᾱ_t). */
    private static EpsModel gaussianOracle(NoiseSchedule sch, double s) {
        return (xt, t, labels) -> {
            int b = t.length, d = xt.numel() / b;
            float[] x = xt.data(), out = new float[x.length];
            for (int i = 0; i < b; i++) {
                double ab = sch.alphaBar(t[i]), c = Math.sqrt(1 - ab) / (ab * s * s + 1 - ab);
                for (int j = i * d; j < (i + 1) * d; j++) out[j] = (float) (c * x[j]);
            }
            return Tensor.of(out, xt.shape());
        };
    }

    /** The exact ε when all data equal c: ε = (x_t − √ᾱ_t·c)/√(1 − ᾱ_t). */
    private static EpsModel pointOracle(NoiseSchedule sch, float c) {
        return (xt, t, labels) -> {
            int b = t.length, d = xt.numel() / b;
            float[] x = xt.data(), out = new float[x.length];
            for (int i = 0; i < b; i++) {
                double ab = sch.alphaBar(t[i]);
                for (int j = i * d; j < (i + 1) * d; j++) out[j] = (float) ((x[j] - Math.sqrt(ab) * c) / Math.sqrt(1 - ab));
            }
            return Tensor.of(out, xt.shape());
        };
    }

    /** sampleFrom(x_T) is sample() with x_T given; DDIM (η = 0) is then a function of x_T alone. */
    @ParameterizedTest @ValueSource(strings = {"ddpm", "ddim"})
    void sampleFromAGivenStartIsSample(String name) {
        NoiseSchedule s = NoiseSchedule.linear(100);
        EpsModel eps = gaussianOracle(s, 0.7);
        Sampler sampler = Sampler.byName(name, s, 10);
        Tensor x = sampler.sample(eps, new int[] {4, 3}, null, new SplittableRandom(5), null);
        SplittableRandom rng = new SplittableRandom(5);
        Tensor xT = Tensor.randn(rng, 4, 3);
        Tensor y = sampler.sampleFrom(eps, xT, null, rng, null);
        for (int i = 0; i < x.numel(); i++) assertEquals(x.data()[i], y.data()[i], 0, name + " element " + i);
        if (name.equals("ddim")) {
            Tensor z = sampler.sampleFrom(eps, xT, null, new SplittableRandom(99), null);
            for (int i = 0; i < x.numel(); i++) assertEquals(x.data()[i], z.data()[i], 0, "DDIM ignores the generator");
        }
    }

    @ParameterizedTest @ValueSource(strings = {"ddpm", "ddim"})
    void aPointMassIsSampledExactly(String name) {
        NoiseSchedule s = NoiseSchedule.linear(200);
        for (int steps : new int[] {200, 17, 1}) {
            Tensor x = Sampler.byName(name, s, steps).sample(pointOracle(s, 0.3f), new int[] {5, 3}, null, new SplittableRandom(1), null);
            for (float v : x.data()) assertEquals(0.3f, v, 1e-4, name + " with " + steps + " steps");
        }
    }

    /** With the exact ε of Gaussian data and all T = 1000 steps, both samplers give samples of that Gaussian. */
    @ParameterizedTest @ValueSource(strings = {"ddpm", "ddim"})
    void gaussianDataAreReproduced(String name) {
        NoiseSchedule s = NoiseSchedule.linear(1000);
        double sd = 0.5;
        int n = 20_000;
        Sampler sampler = Sampler.byName(name, s, 1000).clip(false);
        Tensor x = sampler.sample(gaussianOracle(s, sd), new int[] {n, 1}, null, new SplittableRandom(2), null);
        double m = 0, v = 0;
        for (float f : x.data()) m += f / (double) n;
        for (float f : x.data()) v += (f - m) * (f - m) / n;
        assertEquals(0, m, 5 * sd / Math.sqrt(n), name + " mean");
        // The sample variance's standard error is 1%; discrete steps shrink the variance a little
        // (for DDIM, by Cauchy–Schwarz each step's gain is at most the exact one): 1.6-1.8% here.
        assertEquals(sd * sd, v, 0.04 * sd * sd, name + " variance");
    }

    @Test
    void ddimWithoutNoiseIsDeterministicAndTheTrajectoryIsRecorded() {
        NoiseSchedule s = NoiseSchedule.cosine(100);
        Trajectory traj = new Trajectory();
        Sampler ddim = new DdimSampler(s, 10, 0);
        Tensor a = ddim.sample(gaussianOracle(s, 0.7), new int[] {4, 2}, null, new SplittableRandom(5), traj);
        Tensor b = ddim.sample(gaussianOracle(s, 0.7), new int[] {4, 2}, null, new SplittableRandom(5), null);
        assertTrue(java.util.Arrays.equals(a.data(), b.data()));
        assertEquals(11, traj.frames().size(), "x_T and one frame per step");
        assertEquals(100, traj.frames().get(0).t());
        assertEquals(0, traj.frames().get(10).t());
        assertTrue(java.util.Arrays.equals(a.data(), traj.frames().get(10).xt().data()));
        assertEquals(4, traj.evenly(4).size());
        assertTrue(java.util.Arrays.equals(new int[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 100}, ddim.timeSteps()));
    }

    @Test
    void guidanceExtrapolatesFromTheUnconditionalPrediction() {
        UNet net = new UNet(8, 3, new SplittableRandom(3));
        // Make the output depend on the label: perturb every weight (the output conv starts at zero).
        SplittableRandom g = new SplittableRandom(4);
        for (Tensor p : net.parameters()) for (int i = 0; i < p.numel(); i++) p.data()[i] += (float) (0.05 * g.nextGaussian());
        Tensor x = Tensor.randn(g, 2, 1, 8, 8);
        int[] t = {5, 50}, y = {0, 2};
        double w = 2.5;
        Tensor guided = new ClassifierFreeGuidance(net, w).eps(x, t, y);
        Tensor c = net.eps(x, t, y), u = net.eps(x, t, null);
        for (int i = 0; i < guided.numel(); i++) {
            double want = (1 + w) * c.data()[i] - w * u.data()[i];
            assertEquals(want, guided.data()[i], 1e-4 * (1 + Math.abs(want)));
        }
        assertTrue(Math.abs(c.data()[0] - u.data()[0]) > 1e-6, "the label changes the prediction");
        int[] dropped = ClassifierFreeGuidance.dropLabels(new int[1000], 3, 0.25, new SplittableRandom(6));
        long nulls = java.util.Arrays.stream(dropped).filter(v -> v == 3).count();
        assertTrue(nulls > 200 && nulls < 300, nulls + " of 1000 labels dropped at p = 0.25");
    }

    @Test
    void unetStartsAtZeroAndLearnsAFixedBatch() {
        SplittableRandom g = new SplittableRandom(8);
        UNet net = new UNet(8, 10, g);
        Tensor x = Tensor.rand(g, 4, 1, 12, 12).mul(2f).sub(1f);
        int[] y = {1, 2, 3, 4};
        Tensor e0 = net.eps(x, new int[] {1, 10, 100, 999}, y);
        assertTrue(java.util.Arrays.equals(new int[] {4, 1, 12, 12}, e0.shape()));
        for (float v : e0.data()) assertEquals(0f, v, "the zero-initialised output conv");
        Ddpm ddpm = new Ddpm(NoiseSchedule.linear(100));
        genlab.optim.Adam adam = new genlab.optim.Adam(net.parameters(), 2e-3);
        double first = 0, last = 0;
        for (int i = 0; i < 40; i++) {
            Tensor loss = ddpm.loss(net, x, y, new SplittableRandom(i % 4)); // four fixed (t, ε) draws
            adam.zeroGrad();
            loss.backward();
            adam.step();
            if (i < 4) first += loss.item() / 4;
            if (i >= 36) last += loss.item() / 4;
        }
        assertTrue(last < 0.7 * first, "loss " + first + " -> " + last);
    }

    @Test
    void badInputsAreNamed() {
        UNet net = new UNet(8, 10, new SplittableRandom(1));
        Exception e = assertThrows(IllegalArgumentException.class, () -> net.eps(Tensor.zeros(1, 1, 28, 28), new int[] {1}, new int[] {11}));
        assertTrue(e.getMessage().contains("label 11"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sampler.byName("ddim", NoiseSchedule.linear(10), 11));
        assertTrue(e.getMessage().contains("1..10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.byName("quadratic", 10));
        assertTrue(e.getMessage().contains("quadratic"), e.getMessage());
    }

    @Test
    void sinusoidalEmbeddingHasUnitPairs() {
        Tensor e = SinusoidalEmbedding.of(new int[] {0, 7, 999}, 16);
        for (int b = 0; b < 3; b++) {
            for (int i = 0; i < 8; i++) {
                double s = e.get(b, i), c = e.get(b, 8 + i);
                assertEquals(1.0, s * s + c * c, 1e-5);
            }
        }
        assertEquals(Math.sin(7), e.get(1, 0), 1e-6);
        assertEquals(Math.cos(7 * 1e-4), e.get(1, 15), 1e-6);
    }
}
