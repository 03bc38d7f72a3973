package genlab.lessons;

import genlab.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchLessonTest {
    @TempDir Path tmp;

    @Test
    void quickRunMeasuresEveryKernelAndBothSteps() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(Main.LESSONS, new String[] {"bench", "--quick", "--threads", "1", "--clock", "cpu", "--backends", "reference,cpu", "--out", tmp.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.OK, code, err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s).*matmul +8x24x16 +cpu +[0-9.]+ GFLOP/s.*"), text);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.readFile(tmp.resolve("metrics.json"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) m.get("kernels");
        assertEquals(2 * 8, rows.size(), rows.toString());  // per backend: 4 matmul variants, 3 conv kernels, 1 transposed conv
        for (Map<String, Object> r : rows) assertTrue(((Number) r.get("gflops")).doubleValue() > 0, r.toString());
        assertTrue(((Number) m.get("gan_mlp_ms_per_step_cpu")).doubleValue() > 0, m.toString());
        assertTrue(((Number) m.get("vae_mlp_ms_per_step_cpu")).doubleValue() > 0, m.toString());
        assertTrue(Files.readString(tmp.resolve("bench.md")).contains("| conv2d weight grad |"));
    }

    @Test
    void theCpuClockNeedsOneThread() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(Main.LESSONS, new String[] {"bench", "--quick", "--threads", "2", "--clock", "cpu", "--out", tmp.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.USAGE, code);
        assertEquals("genlab bench: --clock cpu adds up the CPU time of every thread: use it with --threads 1", err.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void anUnknownBackendIsOneLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(Main.LESSONS, new String[] {"bench", "--quick", "--backends", "cuda", "--out", tmp.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.USAGE, code);
        assertEquals("genlab bench: --backends: unknown backend 'cuda' (choose from reference, cpu, opencl)", err.toString(StandardCharsets.UTF_8).trim());
    }
}
