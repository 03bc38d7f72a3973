package genlab.kernels.opencl;

import genlab.io.Json;
import genlab.lessons.Cli;
import genlab.lessons.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole lesson with {@code --backend opencl}: it names the device, learns, and never falls back. */
class OpenClLessonTest {
    @TempDir Path tmp;

    @Test
    void theTensorsLessonLearnsOnOpenCl() throws Exception {
        OpenCl.Device device = OpenClTestDevice.require();
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(Main.LESSONS, new String[] {"tensors", "--quick", "--steps", "120", "--value-steps", "3",
                        "--backend", "opencl", "--out", tmp.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(Cli.OK, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("backend: opencl on " + device), printed);
        assertFalse(printed.contains("failed"), printed);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.readFile(tmp.resolve("metrics.json"));
        assertEquals("opencl", m.get("backend"));
        assertTrue(((Number) m.get("train_accuracy")).doubleValue() >= 0.95, m.toString());
    }
}
