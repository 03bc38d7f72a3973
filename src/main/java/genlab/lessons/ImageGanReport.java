package genlab.lessons;

import genlab.io.Npy;
import genlab.metrics.Evaluator;
import genlab.metrics.EvaluatorException;
import genlab.metrics.SampleScores;
import genlab.tensor.Tensor;
import genlab.viz.Gif;
import genlab.viz.ImageFiles;
import genlab.viz.ImageGrid;
import genlab.viz.LineChart;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the MNIST GAN lessons ({@code gan}, {@code dcgan}, {@code wgan-gp}) record and write: the
 * losses and D's outputs per step, a grid of the same 16 noise vectors after every epoch (as the
 * seed notes' plotting function draws them, 4x4) and their GIF, the loss and D-output charts, the
 * collapse warning, {@code samples.npy}, and the scores of the samples by the MNIST classifier.
 */
final class ImageGanReport {
    /** Mean discriminator loss below which, over the last stretch of training, D is said to have won. */
    static final double COLLAPSE_LOSS = 0.05;

    private final Run run;
    private final String title;
    private final boolean probabilities;
    private String xLabel = "epoch";
    private final List<Double> x = new ArrayList<>(), dLoss = new ArrayList<>(), gLoss = new ArrayList<>(),
            dReal = new ArrayList<>(), dFake = new ArrayList<>();
    private final List<BufferedImage> grids = new ArrayList<>();

    /** {@code probabilities}: D's outputs are probabilities (BCE losses), so D(x) and D(G(z)) are charted in [0, 1]. */
    ImageGanReport(Run run, String title, boolean probabilities) {
        this.run = run;
        this.title = title;
        this.probabilities = probabilities;
    }

    /** One training step at fractional epoch {@code epoch}: the losses and the batch means of D's outputs. */
    void step(double epoch, double lossD, double lossG, double meanDReal, double meanDFake) {
        x.add(epoch);
        dLoss.add(lossD);
        gLoss.add(lossG);
        dReal.add(meanDReal);
        dFake.add(meanDFake);
    }

    /** The charts' x axis (default {@code epoch}). */
    ImageGanReport xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    /** The 4x4 grid of the fixed noise after {@code epoch} (0: before training); pixels (16, 1, 28, 28) in [0, 1]. */
    void grid(int epoch, float[] pixels) {
        grid(String.format(Locale.ROOT, "epoch_%03d", epoch), pixels);
    }

    /** The 4x4 grid of the fixed noise, written as {@code grids/STEM.png}. */
    void grid(String stem, float[] pixels) {
        BufferedImage img = ImageGrid.of(pixels, 16, 1, 28, 28).columns(4).scale(4).image();
        grids.add(img);
        ImageFiles.writePng(img, run.file("grids/" + stem + ".png"));
        if (grids.size() == 1) run.out().println("writing the fixed-noise grids to " + run.file("grids/" + stem + ".png").getParent() + "/");
    }

    /**
     * Mean D loss over the last tenth of the steps (at least 50); if it is below
     * {@value #COLLAPSE_LOSS}, prints the warning and returns true.
     */
    boolean collapseWarning() {
        int n = dLoss.size();
        if (n == 0) return false;
        int k = Math.min(n, Math.max(50, n / 10));
        double mean = 0;
        for (int i = n - k; i < n; i++) mean += dLoss.get(i);
        mean /= k;
        if (mean < COLLAPSE_LOSS) {
            run.out().printf(Locale.ROOT, "WARNING: the discriminator's loss stayed near 0 (mean %.4f over the last %d steps): D rejects every"
                    + " generated image and G's gradient carries little information. Training has collapsed; look at grids/ and try"
                    + " another seed, a lower D learning rate or the improved recipe.%n", mean, k);
            return true;
        }
        return false;
    }

