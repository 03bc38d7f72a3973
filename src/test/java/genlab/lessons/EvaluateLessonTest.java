package genlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import genlab.data.ImageSet;
import genlab.data.Mnist;
import genlab.io.Json;
import genlab.io.Npy;
import genlab.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lessons/run evaluate --samples FILE.npy} on the shipped classifier. */
class EvaluateLessonTest {
    @TempDir Path tmp;

    @Test
    void scoresRealDigitsBesideFloorAndCeiling() throws Exception {
        ImageSet test = Mnist.load(Mnist.datasetsDir(), Mnist.Split.TEST, 1_000);
        Path file = tmp.resolve("real.npy");
        // Test digits 500..999 as (N, 784): the other accepted shape.
        Npy.write(file, Tensor.of(Arrays.copyOfRange(test.pixels(), 500 * 784, 1_000 * 784), 500, 784));
        Path out = tmp.resolve("out");
        LessonRunner.Result r = LessonRunner.run("evaluate", "--samples", file.toString(), "--threads", "1", "--out", out.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.readFile(out.resolve("metrics.json"));
        for (String key : new String[] {"fld", "is", "kid", "precision", "recall"}) assertTrue(m.get(key) instanceof Number, key + " in " + m);
        assertTrue(num(m, "is") > 8.5 && num(m, "is") <= 10, m.toString());
        assertTrue(num(m, "precision") > 0.7, m.toString());
        assertTrue(num(m, "fld") < 0.05 * num((Map<?, ?>) m.get("ceiling"), "fld"), "real digits are far from noise: " + m);
        assertEquals(500L, m.get("count"));
        // Every score on one line with its floor and ceiling beside it.
        String table = r.out();
        assertTrue(table.contains("floor (real)") && table.contains("ceiling (noise)"), table);
        for (String score : new String[] {"FLD", "IS", "KID", "precision", "recall"}) {
            String line = table.lines().filter(l -> l.startsWith(score + " ")).findFirst().orElse("");
            assertTrue(line.trim().split("\\s+").length >= 4, "'" + score + "' row with samples, floor and ceiling: " + line);
        }
        assertTrue(javax.imageio.ImageIO.read(out.resolve("samples.png").toFile()).getWidth() > 100, "samples.png: 8 columns of digits");
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("ceiling.fld") && report.contains("src=\"samples.png\""), report);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "shape => has shape (3, 28, 28); expected (N, 1, 28, 28) or (N, 784)",
        "range => value 2.0 of image 1 (pixel 5) is outside [0, 1]",
        "dtype => dtype '<i4' is not supported; expected float32 ('<f4') in [0, 1]",
        "missing => file not found",
        "nan => value NaN at image 0 (pixel 3); pixels must be in [0, 1]",
    })
    void badFilesExitTwoWithOneLine(String kind, String expected) throws Exception {
        Path file = tmp.resolve(kind + ".npy");
        switch (kind) {
            case "shape" -> Npy.write(file, Tensor.zeros(3, 28, 28));
            case "range" -> {
                float[] d = new float[2 * 784];
                d[784 + 5] = 2f;
                Npy.write(file, Tensor.of(d, 2, 1, 28, 28));
            }
            case "dtype" -> Files.copy(Path.of("test-data/npy/i4.npy"), file);
            case "nan" -> {
                float[] d = new float[2 * 784];
                d[3] = Float.NaN;
                Npy.write(file, Tensor.of(d, 2, 784));
            }
            default -> { }
        }
        LessonRunner.Result r = LessonRunner.run("evaluate", "--samples", file.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(Cli.USAGE, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        String line = r.errLines()[0];
        assertTrue(line.startsWith("genlab evaluate: samples " + file), line);
        assertTrue(line.contains(expected), line);
    }

    @Test
    void withoutSamplesItSaysWhatToGive() {
        LessonRunner.Result r = LessonRunner.run("evaluate", "--out", tmp.toString());
        assertEquals(Cli.USAGE, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.errLines()[0].startsWith("genlab evaluate: --samples FILE.npy is required"), r.err());
    }

    private static double num(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }
}
