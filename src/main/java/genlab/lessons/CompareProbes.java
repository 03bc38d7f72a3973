package genlab.lessons;

import genlab.metrics.Evaluator;
import genlab.metrics.InterpolationSmoothness;
import genlab.metrics.Slerp;
import genlab.tensor.Tensor;
import genlab.viz.ImageGrid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The two measurements the compare lesson makes on each loaded model ({@link CompareModels.Latent}),
 * the same way for all four.
 *
 * <p>Generation speed: one warm-up batch, then N samples in batches of B (drawing the latents
 * included), timed by the wall clock: ms/sample = 1000 · seconds / N, with the cpu kernels' thread
 * count reported beside it.
 *
 * <p>Latent interpolation: P pairs of latents z_a, z_b drawn from the prior; K + 1 frames
 * z_k = slerp(z_a, z_b; k/K) ({@link Slerp}); the frames' images scored by
 * {@link InterpolationSmoothness} in the classifier's feature space, averaged over the pairs.
 */
final class CompareProbes {
    private CompareProbes() {}

    /** Wall milliseconds per sample for {@code n} samples in batches of {@code batch}, after a warm-up batch. */
    static double msPerSample(CompareModels.Latent model, int n, int batch, RandomGenerator rng) {
        int b0 = Math.min(batch, n);
        model.generate(model.draw(rng, b0), b0);                                   // warm-up: JIT, buffers
        long t0 = System.nanoTime();
        for (int done = 0; done < n; done += batch) {
            int b = Math.min(batch, n - done);
            model.generate(model.draw(rng, b), b);                                 // (b, 1, 28, 28)
        }
        return (System.nanoTime() - t0) / 1e6 / n;
    }

    /** The interpolation frames and their mean smoothness. */
    record Interpolation(Tensor frames, int pairs, int steps, InterpolationSmoothness mean, int scoredPairs) {}

    /**
     * {@code pairs} slerp paths of {@code steps} + 1 frames each; frames (pairs·(steps+1), 1, 28, 28), row by row.
     * A pair whose endpoint images have identical features (e.g. two black images) is not scored.
     */
    static Interpolation interpolate(CompareModels.Latent model, Evaluator ev, int pairs, int steps, RandomGenerator rng) {
        int d = model.size(), frames = steps + 1;
        float[] z = new float[pairs * frames * d];
        for (int p = 0; p < pairs; p++) {
            float[] ends = model.draw(rng, 2);
            float[] a = java.util.Arrays.copyOfRange(ends, 0, d), b = java.util.Arrays.copyOfRange(ends, d, 2 * d);
            for (int k = 0; k < frames; k++) {
                System.arraycopy(Slerp.between(a, b, (double) k / steps), 0, z, (p * frames + k) * d, d);
            }
        }
        Tensor images = model.generate(z, pairs * frames);                          // (P·(K+1), 1, 28, 28)
        double[][] features = ev.features(images);                                   // (P·(K+1), 84)
        List<InterpolationSmoothness> scores = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            try {
                scores.add(InterpolationSmoothness.of(java.util.Arrays.copyOfRange(features, p * frames, (p + 1) * frames)));
            } catch (IllegalArgumentException e) {
                // endpoints with identical features: no ratio to take; left out and counted
            }
        }
        InterpolationSmoothness mean = scores.isEmpty() ? new InterpolationSmoothness(Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                : InterpolationSmoothness.mean(scores);
        return new Interpolation(images, pairs, steps, mean, scores.size());
    }

    /** The strip figure: one row per pair, the frames left to right, at scale 2. */
    static Path writeStrip(Interpolation in, Path file) {
        return ImageGrid.of(in.frames().data(), in.pairs() * (in.steps() + 1), 1, 28, 28).columns(in.steps() + 1).scale(2).write(file);
    }
}
