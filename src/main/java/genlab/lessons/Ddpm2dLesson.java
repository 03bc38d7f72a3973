package genlab.lessons;

import genlab.data.Points;
import genlab.data.Toy2D;
import genlab.diffusion.Ddpm;
import genlab.diffusion.ForwardProcess;
import genlab.diffusion.MlpDenoiser;
import genlab.diffusion.NoiseSchedule;
import genlab.diffusion.Sampler;
import genlab.diffusion.Trajectory;
import genlab.metrics.Toy2DScores;
import genlab.optim.Adam;
import genlab.optim.Ema;
import genlab.optim.LrSchedule;
import genlab.tensor.Tensor;
import genlab.viz.LineChart;
import genlab.viz.PointFrames;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * DDPM on a 2-D toy (Ho et al. 2020 on points instead of images): the forward process blurs the
 * data into N(0, I), an MLP ε_θ ({@link MlpDenoiser}) learns the noise (Algorithm 1) and the
 * reverse process (Algorithm 2, or DDIM) carries fresh Gaussian noise back onto the data.
 *
 * <p>Figures: forward and reverse trajectories as strips of frames and GIFs, the loss curve, and
 * samples next to data. {@code metrics.json}: the histogram JS divergence between samples and fresh
 * data ({@link Toy2DScores}), mode coverage where the toy has modes, the final loss.
 */
public final class Ddpm2dLesson implements Lesson {
    private static final double LO = -3.5, HI = 3.5;

    @Override
    public String name() {
        return "ddpm-2d";
    }

    @Override
    public String summary() {
        return "diffusion on a 2-D toy: points blurred into noise and carried back, frame by frame";
    }

    @Override
    public Options options() {
        return Options.common().steps(10_000, 400).lr(2e-3).batchSize(256).samples(2000, 300)
                .choice("dataset", Toy2D.names(), "moons", "the 2-D toy distribution (standardised)")
                .count("timesteps", 100, 50, "T, the number of diffusion steps")
                .choice("schedule", List.of("linear", "cosine"), "linear", "noise schedule of β_t")
                .choice("sampler", List.of("ddpm", "ddim"), "ddpm", "reverse process: ancestral (Algorithm 2) or DDIM")
                .count("sample-steps", 100, 50, "reverse steps (at most T; fewer respace the chain)")
                .count("width", 128, 64, "hidden units per MLP layer");
    }

