package genlab.lessons;

import genlab.data.Batches;
import genlab.data.ImageSet;
import genlab.data.Mnist;
import genlab.io.SafeTensors;
import genlab.metrics.Evaluator;
import genlab.metrics.SampleScores;
import genlab.models.classifier.LeNet;
import genlab.nn.Losses;
import genlab.optim.Adam;
import genlab.optim.LrSchedule;
import genlab.tensor.Autograd;
import genlab.tensor.Tensor;
import genlab.viz.ImageGrid;
import genlab.viz.LineChart;
import genlab.viz.ReportPage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MNIST classifier the metrics are computed with.
 *
 * <p>A LeNet-5-like network ({@link LeNet}: two 5x5 convolutions with max pooling, then fully
 * connected layers of 120, 84 and 10 units, ReLU) trained with the cross-entropy
 * L = −(1/B) Σᵢ log softmax(f(xᵢ))[yᵢ] by Adam, the learning rate decaying along a cosine over all
 * steps. No augmentation: the plain network passes 98.5% test accuracy in a few epochs.
 *
 * <p>Its 84 penultimate features are what FLD, KID and precision/recall compare, and its class
 * probabilities what the Inception Score uses ({@link Evaluator}). The trained weights go to
 * {@code --save} (default {@code OUT/classifier.safetensors}); only {@code --install} replaces the
 * shipped {@code lessons/checkpoints/classifier.safetensors}, and then also computes the reference
 * scores stored beside it.
 */
public final class ClassifierLesson implements Lesson {
    /** --install refuses a classifier below this test accuracy. */
    static final double INSTALL_ACCURACY = 0.985;
    private static final String SAVE_DEFAULT = "OUT/classifier.safetensors";

    @Override
    public String name() {
        return "classifier";
    }

    @Override
    public String summary() {
        return "the LeNet-5 MNIST classifier the metrics use: accuracy, confusion matrix, mistakes (--install to ship it)";
    }

    @Override
    public Options options() {
        return Options.common().epochs(3, 1).lr(1e-3)
                .count("batch-size", 64, 16, "examples per optimiser step")
                .count("train-digits", 60_000, 1_000, "training digits to use (the first N)")
                .count("test-digits", 10_000, 500, "test digits to evaluate on (the first N)")
                .text("save", SAVE_DEFAULT, "file for the trained weights (OUT/ stands for the --out directory)")
                .flag("install", "also install the weights as lessons/checkpoints/classifier.safetensors (refused below "
                        + "98.5% test accuracy) and compute the reference scores beside them");
    }

