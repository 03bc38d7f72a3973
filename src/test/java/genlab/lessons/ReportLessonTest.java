package genlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lessons/run report DIR...}; the browser check of the same pages is in {@link ReportChromiumTest}. */
class ReportLessonTest {
    @TempDir Path tmp;

    Path probe(String name) {
        Path out = tmp.resolve(name);
        assertEquals(Cli.OK, CliTest.runLesson(new FiguresProbe(), "--out", out.toString()).code());
        return out;
    }

    @Test
    void everyRunWritesAReportWithItsFiguresMetricsAndOutput() throws Exception {
        Path out = probe("one");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("src=\"loss.png\"") && html.contains("src=\"samples.gif\"")
                && html.contains("src=\"frames/step%20001%20%231.png\""), html);
        assertTrue(html.contains("<a href=\"notes.txt\">"), html);
        assertTrue(html.contains("<th>floor.is</th><td class=\"num\">9.75</td>"), html);
        assertTrue(html.contains("training ... &amp; done &lt;script&gt;"), "what the run printed, escaped");
        assertTrue(html.contains("lessons/run figures --out " + out), html);
    }

    @Test
    void putsRunsSideBySideWithCopies() throws Exception {
        Path a = probe("a"), b = probe("b");
        Files.delete(b.resolve("report.html")); // an older run: metrics.json and images only
        Path page = tmp.resolve("cmp");
        LessonRunner.Result r = LessonRunner.run("report", a.toString(), b.toString(), "--out", page.toString(), "--title", "a vs b");
        assertEquals(Cli.OK, r.code(), r.err());
        String html = Files.readString(page.resolve("report.html"));
        assertTrue(html.contains("<h1>a vs b</h1>"), html);
        assertTrue(html.contains("src=\"runs/1-a/loss.png\"") && html.contains("src=\"runs/2-b/loss.png\""), html);
        assertTrue(Files.isRegularFile(page.resolve("runs/1-a/frames/step 001 #1.png")));
        assertTrue(Files.isRegularFile(page.resolve("runs/1-a/report.html")));
        assertTrue(html.contains("(no report.html: from metrics.json)"), html);
        assertTrue(r.out().contains("wrote " + page.resolve("report.html")), r.out());
    }

    @Test
    void badFoldersAreOneLineUsageErrors() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        String[][] cases = {
            {"genlab report: give one or more run folders, e.g. lessons/run report out/classifier out/evaluate"},
            {"genlab report: " + tmp.resolve("nope") + ": not a folder (give the --out folder of a lesson run)", tmp.resolve("nope").toString()},
            {"genlab report: " + empty + ": no report.html or metrics.json here (give the --out folder of a lesson run)", empty.toString()},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 2];
            args[0] = "report";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            args[c.length] = "--out";
            args[c.length + 1] = tmp.resolve("o").toString();
            LessonRunner.Result r = LessonRunner.run(args);
            assertEquals(Cli.USAGE, r.code(), r.err());
            assertEquals(c[0] + System.lineSeparator(), r.err());
        }
        LessonRunner.Result help = LessonRunner.run("report", "--help");
        assertTrue(help.out().startsWith("usage: lessons/run report [options] DIR..."), help.out());
        LessonRunner.Result other = LessonRunner.run("tensors", "stray", "--out", tmp.resolve("t").toString());
        assertEquals("genlab tensors: unexpected argument 'stray' (try --help)" + System.lineSeparator(), other.err());
    }
}
