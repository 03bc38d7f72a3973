package genlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    long now = 0;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void plainModePrintsAtEveryTenthAndOnClose() {
        try (Progress p = new Progress("train", 1000, out, false, () -> now, 30)) {
            for (int i = 0; i < 1000; i++) {
                now += 10_000_000L; // 10 ms per step
                p.step("loss 0.5");
            }
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(10, lines.length, String.join("\n", lines)); // 10%..90% and the final line
        assertEquals("train [##########..........]  500/1000  50%  100.0 it/s  ETA 0:05  loss 0.5", lines[4]);
        assertEquals("train [####################] 1000/1000 100%  100.0 it/s  took 0:10  loss 0.5", lines[9]);
    }

    @Test
    void plainModeAlsoPrintsWhenSlow() {
        try (Progress p = new Progress("epoch", 1000, out, false, () -> now, 30)) {
            for (int i = 0; i < 20; i++) {
                now += 20_000_000_000L; // 20 s per step: a line every other step
                p.step("");
            }
        }
        long lines = bytes.toString(StandardCharsets.UTF_8).lines().count();
        assertEquals(11, lines);
    }

    @Test
    void interactiveModeRedrawsInPlace() {
        try (Progress p = new Progress("train", 3, out, true, () -> now, 30)) {
            for (int i = 0; i < 3; i++) {
                now += 1_000_000_000L;
                p.step("loss " + i);
            }
        }
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("\rtrain [######..............] 1/3  33%  1.0 it/s  ETA 0:02  loss 0"), s);
        assertEquals(1, s.chars().filter(c -> c == '\n').count(), "one line, redrawn with \\r");
        assertTrue(s.contains("3/3 100%"), s);
    }

    @Test
    void resumedBarCountsOnlyTheItemsDoneSince() {
        try (Progress p = new Progress("epoch 21/40", 1000, out, false, () -> now, 600)) {
            p.resumeAt(600);
            for (int i = 0; i < 100; i++) {
                now += 500_000_000L; // 0.5 s per step
                p.step("");
            }
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(2, lines.length, String.join("\n", lines)); // 70% and the final line, nothing at resume
        assertEquals("epoch 21/40 [##############......]  700/1000  70%  2.0 it/s  ETA 2:30", lines[0]);
    }
}
