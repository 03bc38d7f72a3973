package genlab.lessons;

import genlab.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ddpm2dLessonTest {
    @TempDir Path tmp;

    @Test
    void quickRunLearnsTheToyAndDrawsTheTrajectories() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(Main.LESSONS, new String[] {"ddpm-2d", "--quick", "--threads", "1", "--out", tmp.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.OK, code, err.toString(StandardCharsets.UTF_8));
        for (String name : new String[] {"loss.png", "forward_strip.png", "forward.gif", "reverse_strip.png", "reverse.gif", "samples.png"}) {
            assertTrue(ImageIO.read(tmp.resolve(name).toFile()).getWidth() > 100, name);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.readFile(tmp.resolve("metrics.json"));
        // Pure noise against the moons scores about 0.6 nats; a few hundred steps already do much better.
        double js = ((Number) m.get("grid_js")).doubleValue();
        assertTrue(js < 0.5, "grid JS " + js);
        assertTrue(((Number) m.get("final_loss")).doubleValue() < 0.6, m.toString());
    }
}
