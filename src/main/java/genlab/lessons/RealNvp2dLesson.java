package genlab.lessons;

import genlab.viz.ReportPage;
import genlab.data.Batches;
import genlab.data.Points;
import genlab.data.PointsCsv;
import genlab.data.Toy2D;
import genlab.flow.FlowChain;
import genlab.flow.RealNvp;
import genlab.optim.Adam;
import genlab.optim.LrSchedule;
import genlab.tensor.Autograd;
import genlab.tensor.Tensor;
import genlab.viz.Gif;
import genlab.viz.LineChart;
import genlab.viz.Plot2D;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RealNVP on 2-D points: the change of variables made visible.
 *
 * <p>A stack of affine couplings with alternating masks ({@link RealNvp#twoD}) is trained by
 * maximum likelihood, log p(x) = log N(f(x); 0, I) + log |det ∂f/∂x|, on a toy (two moons with
 * noise 0.05 by default) or a CSV of points, standardised to zero mean and unit variance. The
 * held-out negative log-likelihood (nats per point) is the score. Figures: the learned density
 * beside the data, samples f⁻¹(ε) beside the data, and one frame per coupling layer of how the
 * flow moves a grid and the data from data space to the Gaussian latent and back (a GIF).
 */
public final class RealNvp2dLesson implements Lesson {

    @Override
    public String name() {
        return "realnvp-2d";
    }

    @Override
    public String summary() {
        return "RealNVP on 2-D points (two moons, any toy or --csv): density, samples, per-layer warp GIF, held-out NLL";
    }

    @Override
    public Options options() {
        return Options.common().steps(4000, 150).lr(1e-3).samples(2000, 300)
                .count("batch-size", 256, 64, "points per optimiser step")
                .choice("toy", Toy2D.names(), "moons", "the 2-D toy to learn (ignored with --csv)")
                .text("csv", "none", "a CSV of 2-D points to learn instead of a toy (x,y per line)")
                .count("train-points", 4000, 1000, "training points (toys only; a CSV is split 80/20)")
                .count("test-points", 2000, 500, "held-out points (toys only)")
                .count("couplings", 8, 4, "affine coupling layers")
                .count("hidden", 128, 32, "units per hidden layer of each s,t network")
                .count("layers", 2, 2, "hidden layers of each s,t network")
                .count("grid", 200, 60, "cells per axis of the density grid (also its integral check)");
    }

    @Override
    public void run(Run run) throws Exception {
        long start = System.nanoTime();
        Points train, test;
        String source;
        if (!run.text("csv").equals("none")) {
            Path csv = Path.of(run.text("csv"));
            Points all;
            try {
                all = PointsCsv.read(csv);
            } catch (RuntimeException e) {
                throw new UsageException("--csv: " + e.getMessage());
            }
            if (all.size() < 10) throw new UsageException("--csv " + csv + ": holds " + all.size() + " points; at least 10 are needed");
            int[] perm = Batches.permutation(all.size(), run.random());
            int nTrain = (int) Math.round(all.size() * 0.8);
            int[] tr = java.util.Arrays.copyOfRange(perm, 0, nTrain), te = java.util.Arrays.copyOfRange(perm, nTrain, all.size());
            Points standardized = standardize(all, all.subset(tr));
            train = standardized.subset(tr);
            test = standardized.subset(te);
            source = csv.toString();
        } else {
            Toy2D toy = Toy2D.byName(run.text("toy"));
            int nTrain = run.integer("train-points"), nTest = run.integer("test-points");
            Points all = toy.sample(nTrain + nTest, run.random());
            int[] tr = new int[nTrain], te = new int[nTest];
            for (int i = 0; i < nTrain; i++) tr[i] = i;
            for (int i = 0; i < nTest; i++) te[i] = nTrain + i;
            Points standardized = standardize(all, all.subset(tr));
            train = standardized.subset(tr);
            test = standardized.subset(te);
            source = toy.key();
        }

        RealNvp model = RealNvp.twoD(run.integer("couplings"), run.integer("hidden"), run.integer("layers"), run.random());
        Adam adam = new Adam(model.parameters(), run.lr());
        int steps = run.steps(), batch = Math.min(run.batchSize(), train.size());
        LrSchedule schedule = LrSchedule.cosine(steps);
        run.out().printf(Locale.ROOT, "RealNVP: %d couplings (%d parameters) on %s, %d training and %d held-out points (standardised), Adam lr %s, batch %d%n",
                run.integer("couplings"), model.parameterCount(), source, train.size(), test.size(), run.lr(), batch);

        Tensor testX = test.tensor(); // (N, 2)
        double[] stepAxis = new double[steps], trainNll = new double[steps];
        List<Double> evalX = new ArrayList<>(), evalNll = new ArrayList<>();
        List<int[]> order = new ArrayList<>();
        try (Progress bar = run.progress("train", steps)) {
            for (int k = 0; k < steps; k++) {
                if (order.isEmpty()) order.addAll(Batches.epoch(train.size(), batch, true, run.random()));
                schedule.apply(adam, run.lr(), k);
                Tensor loss = model.nll(train.batch(order.remove(order.size() - 1)));
                double l = loss.item();
                if (!Double.isFinite(l)) throw new IllegalStateException("training diverged at step " + k + ": loss " + l + " nats (try a lower --lr)");
                adam.zeroGrad();
                loss.backward();
                adam.step();
                stepAxis[k] = k + 1;
                trainNll[k] = l;
                if ((k + 1) % Math.max(1, steps / 40) == 0 || k == steps - 1) {
                    evalX.add((double) k + 1);
                    evalNll.add(nll(model, testX));
                }
                bar.step(String.format(Locale.ROOT, "NLL %.3f nats", l));
            }
        }
        double testNll = nll(model, testX), trainFinal = nll(model, train.tensor());
        double seconds = (System.nanoTime() - start) / 1e9;
        run.out().printf(Locale.ROOT, "held-out NLL %.4f nats per point (train %.4f), %.0f s%n", testNll, trainFinal, seconds);

        run.wrote(new LineChart("RealNVP on " + source, "step", "NLL (nats per point)")
                .series("train (batch)", stepAxis, trainNll)
                .series("held-out", RealNvpMnistLesson.toArray(evalX), RealNvpMnistLesson.toArray(evalNll))
                .write(run.file("nll.png")));

        double lo = -3.5, hi = 3.5;
        int cells = run.integer("grid");
        double[][] density = density(model, lo, hi, cells);
        double cell = (hi - lo) / cells, integral = 0;
        for (double[] r : density) for (double v : r) integral += v * cell * cell;
        run.out().printf(Locale.ROOT, "the learned density integrates to %.4f over [%.1f, %.1f]²%n", integral, lo, hi);
        float[] data = train.xy();
        int size = 360;
        run.wrote(Plot2D.writePng(Plot2D.row(List.of(
                new Plot2D("learned density p(x)", lo, hi, lo, hi).heatmap(density).render(size),
                new Plot2D("training data", lo, hi, lo, hi).points(data, Plot2D.BLUE).render(size))), run.file("density.png")));

        model.eval();
        Tensor samples = model.sample(run.samples(), 1.0, run.random()); // (n, 2)
        run.wrote(Plot2D.writePng(Plot2D.row(List.of(
                new Plot2D("samples x = f⁻¹(ε)", lo, hi, lo, hi).points(samples.data(), Plot2D.ORANGE).render(size),
                new Plot2D("training data", lo, hi, lo, hi).points(data, Plot2D.BLUE).render(size))), run.file("samples.png")));

        List<BufferedImage> frames = warpFrames(model, train, lo, hi, size);
        run.wrote(Plot2D.writePng(Plot2D.row(frames.subList(0, frames.size() / 2 + 1)), run.file("warp.png")));
        run.wrote(Gif.write(run.file("warp.gif"), frames, 600));

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("test_nll_nats", testNll);
        metrics.put("train_nll_nats", trainFinal);
        metrics.put("density_integral", integral);
        metrics.put("data", source);
        metrics.put("steps", steps);
        metrics.put("couplings", run.integer("couplings"));
        metrics.put("parameters", model.parameterCount());
        metrics.put("train_points", train.size());
        metrics.put("test_points", test.size());
        metrics.put("train_seconds", seconds);
        run.metrics(metrics);
    }

    /** Standardises {@code all} with the mean and standard deviation of the training part. */
    private static Points standardize(Points all, Points trainPart) {
        double[] m = trainPart.mean(), s = trainPart.std();
        float[] xy = all.xy().clone();
        for (int i = 0; i < all.size(); i++) {
            xy[2 * i] = (float) ((xy[2 * i] - m[0]) / s[0]);
            xy[2 * i + 1] = (float) ((xy[2 * i + 1] - m[1]) / s[1]);
        }
        return new Points(xy, all.labels());
    }

    static double nll(RealNvp model, Tensor x) {
        model.eval();
        try (var ng = Autograd.noGrad()) {
            double v = -model.logProb(x).mean().item();
            model.train(true);
            return v;
        }
    }

    /** p(x) at the centres of a cells x cells grid over [lo, hi]², rows from the top (y = hi). */
    static double[][] density(RealNvp model, double lo, double hi, int cells) {
        float[] xy = new float[cells * cells * 2];
        double step = (hi - lo) / cells;
        for (int i = 0; i < cells; i++)
            for (int j = 0; j < cells; j++) {
                xy[2 * (i * cells + j)] = (float) (lo + (j + 0.5) * step);
                xy[2 * (i * cells + j) + 1] = (float) (hi - (i + 0.5) * step);
            }
        float[] lp;
        model.eval();
        try (var ng = Autograd.noGrad()) {
            lp = model.logProb(Tensor.of(xy, cells * cells, 2)).data(); // (cells², )
        }
        model.train(true);
        double[][] p = new double[cells][cells];
        for (int i = 0; i < cells; i++) for (int j = 0; j < cells; j++) p[i][j] = Math.exp(lp[i * cells + j]);
        return p;
    }

    /**
     * One frame per layer output h_0 = x, …, h_K = z (a grid of lines and the data, coloured by
     * label), then back from z to x: what each coupling does to the plane.
     */
    private static List<BufferedImage> warpFrames(RealNvp model, Points data, double lo, double hi, int size) {
        FlowChain flow = model.flow();
        int lines = 17, per = 80;
        float[] grid = new float[2 * lines * per * 2];
        for (int l = 0; l < lines; l++)
            for (int k = 0; k < per; k++) {
                double a = lo + (hi - lo) * l / (lines - 1), b = lo + (hi - lo) * k / (per - 1);
                int v = (l * per + k) * 2, h = ((lines + l) * per + k) * 2;
                grid[v] = (float) a;      // vertical line x = a
                grid[v + 1] = (float) b;
                grid[h] = (float) b;      // horizontal line y = a
                grid[h + 1] = (float) a;
            }
        int nd = Math.min(data.size(), 1500);
        int[] idx = new int[nd];
        for (int i = 0; i < nd; i++) idx[i] = i;
        Points shown = data.subset(idx);
        List<Tensor> gridPath, dataPath;
        model.eval();
        try (var ng = Autograd.noGrad()) {
            gridPath = flow.trajectory(Tensor.of(grid, 2 * lines * per, 2));
            dataPath = flow.trajectory(shown.tensor());
        }
        model.train(true);
        int[] labels = shown.labels();
        List<BufferedImage> forward = new ArrayList<>();
        int layers = gridPath.size() - 1;
        double zlo = -4, zhi = 4;
        for (int k = 0; k <= layers; k++) {
            String title = k == 0 ? "data x" : k == layers ? "latent z (after coupling " + k + ")" : "after coupling " + k + " of " + layers;
            Plot2D p = new Plot2D(title, zlo, zhi, zlo, zhi);
            float[] g = gridPath.get(k).data();
            for (int l = 0; l < 2 * lines; l++) p.line(java.util.Arrays.copyOfRange(g, l * per * 2, (l + 1) * per * 2), Plot2D.GREY);
            float[] d = dataPath.get(k).data();
            float[][] byLabel = split(d, labels);
            p.points(byLabel[0], Plot2D.BLUE);
            p.points(byLabel[1], Plot2D.ORANGE);
            forward.add(p.render(size));
        }
        List<BufferedImage> frames = new ArrayList<>(forward);
        for (int k = layers - 1; k >= 1; k--) frames.add(forward.get(k)); // and back from z to x
        return frames;
    }

    /** Points with label 0 (or no labels) and the rest. */
    private static float[][] split(float[] xy, int[] labels) {
        if (labels == null) return new float[][] {xy, new float[0]};
        int n0 = 0;
        for (int l : labels) if (l == 0) n0++;
        float[] a = new float[2 * n0], b = new float[xy.length - 2 * n0];
        int ia = 0, ib = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 0) {
                a[ia++] = xy[2 * i];
                a[ia++] = xy[2 * i + 1];
            } else {
                b[ib++] = xy[2 * i];
                b[ib++] = xy[2 * i + 1];
            }
        }
        return new float[][] {a, b};
    }

    /** The held-out NLL lessons/realnvp.md gives for the default two moons. */
    @Override
    public List<ReportPage.Expected> expected(Run run) {
        if (run.quick() || !run.text("csv").equals("none") || !run.text("toy").equals("moons") || run.steps() < 4000) return List.of();
        return List.of(ReportPage.Expected.atMost("test_nll_nats", 1.30, "the issue's bar (the Keras RealNVP example); measured 1.21"));
    }
}