    @Override
    public void run(Run run) throws Exception {
        long start = System.nanoTime();
        RandomGenerator rng = run.random();
        Toy2D toy = Toy2D.byName(run.text("dataset"));
        // Standardise with the statistics of a large sample, so every draw uses the same map.
        Points ref = toy.sample(20_000, rng);
        double[] mean = ref.mean(), std = ref.std();
        int T = run.integer("timesteps");
        NoiseSchedule schedule = NoiseSchedule.byName(run.text("schedule"), T);
        Ddpm ddpm = new Ddpm(schedule);
        MlpDenoiser net = new MlpDenoiser(run.integer("width"), 3, 32, rng);
        Adam adam = new Adam(net.parameters(), run.lr());
        Ema ema = new Ema(net.namedParameters(), 0.995);
        int steps = run.steps(), batch = run.batchSize();
        LrSchedule lr = LrSchedule.cosine(steps);
        run.out().printf(Locale.ROOT, "%s; MLP ε_θ (%d parameters); %d steps of batch %d, Adam lr %s with cosine decay%n",
                schedule, net.parameterCount(), steps, batch, run.lr());

        double[] xs = new double[steps], ys = new double[steps];
        double smooth = Double.NaN;
        try (Progress bar = run.progress("train", steps)) {
            for (int s = 0; s < steps; s++) {
                lr.apply(adam, run.lr(), s);
                Tensor x0 = standardize(toy.sample(batch, rng).xy(), mean, std, batch);   // (B, 2)
                Tensor loss = ddpm.loss(net, x0, null, rng);
                double l = loss.item();
                if (!Double.isFinite(l)) throw new LessonException("ddpm-2d: loss is " + l + " at step " + (s + 1) + "; lower --lr");
                adam.zeroGrad();
                loss.backward();
                adam.step();
                ema.update();
                xs[s] = s + 1;
                ys[s] = l;
                smooth = s == 0 ? l : 0.98 * smooth + 0.02 * l;
                bar.step(String.format(Locale.ROOT, "loss %.4f", smooth));
            }
        }
        ema.swapInto();
        run.wrote(new LineChart("DDPM on " + toy.key() + ": L_simple", "step", "‖ε − ε_θ‖² (log scale)").logY()
                .series("per step", xs, ys).write(run.file("loss.png")));

        // Forward: one set of data points and one ε, at t = 0 … T.
        int n = run.samples();
        Tensor data = standardize(toy.sample(n, rng).xy(), mean, std, n);                  // (N, 2)
        Tensor eps = Tensor.randn(rng, n, 2);
        ForwardProcess q = new ForwardProcess(schedule);
        PointFrames fStrip = new PointFrames(LO, HI, 220), fGif = new PointFrames(LO, HI, 360);
        for (int k = 0; k <= 5; k++) fStrip.add(q.sample(data, fill(n, k * T / 5), eps).data(), "t = " + k * T / 5);
        for (int k = 0; k <= 40; k++) fGif.add(q.sample(data, fill(n, k * T / 40), eps).data(), "forward, t = " + k * T / 40);
        run.wrote(fStrip.writeStrip(run.file("forward_strip.png")));
        run.wrote(fGif.writeGif(run.file("forward.gif"), 80));

        // Reverse: fresh noise carried back to the data.
        // No clipping of x̂_0: standardised points are not confined to [−1, 1] as pixels are.
        Sampler sampler = Sampler.byName(run.text("sampler"), schedule, Math.min(run.integer("sample-steps"), T)).clip(false);
        Trajectory traj = new Trajectory();
        Tensor samples = sampler.sample(net, new int[] {n, 2}, null, rng, traj);            // (N, 2)
        PointFrames rStrip = new PointFrames(LO, HI, 220), rGif = new PointFrames(LO, HI, 360);
        for (Trajectory.Frame f : traj.evenly(6)) rStrip.add(f.xt().data(), "t = " + f.t());
        for (Trajectory.Frame f : traj.evenly(41)) rGif.add(f.xt().data(), "reverse, t = " + f.t());
        run.wrote(rStrip.writeStrip(run.file("reverse_strip.png")));
        run.wrote(rGif.writeGif(run.file("reverse.gif"), 80));
        run.wrote(new PointFrames(LO, HI, 360).add(data.data(), "data").add(samples.data(), "samples").writeStrip(run.file("samples.png")));

        // Scores in the data's own units.
        float[] sampleXy = unstandardize(samples.data(), mean, std), fresh = toy.sample(n, rng).xy();
        double lo = -4 * Math.max(std[0], std[1]) + Math.min(mean[0], mean[1]), hi = 4 * Math.max(std[0], std[1]) + Math.max(mean[0], mean[1]);
        double js = Toy2DScores.gridJs(sampleXy, fresh, lo, hi);
        double floor = Toy2DScores.gridJs(toy.sample(n, rng).xy(), fresh, lo, hi);
        run.out().printf(Locale.ROOT, "histogram JS(samples, data) = %.4f nats (two data samples: %.4f; at most ln 2 = 0.693)%n", js, floor);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("final_loss", smooth);
        metrics.put("grid_js", js);
        metrics.put("grid_js_data_vs_data", floor);
        if (toy.hasModes()) {
            Toy2DScores.ModeCoverage mc = Toy2DScores.modeCoverage(sampleXy, toy.modes().xy(), modeSigma(toy));
            run.out().printf(Locale.ROOT, "modes covered: %d of %d, %.1f%% of samples within 3σ of a mode%n", mc.modesHit(), mc.modes(), 100 * mc.highQualityShare());
            metrics.put("modes_hit", mc.modesHit());
            metrics.put("high_quality_share", mc.highQualityShare());
        }
        metrics.put("steps", steps);
        metrics.put("train_seconds", (System.nanoTime() - start) / 1e9);
        run.metrics(metrics);
    }

    private static double modeSigma(Toy2D toy) {
        return toy == Toy2D.EIGHT_GAUSSIANS ? 0.02 : 0.05;
    }

    private static Tensor standardize(float[] xy, double[] mean, double[] std, int n) {
        float[] out = new float[xy.length]; // (N, 2)
        for (int i = 0; i < xy.length; i++) out[i] = (float) ((xy[i] - mean[i % 2]) / std[i % 2]);
        return Tensor.of(out, n, 2);
    }

    private static float[] unstandardize(float[] xy, double[] mean, double[] std) {
        float[] out = new float[xy.length];
        for (int i = 0; i < xy.length; i++) out[i] = (float) (xy[i] * std[i % 2] + mean[i % 2]);
        return out;
    }

    private static int[] fill(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
