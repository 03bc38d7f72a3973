package genlab.lessons;

import genlab.nn.Activation;
import genlab.nn.Linear;
import genlab.nn.Sequential;
import genlab.optim.Sgd;
import genlab.scalar.MLP;
import genlab.scalar.Nonlinearity;
import genlab.scalar.Value;
import genlab.tensor.Autograd;
import genlab.tensor.Tensor;
import genlab.viz.DecisionBoundary;
import genlab.viz.LineChart;
import genlab.viz.ReportPage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Lesson 2, the same tiny MLP on tensors.
 *
 * <p>The 2-16-16-1 ReLU network of the {@code autograd} lesson, the same two moons and the same
 * objective, L = (1/N) Σᵢ max(0, 1 − yᵢ·f(xᵢ)) + α Σ_p p², but every layer is now one matrix product
 * over the whole batch: X (N, 2) · W₁ᵀ (2, 16) and so on. The graph has a dozen nodes instead of
 * thousands, which is where the speed-up comes from. The lesson times a few steps of the scalar
 * version beside it and reports the ratio.
 */
public final class TensorsLesson implements Lesson {

    @Override
    public String name() {
        return "tensors";
    }

    @Override
    public String summary() {
        return "the autograd lesson's MLP on Tensor: batched matmuls, the speed-up over Value, loss and boundary";
    }

    @Override
    public Options options() {
        return Options.common().steps(300, 20).lr(1.0)
                .count("value-steps", 20, "steps of the scalar (Value) MLP to time for the comparison");
    }

    /** The README's figures for the default run (300 steps). */
    @Override
    public List<ReportPage.Expected> expected(Run run) {
        if (run.quick() || run.steps() < 300) return List.of();
        return List.of(ReportPage.Expected.atLeast("train_accuracy", 0.99, "300 steps or more"),
                ReportPage.Expected.atLeast("speedup_over_value", 10, "about 60x on the project's CI machine"));
    }

    @Override
    public void run(Run run) {
        RandomGenerator rng = run.random();
        int n = AutogradLesson.POINTS;
        double[][] xs = new double[n][];
        double[] ys = new double[n];
        AutogradLesson.moons(rng, xs, ys);
        float[] xf = new float[n * 2], yf = new float[n];
        for (int i = 0; i < n; i++) {
            xf[2 * i] = (float) xs[i][0];
            xf[2 * i + 1] = (float) xs[i][1];
            yf[i] = (float) ys[i];
        }
        Tensor x = Tensor.of(xf, n, 2);    // (N, 2)
        Tensor y = Tensor.of(yf, n, 1);    // (N, 1), ±1

        Sequential model = new Sequential(new Linear(2, 16, rng), Activation.relu(),
                new Linear(16, 16, rng), Activation.relu(), new Linear(16, 1, rng));
        List<Tensor> params = model.parameters();
        Sgd sgd = new Sgd(params, run.lr());
        int steps = run.steps();
        run.out().printf("MLP 2-16-16-1 on Tensor (%d parameters), %d two-moons points, SVM loss + L2, SGD%n",
                model.parameterCount(), n);

        double[] lossCurve = new double[steps], accCurve = new double[steps];
        long start = System.nanoTime();
        try (Progress bar = run.progress("train", steps)) {
            for (int k = 0; k < steps; k++) {
                Tensor scores = model.forward(x);                        // (N, 1)
                Tensor loss = loss(scores, y, params);
                sgd.zeroGrad();
                loss.backward();
                sgd.setLr(run.lr() * (1.0 - 0.9 * k / steps));          // the autograd lesson's decay
                sgd.step();
                lossCurve[k] = loss.item();
                accCurve[k] = accuracy(scores, y);
                bar.step(String.format(Locale.ROOT, "loss %.4f  accuracy %.0f%%", lossCurve[k], 100 * accCurve[k]));
            }
        }
        double tensorMs = (System.nanoTime() - start) / 1e6 / steps;
        double finalLoss, finalAcc;
        try (var ng = Autograd.noGrad()) {
            Tensor scores = model.forward(x);
            finalLoss = loss(scores, y, params).item();
            finalAcc = accuracy(scores, y);
        }
        double valueMs = timeValueSteps(run, xs, ys);
        double speedup = valueMs / tensorMs;
        run.out().printf(Locale.ROOT, "final loss %.4f, train accuracy %.1f%%%n", finalLoss, 100 * finalAcc);
        run.out().printf(Locale.ROOT, "time per training step: Value %.2f ms, Tensor %.3f ms: %.0fx faster%n",
                valueMs, tensorMs, speedup);

        double[] stepAxis = new double[steps];
        for (int k = 0; k < steps; k++) stepAxis[k] = k + 1;
        run.wrote(new LineChart("The MLP on Tensor, two moons", "step", "loss (log scale)").logY()
                .series("loss (SVM + L2)", stepAxis, lossCurve)
                .rightSeries("train accuracy", stepAxis, accCurve, "accuracy")
                .write(run.file("loss.png")));
        double[] px = new double[n], py = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            px[i] = xs[i][0];
            py[i] = xs[i][1];
            label[i] = ys[i] > 0 ? 1 : 0;
        }
        run.wrote(new DecisionBoundary("Decision boundary after " + steps + " steps (Tensor MLP)", "x1", "x2",
                (a, b) -> {
                    try (var ng = Autograd.noGrad()) {
                        return model.forward(Tensor.of(new float[] {(float) a, (float) b}, 1, 2)).item();
                    }
                })
                .range(-2, 2).valueLabel("score f(x) (class +1 where > 0)").cells(90)
                .points(px, py, label).classNames("y = -1", "y = +1")
                .write(run.file("decision_boundary.png")));

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("final_loss", finalLoss);
        metrics.put("train_accuracy", finalAcc);
        metrics.put("steps", steps);
        metrics.put("tensor_ms_per_step", tensorMs);
        metrics.put("value_ms_per_step", valueMs);
        metrics.put("speedup_over_value", speedup);
        run.metrics(metrics);
    }

    /** (1/N) Σ max(0, 1 − y·f) + α Σ p². */
    private static Tensor loss(Tensor scores, Tensor y, List<Tensor> params) {
        Tensor hinge = scores.mul(y).rsub(1f).relu().mean();
        Tensor l2 = params.get(0).square().sum();
        for (int i = 1; i < params.size(); i++) l2 = l2.add(params.get(i).square().sum());
        return hinge.add(l2.mul((float) AutogradLesson.ALPHA));
    }

    private static double accuracy(Tensor scores, Tensor y) {
        int ok = 0;
        for (int i = 0; i < y.numel(); i++) if ((scores.data()[i] > 0) == (y.data()[i] > 0)) ok++;
        return (double) ok / y.numel();
    }

    /** Milliseconds per training step of the scalar MLP on the same data (after one warm-up step). */
    private static double timeValueSteps(Run run, double[][] xs, double[] ys) {
        MLP scalar = new MLP(2, new int[] {16, 16, 1}, Nonlinearity.RELU, run.random());
        List<Value> params = scalar.parameters();
        int steps = run.integer("value-steps");
        long start = 0;
        for (int k = 0; k <= steps; k++) {
            if (k == 1) start = System.nanoTime();
            Value loss = AutogradLesson.loss(scalar, params, xs, ys, new double[1]);
            scalar.zeroGrad();
            loss.backward();
            for (Value p : params) p.setData(p.data() - run.lr() * p.grad());
        }
        return (System.nanoTime() - start) / 1e6 / steps;
    }
}
