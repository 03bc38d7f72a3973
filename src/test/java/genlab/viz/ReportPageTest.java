package genlab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPageTest {
    @TempDir Path tmp;

    static ReportPage.RunInfo info(String failure) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("command", "lessons/run vae --quick");
        facts.put("backend", "cpu on CPU, 1 thread");
        facts.put("quick", "true");
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("lesson", "vae");
        metrics.put("test_loss_nats", 101.23456789);
        metrics.put("accuracy", 0.5);
        metrics.put("steps", 200L);
        metrics.put("diverged", null);
        metrics.put("curve", List.of(1.0, 0.5));
        metrics.put("floor", Map.of("fld", 1.2975827937436861));
        return new ReportPage.RunInfo("vae", "a <VAE> & friends", failure, facts,
                List.of("loss.png", "frames/step 1.gif", "metrics.json", "/abs/checkpoints/c.safetensors"), metrics,
                List.of(ReportPage.Expected.atMost("test_loss_nats", 110, "full run"),
                        ReportPage.Expected.atLeast("accuracy", 0.9, ""),
                        ReportPage.Expected.between("floor.fld", 0, 2, ""),
                        ReportPage.Expected.atLeast("missing_key", 1, "")),
                "epoch 1 </pre><script>x</script>\nfinal line\n");
    }

    @Test
    void pageShowsFiguresMetricsAndRanges() {
        String html = ReportPage.page(info(null));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<img src=\"loss.png\""), html);
        assertTrue(html.contains("<img src=\"frames/step%201.gif\""), "URL-encoded relative path: " + html);
        assertTrue(html.contains("<a href=\"metrics.json\">"), html);
        assertTrue(html.contains("<code>/abs/checkpoints/c.safetensors</code>") && !html.contains("href=\"/abs"),
                "files outside the folder are listed, not linked");
        assertTrue(html.contains("a &lt;VAE&gt; &amp; friends"), html);
        assertFalse(html.contains("<script>x</script>"), "the log is escaped");
        assertFalse(html.contains("http://") || html.contains("https://"), "no network");
        // Values with their ranges: within and outside.
        assertTrue(html.contains("<th>test_loss_nats</th><td class=\"num\">101.23</td>"), html);
        assertTrue(html.matches("(?s).*<th>test_loss_nats</th>.*?≤ 110.*?✓ within.*"), html);
        assertTrue(html.matches("(?s).*<th>accuracy</th><td class=\"num\">0.5</td>.*?≥ 0.9.*?✗ outside.*"), html);
        assertTrue(html.matches("(?s).*<th>floor.fld</th><td class=\"num\">1.2976</td><td[^>]*>0 – 2.*?✓ within.*"), html);
        assertTrue(html.matches("(?s).*<th>missing_key</th><td class=\"num\">—</td>.*"), html);
        assertFalse(html.contains("<th>lesson</th>"), "facts are not repeated as metrics");
        assertTrue(html.contains("expected ranges are for the lesson's full default run"), "quick-run note");
        assertTrue(html.contains("<p class=\"ok\">finished</p>"));
        assertTrue(ReportPage.page(info("step 3: loss is NaN")).contains("failed: step 3: loss is NaN"));
    }

    @Test
    void embeddedRunReadsBack() {
        Path page = ReportPage.write(tmp.resolve("r/report.html"), ReportPage.page(info("x </script> y")));
        ReportPage.RunInfo back = ReportPage.read(page);
        ReportPage.RunInfo orig = info("x </script> y");
        assertEquals(orig.lesson(), back.lesson());
        assertEquals(orig.summary(), back.summary());
        assertEquals(orig.failure(), back.failure());
        assertEquals(orig.facts(), back.facts());
        assertEquals(orig.files(), back.files());
        assertEquals(orig.expected(), back.expected(), "infinite bounds survive JSON as null");
        assertEquals(orig.log(), back.log());
        assertEquals(101.23456789, ((Number) back.metrics().get("test_loss_nats")).doubleValue());
    }

    @Test
    void sideBySideLinesUpMetricsAndFigures() {
        ReportPage.RunInfo a = info(null), b = info("boom").withFiles(List.of("runs/2-b/loss.png"));
        String html = ReportPage.sideBySide("two runs", List.of(a, b));
        assertTrue(html.contains("<h1>two runs</h1>"));
        assertTrue(html.matches("(?s).*<tr><th>loss.png</th><td>.*?src=\"loss.png\".*?</td><td>.*?src=\"runs/2-b/loss.png\".*?</tr>.*"),
                "one row per figure name: " + html);
        assertTrue(html.contains("failed: boom"));
        assertTrue(html.matches("(?s).*<tr><th>accuracy</th><td class=\"num\">0.5 <span class=\"expect outside\".*"), html);
    }

    @Test
    void numbersAndRanges() {
        assertEquals("0.98765", ReportPage.number(0.987654321 - 0.000004321));
        assertEquals("1234.6", ReportPage.number(1234.5678));
        assertEquals("1.5e-07", ReportPage.number(1.5e-7));
        assertEquals("3", ReportPage.number(3.0));
        assertEquals("≥ 0.985", ReportPage.Expected.atLeast("a", 0.985, "").range());
        assertEquals("≤ 5", ReportPage.Expected.atMost("a", 5, "").range());
        assertEquals("1 – 2.5", ReportPage.Expected.between("a", 1, 2.5, "").range());
        assertFalse(ReportPage.Expected.between("a", 1, 2, "").contains(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ReportPage.Expected.between("a", 2, 1, ""));
        assertEquals("[9 values]", ReportPage.valueText(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9)));
        assertEquals("a%20b/%23c.png", ReportPage.href("a b/#c.png"));
    }

    @Test
    void notAReport() throws Exception {
        Path p = tmp.resolve("x.html");
        Files.writeString(p, "<html></html>");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportPage.read(p));
        assertTrue(e.getMessage().endsWith("not a genlab report page (no embedded run)"), e.getMessage());
    }
}
