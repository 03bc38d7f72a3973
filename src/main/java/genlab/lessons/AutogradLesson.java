package genlab.lessons;

import genlab.data.Points;
import genlab.data.Toy2D;
import genlab.scalar.Dot;
import genlab.scalar.MLP;
import genlab.scalar.Nonlinearity;
import genlab.scalar.Value;
import genlab.viz.DecisionBoundary;
import genlab.viz.GraphPng;
import genlab.viz.LineChart;
import genlab.viz.ReportPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Lesson 1, autograd on scalars (after Karpathy's micrograd).
 *
 * <p>Part 1: one neuron {@code o = tanh(x1·w1 + x2·w2 + b)}, its backward pass, and the graph with
 * every value's data and gradient ({@code graph.dot}, {@code graph.png}).
 *
 * <p>Part 2: a 2-16-16-1 ReLU MLP of {@link Value}s on two moons (100 points, noise 0.1) with
 * micrograd's demo objective, the SVM max-margin loss plus L2:
 * <pre>  L = (1/N) Σᵢ max(0, 1 - yᵢ·f(xᵢ)) + α Σ_p p²,   yᵢ ∈ {-1, +1},  α = 1e-4,</pre>
 * minimised by full-batch SGD whose rate decays linearly from {@code lr} to {@code lr/10}:
 * {@code lr_k = lr·(1 - 0.9·k/steps)}.
 */
public final class AutogradLesson implements Lesson {
    static final double ALPHA = 1e-4;
    static final int POINTS = 100;
    private static final double NOISE = 0.1;

    @Override
    public String name() {
        return "autograd";
    }

    @Override
    public String summary() {
        return "micrograd: backprop through a scalar expression graph, then a tiny MLP on two moons";
    }

    @Override
    public Options options() {
        return Options.common().steps(100, 10).lr(1.0);
    }

    /** The README's figures for the default run (100 steps; seed 0 reaches 96%). */
    @Override
    public List<ReportPage.Expected> expected(Run run) {
        if (run.quick() || run.steps() < 100) return List.of();
        return List.of(ReportPage.Expected.atLeast("train_accuracy", 0.95, "100 steps or more"));
    }

    @Override
    public void run(Run run) throws Exception {
        neuron(run);
        train(run);
    }

    /** Part 1: the expression graph of one neuron and its gradients. */
    private static void neuron(Run run) throws Exception {
        Value x1 = new Value(2.0, "x1");
        Value x2 = new Value(0.0, "x2");
        Value w1 = new Value(-3.0, "w1");
        Value w2 = new Value(1.0, "w2");
        Value b = new Value(6.8813735870195432, "b"); // chosen so that n ≈ 0.8814 and o = tanh(n) ≈ 0.7071
        Value x1w1 = x1.mul(w1).label("x1*w1");
        Value x2w2 = x2.mul(w2).label("x2*w2");
        Value sum = x1w1.add(x2w2).label("x1*w1 + x2*w2");
        Value n = sum.add(b).label("n");
        Value o = n.tanh().label("o");
        o.backward();

        run.out().println();
        run.out().println("part 1: o = tanh(x1*w1 + x2*w2 + b), then o.backward()");
        for (Value v : List.of(x1, w1, x2, w2, b, n, o)) {
            run.out().printf(Locale.ROOT, "  %-3s data %8.4f   do/d%-3s = %8.4f%n", v.label(), v.data(), v.label(), v.grad());
        }
        Path dot = run.file("graph.dot");
        Files.writeString(dot, Dot.of(o), StandardCharsets.UTF_8);
        run.wrote(dot);
        run.wrote(GraphPng.write(o, "o = tanh(x1*w1 + x2*w2 + b): data and gradient do/dv of every value",
                run.file("graph.png")));
    }

    /** Part 2: train the MLP with SGD and draw the curves and the decision boundary. */
    private static void train(Run run) {
        RandomGenerator rng = run.random();
        double[][] x = new double[POINTS][];
        double[] y = new double[POINTS];
        moons(rng, x, y);
        MLP model = new MLP(2, new int[] {16, 16, 1}, Nonlinearity.RELU, rng);
        List<Value> params = model.parameters();
        int steps = run.steps();
        run.out().println();
        run.out().printf("part 2: MLP 2-16-16-1 (%d parameters) on %d two-moons points, SVM loss + L2, SGD%n",
                params.size(), POINTS);

        double[] lossCurve = new double[steps];
        double[] accCurve = new double[steps];
        try (Progress bar = run.progress("train", steps)) {
            for (int k = 0; k < steps; k++) {
                double[] acc = new double[1];
                Value loss = loss(model, params, x, y, acc);
                model.zeroGrad();
                loss.backward();
                double lr = run.lr() * (1.0 - 0.9 * k / steps);
                for (Value p : params) p.setData(p.data() - lr * p.grad());
                lossCurve[k] = loss.data();
                accCurve[k] = acc[0];
                bar.step(String.format(Locale.ROOT, "loss %.4f  accuracy %.0f%%", loss.data(), 100 * acc[0]));
            }
        }
        double[] acc = new double[1];
        double finalLoss = loss(model, params, x, y, acc).data(); // after the last update
        run.out().printf(Locale.ROOT, "final loss %.4f, train accuracy %.1f%%%n", finalLoss, 100 * acc[0]);

        double[] stepAxis = new double[steps];
        for (int k = 0; k < steps; k++) stepAxis[k] = k + 1;
        run.wrote(new LineChart("Training the scalar MLP on two moons", "step", "loss (log scale)").logY()
                .series("loss (SVM + L2)", stepAxis, lossCurve)
                .rightSeries("train accuracy", stepAxis, accCurve, "accuracy")
                .write(run.file("loss.png")));

        double[] px = new double[POINTS];
        double[] py = new double[POINTS];
        int[] label = new int[POINTS];
        for (int i = 0; i < POINTS; i++) {
            px[i] = x[i][0];
            py[i] = x[i][1];
            label[i] = y[i] > 0 ? 1 : 0;
        }
        run.wrote(new DecisionBoundary("Decision boundary after " + steps + " steps", "x1", "x2",
                (a, b) -> model.apply(a, b).get(0).data())
                .range(-2, 2).valueLabel("score f(x) (class +1 where > 0)").cells(90)
                .points(px, py, label).classNames("y = -1", "y = +1")
                .write(run.file("decision_boundary.png")));

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("final_loss", finalLoss);
        metrics.put("train_accuracy", acc[0]);
        metrics.put("steps", steps);
        metrics.put("parameters", params.size());
        run.metrics(metrics);
    }

    /** The full-batch loss; puts the accuracy of the current scores into {@code accuracy[0]}. */
    static Value loss(MLP model, List<Value> params, double[][] x, double[] y, double[] accuracy) {
        List<Value> margins = new ArrayList<>(x.length);
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            Value score = model.apply(x[i]).get(0);
            margins.add(score.mul(-y[i]).add(1).relu()); // hinge: max(0, 1 - y·f(x))
            if ((score.data() > 0) == (y[i] > 0)) correct++;
        }
        accuracy[0] = (double) correct / x.length;
        Value dataLoss = Value.sum(margins).mul(1.0 / x.length);
        List<Value> squares = new ArrayList<>(params.size());
        for (Value p : params) squares.add(p.mul(p));
        return dataLoss.add(Value.sum(squares).mul(ALPHA));
    }

    /** The lesson's data: 100 two-moons points (noise 0.1) as rows x and targets y ∈ {−1, +1}. */
    static void moons(RandomGenerator rng, double[][] x, double[] y) {
        Points p = Toy2D.moons(x.length, NOISE, rng);
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {p.x(i), p.y(i)};
            y[i] = p.labels()[i] == 1 ? 1 : -1;
        }
    }
}
