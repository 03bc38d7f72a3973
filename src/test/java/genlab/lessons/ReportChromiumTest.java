package genlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders report pages in headless Chromium (Debian's {@code chromium}) and checks that every
 * image loads: the page's own script marks each {@code <img>} {@code data-loaded="yes"} when it is
 * complete with a natural width above 0, and {@code --dump-dom} prints the DOM after the load event.
 *
 * <p>Without Chromium these tests are skipped, unless {@code CI=true} or
 * {@code GENLAB_REQUIRE_CHROMIUM=1} is set (as {@code .ci/run} does): then they fail.
 * {@code GENLAB_CHROMIUM} names another binary.
 */
class ReportChromiumTest {
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>");
    private static Path chromium;

    @TempDir Path tmp;

    @BeforeAll
    static void findChromium() {
        chromium = locate();
        if (chromium == null) {
            String why = "no headless Chromium found (chromium, chromium-browser or GENLAB_CHROMIUM); install it with: apt-get install chromium";
            if (required()) fail(why + " (required here: CI=true or GENLAB_REQUIRE_CHROMIUM=1)");
            Assumptions.abort(why);
        }
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("GENLAB_REQUIRE_CHROMIUM"));
    }

    static Path locate() {
        String own = System.getenv("GENLAB_CHROMIUM");
        if (own != null && !own.isBlank()) return Files.isExecutable(Path.of(own)) ? Path.of(own) : null;
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p;
            }
        }
        return null;
    }

    /** The DOM of {@code page} after it loaded, as headless Chromium sees it from file://. */
    String render(Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "profile");
        // The flags keep Chromium off the network (closed here) and out of the user's profile.
        List<String> cmd = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString());
        Path dom = tmp.resolve("dom.html"), log = tmp.resolve("chromium.log");
        Process p = new ProcessBuilder(cmd).redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish rendering " + page + " in 120 s");
        }
        String text = Files.readString(dom, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(log));
        assertTrue(text.contains("<body"), "no DOM from chromium: " + Files.readString(log));
        return text;
    }

    /** The {@code <img>} tags of a rendered page. */
    static List<String> images(String dom) {
        List<String> tags = new ArrayList<>();
        Matcher m = IMG.matcher(dom);
        while (m.find()) tags.add(m.group());
        return tags;
    }

    Path runProbe(String name) {
        Path out = tmp.resolve(name);
        LessonRunner.Result r = CliTest.runLesson(new FiguresProbe(), "--out", out.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        return out;
    }

    @Test
    void everyImageOfARunsReportLoads() throws Exception {
        Path out = runProbe("run");
        String dom = render(out.resolve("report.html"));
        List<String> imgs = images(dom);
        assertEquals(FiguresProbe.IMAGES.size(), imgs.size(), dom);
        for (String tag : imgs) assertTrue(tag.contains("data-loaded=\"yes\""), "did not load: " + tag);
        assertTrue(dom.contains("data-images=\"3 images, 0 missing\""), dom);
        assertTrue(dom.contains("id=\"missing\" hidden"), "no missing-images notice shown");
        assertTrue(!dom.contains("<b>not bold</b>") && !dom.contains("<script>alert(1)"), "text is escaped");
    }

    @Test
    void aMissingImageIsCaught() throws Exception {
        Path out = runProbe("broken");
        Files.delete(out.resolve("samples.gif"));
        String dom = render(out.resolve("report.html"));
        assertTrue(dom.contains("data-images=\"3 images, 1 missing\""), dom);
        long failed = images(dom).stream().filter(t -> t.contains("data-loaded=\"no\"")).count();
        assertEquals(1, failed, dom);
        assertTrue(dom.contains("Images that did not load: samples.gif"), dom);
    }

    @Test
    void sideBySidePageStandsOnItsOwn() throws Exception {
        Path a = runProbe("a"), b = runProbe("b");
        Path page = tmp.resolve("both");
        LessonRunner.Result r = LessonRunner.run("report", a.toString(), b.toString(), "--out", page.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        // The runs' folders can go: the page has its own copies.
        for (Path dir : List.of(a, b)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        String dom = render(page.resolve("report.html"));
        assertEquals(2 * FiguresProbe.IMAGES.size(), images(dom).size(), dom);
        assertTrue(dom.contains("data-images=\"6 images, 0 missing\""), dom);
        // A run's own page, copied beside it, still shows its figures.
        String inner = render(page.resolve("runs/1-a/report.html"));
        assertTrue(inner.contains("data-images=\"3 images, 0 missing\""), inner);
    }
}
