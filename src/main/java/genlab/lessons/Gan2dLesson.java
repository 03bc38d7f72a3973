package genlab.lessons;

import genlab.data.DataException;
import genlab.data.Points;
import genlab.data.PointsCsv;
import genlab.data.Toy2D;
import genlab.metrics.Toy2DScores;
import genlab.models.gan.GanLoss;
import genlab.models.gan.GradientPenalty;
import genlab.models.gan.MlpDiscriminator;
import genlab.models.gan.MlpGenerator;
import genlab.nn.Activation;
import genlab.optim.Adam;
import genlab.tensor.Autograd;
import genlab.tensor.Tensor;
import genlab.viz.Gif;
import genlab.viz.LineChart;
import genlab.viz.PlanePlot;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A GAN on 2-D points, drawn as it trains (in the spirit of GAN Lab, Kahng et al. 2018).
 *
 * <p>G maps noise z ~ N(0, I) through an MLP to the plane; D scores points of the plane. Each step
 * makes {@code --d-steps} discriminator updates on a real batch and a generated batch, then one
 * generator update, with the loss chosen by {@code --loss} ({@link GanLoss}: minimax,
 * non-saturating, least squares, or Wasserstein with the gradient penalty of
 * {@link GradientPenalty}). Every frame shows D's view of the plane as a heatmap (its probability
 * σ(D(x)) that x is real, or the raw score for least squares and Wasserstein), the real points,
 * generated points, and the generator's manifold: the image under G of a grid of noise vectors, so
 * one sees how G folds and stretches the noise plane onto the data. {@code --step-through} writes a
 * frame after every D update and every G update, to follow the alternating game move by move.
 *
 * <p>Over training the lesson tracks the grid KL(data ‖ model) and JS divergences of 30x30
 * histograms and, for mixtures with known centres, how many modes the samples reach
 * ({@link Toy2DScores}): mode collapse shows as a JS that stalls and modes that stay unreached.
 */
public final class Gan2dLesson implements Lesson {
    static final List<String> LOSSES = List.of("minimax", "non-saturating", "least-squares", "wasserstein-gp");
    private static final int DATA_POINTS = 8192, SCORE_SAMPLES = 2000, CELLS = 60, GRID_LINES = 11, GRID_POINTS = 60;

    @Override
    public String name() {
        return "gan-2d";
    }

    @Override
    public String summary() {
        return "a GAN on 2-D toy data drawn as it trains: D's heatmap, G's manifold, frames and GIF, mode coverage";
    }

    @Override
    public Options options() {
        return Options.common().steps(3000, 150).batchSize(256).lr(1e-3)
                .text("data", "8gaussians", "a toy (" + String.join("|", Toy2D.names()) + ") or a CSV file of 2-D points")
                .choice("loss", LOSSES, "non-saturating", "the GAN objective")
                .count("d-steps", 1, "discriminator updates per generator update")
                .count("hidden", 128, 32, "units in each of the two hidden layers of G and D")
                .count("noise", 2, "dimensions of the noise z")
                .count("frames", 60, 8, "frames written over training (PNG and GIF)")
                .positive("gp-weight", GradientPenalty.LAMBDA, "lambda of the gradient penalty (wasserstein-gp)")
                .flag("step-through", "write a frame after every D update and every G update (use with a few --steps)");
    }

