package genlab.lessons;

import genlab.io.Json;
import genlab.io.Npy;
import genlab.optim.LrSchedule;
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

class RealNvpLessonsTest {
    @TempDir Path tmp;

    private Map<String, Object> run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(Main.LESSONS, args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.OK, code, err.toString(StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.readFile(tmp.resolve("metrics.json"));
        return m;
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    @Test
    void twoDLessonLearnsTheMoonsAndDrawsTheWarp() throws Exception {
        Map<String, Object> m = run("realnvp-2d", "--quick", "--out", tmp.toString());
        for (String name : new String[] {"nll.png", "density.png", "samples.png", "warp.png"}) {
            assertTrue(ImageIO.read(tmp.resolve(name).toFile()).getWidth() > 300, name);
        }
        assertTrue(Files.size(tmp.resolve("warp.gif")) > 10_000);
        // a standard normal on standardised data scores about 2.84 nats; 150 quick steps beat it
        assertTrue(num(m, "test_nll_nats") < 2.75, m.toString());
        assertEquals(1.0, num(m, "density_integral"), 0.03, m.toString());
    }

    @Test
    void twoDLessonReadsACsv() throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 200; i++) csv.append(r.nextGaussian()).append(',').append(2 * r.nextGaussian() + 1).append('\n');
        Path file = tmp.resolve("points.csv");
        Files.writeString(file, csv);
        Map<String, Object> m = run("realnvp-2d", "--quick", "--steps", "20", "--csv", file.toString(), "--out", tmp.toString());
        assertEquals(file.toString(), m.get("data"));
        assertTrue(Double.isFinite(num(m, "test_nll_nats")));
    }

    @Test
    void mnistLessonWritesBitsPerDimAndSamples() throws Exception {
        Map<String, Object> m = run("realnvp-mnist", "--quick", "--temperature", "0.7", "--out", tmp.toString());
        assertTrue(num(m, "test_bits_per_dim") < num(m, "untrained_test_bits_per_dim"), m.toString());
        assertTrue(num(m, "test_bits_per_dim") > 0.5, m.toString());
        Tensor s = Npy.read(tmp.resolve("samples.npy"));
        assertArrayEquals(new int[] {16, 1, 28, 28}, s.shape());
        for (float v : s.data()) assertTrue(v >= 0 && v <= 1, "sample value " + v);
        assertTrue(ImageIO.read(tmp.resolve("samples.png").toFile()).getWidth() > 50);
        assertTrue(ImageIO.read(tmp.resolve("bits_per_dim.png").toFile()).getWidth() > 300);
    }

    @Test
    void cosineDecayFollowsWhicheverBudgetRunsOutFirst() {
        assertEquals(1.0, LrSchedule.cosineAt(0), 1e-12);
        assertEquals(0.5, LrSchedule.cosineAt(0.5), 1e-12);
        assertEquals(0.0, LrSchedule.cosineAt(1), 1e-12);
        assertEquals(0.25, RealNvpMnistLesson.budgetUsed(25, 100, 60, 1800), 1e-12);   // steps lead
        assertEquals(0.5, RealNvpMnistLesson.budgetUsed(10, 100, 900, 1800), 1e-12);   // time leads
        assertEquals(1.0, RealNvpMnistLesson.budgetUsed(10, 100, 2000, 1800), 1e-12);  // past the limit: clamped
    }
}
