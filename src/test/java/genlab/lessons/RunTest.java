package genlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import genlab.kernels.ReferenceKernels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTest {
    @TempDir Path tmp;
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    Run run(Path dir) throws Exception {
        Lesson lesson = new CliTest.Probe();
        Options spec = lesson.options();
        Map<String, Object> values = ArgParser.parse(spec, "probe", new String[] {"--out", dir.toString()});
        return new Run(lesson, spec, values, new ReferenceKernels(), new PrintStream(out, true, StandardCharsets.UTF_8), false);
    }

    @Test
    void createsOutDirAndReportsFiles() throws Exception {
        Path dir = tmp.resolve("a/b");
        Run run = run(dir);
        assertTrue(Files.isDirectory(dir));
        Path f = run.file("frames/001.png");
        assertEquals(dir.resolve("frames/001.png"), f);
        assertTrue(Files.isDirectory(f.getParent()));
        run.wrote(f);
        assertEquals("wrote " + f + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void metricsJsonContent() throws Exception {
        Run run = run(tmp);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("final_loss", 0.25);
        m.put("train_accuracy", 1.0);
        m.put("steps", 100);
        m.put("diverged", false);
        m.put("note", "say \"hi\"\n");
        m.put("nan_is_null", Double.NaN);
        m.put("curve", new double[] {1.5, 0.5});
        m.put("per_class", Map.of("b_class", 2, "a_class", 1));
        m.put("names", List.of("x", "y"));
        Path p = run.metrics(m);
        assertEquals(tmp.resolve("metrics.json"), p);
        String json = Files.readString(p);
        assertEquals("""
                {
                  "lesson": "probe",
                  "seed": 7,
                  "backend": "reference",
                  "final_loss": 0.25,
                  "train_accuracy": 1.0,
                  "steps": 100,
                  "diverged": false,
                  "note": "say \\"hi\\"\\n",
                  "nan_is_null": null,
                  "curve": [1.5, 0.5],
                  "per_class": {
                    "a_class": 1,
                    "b_class": 2
                  },
                  "names": ["x", "y"]
                }
                """, json);
    }

    @Test
    void metricsRefuseKeysThatAreNotSnakeCase() throws Exception {
        Run run = run(tmp);
        for (String bad : List.of("finalLoss", "Final", "final-loss", "_x", "x_", "a__b", "2x", "", "loss ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.metrics(Map.of(bad, 1)), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("snake_case"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> run.metrics(Map.of("ok", Map.of("notOk", 1))));
        assertThrows(IllegalArgumentException.class, () -> run.metrics(Map.of("seed", 1)), "reserved");
        assertFalse(Files.exists(tmp.resolve("metrics.json")), "nothing written on refusal");
        for (String good : List.of("final_loss", "fid", "epoch_10_loss", "x2")) assertTrue(MetricsJson.isSnakeCase(good), good);
    }

    @Test
    void randomIsSeeded() throws Exception {
        assertEquals(run(tmp.resolve("1")).random().nextLong(), run(tmp.resolve("2")).random().nextLong());
    }

    @Test
    void keepsWhatWasPrintedWithProgressBarsInTheirLastState() throws Exception {
        Run run = run(tmp);
        run.out().println("epoch 1: loss 0.5 — done");
        run.out().print("\rbar 10%");
        run.out().print("\rbar 100%");
        run.out().println();
        run.out().print("windows line\r\n");
        run.out().print("unfinished");
        assertEquals("epoch 1: loss 0.5 — done\nbar 100%\nwindows line\nunfinished", run.printed());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\rbar 10%\rbar 100%"), "the stream itself gets every byte");
    }

    @Test
    void reportListsWrittenFilesRelativeToTheOutputFolder() throws Exception {
        Run run = run(tmp.resolve("r"));
        Path png = run.file("sub/a.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        run.wrote(png);
        run.wrote(tmp.resolve("elsewhere.bin"));
        run.metrics(Map.of("final_loss", 0.5));
        Path page = run.writeReport(null);
        assertEquals(tmp.resolve("r/report.html"), page);
        genlab.viz.ReportPage.RunInfo info = genlab.viz.ReportPage.read(page);
        assertEquals(List.of("sub/a.png", tmp.resolve("elsewhere.bin").toAbsolutePath().toString(), "metrics.json"), info.files());
        assertEquals(0.5, ((Number) info.metrics().get("final_loss")).doubleValue());
        assertEquals("probe", info.lesson());
        assertTrue(info.facts().get("command").startsWith("lessons/run probe --out " + tmp.resolve("r")), info.facts().toString());
    }
}