    @Override
    public void run(Run run) throws Exception {
        if (run.flag("install") && run.integer("test-digits") < 10_000) {
            throw new UsageException("--install needs the classifier tested on all 10,000 test digits (drop --quick and --test-digits)");
        }
        long start = System.nanoTime();
        Path datasets = Mnist.datasetsDir();
        ImageSet train = Mnist.load(datasets, Mnist.Split.TRAIN, run.integer("train-digits"));
        ImageSet test = Mnist.load(datasets, Mnist.Split.TEST, run.integer("test-digits"));
        LeNet net = new LeNet(run.random());
        Adam adam = new Adam(net.parameters(), run.lr());
        int epochs = run.epochs(), batch = run.batchSize();
        int perEpoch = Batches.count(train.size(), batch, true);
        LrSchedule schedule = LrSchedule.cosine((long) epochs * perEpoch);
        run.out().printf(Locale.ROOT, "LeNet (%d parameters), %d training and %d test digits, Adam lr %s with cosine decay, batch %d%n",
                net.parameterCount(), train.size(), test.size(), run.lr(), batch);

        List<Double> stepX = new ArrayList<>(), stepLoss = new ArrayList<>();
        double[] epochX = new double[epochs], testLoss = new double[epochs], testAcc = new double[epochs];
        double trainLoss = Double.NaN;
        Eval last = null;
        long t = 0;
        for (int e = 0; e < epochs; e++) {
            long epochStart = System.nanoTime();
            net.train(true);
            double sum = 0;
            int count = 0;
            try (Progress bar = run.progress("epoch " + (e + 1) + "/" + epochs, perEpoch)) {
                for (int[] idx : Batches.epoch(train.size(), batch, true, run.random())) {
                    schedule.apply(adam, run.lr(), t++);
                    Tensor loss = Losses.crossEntropy(net.forward(train.batch(idx)), train.labels(idx)); // (B, 10) logits
                    double l = run.checkLoss("cross-entropy", t, loss.item()); // stop before a NaN reaches the weights
                    adam.zeroGrad();
                    loss.backward();
                    adam.step();
                    sum += l;
                    count++;
                    stepX.add(e + (double) count / perEpoch);
                    stepLoss.add(l);
                    bar.step(String.format(Locale.ROOT, "loss %.4f", sum / count));
                }
            }
            trainLoss = sum / count;
            last = evaluate(net, test);
            epochX[e] = e + 1;
            testLoss[e] = last.loss;
            testAcc[e] = last.accuracy;
            run.out().printf(Locale.ROOT, "epoch %d/%d: train loss %.4f, test loss %.4f nats, test accuracy %.2f%% (%.0f s)%n",
                    e + 1, epochs, trainLoss, last.loss, 100 * last.accuracy, (System.nanoTime() - epochStart) / 1e9);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        run.out().printf(Locale.ROOT, "test accuracy %.2f%% (%d of %d wrong), trained in %.0f s%n",
                100 * last.accuracy, last.wrong.size(), test.size(), seconds);

        run.wrote(new LineChart("LeNet on MNIST", "epoch", "cross-entropy (nats, log scale)").logY()
                .series("train loss (per step)", toArray(stepX), toArray(stepLoss))
                .series("test loss", epochX, testLoss)
                .rightSeries("test accuracy", epochX, testAcc, "accuracy")
                .write(run.file("loss.png")));
        String confusion = confusionText(last.confusion);
        run.out().print(confusion);
        Files.writeString(run.file("confusion_matrix.txt"), confusion);
        run.wrote(run.file("confusion_matrix.txt"));
        writeMistakes(run, test, last);

        String saveText = run.text("save");
        Path save = saveText.startsWith("OUT/") ? run.file(saveText.substring(4)) : Path.of(saveText);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("model", "genlab.models.classifier.LeNet");
        meta.put("test_accuracy", String.valueOf(last.accuracy));
        meta.put("test_digits", String.valueOf(test.size()));
        meta.put("epochs", String.valueOf(epochs));
        meta.put("seed", String.valueOf(run.seed()));
        if (save.toAbsolutePath().getParent() != null) Files.createDirectories(save.toAbsolutePath().getParent());
        SafeTensors.write(save, net.stateDict(), meta);
        run.wrote(save);

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("test_accuracy", last.accuracy);
        metrics.put("test_loss_nats", last.loss);
        metrics.put("train_loss_nats", trainLoss);
        metrics.put("epochs", epochs);
        metrics.put("train_digits", train.size());
        metrics.put("test_digits", test.size());
        metrics.put("train_seconds", seconds);
        run.metrics(metrics);
        if (run.flag("install")) install(run, net, meta, last.accuracy, test.size());
    }

    @Override
    public List<ReportPage.Expected> expected(Run run) {
        if (run.quick() || run.integer("train-digits") < 60_000 || run.epochs() < 3) return List.of();
        return List.of(ReportPage.Expected.atLeast("test_accuracy", INSTALL_ACCURACY, "the default run; --install needs this"));
    }

    /** Refuses {@code --install} below {@value #INSTALL_ACCURACY} test accuracy or on fewer than all 10,000 test digits. */
    static void checkInstallable(double accuracy, int testDigits) {
        if (accuracy < INSTALL_ACCURACY || testDigits < 10_000) {
            throw new LessonException(String.format(Locale.ROOT,
                    "not installed: test accuracy %.2f%% on %d digits; --install needs at least %.1f%% on all 10,000 test digits"
                            + " (the weights are saved; train longer, e.g. --epochs 5)",
                    100 * accuracy, testDigits, 100 * INSTALL_ACCURACY));
        }
    }

    /** Writes the shipped checkpoint and its reference scores, if the classifier is good enough. */
    private static void install(Run run, LeNet net, Map<String, String> meta, double accuracy, int testDigits) {
        checkInstallable(accuracy, testDigits);
        Path target = Evaluator.installTarget();
        SafeTensors.write(target, net.stateDict(), meta);
        run.wrote(target);
        long start = System.nanoTime();
        run.out().println("computing the reference scores (floor: 10,000 training digits; ceiling: uniform noise) ...");
        Evaluator ev = Evaluator.load(target);
        ev.prepareReference();
        run.wrote(Evaluator.referenceFileFor(target));
        SampleScores f = ev.floor(), c = ev.ceiling();
        run.out().printf(Locale.ROOT, "floor:   FLD %.3f  IS %.3f  KID %.5f  precision %.3f  recall %.3f%n", f.fld(), f.is(), f.kid(), f.precision(), f.recall());
        run.out().printf(Locale.ROOT, "ceiling: FLD %.3f  IS %.3f  KID %.5f  precision %.3f  recall %.3f%n", c.fld(), c.is(), c.kid(), c.precision(), c.recall());
        run.out().printf(Locale.ROOT, "reference scores computed in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Test loss, accuracy, confusion matrix and the misclassified digits. */
    private record Eval(double loss, double accuracy, int[][] confusion, List<int[]> wrong) {}

    private static Eval evaluate(LeNet net, ImageSet test) {
        net.eval();
        double lossSum = 0;
        int right = 0;
        int[][] confusion = new int[LeNet.CLASSES][LeNet.CLASSES];
        List<int[]> wrong = new ArrayList<>(); // {index, label, predicted}
        try (var ng = Autograd.noGrad()) {
            for (int[] idx : Batches.sequential(test.size(), 500, false)) {
                int[] labels = test.labels(idx);
                Tensor logits = net.forward(test.batch(idx)); // (B, 10)
                lossSum += Losses.crossEntropy(logits, labels).item() * idx.length;
                float[] d = logits.data();
                for (int b = 0; b < idx.length; b++) {
                    int pred = 0;
                    for (int c = 1; c < LeNet.CLASSES; c++) if (d[b * LeNet.CLASSES + c] > d[b * LeNet.CLASSES + pred]) pred = c;
                    confusion[labels[b]][pred]++;
                    if (pred == labels[b]) right++;
                    else wrong.add(new int[] {idx[b], labels[b], pred});
                }
            }
        }
        return new Eval(lossSum / test.size(), (double) right / test.size(), confusion, wrong);
    }

    static String confusionText(int[][] m) {
        StringBuilder sb = new StringBuilder("confusion matrix (rows: true digit, columns: predicted)\n      ");
        for (int c = 0; c < m.length; c++) sb.append(String.format(Locale.ROOT, "%6d", c));
        sb.append('\n');
        for (int r = 0; r < m.length; r++) {
            sb.append(String.format(Locale.ROOT, "%6d", r));
            for (int c = 0; c < m.length; c++) sb.append(String.format(Locale.ROOT, "%6d", m[r][c]));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void writeMistakes(Run run, ImageSet test, Eval ev) throws Exception {
        int n = Math.min(64, ev.wrong.size());
        StringBuilder sb = new StringBuilder("misclassified test digits, in the order of misclassified.png (row by row)\nindex  true  predicted\n");
        if (n > 0) {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                int[] w = ev.wrong.get(i);
                idx[i] = w[0];
                sb.append(String.format(Locale.ROOT, "%5d  %4d  %9d%n", w[0], w[1], w[2]));
            }
            run.wrote(ImageGrid.of(test.batch(idx).data(), n, 1, 28, 28).columns(8).scale(3).write(run.file("misclassified.png")));
        }
        Files.writeString(run.file("misclassified.txt"), sb.toString());
        run.wrote(run.file("misclassified.txt"));
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i);
        return a;
    }
}
