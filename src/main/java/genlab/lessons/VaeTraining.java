package genlab.lessons;

import genlab.data.Batches;
import genlab.data.ImageSet;
import genlab.data.Mnist;
import genlab.io.Npy;
import genlab.io.SafeTensors;
import genlab.metrics.Evaluator;
import genlab.metrics.EvaluatorException;
import genlab.metrics.Psnr;
import genlab.models.vae.Elbo;
import genlab.models.vae.ImportanceWeightedBound;
import genlab.models.vae.ReconstructionLoss;
import genlab.models.vae.Vae;
import genlab.optim.Adam;
import genlab.optim.LrSchedule;
import genlab.tensor.Autograd;
import genlab.tensor.Tensor;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The training loop the {@code vae} and {@code vae-conv} lessons share: Adam on the summed
 * negative ELBO ({@link Elbo}) over MNIST, the per-epoch test evaluation and figures
 * ({@link VaeFigures}), and the final latent-space pictures, samples and metrics.
 */
final class VaeTraining {
    private VaeTraining() {}

    /** The options both VAE lessons take (beyond the common ones), with the seed's --batch-size 128 and --lr 1e-3. */
    static Options options(int defaultLatent) {
        return withoutOptimiser(Options.common().epochs(10, 1).batchSize(128).lr(1e-3), defaultLatent);
    }

    /** The VAE options without --batch-size and --lr (for a lesson whose recipe sets them). */
    static Options withoutOptimiser(Options common, int defaultLatent) {
        return common.samples(10_000, 100)
                .choice("loss", List.of("bce", "mse"), "bce",
                        "reconstruction term: bce (Bernoulli decoder, BCE-sum) or mse (MSE-sum); plus the KL")
                .real("beta", 1.0, "weight of the KL term (1: the VAE; more than 1: a beta-VAE)")
                .count("latent", defaultLatent, "dimensions of the latent code z")
                .count("train-digits", 60_000, 1_024, "training digits to use (the first N)")
                .count("test-digits", 10_000, 256, "test digits to evaluate on (the first N)")
                .count("iwae-k", 50, 5, "importance samples k of the importance-weighted bound on the test digits")
                .count("iwae-digits", 1_000, 64, "test digits the importance-weighted bound is computed on (the first N)");
    }

    /** One epoch's mean losses per digit. */
    record Losses(double total, double reconstruction, double kl) {}

    /**
     * How the weights are trained: Adam at {@code lr} on batches of {@code batchSize}, the rate
     * constant or, with {@code cosine}, multiplied by ½(1 + cos(π t/T)) over the run's T steps.
     */
    record Optimisation(String recipe, int batchSize, double lr, boolean cosine) {}

    /** The seed notes' optimisation with the lesson's --batch-size and --lr: constant rate. */
    static void run(Run run, Vae vae, String description) throws Exception {
        run(run, vae, description, new Optimisation("seed", run.batchSize(), run.lr(), false));
    }

