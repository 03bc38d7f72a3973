package genlab.lessons;

import genlab.data.Batches;
import genlab.data.ImageSet;
import genlab.data.Mnist;
import genlab.models.gan.DcganDiscriminator;
import genlab.models.gan.DcganGenerator;
import genlab.models.gan.GanLoss;
import genlab.optim.Adam;
import genlab.tensor.Autograd;
import genlab.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The seed notes' DCGAN on MNIST padded to 32x32 (Radford et al. 2016): a generator of transposed
 * convolutions with batch norm and ReLU ({@link DcganGenerator}), a discriminator of strided
 * convolutions with batch norm and LeakyReLU(0.2) ending in a sigmoid ({@link DcganDiscriminator}),
 * BCE on D's probabilities as in the notes ({@link GanLoss#seedDiscriminatorLoss}), weights
 * N(0, 0.02²), Adam(2e-4, β₁ = 0.5), batch 128, noise of 100 dimensions.
 *
 * <p>The notes use width 64 (g = d = 64 channels in the first layer). That costs about 520 s per
 * epoch in PyTorch on one core of these machines; {@code --width} scales every layer. Width 16 on
 * 20,000 digits for 3 epochs (468 steps) took 22 minutes here with the machine shared by other
 * trainings, so the default is width 12 (about half the arithmetic) for the same 468 steps. Images are
 * generated at 32x32 and cropped back to the central 28x28 for the grids, {@code samples.npy} and
 * the scores.
 */
public final class DcganLesson implements Lesson {
    static final int NOISE = 100;

    @Override
    public String name() {
        return "dcgan";
    }

    @Override
    public String summary() {
        return "the notes' DCGAN on MNIST padded to 32x32, with a width option: grids per epoch, GIF, losses, FLD/IS/KID";
    }

    @Override
    public Options options() {
        return Options.common().epochs(3, 1).batchSize(128).lr(2e-4).samples(10_000, 64)
                .count("width", 12, 4, "channels of the first D layer and last G layer (the notes: 64)")
                .count("train-digits", 20_000, 256, "training digits to use (the first N; 60000 for all)")
                .choice("init", java.util.List.of("dcgan", "torch"), "dcgan", "weights: dcgan N(0, 0.02^2) as the notes; torch: PyTorch's default");
    }

    @Override
    public void run(Run run) throws Exception {
        RandomGenerator rng = run.random();
        int width = run.integer("width");
        ImageSet train = Mnist.load(Mnist.datasetsDir(), Mnist.Split.TRAIN, run.integer("train-digits"));
        boolean dcganInit = run.text("init").equals("dcgan");
        DcganGenerator g = new DcganGenerator(NOISE, width, dcganInit, rng);
        DcganDiscriminator d = new DcganDiscriminator(width, DcganDiscriminator.Norm.BATCH, true, dcganInit, rng);
        Adam optG = new Adam(g.parameters(), run.lr(), 0.5, 0.999);
        Adam optD = new Adam(d.parameters(), run.lr(), 0.5, 0.999);
        int epochs = run.epochs(), batch = run.batchSize(), perEpoch = Batches.count(train.size(), batch, true);
        run.out().printf(Locale.ROOT, "DCGAN width %d: G %d parameters, D %d parameters; Adam(%s, 0.5, 0.999), batch %d, %d digits padded to 32x32, %d epochs of %d steps%n",
                width, g.parameterCount(), d.parameterCount(), run.lr(), batch, train.size(), epochs, perEpoch);

        Tensor fixedZ = Tensor.randn(rng, 16, NOISE);                                // (16, 100)
        ImageGanReport report = new ImageGanReport(run, "DCGAN (width " + width + ")", true);
        report.grid(0, sample(g, fixedZ));
        long start = System.nanoTime();
        int step = 0;
        for (int e = 0; e < epochs; e++) {
            long epochStart = System.nanoTime();
            double sumD = 0, sumG = 0;
            int done = 0;
            try (Progress bar = run.progress("epoch " + (e + 1) + "/" + epochs, perEpoch)) {
                for (int[] idx : Batches.epoch(train.size(), batch, true, rng)) {
                    step++;
                    Tensor real = Tensor.of(ImageGanReport.pad28to32(train.batchFlat(idx).data(), idx.length), idx.length, 1, 32, 32);
                    Tensor fake = g.forward(Tensor.randn(rng, idx.length, NOISE));                // (B, 1, 32, 32)
                    Tensor pReal = d.forward(real), pFake = d.forward(fake.detach());              // (B, 1)
                    Tensor lossD = GanLoss.seedDiscriminatorLoss(pReal, pFake);
                    optD.zeroGrad();
                    lossD.backward();
                    optD.step();
                    Tensor pG = d.forward(fake);
                    Tensor lossG = GanLoss.seedGeneratorLoss(pG);
                    optG.zeroGrad();
                    lossG.backward();
                    optG.step();
                    double ld = run.checkLoss("the discriminator loss", step, lossD.item()), lg = run.checkLoss("the generator loss", step, lossG.item());
                    done++;
                    sumD += ld;
                    sumG += lg;
                    report.step(e + (double) done / perEpoch, ld, lg, mean(pReal), mean(pFake));
                    bar.step(String.format(Locale.ROOT, "L_D %.4f  L_G %.4f", sumD / done, sumG / done));
                }
            }
            report.grid(e + 1, sample(g, fixedZ));
            run.out().printf(Locale.ROOT, "epoch %d/%d: L_D %.4f, L_G %.4f, D(x) %.3f, D(G(z)) %.3f (%.0f s)%n", e + 1, epochs,
                    sumD / done, sumG / done, report.lastDOutputs()[0], report.lastDOutputs()[1], (System.nanoTime() - epochStart) / 1e9);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean collapsed = report.collapseWarning();
        report.writeCharts();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("width", width);
        metrics.put("init", run.text("init"));
        metrics.put("epochs", epochs);
        metrics.put("train_digits", train.size());
        metrics.put("train_seconds", seconds);
        metrics.put("seconds_per_epoch", seconds / Math.max(1, epochs));
        metrics.put("final_d_loss", report.lastDLoss());
        metrics.put("final_g_loss", report.lastGLoss());
        metrics.put("d_real", report.lastDOutputs()[0]);
        metrics.put("d_fake", report.lastDOutputs()[1]);
        metrics.put("collapse_warning", collapsed);
        ImageGanReport.samplesAndScores(run, samples(g, run.samples(), rng), -1, metrics);
        run.metrics(metrics);
    }

    /** N images from fresh noise, (N, 1, 28, 28) in [0, 1], generated in batches of 500. */
    static Tensor samples(DcganGenerator g, int n, RandomGenerator rng) {
        float[] pixels = new float[n * 784];
        for (int k = 0; k < n; k += 500) {
            int m = Math.min(500, n - k);
            System.arraycopy(sample(g, Tensor.randn(rng, m, g.nz)), 0, pixels, k * 784, m * 784);
        }
        return Tensor.of(pixels, n, 1, 28, 28);
    }

    /** G(z) cropped to 28x28 and scaled to [0, 1], in evaluation mode (batch norm's running statistics). */
    static float[] sample(DcganGenerator g, Tensor z) {
        g.eval();
        try (var ng = Autograd.noGrad()) {
            return ImageGanReport.toUnit(ImageGanReport.crop32to28(g.forward(z).data(), z.size(0)));
        } finally {
            g.train(true);
        }
    }

    private static double mean(Tensor t) {
        double s = 0;
        for (float v : t.data()) s += v;
        return s / t.numel();
    }
}
