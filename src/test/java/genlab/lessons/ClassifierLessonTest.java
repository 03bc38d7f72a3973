package genlab.lessons;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import genlab.io.Json;
import genlab.io.SafeTensors;
import genlab.models.classifier.LeNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierLessonTest {
    @TempDir Path tmp;

    @Test
    void quickRunTrainsAndWritesItsFiles() throws Exception {
        LessonRunner.Result r = LessonRunner.run("classifier", "--quick", "--threads", "1", "--out", tmp.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        for (String png : new String[] {"loss.png", "misclassified.png"}) {
            assertTrue(ImageIO.read(tmp.resolve(png).toFile()).getWidth() > 50, png);
        }
        assertTrue(Files.readString(tmp.resolve("confusion_matrix.txt")).startsWith("confusion matrix"));
        assertTrue(Files.readString(tmp.resolve("misclassified.txt")).contains("index  true  predicted"));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.readFile(tmp.resolve("metrics.json"));
        double acc = ((Number) m.get("test_accuracy")).doubleValue();
        // One epoch on 1,000 digits: far from 98.5%, but well above chance (10%).
        assertTrue(acc > 0.25 && acc <= 1, m.toString());
        assertEquals(500L, m.get("test_digits"));
        assertEquals(1000L, m.get("train_digits"));
        // The saved weights load into a fresh LeNet.
        LeNet net = new LeNet(new SplittableRandom(1));
        assertDoesNotThrow(() -> SafeTensors.loadInto(tmp.resolve("classifier.safetensors"), net.stateDict()));
        String report = Files.readString(tmp.resolve("report.html"));
        assertTrue(report.contains("src=\"loss.png\"") && report.contains("src=\"misclassified.png\""), "report.html shows the figures");
        assertTrue(r.out().contains("wrote " + tmp.resolve("report.html")), r.out());
    }

    @Test
    void installWithQuickIsRefusedInOneLine() {
        LessonRunner.Result r = LessonRunner.run("classifier", "--quick", "--install", "--out", tmp.toString());
        assertEquals(Cli.USAGE, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertEquals("genlab classifier: --install needs the classifier tested on all 10,000 test digits (drop --quick and --test-digits)",
                r.errLines()[0]);
    }

    @Test
    void installBelowTheBarIsOneLineWithoutStackTrace() {
        LessonException e = assertThrows(LessonException.class, () -> ClassifierLesson.checkInstallable(0.9712, 10_000));
        assertTrue(e.getMessage().startsWith("not installed: test accuracy 97.12% on 10000 digits; --install needs at least 98.5%"),
                e.getMessage());
        assertThrows(LessonException.class, () -> ClassifierLesson.checkInstallable(0.99, 9_999));
        assertDoesNotThrow(() -> ClassifierLesson.checkInstallable(0.985, 10_000));
        // What the command line makes of it: exit code 1 and that one line.
        Lesson refusing = new Lesson() {
            @Override public String name() { return "classifier"; }
            @Override public String summary() { return "refuses"; }
            @Override public void run(Run run) { ClassifierLesson.checkInstallable(0.9712, 10_000); }
        };
        LessonRunner.Result r = CliTest.runLesson(refusing, "--out", tmp.toString());
        assertEquals(Cli.FAILED, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertEquals("genlab classifier: " + e.getMessage(), r.errLines()[0]);
    }
}