    static void run(Run run, Vae vae, String description, Optimisation opt) throws Exception {
        double beta = run.number("beta");
        if (!(beta >= 0) || Double.isInfinite(beta)) throw new UsageException("--beta must be a finite number ≥ 0, got " + beta);
        ReconstructionLoss recLoss = ReconstructionLoss.parse(run.text("loss"));
        long start = System.nanoTime();
        var datasets = Mnist.datasetsDir();
        ImageSet train = Mnist.load(datasets, Mnist.Split.TRAIN, run.integer("train-digits"));
        ImageSet test = Mnist.load(datasets, Mnist.Split.TEST, run.integer("test-digits"));
        Adam adam = new Adam(vae.parameters(), opt.lr());
        int epochs = run.epochs(), batch = opt.batchSize(), latent = vae.latentDim();
        run.out().printf(Locale.ROOT, "%s (%d parameters), latent %d, loss %s-sum + %s·KL, Adam lr %s%s, batch %d, %d training and %d test digits%n",
                description, vae.parameterCount(), latent, recLoss.name(), beta, opt.lr(), opt.cosine() ? " with cosine decay to 0" : "",
                batch, train.size(), test.size());

        VaeFigures figures = new VaeFigures(run, test, latent);
        Tensor fixedNoise = Tensor.randn(new SplittableRandom(run.seed() + 1), 64, latent); // (64, L): the GIF's samples
        List<BufferedImage> frames = new ArrayList<>();
        double[] epochX = new double[epochs];
        Losses[] trainLosses = new Losses[epochs], testLosses = new Losses[epochs];
        int perEpoch = Batches.count(train.size(), batch, false);
        LrSchedule schedule = opt.cosine() ? LrSchedule.cosine((long) epochs * perEpoch) : LrSchedule.constant();
        long step = 0;
        double secondsPerEpoch = 0;
        StepLosses stepLosses = new StepLosses(); // nats per digit, each step
        for (int e = 0; e < epochs; e++) {
            long epochStart = System.nanoTime();
            vae.train(true);
            double sumTotal = 0, sumRec = 0, sumKl = 0;
            int seen = 0;
            try (Progress bar = run.progress("epoch " + (e + 1) + "/" + epochs, perEpoch)) {
                for (int[] idx : Batches.epoch(train.size(), batch, false, run.random())) {
                    Elbo l = Elbo.loss(vae, train.batch(idx), recLoss, beta, run.random()); // x (B, 1, 28, 28)
                    double t = l.total().item();
                    if (!Double.isFinite(t)) { // checked before the update, so the weights stay finite
                        throw new LessonException(String.format(Locale.ROOT,
                                "training diverged at step %d (epoch %d): loss %s; try a smaller --lr", step + 1, e + 1, t));
                    }
                    adam.zeroGrad();
                    l.total().backward();
                    if (opt.cosine()) schedule.apply(adam, opt.lr(), step); // the seed path never calls setLr
                    adam.step();
                    step++;
                    stepLosses.add(t / idx.length);
                    sumTotal += t;
                    sumRec += l.reconstruction().item();
                    sumKl += l.kl().item();
                    seen += idx.length;
                    bar.step(String.format(Locale.ROOT, "loss %.2f nats/digit", sumTotal / seen));
                }
            }
            secondsPerEpoch = (System.nanoTime() - epochStart) / 1e9;
            trainLosses[e] = new Losses(sumTotal / seen, sumRec / seen, sumKl / seen);
            testLosses[e] = evaluate(vae, test, recLoss, beta, run.seed());
            epochX[e] = e + 1;
            run.out().printf(Locale.ROOT, "epoch %d/%d: train %.2f (rec %.2f, KL %.2f), test %.2f (rec %.2f, KL %.2f) nats/digit, %.0f s%n",
                    e + 1, epochs, trainLosses[e].total, trainLosses[e].reconstruction, trainLosses[e].kl,
                    testLosses[e].total, testLosses[e].reconstruction, testLosses[e].kl, secondsPerEpoch);
            figures.epoch(vae, e + 1, epochX, trainLosses, testLosses, fixedNoise, frames, recLoss);
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;

        vae.eval();
        figures.latentSpace(vae);
        figures.interpolation(vae);
        if (latent == 2) figures.manifold(vae);

        Tensor samples = generate(vae, run.samples(), new SplittableRandom(run.seed() + 2)); // (N, 1, 28, 28)
        Npy.write(run.file("samples.npy"), samples);
        run.wrote(run.file("samples.npy"));
        double psnr = psnr(vae, test);
        int iwaeDigits = Math.min(run.integer("iwae-digits"), test.size()), k = run.integer("iwae-k");
        double[] bounds = iwae(vae, test, iwaeDigits, recLoss, k, run.seed());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("model", vae.getClass().getName());
        meta.put("latent", String.valueOf(latent));
        meta.put("loss", recLoss.name().toLowerCase());
        meta.put("beta", String.valueOf(beta));
        meta.put("epochs", String.valueOf(epochs));
        meta.put("seed", String.valueOf(run.seed()));
        SafeTensors.write(run.file("vae.safetensors"), vae.stateDict(), meta);
        run.wrote(run.file("vae.safetensors"));
        stepLosses.write(run);

        Losses last = testLosses[epochs - 1];
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("test_loss_nats", last.total);
        metrics.put("test_reconstruction_nats", last.reconstruction);
        metrics.put("test_kl_nats", last.kl);
        metrics.put("train_loss_nats", trainLosses[epochs - 1].total);
        metrics.put("psnr", psnr);
        metrics.put("iwae_k", k);
        metrics.put("iwae_digits", iwaeDigits);
        metrics.put("test_iwae_nats", bounds[0]);
        metrics.put("test_elbo_nats_same_digits", bounds[1]);
        Double fld = fld(run, samples);
        if (fld != null) metrics.put("fld", fld);
        metrics.put("recipe", opt.recipe());
        metrics.put("batch_size", batch);
        metrics.put("lr", opt.lr());
        metrics.put("lr_schedule", opt.cosine() ? "cosine" : "constant");
        metrics.put("loss", recLoss.name().toLowerCase());
        metrics.put("beta", beta);
        metrics.put("latent", latent);
        metrics.put("epochs", epochs);
        metrics.put("train_digits", train.size());
        metrics.put("test_digits", test.size());
        metrics.put("seconds_per_epoch", secondsPerEpoch);
        metrics.put("train_seconds", trainSeconds);
        run.out().printf(Locale.ROOT, "test loss %.2f nats/digit (%s-sum + %s·KL), PSNR %.2f dB, on %d test digits −L_%d %.2f vs −ELBO %.2f nats%s%n",
                last.total, recLoss.name(), beta, psnr, iwaeDigits, k, bounds[0], bounds[1],
                fld == null ? "" : String.format(Locale.ROOT, ", FLD %.2f (%d samples)", fld, samples.size(0)));
        run.metrics(metrics);
    }

    /** Mean losses per test digit, one reparameterized sample each (seeded, so epochs compare). */
    static Losses evaluate(Vae vae, ImageSet test, ReconstructionLoss r, double beta, long seed) {
        vae.eval();
        SplittableRandom rng = new SplittableRandom(seed + 3);
        double total = 0, rec = 0, kl = 0;
        try (var ng = Autograd.noGrad()) {
            for (int[] idx : Batches.sequential(test.size(), 500, false)) {
                Elbo l = Elbo.loss(vae, test.batch(idx), r, beta, rng);
                total += l.total().item();
                rec += l.reconstruction().item();
                kl += l.kl().item();
            }
        }
        int n = test.size();
        return new Losses(total / n, rec / n, kl / n);
    }

    /** n images decoded from prior samples z ~ N(0, I), (n, 1, 28, 28). */
    static Tensor generate(Vae vae, int n, SplittableRandom rng) {
        float[] out = new float[n * 784];
        try (var ng = Autograd.noGrad()) {
            for (int from = 0; from < n; from += 500) {
                int b = Math.min(500, n - from);
                Tensor x = vae.decode(Tensor.randn(rng, b, vae.latentDim())); // (b, 1, 28, 28)
                System.arraycopy(x.data(), 0, out, from * 784, b * 784);
            }
        }
        return Tensor.of(out, n, 1, 28, 28);
    }

    /** Mean per-image PSNR of the posterior-mean reconstructions of the test digits. */
    static double psnr(Vae vae, ImageSet test) {
        double sum = 0;
        try (var ng = Autograd.noGrad()) {
            for (int[] idx : Batches.sequential(test.size(), 500, false)) {
                Tensor x = test.batch(idx);
                sum += Psnr.of(x, vae.forward(x)) * idx.length;
            }
        }
        return sum / test.size();
    }

    /** {−mean L_k, −mean of the k single-sample ELBO estimates} over the first n test digits, in nats. */
    static double[] iwae(Vae vae, ImageSet test, int n, ReconstructionLoss r, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed + 4);
        double bound = 0, elbo = 0;
        for (int[] idx : Batches.sequential(n, 250, false)) {
            double[][] logW = ImportanceWeightedBound.logWeights(vae, test.batch(idx), r, k, rng);
            for (double v : ImportanceWeightedBound.bound(logW)) bound += v;
            for (double v : ImportanceWeightedBound.meanLogWeight(logW)) elbo += v;
        }
        return new double[] {-bound / n, -elbo / n};
    }

    /** FLD of the samples on the shipped classifier, or null (with a line saying why) if it cannot be loaded. */
    static Double fld(Run run, Tensor samples) {
        if (samples.size(0) < 2) return null;
        try {
            return Evaluator.load().fld(samples);
        } catch (IllegalArgumentException | EvaluatorException e) {
            run.out().println("no FLD: " + e.getMessage());
            return null;
        }
    }
}
