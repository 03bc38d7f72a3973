package genlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MainTest {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int cli(String... args) {
        return Cli.run(Main.LESSONS, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void noArgumentListsEveryLessonWithItsSummary() {
        assertEquals(Cli.OK, cli());
        String text = out.toString(StandardCharsets.UTF_8);
        for (Lesson l : Main.LESSONS) {
            assertTrue(text.lines().anyMatch(line -> line.trim().startsWith(l.name() + " ") && line.contains(l.summary())),
                    text);
        }
        assertTrue(text.contains("autograd"), text);
    }

    @Test
    void unknownLessonIsOneLineAndExitTwo() {
        assertEquals(Cli.USAGE, cli("autograd2", "--quick"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("unknown lesson 'autograd2'") && e.contains("list"), e);
    }

    @Test
    void lessonNamesAreUniqueLowerCaseAndSummariesOneLine() {
        Set<String> names = new HashSet<>();
        for (Lesson l : Main.LESSONS) {
            assertTrue(names.add(l.name()), "duplicate " + l.name());
            assertTrue(l.name().matches("[a-z][a-z0-9-]*"), l.name());
            assertTrue(!l.summary().isBlank() && !l.summary().contains("\n"), l.name());
            l.options(); // declares without error
        }
    }
}
