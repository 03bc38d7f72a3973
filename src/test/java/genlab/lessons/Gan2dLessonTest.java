package genlab.lessons;

import genlab.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Gan2dLessonTest {
    @TempDir Path tmp;

    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(Main.LESSONS, args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void quickRunWritesFramesGifChartsAndScores() throws Exception {
        String[] r = run("gan-2d", "--quick", "--out", tmp.toString());
        assertEquals("0", r[0], r[2]);
        for (String name : new String[] {"final.png", "loss.png", "scores.png", "frames/frame_0001.png"}) {
            assertTrue(ImageIO.read(tmp.resolve(name).toFile()).getWidth() > 100, name);
        }
        byte[] gif = Files.readAllBytes(tmp.resolve("training.gif"));
        assertEquals("GIF89a", new String(gif, 0, 6, StandardCharsets.US_ASCII));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.readFile(tmp.resolve("metrics.json"));
        double js = ((Number) m.get("grid_js")).doubleValue();
        assertTrue(js >= 0 && js <= Math.log(2) + 1e-9, m.toString());
        assertEquals(8, ((Number) m.get("modes")).intValue());
        assertTrue(((Number) m.get("frames")).intValue() >= 8, m.toString());
    }

    @Test
    void stepThroughWritesAFramePerUpdateAndWassersteinGpRuns() throws Exception {
        String[] r = run("gan-2d", "--quick", "--steps", "3", "--d-steps", "2", "--loss", "wasserstein-gp", "--step-through",
                "--data", "moons", "--out", tmp.toString());
        assertEquals("0", r[0], r[2]);
        // start + 3 steps × (2 D updates + 1 G update)
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.readFile(tmp.resolve("metrics.json"));
        assertEquals(10, ((Number) m.get("frames")).intValue(), m.toString());
        assertTrue(Files.exists(tmp.resolve("frames/frame_0010.png")));
        assertTrue(!m.containsKey("modes"), "moons has no modes");
    }

    @Test
    void csvDataAndBadDataName() throws Exception {
        Path csv = tmp.resolve("pts.csv");
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 50; i++) sb.append(Math.cos(i)).append(',').append(Math.sin(i)).append('\n');
        Files.writeString(csv, sb.toString());
        String[] ok = run("gan-2d", "--quick", "--steps", "5", "--frames", "1", "--data", csv.toString(), "--loss", "least-squares",
                "--out", tmp.resolve("o").toString());
        assertEquals("0", ok[0], ok[2]);
        String[] bad = run("gan-2d", "--quick", "--data", "nine-gaussians", "--out", tmp.resolve("b").toString());
        assertEquals(String.valueOf(Cli.USAGE), bad[0]);
        assertTrue(bad[2].contains("nine-gaussians") && bad[2].lines().count() == 1, bad[2]);
    }
}
