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

/**
 * A whole lesson with {@code --backend opencl}: it names the device, never falls back, and trains
 * to the same loss as the reference kernels (float32 sums in another order: close, not equal).
 */
class OpenClLessonTest {
    @TempDir Path tmp;

    @Test
    void theTensorsLessonTrainsOnOpenClAsOnTheReference() throws Exception {
        OpenCl.Device device = OpenClTestDevice.require();
        String printed = run("opencl");
        assertTrue(printed.contains("backend: opencl on " + device), printed);
        assertFalse(printed.contains("failed"), printed);
        run("reference");
        Map<String, Object> onOpenCl = metrics("opencl"), onReference = metrics("reference");
        assertEquals("opencl", onOpenCl.get("backend"));
        double loss = ((Number) onOpenCl.get("final_loss")).doubleValue(), ref = ((Number) onReference.get("final_loss")).doubleValue();
        assertEquals(ref, loss, 1e-4 * (1 + Math.abs(ref)), "final loss, OpenCL against the reference");
        assertEquals(onReference.get("train_accuracy"), onOpenCl.get("train_accuracy"));
    }

    private String run(String backend) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(Main.LESSONS, new String[] {"tensors", "--quick", "--value-steps", "1", "--backend", backend,
                        "--out", tmp.resolve(backend).toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.OK, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metrics(String backend) {
        return (Map<String, Object>) Json.readFile(tmp.resolve(backend).resolve("metrics.json"));
    }
}