    /** Writes the GIF of the grids, {@code loss.png} and {@code d_outputs.png}. */
    void writeCharts() {
        if (!grids.isEmpty()) run.wrote(Gif.write(run.file("grids.gif"), grids, 400));
        if (!grids.isEmpty()) run.wrote(ImageFiles.writePng(grids.get(grids.size() - 1), run.file("grid_final.png")));
        double[] ax = arr(x);
        // Moving means only: per-step GAN losses are noisy enough to hide the trend.
        run.wrote(new LineChart(title + ": losses (moving mean over 50 steps)", xLabel, "loss")
                .series("L_D", ax, smooth(dLoss, 50)).series("L_G", ax, smooth(gLoss, 50))
                .write(run.file("loss.png")));
        StringBuilder csv = new StringBuilder(xLabel.replace(' ', '_') + ",d_loss,g_loss,d_real,d_fake\n");
        for (int i = 0; i < x.size(); i++) {
            csv.append(String.format(Locale.ROOT, "%.5f,%.6g,%.6g,%.6g,%.6g%n", x.get(i), dLoss.get(i), gLoss.get(i), dReal.get(i), dFake.get(i)));
        }
        try {
            java.nio.file.Files.writeString(run.file("losses.csv"), csv);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + run.file("losses.csv") + ": " + e.getMessage(), e);
        }
        run.wrote(run.file("losses.csv"));
        String what = probabilities ? "D(x) = P(real)" : "critic score";
        run.wrote(new LineChart(title + ": " + (probabilities ? "D(x) and D(G(z))" : "critic scores"), xLabel, what)
                .series(probabilities ? "D(x), real batch" : "D(x), real batch", ax, smooth(dReal, 50))
                .series(probabilities ? "D(G(z)), generated batch" : "D(G(z)), generated batch", ax, smooth(dFake, 50))
                .write(run.file("d_outputs.png")));
    }

    /** Last value of a series (NaN if empty). */
    double lastDLoss() {
        return dLoss.isEmpty() ? Double.NaN : dLoss.get(dLoss.size() - 1);
    }

    double lastGLoss() {
        return gLoss.isEmpty() ? Double.NaN : gLoss.get(gLoss.size() - 1);
    }

    /** Mean of D(x) and of D(G(z)) over the last 100 steps. */
    double[] lastDOutputs() {
        int n = dReal.size(), k = Math.min(n, 100);
        double r = 0, f = 0;
        for (int i = n - k; i < n; i++) {
            r += dReal.get(i);
            f += dFake.get(i);
        }
        return new double[] {r / Math.max(1, k), f / Math.max(1, k)};
    }

    /**
     * Writes {@code samples.npy} (N, 1, 28, 28) in [0, 1] and puts {@code fld}, {@code is},
     * {@code kid}, {@code precision}, {@code recall} (and {@code digit_accuracy} when
     * {@code digit >= 0}) into {@code metrics}. Without the classifier checkpoint, one line says so
     * and the scores are left out.
     */
    static void samplesAndScores(Run run, Tensor images, int digit, Map<String, Object> metrics) {
        run.wrote(writeNpy(run, images));
        Evaluator ev;
        try {
            ev = Evaluator.load();
        } catch (EvaluatorException e) {
            run.out().println("scores not computed: " + e.getMessage());
            return;
        }
        long start = System.nanoTime();
        SampleScores s = ev.score(images);
        metrics.put("fld", s.fld());
        metrics.put("is", s.is());
        metrics.put("kid", s.kid());
        metrics.put("precision", s.precision());
        metrics.put("recall", s.recall());
        metrics.put("score_samples", images.size(0));
        SampleScores floor = ev.floor();
        run.out().printf(Locale.ROOT, "scores of %d samples: FLD %.3f (real digits: %.3f), IS %.3f (real: %.3f), KID %.5f, precision %.3f, recall %.3f (%.0f s)%n",
                images.size(0), s.fld(), floor.fld(), s.is(), floor.is(), s.kid(), s.precision(), s.recall(), (System.nanoTime() - start) / 1e9);
        if (digit >= 0) {
            double acc = ev.accuracyAs(images, digit);
            metrics.put("digit_accuracy", acc);
            run.out().printf(Locale.ROOT, "the classifier reads %.1f%% of the samples as a %d%n", 100 * acc, digit);
        }
    }

    private static java.nio.file.Path writeNpy(Run run, Tensor images) {
        java.nio.file.Path p = run.file("samples.npy");
        Npy.write(p, images);
        return p;
    }

    /** [−1, 1] images to [0, 1], clamped. */
    static float[] toUnit(float[] minusOneToOne) {
        float[] out = new float[minusOneToOne.length];
        for (int i = 0; i < out.length; i++) out[i] = Math.max(0f, Math.min(1f, (minusOneToOne[i] + 1f) / 2f));
        return out;
    }

    /** The central 28x28 of (N, 1, 32, 32) images: undoes the 2-pixel padding of the DCGAN lessons. */
    static float[] crop32to28(float[] pixels, int n) {
        float[] out = new float[n * 784];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < 28; i++) System.arraycopy(pixels, k * 1024 + (i + 2) * 32 + 2, out, k * 784 + i * 28, 28);
        }
        return out;
    }

    /** (N, 1, 28, 28) MNIST images in [0, 1] placed in the middle of 32x32 zeros, then scaled to [−1, 1]: the DCGAN input. */
    static float[] pad28to32(float[] pixels, int n) {
        float[] out = new float[n * 1024];
        java.util.Arrays.fill(out, -1f);
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < 28; i++) {
                for (int j = 0; j < 28; j++) out[k * 1024 + (i + 2) * 32 + j + 2] = pixels[k * 784 + i * 28 + j] * 2 - 1;
            }
        }
        return out;
    }

    private static double[] arr(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i);
        return a;
    }

    private static double[] smooth(List<Double> l, int w) {
        double[] a = new double[l.size()];
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += l.get(i);
            if (i >= w) sum -= l.get(i - w);
            a[i] = sum / Math.min(i + 1, w);
        }
        return a;
    }
}
