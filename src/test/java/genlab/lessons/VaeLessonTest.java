package genlab.lessons;

import genlab.io.Json;
import genlab.io.Npy;
import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The VAE lessons in quick mode: every figure and metric is written, and one epoch already learns something. */
class VaeLessonTest {
    @TempDir Path tmp;

    private Map<String, Object> run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--out";
        all[args.length + 1] = tmp.toString();
        int code = Cli.run(Main.LESSONS, all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.OK, code, err.toString(StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.readFile(tmp.resolve("metrics.json"));
        return m;
    }

    private void images(String... names) throws Exception {
        for (String name : names) assertTrue(ImageIO.read(tmp.resolve(name).toFile()).getWidth() > 50, name);
    }

    private static double num(Map<String, Object> m, String key) {
        assertTrue(m.containsKey(key), key + " missing in " + m);
        return ((Number) m.get(key)).doubleValue();
    }

    @Test
    void mlpVaeWithA2dLatentWritesEveryFigure() throws Exception {
        Map<String, Object> m = run("vae", "--quick", "--latent", "2", "--epochs", "2");
        images("loss.png", "reconstructions.png", "samples.png", "samples.gif", "latent_scatter.png", "manifold.png", "interpolation.png");
        Tensor samples = Npy.read(tmp.resolve("samples.npy"));
        assertArrayEquals(new int[] {100, 1, 28, 28}, samples.shape());
        for (float v : samples.data()) assertTrue(v >= 0 && v <= 1, "sample pixel " + v);
        // an untrained model scores about 543 nats (784 ln 2); two quick epochs already get well below
        assertTrue(num(m, "test_loss_nats") < 300, m.toString());
        assertTrue(num(m, "psnr") > 8, m.toString());
        assertTrue(num(m, "fld") > 0, m.toString());
        // the importance-weighted bound is at least as tight as the ELBO on the same digits
        assertTrue(num(m, "test_iwae_nats") <= num(m, "test_elbo_nats_same_digits") + 1e-6, m.toString());
        assertEquals(2, num(m, "latent"));
    }

    @Test
    void mseLossAndBetaAreSelectable() throws Exception {
        Map<String, Object> m = run("vae", "--quick", "--loss", "mse", "--beta", "4", "--samples", "16", "--train-digits", "256");
        assertEquals("mse", m.get("loss"));
        assertEquals(4.0, num(m, "beta"));
        assertTrue(Files.exists(tmp.resolve("latent_scatter.png")));
        assertTrue(!Files.exists(tmp.resolve("manifold.png")), "manifold.png is for a 2-D latent only");
    }

    @Test
    void convolutionalVaeRunsInQuickMode() throws Exception {
        Map<String, Object> m = run("vae-conv", "--quick", "--train-digits", "256", "--test-digits", "64", "--samples", "16", "--iwae-digits", "16");
        images("loss.png", "reconstructions.png", "samples.png", "samples.gif", "latent_scatter.png", "interpolation.png");
        assertTrue(num(m, "test_loss_nats") < 543, m.toString());
    }

    @Test
    void negativeBetaIsAUsageError() {
        usageError("--beta", "--beta", "-1");
    }

    @Test
    void theImprovedRecipeIsSelectableAndTheSeedStaysTheDefault() throws Exception {
        Map<String, Object> m = run("vae", "--quick", "--recipe", "improved", "--latent", "2", "--samples", "16");
        assertEquals("improved", m.get("recipe"));
        assertEquals(32, num(m, "batch_size"));
        assertEquals(1e-3, num(m, "lr"));
        assertEquals("cosine", m.get("lr_schedule"));
        assertTrue(num(m, "test_loss_nats") < 300, m.toString()); // untrained: about 543
        m = run("vae", "--quick", "--samples", "16", "--train-digits", "256");
        assertEquals("seed", m.get("recipe"));
        assertEquals(128, num(m, "batch_size"));
        assertEquals("constant", m.get("lr_schedule"));
        m = run("vae", "--quick", "--recipe", "improved", "--batch-size", "64", "--lr", "2e-3", "--samples", "16", "--train-digits", "256");
        assertEquals(64, num(m, "batch_size"));
        assertEquals(2e-3, num(m, "lr"));
    }

    @Test
    void badRecipeBatchSizeAndLrAreUsageErrors() {
        usageError("--recipe", "--recipe", "best");
        usageError("--batch-size", "--batch-size", "0");
        usageError("--batch-size", "--batch-size", "ten");
        usageError("--lr", "--lr", "-1");
        usageError("--lr", "--lr", "fast");
    }

    /** report.html's ranges follow the recipe and latent size, and only a default-length BCE run with the recipe's batch and rate gets them. */
    @Test
    void expectedRangesFollowTheRecipe() throws Exception {
        assertEquals(106.0, bound(expected("--latent", "20"), "test_loss_nats", false));
        assertEquals(104.0, bound(expected("--recipe", "improved"), "test_loss_nats", false));
        assertEquals(152.0, bound(expected("--latent", "2"), "test_loss_nats", true));
        assertEquals(150.0, bound(expected("--recipe", "improved", "--latent", "2"), "test_loss_nats", false));
        assertEquals(260.0, bound(expected("--recipe", "improved", "--latent", "2"), "fld", false));
        assertTrue(expected("--recipe", "improved", "--batch-size", "64").isEmpty());
        assertTrue(expected("--lr", "2e-3").isEmpty());
        assertTrue(expected("--epochs", "30").isEmpty());
        assertTrue(expected("--latent", "8").isEmpty());
        assertEquals(101.0, bound(expected(new VaeConvLesson()), "test_loss_nats", false));
        assertTrue(expected(new VaeConvLesson(), "--batch-size", "64").isEmpty());
    }

    private java.util.List<genlab.viz.ReportPage.Expected> expected(String... args) throws Exception {
        return expected(new VaeLesson(), args);
    }

    private java.util.List<genlab.viz.ReportPage.Expected> expected(Lesson lesson, String... args) throws Exception {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--out";
        all[args.length + 1] = tmp.toString();
        Map<String, Object> values = ArgParser.parse(lesson.options(), lesson.name(), all);
        Run run = new Run(lesson, lesson.options(), values, new genlab.kernels.ReferenceKernels(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        return lesson.expected(run);
    }

    private static double bound(java.util.List<genlab.viz.ReportPage.Expected> ranges, String key, boolean low) {
        for (var e : ranges) if (e.key().equals(key)) return low ? e.low() : e.high();
        throw new AssertionError(key + " not in " + ranges);
    }

    /** vae --quick with the given options exits with the usage code and one line that names {@code option}. */
    private void usageError(String option, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 4];
        all[0] = "vae";
        all[1] = "--quick";
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "--out";
        all[args.length + 3] = tmp.toString();
        int code = Cli.run(Main.LESSONS, all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(Cli.USAGE, code, String.join(" ", args) + ": " + e);
        assertTrue(e.contains(option) && e.lines().count() == 1, e);
    }
}
