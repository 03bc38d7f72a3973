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

class TensorsLessonTest {
    @TempDir Path tmp;

    @Test
    void learnsTheMoonsAndReportsTheSpeedUp() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        // 120 steps: enough to separate the moons (the quick default of 20 is only a smoke run).
        int code = Cli.run(Main.LESSONS, new String[] {"tensors", "--quick", "--steps", "120", "--value-steps", "3", "--out", tmp.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.OK, code, err.toString(StandardCharsets.UTF_8));
        for (String name : new String[] {"loss.png", "decision_boundary.png"}) {
            assertTrue(ImageIO.read(tmp.resolve(name).toFile()).getWidth() > 100, name);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.readFile(tmp.resolve("metrics.json"));
        assertTrue(((Number) m.get("train_accuracy")).doubleValue() >= 0.95, m.toString());
        assertTrue(((Number) m.get("final_loss")).doubleValue() < 0.2, m.toString());
        assertTrue(((Number) m.get("speedup_over_value")).doubleValue() > 0, m.toString());
        assertTrue(Files.readString(tmp.resolve("metrics.json")).contains("\"lesson\""));
    }
}
