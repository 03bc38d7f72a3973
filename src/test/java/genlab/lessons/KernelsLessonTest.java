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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelsLessonTest {
    @TempDir Path tmp;

    @Test
    void quickRunChecksAndTimesEveryStep() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(Main.LESSONS, new String[] {"kernels", "--quick", "--threads", "2", "--out", tmp.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.OK, code, err.toString(StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.readFile(tmp.resolve("metrics.json"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) m.get("steps");
        // six steps, the packed kernel on 1 and 2 threads, and OpenCL where a device exists
        assertTrue(steps.size() >= 8, steps.toString());
        assertEquals("naive (ijk)", steps.get(0).get("step"));
        for (Map<String, Object> s : steps) {
            assertTrue(((Number) s.get("gflops")).doubleValue() > 0, s.toString());
            assertTrue(((Number) s.get("max_abs_error")).doubleValue() < 1e-3, s.toString());
        }
        assertTrue(ImageIO.read(tmp.resolve("gflops.png").toFile()).getHeight() > 300);
        assertTrue(Files.readString(tmp.resolve("table.md")).contains("| cache-blocked |"));
    }

    @Test
    void aWrongProductIsCaught() {
        float[] want = {1, 2, 3}, got = {1, 2, 3.5f}, bound = {1, 2, 3};
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> KernelsLesson.check("broken", want, got, bound, 3));
        assertTrue(e.getMessage().startsWith("step 'broken' disagrees with the naive product at C[2]"), e.getMessage());
    }
}
