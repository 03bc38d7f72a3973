package genlab.metrics;

import genlab.data.ImageSet;
import genlab.data.Mnist;
import genlab.io.FormatException;
import genlab.io.Json;
import genlab.io.SafeTensors;
import genlab.models.classifier.LeNet;
import genlab.tensor.Autograd;
import genlab.tensor.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores generated MNIST digits with the project's own classifier ({@link LeNet}, trained by the
 * {@code classifier} lesson and shipped as {@code lessons/checkpoints/classifier.safetensors}).
 *
 * <p>Every score compares the classifier's view of the samples with its view of real digits:
 * <ul>
 *   <li>FLD, the Fréchet distance ({@link FrechetDistance}) between Gaussians fitted to the 84-d
 *       penultimate features of the samples and of the 10,000 MNIST test digits;</li>
 *   <li>IS, the classifier Inception Score ({@link InceptionScore}) of the samples;</li>
 *   <li>KID ({@link Kid}): mean unbiased MMD² over {@value #KID_SUBSETS} subsets of up to 1,000
 *       features of the samples and of the real reference set;</li>
 *   <li>precision and recall ({@link PrecisionRecall}, k = 3) against the real reference set.</li>
 * </ul>
 * The real reference set for KID, precision and recall is the 5,000 test digits with even index
 * (both halves of the test set, which were written by different people); at most the first 5,000
 * samples enter these two scores, since the k-NN radii depend on set sizes.
 *
 * <p>{@link #floor()} scores 10,000 training digits (the first 10,000) as if they were samples:
 * the best a generator can hope for. {@link #ceiling()} scores 10,000 images of uniform noise.
 * FLD is biased upwards for small N (its covariance estimate is noisier), so compare samples of
 * 10,000 with the floor.
 *
 * <h2>The reference file</h2>
 * The test-set feature statistics, the floor and the ceiling take a minute of CPU to compute, so
 * they are stored beside the checkpoint as {@code classifier-reference.json}, with the SHA-256 of
 * the checkpoint bytes and the settings they were computed with. When the file is missing or
 * belongs to other weights or settings, the values are recomputed when first needed and the file
 * is rewritten (atomically; {@link #recomputedReference()} tells). The features of the real
 * reference set are computed on first use and kept in memory.
 */
public final class Evaluator {
    /** The checkpoint's file name in {@code lessons/checkpoints/}. */
    public static final String CHECKPOINT_FILE = "classifier.safetensors";
    /** System property naming the checkpoints folder, overriding the search from the working directory. */
    public static final String CHECKPOINTS_PROPERTY = "genlab.checkpoints";
    /** KID subsets (the reference code uses 100; fewer keep the CPU time down). */
    public static final int KID_SUBSETS = 10;
    /** Bumped whenever a score's definition changes, so stored reference values are recomputed. */
    static final int VERSION = 1;

    private static final int BATCH = 500;
    private static final Map<String, Evaluator> CACHE = new ConcurrentHashMap<>();

    /** How much data each reference computation uses. */
    record Settings(int testCount, int floorCount, int referenceCount, int sampleCap, int kidSubsets, int kidSubsetSize,
                    int k, long seed) {
        static final Settings DEFAULT = new Settings(10_000, 10_000, 5_000, 5_000, KID_SUBSETS, 1_000, PrecisionRecall.K, 0);

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", VERSION);
            m.put("test_count", testCount);
            m.put("floor_count", floorCount);
            m.put("reference_count", referenceCount);
            m.put("sample_cap", sampleCap);
            m.put("kid_subsets", kidSubsets);
            m.put("kid_subset_size", kidSubsetSize);
            m.put("k", k);
            m.put("seed", seed);
            return m;
        }
    }

    /** What the reference file stores. */
    private record Reference(FeatureStats test, SampleScores floor, SampleScores ceiling) {}

    /** Features and logits of a set of images, one row per image. */
    private record Pass(double[][] features, double[][] logits) {}

    private final LeNet net;
    private final Path checkpoint;
    private final Path referenceFile;
    private final Path mnistDir;
    private final String sha256;
    private final Settings settings;
    private Reference reference;
    private boolean recomputed;
    private double[][] realFeatures;
    private double[] realRadii;

    private Evaluator(LeNet net, Path checkpoint, Path mnistDir, String sha256, Settings settings) {
        this.net = net;
        this.checkpoint = checkpoint;
        this.referenceFile = referenceFileFor(checkpoint);
        this.mnistDir = mnistDir;
        this.sha256 = sha256;
        this.settings = settings;
    }

    // ------------------------------------------------------------------ loading

    /**
     * Loads {@code lessons/checkpoints/classifier.safetensors}, found from the working directory
     * upwards (like {@link Mnist#datasetsDir()}) or in the folder named by {@value #CHECKPOINTS_PROPERTY}.
     */
    public static Evaluator load() {
        return load(defaultCheckpoint());
    }

    /** Loads the classifier at {@code checkpoint}; its reference file is the sibling {@code NAME-reference.json}. */
    public static Evaluator load(Path checkpoint) {
        return load(checkpoint, null, Settings.DEFAULT);
    }

    /** {@code mnistDir} null: the bundled datasets. Instances are shared per file contents and settings. */
    static Evaluator load(Path checkpoint, Path mnistDir, Settings settings) {
        Path file = checkpoint.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new EvaluatorException("classifier checkpoint " + file + " not found; train and install it with:"
                    + " lessons/run classifier --install");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EvaluatorException("classifier checkpoint " + file + ": cannot read: " + e.getMessage(), e);
        }
        String sha = sha256(bytes);
        String key = file + "|" + sha + "|" + mnistDir + "|" + settings;
        return CACHE.computeIfAbsent(key, k -> {
            LeNet net = new LeNet(new SplittableRandom(0));
            try {
                SafeTensors.loadInto(file, net.stateDict());
            } catch (FormatException | UncheckedIOException e) {
                throw new EvaluatorException("classifier checkpoint is unusable: " + e.getMessage()
                        + " (retrain it with: lessons/run classifier --install)", e);
            }
            net.eval();
            return new Evaluator(net, file, mnistDir, sha, settings);
        });
    }

    /**
     * Where {@link #load()} looks: {@code CHECKPOINTS/classifier.safetensors} with CHECKPOINTS the
     * folder named by {@value #CHECKPOINTS_PROPERTY}, else the first {@code lessons/checkpoints}
     * folder in the working directory or a parent. The file itself need not exist yet.
     */
    public static Path defaultCheckpoint() {
        String prop = System.getProperty(CHECKPOINTS_PROPERTY);
        if (prop != null && !prop.isBlank()) return Path.of(prop).resolve(CHECKPOINT_FILE);
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("lessons").resolve("checkpoints");
            if (Files.isDirectory(candidate)) return candidate.resolve(CHECKPOINT_FILE);
        }
        throw new EvaluatorException("lessons/checkpoints: not found in " + start + " or any parent folder, and system property "
                + CHECKPOINTS_PROPERTY + " is not set (run from the genlab checkout)");
    }

    /**
     * Where {@code classifier --install} writes: {@link #defaultCheckpoint()}, or, in a checkout
     * that has no {@code lessons/checkpoints} folder yet, {@code lessons/checkpoints/classifier.safetensors}
     * in the first folder upwards from the working directory that has a {@code lessons} folder. The
     * folder is created.
     */
    public static Path installTarget() {
        Path target;
        try {
            target = defaultCheckpoint();
        } catch (EvaluatorException e) {
            target = null;
            for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null && target == null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("lessons"))) target = p.resolve("lessons").resolve("checkpoints").resolve(CHECKPOINT_FILE);
            }
            if (target == null) throw e;
        }
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new EvaluatorException("cannot create " + target.toAbsolutePath().getParent() + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** {@code classifier.safetensors} -> {@code classifier-reference.json} in the same folder. */
    public static Path referenceFileFor(Path checkpoint) {
        String name = checkpoint.getFileName().toString();
        String stem = name.endsWith(".safetensors") ? name.substring(0, name.length() - ".safetensors".length()) : name;
        return checkpoint.resolveSibling(stem + "-reference.json");
    }

    /** The checkpoint this evaluator uses. */
    public Path checkpoint() {
        return checkpoint;
    }

    /** SHA-256 of the checkpoint bytes, hex. */
    public String checkpointSha256() {
        return sha256;
    }

    // ------------------------------------------------------------------ scores

    /** All five scores of {@code images}, (N, 1, 28, 28) or (N, 784) with values in [0, 1], N ≥ 4. */
    public SampleScores score(Tensor images) {
        Images.check(images, "images");
        return score(pass(images), reference().test());
    }

    /** Fréchet distance of the classifier's penultimate features of {@code images} against the MNIST test set. */
    public double fld(Tensor images) {
        Images.check(images, "images");
        double[][] f = pass(images).features();
        if (f.length < 2) throw new IllegalArgumentException("fld: need at least 2 images, got " + f.length);
        return FrechetDistance.of(FeatureStats.of(f), reference().test());
    }

    /** The classifier Inception Score of {@code images} alone ({@link InceptionScore}): 1 to 10. */
    public double inceptionScore(Tensor images) {
        Images.check(images, "images");
        return InceptionScore.ofLogits(pass(images).logits());
    }

    /** The scores of 10,000 training digits against the test set: the best a generator can expect. */
    public SampleScores floor() {
        return reference().floor();
    }

    /** The scores of 10,000 images of uniform noise U[0, 1). */
    public SampleScores ceiling() {
        return reference().ceiling();
    }

    /** Share of {@code images} the classifier labels as {@code digit}: how well class-guided generation obeys. */
    public double accuracyAs(Tensor images, int digit) {
        if (digit < 0 || digit >= LeNet.CLASSES) throw new IllegalArgumentException("accuracyAs: digit " + digit + " is not in 0..9");
        int[] labels = classify(images);
        int hits = 0;
        for (int l : labels) if (l == digit) hits++;
        return (double) hits / labels.length;
    }

    /** The classifier's label (arg max of the logits) for each image. */
    public int[] classify(Tensor images) {
        int n = Images.check(images, "images");
        double[][] logits = pass(images).logits();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = argMax(logits[i]);
        return out;
    }

    /** The 84-d penultimate features, one row per image. */
    public double[][] features(Tensor images) {
        Images.check(images, "images");
        return pass(images).features();
    }

    /**
     * Makes sure the reference values (test statistics, floor, ceiling) are present and belong to
     * this checkpoint, computing and writing them if not; returns true if it computed them.
     */
    public boolean prepareReference() {
        reference();
        return recomputedReference();
    }

    /** True if this evaluator had to recompute the reference file (it was missing or stale). */
    public synchronized boolean recomputedReference() {
        return recomputed;
    }

    // ------------------------------------------------------------------ internals

    private SampleScores score(Pass p, FeatureStats test) {
        int n = p.features().length;
        if (n <= settings.k()) {
            throw new IllegalArgumentException("score: need more than " + settings.k() + " images for k-NN precision and recall, got " + n);
        }
        double fld = FrechetDistance.of(FeatureStats.of(p.features()), test);
        double is = InceptionScore.ofLogits(p.logits());
        double[][] fake = Arrays.copyOf(p.features(), Math.min(n, settings.sampleCap()));
        double[][] real = realFeatures();
        double kid = Kid.of(real, fake, settings.kidSubsets(), settings.kidSubsetSize(), new SplittableRandom(settings.seed()));
        PrecisionRecall.Result pr = PrecisionRecall.of(real, realRadii(), fake, settings.k());
        return new SampleScores(fld, is, kid, pr.precision(), pr.recall());
    }

    private synchronized Reference reference() {
        if (reference == null) {
            reference = readReference();
            if (reference == null) {
                reference = computeReference();
                recomputed = true;
                writeReference(reference);
            }
        }
        return reference;
    }

    private Reference computeReference() {
        ImageSet test = mnist(Mnist.Split.TEST, settings.testCount());
        FeatureStats testStats = FeatureStats.of(pass(tensor(test)).features());
        ImageSet train = mnist(Mnist.Split.TRAIN, settings.floorCount());
        SampleScores floor = score(pass(tensor(train)), testStats);
        SplittableRandom rng = new SplittableRandom(settings.seed());
        Tensor noise = Tensor.rand(rng, settings.floorCount(), 1, 28, 28); // (N, 1, 28, 28)
        SampleScores ceiling = score(pass(noise), testStats);
        return new Reference(testStats, floor, ceiling);
    }

    private synchronized double[][] realFeatures() {
        if (realFeatures == null) {
            ImageSet test = mnist(Mnist.Split.TEST, settings.testCount());
            int n = Math.min(settings.referenceCount(), (test.size() + 1) / 2);
            int[] even = new int[n];
            for (int i = 0; i < n; i++) even[i] = 2 * i;
            realFeatures = pass(test.batch(even)).features();
        }
        return realFeatures;
    }

    private synchronized double[] realRadii() {
        if (realRadii == null) realRadii = PrecisionRecall.radii(realFeatures(), settings.k());
        return realRadii;
    }

    private ImageSet mnist(Mnist.Split split, int limit) {
        return Mnist.load(mnistDir != null ? mnistDir : Mnist.datasetsDir(), split, limit);
    }

    private static Tensor tensor(ImageSet set) {
        return Tensor.of(set.pixels(), set.size(), 1, 28, 28); // (N, 1, 28, 28), shares the set's pixels
    }

    /** Features and logits of every image, in batches, without recording a graph. */
    private Pass pass(Tensor images) {
        int n = images.size(0);
        float[] data = images.data();
        double[][] features = new double[n][], logits = new double[n][];
        try (var ng = Autograd.noGrad()) {
            for (int start = 0; start < n; start += BATCH) {
                int b = Math.min(BATCH, n - start);
                Tensor x = Tensor.of(Arrays.copyOfRange(data, start * Images.PIXELS, (start + b) * Images.PIXELS), b, 1, 28, 28);
                Tensor f = net.features(x);   // (b, 84)
                Tensor y = net.logits(f);     // (b, 10)
                for (int i = 0; i < b; i++) {
                    features[start + i] = row(f.data(), i, LeNet.FEATURES);
                    logits[start + i] = row(y.data(), i, LeNet.CLASSES);
                }
            }
        }
        return new Pass(features, logits);
    }

    private static double[] row(float[] d, int i, int width) {
        double[] r = new double[width];
        for (int j = 0; j < width; j++) r[j] = d[i * width + j];
        return r;
    }

    static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    // ------------------------------------------------------------------ the reference file

    /** The stored reference, or null when the file is missing, unreadable, or for other weights or settings. */
    private Reference readReference() {
        if (!Files.isRegularFile(referenceFile)) return null;
        try {
            if (!(Json.readFile(referenceFile) instanceof Map<?, ?> m)) return null;
            if (!sha256.equals(m.get("checkpoint_sha256"))) return null;
            // Compared as JSON text: parsing gives Long where the settings hold Integer.
            if (!Json.writeCompact(settings.json()).equals(Json.writeCompact(m.get("settings")))) return null;
            double[] mean = doubles(m.get("test_feature_mean"));
            List<?> rows = (List<?>) m.get("test_feature_cov");
            double[][] cov = new double[rows.size()][];
            for (int i = 0; i < cov.length; i++) cov[i] = doubles(rows.get(i));
            return new Reference(new FeatureStats(mean, cov), scores(m.get("floor")), scores(m.get("ceiling")));
        } catch (RuntimeException e) {
            return null; // a damaged file is recomputed, like a stale one
        }
    }

    private void writeReference(Reference r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("about", "Reference values of the classifier metrics (genlab.metrics.Evaluator), computed from "
                + checkpoint.getFileName() + "; recomputed automatically when the checkpoint or the settings change.");
        m.put("checkpoint_sha256", sha256);
        m.put("settings", settings.json());
        m.put("floor", scoresJson(r.floor()));
        m.put("ceiling", scoresJson(r.ceiling()));
        m.put("test_feature_mean", r.test().mean());
        List<double[]> rows = new ArrayList<>(Arrays.asList(r.test().covariance()));
        m.put("test_feature_cov", rows);
        try {
            Json.writeFile(referenceFile, m);
        } catch (RuntimeException e) {
            // A read-only checkout still works: the values stay in memory for this run.
        }
    }

    private static Map<String, Object> scoresJson(SampleScores s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fld", s.fld());
        m.put("is", s.is());
        m.put("kid", s.kid());
        m.put("precision", s.precision());
        m.put("recall", s.recall());
        return m;
    }

    private static SampleScores scores(Object o) {
        Map<?, ?> m = (Map<?, ?>) o;
        return new SampleScores(num(m.get("fld")), num(m.get("is")), num(m.get("kid")), num(m.get("precision")), num(m.get("recall")));
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static double[] doubles(Object o) {
        List<?> l = (List<?>) o;
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) d[i] = num(l.get(i));
        return d;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
