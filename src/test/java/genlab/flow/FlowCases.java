package genlab.flow;

import genlab.nn.Init;
import genlab.tensor.Tensor;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Every kind of flow layer (and two whole stacks) with random parameters and a random input
 * batch in its domain, built from a seed. {@code -Dgenlab.cases=N} sets the seeds per kind.
 */
final class FlowCases {
    private FlowCases() {}

    static final List<String> KINDS = List.of("coupling-vector", "coupling-checkerboard", "coupling-channel",
            "permutation-vector", "permutation-channels", "actnorm", "squeeze", "flatten", "factor-out",
            "dequantization", "logit", "chain", "realnvp-2d", "realnvp-images");

    /** A layer, an input batch for it, and the step a central difference should use there. */
    record Case(String kind, long seed, Bijector layer, Tensor x, double h) {
        @Override
        public String toString() {
            return kind + " seed " + seed + " input " + genlab.tensor.Shapes.str(x.shape());
        }
    }

    static Stream<Arguments> all(long defaultCases) {
        long n = Long.getLong("genlab.cases", defaultCases);
        return KINDS.stream().flatMap(k -> LongStream.range(0, n).mapToObj(s -> Arguments.of(k, s)));
    }

    static Case make(String kind, long seed) {
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + kind.hashCode());
        int b = 1 + rng.nextInt(3);
        return switch (kind) {
            case "coupling-vector" -> {
                int d = 2 + rng.nextInt(4);
                yield of(kind, seed, new AffineCoupling(Masks.alternating(d, rng.nextInt(2)), CouplingNets.mlp(d, 8, 2, rng)), normal(rng, b, d), rng);
            }
            case "coupling-checkerboard" -> {
                int c = 1 + rng.nextInt(2), hw = 2 + 2 * rng.nextInt(2);
                yield of(kind, seed, new AffineCoupling(Masks.checkerboard(c, hw, hw, rng.nextInt(2)), CouplingNets.conv(c, 4, 1, rng)), normal(rng, b, c, hw, hw), rng);
            }
            case "coupling-channel" -> {
                int c = 2 + rng.nextInt(3), hw = 1 + rng.nextInt(3);
                yield of(kind, seed, new AffineCoupling(Masks.channels(c, hw, hw, rng.nextInt(2)), CouplingNets.conv(c, 4, 1, rng)), normal(rng, b, c, hw, hw), rng);
            }
            case "permutation-vector" -> {
                int d = 1 + rng.nextInt(6);
                yield of(kind, seed, Permutation.random(d, rng), normal(rng, b, d), rng);
            }
            case "permutation-channels" -> {
                int c = 1 + rng.nextInt(4);
                yield of(kind, seed, Permutation.random(c, rng), normal(rng, b, c, 2, 3), rng);
            }
            case "actnorm" -> {
                int c = 1 + rng.nextInt(3);
                boolean image = rng.nextBoolean();
                yield of(kind, seed, new ActNorm(c, image ? 4 : 2), image ? normal(rng, b, c, 2, 2) : normal(rng, b, c), rng);
            }
            case "squeeze" -> {
                int c = 1 + rng.nextInt(2), h = 2 * (1 + rng.nextInt(2)), w = 2 * (1 + rng.nextInt(2));
                yield of(kind, seed, new Squeeze(), normal(rng, b, c, h, w), rng);
            }
            case "flatten" -> of(kind, seed, new Flatten(2, 3, 2), normal(rng, b, 2, 3, 2), rng);
            case "factor-out" -> {
                int c = 2 + rng.nextInt(3), hw = 2;
                int rest = c - c / 2;
                FlowChain inner = new FlowChain(new ActNorm(rest, 4),
                        new AffineCoupling(Masks.checkerboard(rest, hw, hw, 0), CouplingNets.conv(rest, 4, 1, rng)),
                        new Flatten(rest, hw, hw));
                yield of(kind, seed, new FactorOut(c, hw, hw, inner), normal(rng, b, c, hw, hw), rng);
            }
            case "dequantization" -> {
                Tensor v = uniform(rng, 0, 256, b, 1, 2, 2);
                yield new Case(kind, seed, new Dequantization(), v, 1e-1);
            }
            case "logit" -> {
                Tensor y = uniform(rng, 0.02, 0.98, b, 3);
                yield new Case(kind, seed, new Logit(rng.nextDouble() * 0.1), y, 1e-3);
            }
            case "chain" -> {
                int d = 2 + rng.nextInt(3);
                FlowChain chain = new FlowChain(new ActNorm(d, 2), new AffineCoupling(Masks.alternating(d, 0), CouplingNets.mlp(d, 8, 1, rng)),
                        Permutation.random(d, rng), new AffineCoupling(Masks.alternating(d, 1), CouplingNets.mlp(d, 8, 1, rng)));
                yield of(kind, seed, chain, normal(rng, b, d), rng);
            }
            case "realnvp-2d" -> of(kind, seed, RealNvp.twoD(4, 8, 2, rng).flow(), normal(rng, b, 2), rng);
            case "realnvp-images" -> {
                RealNvp m = RealNvp.images(1, 4, 4, 2, 4, 1, 0.05, rng);
                randomize(m.flow(), rng, 0.4f);
                yield new Case(kind, seed, m.flow(), uniform(rng, 0, 256, b, 1, 4, 4), 1e-1);
            }
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    private static Case of(String kind, long seed, Bijector layer, Tensor x, SplittableRandom rng) {
        randomize(layer, rng, 1f);
        return new Case(kind, seed, layer, x, 1e-2);
    }

    /**
     * Random parameters (the zero-initialised last layers would make every coupling the identity,
     * a test that cannot fail): weights N(0, 0.4²), coupling scales N(1, 0.3²), ActNorm log-scales
     * N(0, 0.3²), all spreads times {@code strength}. A deep stack (ten couplings) gets a
     * smaller strength (0.4; it passes at 0.5 and fails at 0.75): with full-strength random scales the
     * map stretches by up to e^±10 and float32 round-off, not the code, decides the outcome.
     */
    static void randomize(Bijector layer, SplittableRandom rng, float strength) {
        for (Map.Entry<String, Tensor> e : layer.namedParameters().entrySet()) {
            String name = e.getKey();
            Tensor p = e.getValue();
            if (name.endsWith("log_scale")) Init.normal(p, 0.3f * strength, rng);
            else if (name.endsWith("scale")) {
                Init.normal(p, 0.3f * strength, rng);
                float[] d = p.data();
                for (int i = 0; i < d.length; i++) d[i] += 1;
                genlab.kernels.Backend.hostWrote(d);
            } else Init.normal(p, 0.4f * strength, rng);
        }
        // the data-dependent initialisation would overwrite the random ActNorm parameters
        layer.eval();
    }

    static Tensor normal(SplittableRandom rng, int... shape) {
        return Tensor.randn(rng, shape);
    }

    static Tensor uniform(SplittableRandom rng, double lo, double hi, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        return t;
    }
}
