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

class GanLessonTest {
    @TempDir Path tmp;

    static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(Main.LESSONS, args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    /** The files every MNIST GAN lesson writes, and its metrics. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> checkOutputs(Path dir, int samples, String... grids) throws Exception {
        for (String name : new String[] {"loss.png", "d_outputs.png", "grid_final.png"}) {
            assertTrue(ImageIO.read(dir.resolve(name).toFile()).getWidth() > 100, name);
        }
        for (String g : grids) assertTrue(ImageIO.read(dir.resolve("grids/" + g + ".png").toFile()).getWidth() == 4 * (4 * 30 + 2), g);
        assertEquals("GIF89a", new String(Files.readAllBytes(dir.resolve("grids.gif")), 0, 6, StandardCharsets.US_ASCII));
        Tensor s = Npy.read(dir.resolve("samples.npy"));
        assertArrayEquals(new int[] {samples, 1, 28, 28}, s.shape());
        for (float v : s.data()) assertTrue(v >= 0 && v <= 1, "sample value " + v);
        Map<String, Object> m = (Map<String, Object>) Json.readFile(dir.resolve("metrics.json"));
        if (Files.exists(genlab.metrics.Evaluator.defaultCheckpoint())) {
            for (String k : new String[] {"fld", "is", "kid"}) assertTrue(m.get(k) instanceof Number, k + " in " + m);
            assertTrue(((Number) m.get("fld")).doubleValue() > 0, m.toString());
        }
        return m;
    }

    @Test
    void seedRecipeQuickRun() throws Exception {
        String[] r = run("gan", "--quick", "--recipe", "seed", "--out", tmp.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("Adam(1.0E-4, 0.9, 0.999), batch 64"), r[1]);
        Map<String, Object> m = checkOutputs(tmp, 64, "epoch_000", "epoch_001");
        assertEquals("seed", m.get("recipe"));
        double dReal = ((Number) m.get("d_real")).doubleValue();
        assertTrue(dReal > 0 && dReal < 1, m.toString());
    }

    @Test
    void conditionalImprovedQuickRunAndBadDigit() throws Exception {
        String[] r = run("gan", "--quick", "--digit", "7", "--out", tmp.toString());
        assertEquals("0", r[0], r[2]);
        Map<String, Object> m = checkOutputs(tmp, 64, "epoch_000", "epoch_001");
        assertEquals(7, ((Number) m.get("digit")).intValue());
        if (m.containsKey("fld")) assertTrue(m.get("digit_accuracy") instanceof Number, m.toString());
        String[] bad = run("gan", "--quick", "--digit", "12", "--out", tmp.resolve("b").toString());
        assertEquals(String.valueOf(Cli.USAGE), bad[0]);
        assertTrue(bad[2].contains("--digit") && bad[2].lines().count() == 1, bad[2]);
        String[] badLr = run("gan", "--quick", "--lr", "fast", "--out", tmp.resolve("c").toString());
        assertEquals(String.valueOf(Cli.USAGE), badLr[0]);
    }
}