    @Override
    public void run(Run run) throws Exception {
        RandomGenerator rng = run.random();
        String dataName = run.text("data");
        Points data = loadData(dataName, rng);
        Toy2D toy = toyOrNull(dataName);
        float[] modes = toy != null && toy.hasModes() ? toy.modes().xy() : null;
        double modeSigma = toy == Toy2D.EIGHT_GAUSSIANS ? 0.02 : toy == Toy2D.GRID25 ? 0.05 : 0;
        double[] box = box(data.xy());
        String lossName = run.text("loss");
        boolean wgan = lossName.equals("wasserstein-gp");
        GanLoss loss = wgan ? GanLoss.WASSERSTEIN : GanLoss.byKey(lossName);
        int steps = run.steps(), dSteps = run.integer("d-steps"), batch = run.batchSize(), hidden = run.integer("hidden");
        int noise = run.integer("noise");
        float gpWeight = (float) run.number("gp-weight");
        boolean stepThrough = run.flag("step-through");

        MlpGenerator g = new MlpGenerator(noise, new int[] {hidden, hidden}, 2, Activation::relu, false, 0, rng);
        MlpDiscriminator d = new MlpDiscriminator(2, new int[] {hidden, hidden}, 0.2f, false, 0, rng);
        // β₂ = 0.9 for WGAN-GP (Gulrajani et al.); β₁ = 0.5 for all (Radford et al.).
        Adam optG = new Adam(g.parameters(), run.lr(), 0.5, wgan ? 0.9 : 0.999);
        Adam optD = new Adam(d.parameters(), run.lr(), 0.5, wgan ? 0.9 : 0.999);
        run.out().printf(Locale.ROOT, "data: %s (%d points, shown on [%.2f, %.2f]²); G %d-%d-%d-2 (ReLU), D 2-%d-%d-1 (LeakyReLU 0.2)%n",
                dataName, data.size(), box[0], box[1], noise, hidden, hidden, hidden, hidden);
        run.out().printf(Locale.ROOT, "loss %s, %d D step(s) per G step, Adam(%s, 0.5, %s), batch %d, %d steps%n",
                lossName, dSteps, run.lr(), wgan ? "0.9" : "0.999", batch, steps);

        Tensor fixedNoise = Tensor.randn(rng, SCORE_SAMPLES, noise);        // (N, noise): the same z for every frame and score
        List<float[]> zGrid = noiseGrid(noise);
        Frames frames = new Frames(run, g, d, loss, wgan, data, fixedNoise, zGrid, box);
        int frameEvery = Math.max(1, steps / run.integer("frames"));
        List<Double> scoreStep = new ArrayList<>(), kl = new ArrayList<>(), js = new ArrayList<>(), hit = new ArrayList<>();
        double[] dLoss = new double[steps], gLoss = new double[steps], stepAxis = new double[steps];
        long start = System.nanoTime();
        frames.add(0, "start", null);
        try (Progress bar = run.progress("train", steps)) {
            for (int step = 1; step <= steps; step++) {
                double dl = 0;
                for (int k = 0; k < dSteps; k++) {
                    Tensor real = data.batch(randomIndices(data.size(), batch, rng));       // (B, 2)
                    Tensor fake;
                    try (var ng = Autograd.noGrad()) {
                        fake = g.forward(Tensor.randn(rng, batch, noise));                   // (B, 2)
                    }
                    Tensor ld = loss.discriminatorLoss(d.forward(real), d.forward(fake));
                    if (wgan) ld = ld.add(GradientPenalty.of(d, real, fake, gpWeight, rng));
                    optD.zeroGrad();
                    ld.backward();
                    optD.step();
                    dl = run.checkLoss("the discriminator loss", step, ld.item());
                    if (stepThrough) frames.add(step, "D update " + (k + 1) + "/" + dSteps, String.format(Locale.ROOT, "L_D %.4f", dl));
                }
                Tensor lg = loss.generatorLoss(d.forward(g.forward(Tensor.randn(rng, batch, noise))));
                optG.zeroGrad();
                lg.backward();
                optG.step();
                double gl = run.checkLoss("the generator loss", step, lg.item());
                if (stepThrough) frames.add(step, "G update", String.format(Locale.ROOT, "L_G %.4f", gl));
                dLoss[step - 1] = dl;
                gLoss[step - 1] = gl;
                stepAxis[step - 1] = step;
                if (step % frameEvery == 0 || step == steps) {
                    float[] samples = frames.samples();
                    scoreStep.add((double) step);
                    kl.add(Toy2DScores.gridKl(data.xy(), samples, box[0], box[1]));
                    js.add(Toy2DScores.gridJs(data.xy(), samples, box[0], box[1]));
                    if (modes != null) hit.add((double) Toy2DScores.modeCoverage(samples, modes, modeSigma).modesHit());
                    if (!stepThrough) frames.add(step, "step " + step, String.format(Locale.ROOT, "L_D %.3f  L_G %.3f  JS %.3f", dl, gl, js.get(js.size() - 1)));
                }
                bar.step(String.format(Locale.ROOT, "L_D %.4f  L_G %.4f", dl, gl));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        float[] samples = frames.samples();
        double finalKl = Toy2DScores.gridKl(data.xy(), samples, box[0], box[1]);
        double finalJs = Toy2DScores.gridJs(data.xy(), samples, box[0], box[1]);
        Toy2DScores.ModeCoverage cover = modes != null ? Toy2DScores.modeCoverage(samples, modes, modeSigma) : null;
        run.out().printf(Locale.ROOT, "after %d steps (%.1f s): grid KL(data || model) %.3f nats, JS %.4f nats%s%n", steps, seconds,
                finalKl, finalJs, cover == null ? "" : String.format(Locale.ROOT, ", modes hit %d of %d, %.0f%% of samples within 3 sigma of a mode",
                        cover.modesHit(), cover.modes(), 100 * cover.highQualityShare()));

        run.wrote(frames.last(run.file("final.png")));
        run.wrote(Gif.write(run.file("training.gif"), frames.images, stepThrough ? 250 : 120));
        run.wrote(new LineChart("GAN on " + dataName + ": losses (" + lossName + ")", "step", "loss")
                .series("discriminator L_D", stepAxis, dLoss).series("generator L_G", stepAxis, gLoss).write(run.file("loss.png")));
        LineChart sc = new LineChart("Grid divergences between data and samples", "step", "nats")
                .series("KL(data || model)", toArray(scoreStep), toArray(kl)).series("JS", toArray(scoreStep), toArray(js));
        if (modes != null) sc.rightSeries("modes hit (of " + modes.length / 2 + ")", toArray(scoreStep), toArray(hit), "modes");
        run.wrote(sc.write(run.file("scores.png")));

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", dataName);
        m.put("loss", lossName);
        m.put("steps", steps);
        m.put("d_steps", dSteps);
        m.put("grid_kl", finalKl);
        m.put("grid_js", finalJs);
        if (cover != null) {
            m.put("modes_hit", cover.modesHit());
            m.put("modes", cover.modes());
            m.put("high_quality_share", cover.highQualityShare());
        }
        m.put("final_d_loss", dLoss[steps - 1]);
        m.put("final_g_loss", gLoss[steps - 1]);
        m.put("frames", frames.images.size());
        m.put("train_seconds", seconds);
        run.metrics(m);
    }


    private static Points loadData(String name, RandomGenerator rng) throws UsageException {
        Toy2D toy = toyOrNull(name);
        if (toy != null) return toy.sample(DATA_POINTS, rng);
        Path file = Path.of(name);
        if (!Files.exists(file)) {
            throw new UsageException("--data: '" + name + "' is neither a toy (" + String.join(", ", Toy2D.names()) + ") nor an existing CSV file");
        }
        try {
            Points p = PointsCsv.read(file);
            if (p.size() < 2) throw new UsageException("--data: " + file + " holds " + p.size() + " point(s); at least 2 are needed");
            return p;
        } catch (DataException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Toy2D toyOrNull(String name) {
        return Toy2D.names().contains(name) ? Toy2D.byName(name) : null;
    }

    /** A square around the data with a 25% margin: [lo, hi] on both axes. */
    static double[] box(float[] xy) {
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (float v : xy) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double m = 0.25 * (hi - lo) + 1e-3;
        return new double[] {lo - m, hi + m};
    }

    static int[] randomIndices(int n, int count, RandomGenerator rng) {
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) idx[i] = rng.nextInt(n);
        return idx;
    }

    /** Polylines of a grid in the first two noise coordinates over [−2.5, 2.5] (the rest 0), each (M, noise). */
    private static List<float[]> noiseGrid(int noise) {
        List<float[]> lines = new ArrayList<>();
        for (int axis = 0; axis < Math.min(2, noise); axis++) {
            for (int l = 0; l < GRID_LINES; l++) {
                float c = -2.5f + 5f * l / (GRID_LINES - 1);
                float[] z = new float[GRID_POINTS * noise];
                for (int k = 0; k < GRID_POINTS; k++) {
                    float t = -2.5f + 5f * k / (GRID_POINTS - 1);
                    z[k * noise + axis] = t;
                    if (noise > 1) z[k * noise + (1 - axis)] = c;
                }
                lines.add(z);
            }
        }
        return lines;
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i);
        return a;
    }

    /** Renders and keeps the frames; numbered PNGs under frames/. */
    private static final class Frames {
        final Run run;
        final MlpGenerator g;
        final MlpDiscriminator d;
        final GanLoss loss;
        final boolean wgan;
        final float[] realShown;
        final Tensor fixedNoise;
        final List<float[]> zGrid;
        final double[] box;
        final float[] cellCentres;
        final List<BufferedImage> images = new ArrayList<>();
        PlanePlot lastPlot;

        Frames(Run run, MlpGenerator g, MlpDiscriminator d, GanLoss loss, boolean wgan, Points data, Tensor fixedNoise,
               List<float[]> zGrid, double[] box) {
            this.run = run;
            this.g = g;
            this.d = d;
            this.loss = loss;
            this.wgan = wgan;
            int shown = Math.min(500, data.size());
            this.realShown = java.util.Arrays.copyOf(data.xy(), 2 * shown);
            this.fixedNoise = fixedNoise;
            this.zGrid = zGrid;
            this.box = box;
            this.cellCentres = PlanePlot.cellCentres(box[0], box[1], box[0], box[1], CELLS);
        }

        /** G applied to the fixed noise, (N, 2) row-major. */
        float[] samples() {
            try (var ng = Autograd.noGrad()) {
                return g.forward(fixedNoise).data();
            }
        }

        void add(int step, String title, String footer) {
            float[] heat, shownFake, all;
            List<float[]> lines = new ArrayList<>();
            try (var ng = Autograd.noGrad()) {
                Tensor scores = d.forward(Tensor.of(cellCentres, CELLS * CELLS, 2));    // (cells², 1)
                heat = loss.hasProbabilities() ? scores.sigmoid().data() : scores.data();
                all = g.forward(fixedNoise).data();
                int noise = fixedNoise.size(1);
                for (float[] z : zGrid) lines.add(g.forward(Tensor.of(z, z.length / noise, noise)).data());
            }
            shownFake = java.util.Arrays.copyOf(all, Math.min(all.length, 1000));
            double lo = 0, hi = 1;
            String label = "D(x) = P(real)";
            if (!loss.hasProbabilities()) {
                double max = 1e-6;
                for (float v : heat) max = Math.max(max, Math.abs(v));
                if (loss == GanLoss.LEAST_SQUARES) {
                    lo = 0.5 - Math.max(0.5, max);
                    hi = 0.5 + Math.max(0.5, max);
                    label = "D(x) (1: real, 0: fake)";
                } else {
                    lo = -max;
                    hi = max;
                    label = "critic score D(x)";
                }
            }
            lastPlot = new PlanePlot(title, box[0], box[1], box[0], box[1]).heatmap(heat, CELLS, lo, hi, label)
                    .lines("G(noise grid)", lines).points("real", realShown, 0).points("generated", shownFake, 1).footer(footer);
            BufferedImage img = lastPlot.image(640, 600);
            images.add(img);
            Path p = run.file(String.format(Locale.ROOT, "frames/frame_%04d.png", images.size()));
            genlab.viz.ImageFiles.writePng(img, p);
            if (images.size() == 1) run.out().println("writing frames to " + p.getParent() + "/ (frame_0001.png, ...)");
        }

        Path last(Path path) {
            return lastPlot.write(path, 640, 600);
        }
    }
}
