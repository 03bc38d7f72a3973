package genlab.lessons;

import genlab.data.ImageSet;
import genlab.data.Mnist;
import genlab.models.gan.DcganDiscriminator;
import genlab.models.gan.DcganGenerator;
import genlab.models.gan.GanLoss;
import genlab.models.gan.GradientPenalty;
import genlab.models.gan.WeightClipping;
import genlab.optim.Adam;
import genlab.tensor.Tensor;
import genlab.viz.LineChart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * WGAN-GP on MNIST (Gulrajani et al. 2017, Algorithm 1), with the weight-clipping WGAN (Arjovsky
 * et al. 2017) for contrast.
 *
 * <p>The critic D is the DCGAN discriminator without the sigmoid and with layer norm (or instance
 * norm, {@code --norm}) where DCGAN has batch norm: the gradient penalty constrains each sample's
 * gradient ‖∇ₓD(x̂)‖ to 1, and batch norm would make a sample's score depend on the rest of its
 * batch. Per generator step, {@code --d-steps} (n_critic = 5) critic steps minimise
 * <pre>
 *   L_D = E D(G(z)) − E D(x) + λ E (‖∇D(x̂)‖ − 1)²,   x̂ = εx + (1 − ε)G(z)
 * </pre>
 * ({@link GanLoss#WASSERSTEIN}, {@link GradientPenalty}, λ = 10; the penalty's gradient needs the
 * gradient of a gradient, which the tensor library records), then G minimises −E D(G(z)). Adam
 * (1e-4, β₁ = 0, β₂ = 0.9) as in the paper. −L_D without the penalty, E D(x) − E D(G(z)), estimates
 * the Wasserstein-1 distance and should fall as samples improve: {@code wasserstein.png}.
 *
 * <p>Weights keep PyTorch's default initialisation ({@code --init torch}): with DCGAN's N(0, 0.02²)
 * at width 8 the generator's output is nearly constant grey for its first hundreds of steps
 * (measured: 200 steps of the default gave flat grey grids).
 *
 * <p>Every critic step differentiates through the critic's own gradient, about three critic passes,
 * and there are five per generator step: the default (width 8, 200 generator steps) is sized to
 * finish in about a quarter of an hour on the project's shared 2-vCPU machines.
 *
 * <p>{@code --clip C} trains the original WGAN instead: no penalty, every critic weight clamped to
 * [−C, C] after each step ({@link WeightClipping}, C = 0.01 in the paper), learning rate 5e-5
 * (the paper uses RMSProp; Adam with β₁ = 0 is RMSProp with bias correction).
 */
public final class WganGpLesson implements Lesson {
    static final int NOISE = 100;

    @Override
    public String name() {
        return "wgan-gp";
    }

    @Override
    public String summary() {
        return "WGAN-GP on MNIST: a layer-norm critic, the gradient penalty by second-order autodiff; --clip for weight clipping";
    }

    @Override
    public Options options() {
        return Options.common().steps(200, 2).batchSize(64).samples(10_000, 64)
                .text("lr", "auto", "learning rate of both players (default 1e-4; 5e-5 with --clip)")
                .count("width", 8, 4, "channels of the first critic layer and last G layer (DCGAN: 64)")
                .count("d-steps", 5, "critic steps per generator step (n_critic)")
                .choice("norm", List.of("layer", "instance"), "layer", "the critic's normalisation in place of batch norm")
                .positive("gp-weight", GradientPenalty.LAMBDA, "lambda of the gradient penalty")
                .text("clip", "none", "weight-clipping WGAN instead of the penalty: clamp critic weights to [-C, C] (the paper: 0.01)")
                .count("train-digits", 60_000, 256, "training digits to use (the first N)")
                .count("grids", 10, 2, "fixed-noise grids written over training")
                .choice("init", List.of("dcgan", "torch"), "torch", "weights: torch, PyTorch's default; dcgan, N(0, 0.02^2) (slow to start at small widths)");
    }

    @Override
    public void run(Run run) throws Exception {
        RandomGenerator rng = run.random();
        float clip = parseClip(run.text("clip"));
        boolean clipping = clip > 0;
        double lr = GanLesson.parseLr(run.text("lr").equals("auto") ? "recipe" : run.text("lr"), clipping ? 5e-5 : 1e-4);
        int width = run.integer("width"), steps = run.steps(), dSteps = run.integer("d-steps"), batch = run.batchSize();
        float lambda = (float) run.number("gp-weight");
        DcganDiscriminator.Norm norm = run.text("norm").equals("layer") ? DcganDiscriminator.Norm.LAYER : DcganDiscriminator.Norm.INSTANCE;
        ImageSet train = Mnist.load(Mnist.datasetsDir(), Mnist.Split.TRAIN, run.integer("train-digits"));
        boolean dcganInit = run.text("init").equals("dcgan");
        DcganGenerator g = new DcganGenerator(NOISE, width, dcganInit, rng);
        DcganDiscriminator critic = new DcganDiscriminator(width, norm, false, dcganInit, rng);
        Adam optG = new Adam(g.parameters(), lr, 0.0, clipping ? 0.999 : 0.9);
        Adam optD = new Adam(critic.parameters(), lr, 0.0, clipping ? 0.999 : 0.9);
        run.out().printf(Locale.ROOT, "%s: critic width %d with %s norm (%d parameters), G %d parameters; %d critic steps per G step, Adam(%s, 0, %s), batch %d, %d G steps%n",
                clipping ? "WGAN with weight clipping at " + clip : "WGAN-GP, lambda " + lambda, width, norm.key(), critic.parameterCount(),
                g.parameterCount(), dSteps, lr, clipping ? "0.999" : "0.9", batch, steps);

        Tensor fixedZ = Tensor.randn(rng, 16, NOISE);
        ImageGanReport report = new ImageGanReport(run, clipping ? "WGAN (clipping " + clip + ")" : "WGAN-GP", false).xLabel("generator step");
        report.grid("step_00000", DcganLesson.sample(g, fixedZ));
        int gridEvery = Math.max(1, steps / run.integer("grids"));
        List<Double> wx = new ArrayList<>(), wEstimate = new ArrayList<>(), gradNorm = new ArrayList<>();
        long start = System.nanoTime();
        double lastW = Double.NaN, lastGp = Double.NaN;
        try (Progress bar = run.progress("train", steps)) {
            for (int step = 1; step <= steps; step++) {
                double ld = 0, w = 0, sReal = 0, sFake = 0;
                for (int k = 0; k < dSteps; k++) {
                    int[] idx = Gan2dLesson.randomIndices(train.size(), batch, rng);
                    Tensor real = Tensor.of(ImageGanReport.pad28to32(train.batchFlat(idx).data(), batch), batch, 1, 32, 32);
                    Tensor fake;
                    try (var ng = genlab.tensor.Autograd.noGrad()) {
                        fake = g.forward(Tensor.randn(rng, batch, NOISE));                    // (B, 1, 32, 32)
                    }
                    Tensor outReal = critic.forward(real), outFake = critic.forward(fake);     // (B, 1)
                    Tensor wLoss = GanLoss.WASSERSTEIN.discriminatorLoss(outReal, outFake);
                    Tensor lossD = wLoss;
                    if (!clipping) {
                        Tensor gp = GradientPenalty.of(critic, real, fake, lambda, rng);
                        lossD = wLoss.add(gp);
                        lastGp = gp.item();
                    }
                    optD.zeroGrad();
                    lossD.backward();
                    optD.step();
                    if (clipping) WeightClipping.apply(critic.parameters(), clip);
                    ld = run.checkLoss("the critic loss", step, lossD.item());
                    w = -wLoss.item();
                    sReal = mean(outReal);
                    sFake = mean(outFake);
                }
                Tensor lossG = GanLoss.WASSERSTEIN.generatorLoss(critic.forward(g.forward(Tensor.randn(rng, batch, NOISE))));
                optG.zeroGrad();
                lossG.backward();
                optG.step();
                double lg = run.checkLoss("the generator loss", step, lossG.item());
                report.step(step, ld, lg, sReal, sFake);
                wx.add((double) step);
                wEstimate.add(w);
                lastW = w;
                if (step % gridEvery == 0 || step == steps) {
                    report.grid(String.format(Locale.ROOT, "step_%05d", step), DcganLesson.sample(g, fixedZ));
                    gradNorm.add(GradientPenalty.meanGradientNorm(critic, Tensor.of(
                            ImageGanReport.pad28to32(train.batchFlat(Gan2dLesson.randomIndices(train.size(), 64, rng)).data(), 64), 64, 1, 32, 32)));
                }
                bar.step(String.format(Locale.ROOT, "L_D %.4f  L_G %.4f  W %.4f", ld, lg, w));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report.writeCharts();
        run.wrote(new LineChart((clipping ? "WGAN (clipping)" : "WGAN-GP") + ": Wasserstein estimate E D(x) - E D(G(z))", "generator step", "estimate")
                .series("per step", toArray(wx), toArray(wEstimate)).write(run.file("wasserstein.png")));
        double gn = gradNorm.isEmpty() ? Double.NaN : gradNorm.get(gradNorm.size() - 1);
        run.out().printf(Locale.ROOT, "after %d G steps (%.0f s): Wasserstein estimate %.4f, mean |grad_x D| on real digits %.3f%s%n", steps, seconds, lastW, gn,
                clipping ? String.format(Locale.ROOT, ", %.0f%% of critic weights at +-%s", 100 * WeightClipping.shareAtBound(critic.parameters(), clip), clip) : "");

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("mode", clipping ? "weight-clipping" : "gradient-penalty");
        metrics.put("steps", steps);
        metrics.put("d_steps", dSteps);
        metrics.put("width", width);
        metrics.put("init", run.text("init"));
        metrics.put("norm", norm.key());
        metrics.put("train_seconds", seconds);
        metrics.put("wasserstein_estimate", lastW);
        metrics.put("critic_gradient_norm", gn);
        if (!clipping) metrics.put("final_gradient_penalty", lastGp);
        else metrics.put("weights_at_clip", WeightClipping.shareAtBound(critic.parameters(), clip));
        metrics.put("final_d_loss", report.lastDLoss());
        metrics.put("final_g_loss", report.lastGLoss());
        ImageGanReport.samplesAndScores(run, DcganLesson.samples(g, run.samples(), rng), -1, metrics);
        run.metrics(metrics);
    }

    static float parseClip(String text) throws UsageException {
        if (text.equals("none")) return 0;
        try {
            float c = Float.parseFloat(text);
            if (c > 0 && Float.isFinite(c)) return c;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException("--clip expects a positive number (e.g. 0.01) or none, got '" + text + "'");
    }

    private static double mean(Tensor t) {
        double s = 0;
        for (float v : t.data()) s += v;
        return s / t.numel();
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i);
        return a;
    }
}
