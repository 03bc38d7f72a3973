package genlab.flow;

import genlab.data.Points;
import genlab.data.Toy2D;
import genlab.metrics.BitsPerDim;
import genlab.optim.Adam;
import genlab.tensor.Autograd;
import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole-model properties: a learned 2-D density is normalised; bits/dim conversions agree. */
class RealNvpTest {

    static LongStream seeds() {
        return LongStream.range(0, Long.getLong("genlab.cases", 20));
    }

    /** Σ p(x) · cell² over a grid wide enough to hold all the mass, in double. */
    private static double integral(RealNvp model, double lo, double hi, int cells) {
        float[] xy = new float[cells * cells * 2];
        double step = (hi - lo) / cells;
        for (int i = 0; i < cells; i++)
            for (int j = 0; j < cells; j++) {
                xy[2 * (i * cells + j)] = (float) (lo + (j + 0.5) * step);
                xy[2 * (i * cells + j) + 1] = (float) (lo + (i + 0.5) * step);
            }
        double sum = 0;
        try (var ng = Autograd.noGrad()) {
            for (float lp : model.logProb(Tensor.of(xy, cells * cells, 2)).data()) sum += Math.exp(lp);
        }
        return sum * step * step;
    }

    @Test
    void theLearnedTwoMoonsDensityIntegratesToOne() {
        SplittableRandom rng = new SplittableRandom(7);
        Points moons = Toy2D.moons(1000, 0.05, rng).standardized();
        RealNvp model = RealNvp.twoD(6, 32, 2, rng);
        Adam adam = new Adam(model.parameters(), 3e-3);
        double first = Double.NaN, last = Double.NaN;
        for (int step = 0; step < 300; step++) {
            int[] idx = new int[128];
            for (int i = 0; i < idx.length; i++) idx[i] = rng.nextInt(moons.size());
            Tensor loss = model.nll(moons.batch(idx));
            if (step == 0) first = loss.item();
            last = loss.item();
            adam.zeroGrad();
            loss.backward();
            adam.step();
        }
        assertTrue(last < first - 0.5, "the flow learned nothing: NLL " + first + " -> " + last);
        double mass = integral(model, -8, 8, 400);
        assertEquals(1.0, mass, 0.01, "∫ p(x) dx over [-8, 8]² of the trained flow");
    }

    @ParameterizedTest(name = "seed {0}") @MethodSource("seeds")
    void bitsPerDimOfTheDequantizedFlowMatchTheUnitScaleConversion(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        RealNvp model = RealNvp.images(1, 4, 4, 2, 4, 1, 0.05, rng);
        FlowCases.randomize(model.flow(), rng, 0.4f);
        Tensor pixels = FlowCases.uniform(rng, 0, 1, 3, 1, 4, 4);
        Tensor v = Dequantization.noise(pixels, rng); // (3, 1, 4, 4) in [0, 256)
        int d = 16;
        try (var ng = Autograd.noGrad()) {
            float[] lpV = model.logProb(v).data();
            // the same flow without its first layer (the 1/256 rescaling), on y = v/256 in [0, 1)
            List<Bijector> layers = model.flow().layers();
            FlowChain unit = new FlowChain(layers.subList(1, layers.size()));
            Transformed t = unit.forwardLogDet(v.div(256f));
            float[] lpY = RealNvp.standardNormalLogProb(t.value()).add(t.logDet()).data();
            for (int b = 0; b < 3; b++) {
                double direct = BitsPerDim.fromNats(-lpV[b], d);
                double viaUnit = BitsPerDim.fromUnitScaleNats(-lpY[b], d);
                assertEquals(viaUnit, direct, 1e-4 * (1 + Math.abs(direct)), "seed " + seed + " example " + b);
                assertEquals(-lpV[b], BitsPerDim.toNats(direct, d), 1e-9 * (1 + Math.abs(lpV[b])), "toNats(fromNats(nll))");
            }
        }
        // the pixel value survives the noise: floor(k + u) = k
        for (int i = 0; i < v.numel(); i++) {
            float k = Math.round(pixels.data()[i] * 255);
            assertEquals(k / 255f, Dequantization.toPixel(v.data()[i]), 1e-7f, "pixel " + i);
        }
    }

    @Test
    void anUntrainedFlowIsTheIdentityAndScoresTheStandardNormal() {
        SplittableRandom rng = new SplittableRandom(3);
        RealNvp model = RealNvp.twoD(4, 8, 2, rng);
        Tensor x = Tensor.randn(rng, 5, 2);
        try (var ng = Autograd.noGrad()) {
            float[] lp = model.logProb(x).data();
            for (int b = 0; b < 5; b++) {
                double x0 = x.data()[2 * b], x1 = x.data()[2 * b + 1];
                assertEquals(-0.5 * (x0 * x0 + x1 * x1) - Math.log(2 * Math.PI), lp[b], 1e-5);
            }
        }
    }

    @Test
    void badInputNamesTheShape() {
        AffineCoupling c = new AffineCoupling(Masks.alternating(2, 0), CouplingNets.mlp(2, 4, 1, new SplittableRandom(1)));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> c.forwardLogDet(Tensor.zeros(3, 5)));
        assertTrue(e.getMessage().contains("(3, 5)"), e.getMessage());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Squeeze().forwardLogDet(Tensor.zeros(1, 1, 3, 4)))
                .getMessage().contains("even"));
    }
}
