package genlab.lessons;

import genlab.data.ImageSet;
import genlab.models.vae.LatentGrid;
import genlab.models.vae.Pca;
import genlab.models.vae.ReconstructionLoss;
import genlab.models.vae.Vae;
import genlab.tensor.Autograd;
import genlab.tensor.Tensor;
import genlab.viz.Gif;
import genlab.viz.ImageGrid;
import genlab.viz.LineChart;
import genlab.viz.Scatter;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/** The figures of the VAE lessons, written per epoch and at the end (see {@code lessons/vae.md}). */
final class VaeFigures {
    private static final int PAIRS = 8, STEPS = 10, GRID = 20, SCATTER_MAX = 5_000;
    private final Run run;
    private final ImageSet test;
    private final int latent;

    VaeFigures(Run run, ImageSet test, int latent) {
        this.run = run;
        this.test = test;
        this.latent = latent;
    }

    /** loss.png, reconstructions.png, samples.png and samples.gif after epoch {@code epoch}. */
    void epoch(Vae vae, int epoch, double[] epochX, VaeTraining.Losses[] train, VaeTraining.Losses[] test,
               Tensor fixedNoise, List<BufferedImage> frames, ReconstructionLoss r) {
        double[] x = java.util.Arrays.copyOf(epochX, epoch);
        run.wrote(new LineChart("VAE loss per digit (" + r.name() + "-sum + β·KL)", "epoch", "nats per digit")
                .series("train total", x, pick(train, epoch, 0)).series("test total", x, pick(test, epoch, 0))
                .series("train reconstruction", x, pick(train, epoch, 1)).series("test reconstruction", x, pick(test, epoch, 1))
                .rightSeries("train KL", x, pick(train, epoch, 2), "KL (nats per digit)")
                .rightSeries("test KL", x, pick(test, epoch, 2), "KL (nats per digit)")
                .write(run.file("loss.png")));
        vae.eval();
        try (var ng = Autograd.noGrad()) {
            int n = Math.min(32, this.test.size()), rows = (n + 7) / 8;
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = i;
            Tensor xs = this.test.batch(idx);                  // (n, 1, 28, 28)
            float[] orig = xs.data(), rec = vae.forward(xs).data();
            // rows alternate: 8 test digits, then their reconstructions
            float[] grid = new float[rows * 16 * 784];
            for (int i = 0; i < n; i++) {
                int row = i / 8, col = i % 8;
                System.arraycopy(orig, i * 784, grid, ((2 * row) * 8 + col) * 784, 784);
                System.arraycopy(rec, i * 784, grid, ((2 * row + 1) * 8 + col) * 784, 784);
            }
            run.wrote(ImageGrid.of(grid, rows * 16, 1, 28, 28).columns(8).scale(2).write(run.file("reconstructions.png")));
            Tensor samples = vae.decode(fixedNoise);          // (64, 1, 28, 28)
            ImageGrid g = ImageGrid.of(samples.data(), samples.size(0), 1, 28, 28).columns(8).scale(2);
            run.wrote(g.write(run.file("samples.png")));
            frames.add(g.image());
            run.wrote(Gif.write(run.file("samples.gif"), frames, 500));
        }
        vae.train(true);
    }

    /** latent_scatter.png: the test digits' posterior means, coloured by digit (PCA to 2-D if L &gt; 2). */
    void latentSpace(Vae vae) {
        int n = Math.min(SCATTER_MAX, test.size());
        double[][] mu = new double[n][latent];
        int[] labels = new int[n];
        try (var ng = Autograd.noGrad()) {
            for (int from = 0; from < n; from += 500) {
                int b = Math.min(500, n - from);
                int[] idx = new int[b];
                for (int i = 0; i < b; i++) idx[i] = from + i;
                float[] m = vae.encode(test.batch(idx)).mu().data(); // (b, L)
                for (int i = 0; i < b; i++) {
                    labels[from + i] = test.label(from + i);
                    for (int j = 0; j < latent; j++) mu[from + i][j] = m[i * latent + j];
                }
            }
        }
        double[] xs = new double[n], ys = new double[n];
        String title, xl = "z₁", yl = "z₂";
        if (latent == 1) {
            for (int i = 0; i < n; i++) { xs[i] = mu[i][0]; ys[i] = labels[i]; }
            title = "Test digits' latent means";
            yl = "digit";
        } else if (latent == 2) {
            for (int i = 0; i < n; i++) { xs[i] = mu[i][0]; ys[i] = mu[i][1]; }
            title = "Test digits' latent means μ(x)";
        } else {
            Pca pca = Pca.fit(mu, 2);
            double[][] y = pca.project(mu);
            for (int i = 0; i < n; i++) { xs[i] = y[i][0]; ys[i] = y[i][1]; }
            title = String.format(Locale.ROOT, "Test digits' latent means, PCA of %d-D (%.0f%% of variance)", latent, 100 * pca.explainedFraction());
            xl = "PC 1";
            yl = "PC 2";
        }
        String[] names = new String[10];
        for (int d = 0; d < 10; d++) names[d] = String.valueOf(d);
        run.wrote(new Scatter(title, xl, yl).points(xs, ys, labels).classNames(names).write(run.file("latent_scatter.png")));
    }

    /** interpolation.png: decoded codes on the segments between the latent means of pairs of test digits. */
    void interpolation(Vae vae) {
        int pairs = Math.min(PAIRS, test.size() / 2);
        if (pairs < 1) return;
        int[] a = new int[pairs], b = new int[pairs];
        for (int i = 0; i < pairs; i++) { a[i] = 2 * i; b[i] = 2 * i + 1; }
        try (var ng = Autograd.noGrad()) {
            Tensor za = vae.encode(test.batch(a)).mu(), zb = vae.encode(test.batch(b)).mu(); // (P, L)
            Tensor x = vae.decode(LatentGrid.interpolate(za, zb, STEPS));                   // (P·S, 1, 28, 28)
            run.wrote(ImageGrid.of(x.data(), pairs * STEPS, 1, 28, 28).columns(STEPS).scale(2).write(run.file("interpolation.png")));
        }
    }

    /** manifold.png (2-D latent only): decoded images over a grid of the prior's quantiles. */
    void manifold(Vae vae) {
        try (var ng = Autograd.noGrad()) {
            Tensor x = vae.decode(LatentGrid.manifold(GRID, 0.05)); // (400, 1, 28, 28)
            run.wrote(ImageGrid.of(x.data(), GRID * GRID, 1, 28, 28).columns(GRID).gap(0).write(run.file("manifold.png")));
        }
    }

    private static double[] pick(VaeTraining.Losses[] l, int n, int which) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = which == 0 ? l[i].total() : which == 1 ? l[i].reconstruction() : l[i].kl();
        return out;
    }
}
