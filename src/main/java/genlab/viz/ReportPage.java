package genlab.viz;

import genlab.io.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code report.html}: one self-contained page per lesson run, and one page that puts several runs
 * side by side.
 *
 * <p>A page holds the run's options, backend and device, every figure and GIF it wrote (as
 * {@code <img>} with relative paths), its {@code metrics.json} numbers beside the ranges the
 * lesson says to expect (within or outside), the other files it wrote, and what it printed. The page
 * needs no network: styles and its one small script are inline, images are files next to it. The
 * script marks every image {@code data-loaded="yes"} or {@code "no"} once the page has loaded and
 * sums them up in {@code <body data-images="N images, M missing">} (also shown to the reader when
 * M &gt; 0), which is what the headless-browser test reads.
 *
 * <p>The run itself is embedded as JSON ({@code <script type="application/json" id="genlab-run">}),
 * so {@link #read(Path)} can load a page again to build a side-by-side page from it.
 */
public final class ReportPage {
    /** Extensions shown as images. */
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "gif", "jpg", "jpeg", "svg", "webp");
    private static final Pattern EMBEDDED = Pattern.compile(
            "<script type=\"application/json\" id=\"genlab-run\">(.*?)</script>", Pattern.DOTALL);
    /** Longest log kept on a page, in characters (the end is kept: that is where the results are). */
    static final int MAX_LOG = 200_000;
    /** metrics.json keys that repeat the run's facts, left out of the metrics tables. */
    private static final Set<String> FACT_KEYS = Set.of("lesson", "seed", "backend");

    private ReportPage() {}

    /**
     * A range a lesson's page says to expect for one {@code metrics.json} value: {@code low ≤ value ≤ high}.
     *
     * @param key  the metrics key; a dotted path for nested objects ({@code floor.fld})
     * @param low  lower bound, or {@link Double#NEGATIVE_INFINITY}
     * @param high upper bound, or {@link Double#POSITIVE_INFINITY}
     * @param note why, or for which settings (may be empty)
     */
    public record Expected(String key, double low, double high, String note) {
        public Expected {
            if (key == null || key.isEmpty()) throw new IllegalArgumentException("Expected: empty key");
            if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
                throw new IllegalArgumentException("Expected " + key + ": bad range [" + low + ", " + high + "]");
            }
            note = note == null ? "" : note;
        }

        /** {@code value ≥ low}. */
        public static Expected atLeast(String key, double low, String note) {
            return new Expected(key, low, Double.POSITIVE_INFINITY, note);
        }

        /** {@code value ≤ high}. */
        public static Expected atMost(String key, double high, String note) {
            return new Expected(key, Double.NEGATIVE_INFINITY, high, note);
        }

        /** {@code low ≤ value ≤ high}. */
        public static Expected between(String key, double low, double high, String note) {
            return new Expected(key, low, high, note);
        }

        /** True if {@code value} is in the range (NaN never is). */
        public boolean contains(double value) {
            return value >= low && value <= high;
        }

        /** The range as text: {@code ≥ 0.985}, {@code ≤ 5}, {@code 0.9 – 1}. */
        public String range() {
            if (low == Double.NEGATIVE_INFINITY && high == Double.POSITIVE_INFINITY) return "any";
            if (high == Double.POSITIVE_INFINITY) return "≥ " + number(low);
            if (low == Double.NEGATIVE_INFINITY) return "≤ " + number(high);
            return number(low) + " – " + number(high);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", key);
            m.put("low", Double.isInfinite(low) ? null : low);
            m.put("high", Double.isInfinite(high) ? null : high);
            m.put("note", note);
            return m;
        }

        static Expected fromJson(Map<?, ?> m) {
            Object lo = m.get("low"), hi = m.get("high");
            return new Expected(String.valueOf(m.get("key")),
                    lo == null ? Double.NEGATIVE_INFINITY : ((Number) lo).doubleValue(),
                    hi == null ? Double.POSITIVE_INFINITY : ((Number) hi).doubleValue(),
                    m.get("note") == null ? "" : String.valueOf(m.get("note")));
        }
    }

    /**
     * Everything a page shows about one run.
     *
     * @param lesson   the lesson's name
     * @param summary  its one-line summary
     * @param failure  null if the run succeeded, else the one-line reason it stopped
     * @param facts    label to value: seed, backend and device, options, started, seconds, ...
     * @param files    files the run wrote, relative to the page's folder with '/' separators; files
     *                 outside that folder are absolute paths (listed, not linked)
     * @param metrics  the contents of {@code metrics.json} (nested maps allowed), or empty
     * @param expected the ranges to expect (may be empty)
     * @param log      what the run printed (may be empty)
     */
    public record RunInfo(String lesson, String summary, String failure, Map<String, String> facts, List<String> files,
                          Map<String, Object> metrics, List<Expected> expected, String log) {
        public RunInfo {
            facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
            files = List.copyOf(files);
            metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
            expected = List.copyOf(expected);
            log = log == null ? "" : log;
            summary = summary == null ? "" : summary;
        }

        /** The same run with other file paths (e.g. after the files were copied elsewhere). */
        public RunInfo withFiles(List<String> newFiles) {
            return new RunInfo(lesson, summary, failure, facts, newFiles, metrics, expected, log);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lesson", lesson);
            m.put("summary", summary);
            m.put("failure", failure);
            m.put("facts", facts);
            m.put("files", files);
            m.put("metrics", metrics);
            List<Object> ex = new ArrayList<>();
            for (Expected e : expected) ex.add(e.json());
            m.put("expected", ex);
            return m;
        }

        @SuppressWarnings("unchecked")
        static RunInfo fromJson(Map<?, ?> m, String log) {
            Map<String, String> facts = new LinkedHashMap<>();
            if (m.get("facts") instanceof Map<?, ?> f) f.forEach((k, v) -> facts.put(String.valueOf(k), String.valueOf(v)));
            List<String> files = new ArrayList<>();
            if (m.get("files") instanceof List<?> l) l.forEach(x -> files.add(String.valueOf(x)));
            Map<String, Object> metrics = m.get("metrics") instanceof Map<?, ?> mm ? (Map<String, Object>) mm : Map.of();
            List<Expected> expected = new ArrayList<>();
            if (m.get("expected") instanceof List<?> l) for (Object o : l) expected.add(Expected.fromJson((Map<?, ?>) o));
            Object failure = m.get("failure");
            return new RunInfo(String.valueOf(m.get("lesson")), m.get("summary") == null ? "" : String.valueOf(m.get("summary")),
                    failure == null ? null : String.valueOf(failure), facts, files, metrics, expected, log);
        }
    }

    // ------------------------------------------------------------------ one run

    /** The page of one run. */
    public static String page(RunInfo run) {
        StringBuilder sb = new StringBuilder();
        head(sb, "genlab " + run.lesson());
        sb.append("<h1>genlab <code>").append(esc(run.lesson())).append("</code></h1>\n");
        if (!run.summary().isEmpty()) sb.append("<p class=\"summary\">").append(esc(run.summary())).append("</p>\n");
        sb.append(run.failure() == null ? "<p class=\"ok\">finished</p>\n"
                : "<p class=\"failed\">failed: " + esc(run.failure()) + "</p>\n");
        missingNotice(sb);

        sb.append("<h2>Run</h2>\n<table class=\"facts\">\n");
        run.facts().forEach((k, v) -> sb.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n"));
        sb.append("</table>\n");

        Map<String, Object> flat = flatten(run.metrics());
        flat.keySet().removeAll(FACT_KEYS);
        if (!flat.isEmpty() || !run.expected().isEmpty()) {
            boolean ranges = !run.expected().isEmpty();
            sb.append("<h2>Metrics</h2>\n<table class=\"metrics\">\n<tr><th>metric</th><th>value</th>")
                    .append(ranges ? "<th>expected</th><th></th>" : "").append("</tr>\n");
            Map<String, Expected> byKey = expectedByKey(run.expected());
            Set<String> keys = new LinkedHashSet<>(flat.keySet());
            keys.addAll(byKey.keySet());
            for (String key : keys) {
                sb.append("<tr><th>").append(esc(key)).append("</th><td class=\"num\">")
                        .append(flat.containsKey(key) ? esc(valueText(flat.get(key))) : "—").append("</td>")
                        .append(ranges ? expectedCells(byKey.get(key), flat.get(key)) : "").append("</tr>\n");
            }
            sb.append("</table>\n");
            if (ranges && "true".equals(run.facts().get("quick"))) {
                sb.append("<p class=\"note\">A --quick run: the expected ranges are for the lesson's full default run.</p>\n");
            }
        }

        List<String> images = new ArrayList<>(), others = new ArrayList<>();
        for (String f : run.files()) (isImage(f) && !isAbsolute(f) ? images : others).add(f);
        if (!images.isEmpty()) {
            sb.append("<h2>Figures</h2>\n<div class=\"figures\">\n");
            for (String f : images) figure(sb, f);
            sb.append("</div>\n");
        }
        if (!others.isEmpty()) {
            sb.append("<h2>Other files</h2>\n<ul class=\"files\">\n");
            for (String f : others) sb.append("<li>").append(fileLink(f)).append("</li>\n");
            sb.append("</ul>\n");
        }
        if (!run.log().isEmpty()) {
            sb.append("<h2>Output</h2>\n<pre class=\"log\">").append(esc(run.log())).append("</pre>\n");
        }
        embed(sb, run);
        foot(sb);
        return sb.toString();
    }

    // ------------------------------------------------------------------ side by side

    /**
     * Several runs in columns: facts, metrics (union of keys, each with its expected range), and
     * figures, a row per file name so that the same figure of each run sits side by side.
     * {@code runs}' file paths must be relative to the folder the page is written to.
     */
    public static String sideBySide(String title, List<RunInfo> runs) {
        StringBuilder sb = new StringBuilder();
        head(sb, title);
        sb.append("<h1>").append(esc(title)).append("</h1>\n");
        missingNotice(sb);
        sb.append("<table class=\"side\">\n<tr><th></th>");
        for (RunInfo r : runs) {
            String folder = r.facts().getOrDefault("folder", "");
            String name = folder.replaceAll("[/\\\\]+$", "").replaceAll(".*[/\\\\]", "");
            sb.append("<th><code>").append(esc(r.lesson())).append("</code>")
                    .append(name.isEmpty() || name.equals(r.lesson()) ? "" : " <span class=\"note\">" + esc(name) + "</span>").append("</th>");
        }
        sb.append("</tr>\n");
        row(sb, "about", runs, r -> esc(r.summary()));
        row(sb, "status", runs, r -> r.failure() == null ? "<span class=\"ok\">finished</span>"
                : "<span class=\"failed\">failed: " + esc(r.failure()) + "</span>");
        Set<String> factKeys = new LinkedHashSet<>();
        for (RunInfo r : runs) factKeys.addAll(r.facts().keySet());
        for (String k : factKeys) row(sb, k, runs, r -> r.facts().containsKey(k) ? esc(r.facts().get(k)) : "");

        List<Map<String, Object>> flats = new ArrayList<>();
        Set<String> metricKeys = new LinkedHashSet<>();
        for (RunInfo r : runs) {
            Map<String, Object> flat = flatten(r.metrics());
            flats.add(flat);
            metricKeys.addAll(flat.keySet());
            for (Expected e : r.expected()) metricKeys.add(e.key());
        }
        metricKeys.removeAll(FACT_KEYS);
        if (!metricKeys.isEmpty()) sb.append("<tr><th colspan=\"").append(runs.size() + 1).append("\" class=\"section\">metrics</th></tr>\n");
        for (String k : metricKeys) {
            sb.append("<tr><th>").append(esc(k)).append("</th>");
            for (int i = 0; i < runs.size(); i++) {
                Object v = flats.get(i).get(k);
                Expected e = expectedByKey(runs.get(i).expected()).get(k);
                sb.append("<td class=\"num\">").append(v == null && !flats.get(i).containsKey(k) ? "" : esc(valueText(v)));
                if (e != null) {
                    String mark = mark(e, v);
                    sb.append(" <span class=\"expect ").append(mark).append("\" title=\"").append(esc(e.note())).append("\">(")
                            .append(esc(e.range())).append(mark.isEmpty() ? "" : mark.equals("within") ? " ✓" : " ✗").append(")</span>");
                }
                sb.append("</td>");
            }
            sb.append("</tr>\n");
        }

        Set<String> imageNames = new LinkedHashSet<>();
        for (RunInfo r : runs) for (String f : r.files()) if (isImage(f) && !isAbsolute(f)) imageNames.add(baseName(f));
        if (!imageNames.isEmpty()) sb.append("<tr><th colspan=\"").append(runs.size() + 1).append("\" class=\"section\">figures</th></tr>\n");
        for (String name : imageNames) {
            sb.append("<tr><th>").append(esc(name)).append("</th>");
            for (RunInfo r : runs) {
                sb.append("<td>");
                for (String f : r.files()) {
                    if (isImage(f) && !isAbsolute(f) && baseName(f).equals(name)) {
                        sb.append("<a href=\"").append(escAttr(href(f))).append("\"><img src=\"").append(escAttr(href(f)))
                                .append("\" alt=\"").append(escAttr(f)).append("\"></a>");
                    }
                }
                sb.append("</td>");
            }
            sb.append("</tr>\n");
        }
        row(sb, "other files", runs, r -> {
            StringBuilder c = new StringBuilder();
            for (String f : r.files()) if (!isImage(f) || isAbsolute(f)) c.append(fileLink(f)).append("<br>");
            return c.toString();
        });
        row(sb, "output", runs, r -> r.log().isEmpty() ? ""
                : "<details><summary>printed output</summary><pre class=\"log\">" + esc(r.log()) + "</pre></details>");
        sb.append("</table>\n");
        foot(sb);
        return sb.toString();
    }

    // ------------------------------------------------------------------ files

    /** Writes {@code html} to {@code file} in UTF-8. */
    public static Path write(Path file, String html) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, html, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The run embedded in a page written by {@link #page}; its files stay relative to that page's folder. */
    public static RunInfo read(Path page) {
        String html;
        try {
            html = Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + page + ": " + e.getMessage(), e);
        }
        Matcher m = EMBEDDED.matcher(html);
        if (!m.find()) throw new IllegalArgumentException(page + ": not a genlab report page (no embedded run)");
        Object json = Json.parse(m.group(1), page.toString());
        if (!(json instanceof Map<?, ?> map)) throw new IllegalArgumentException(page + ": the embedded run is not a JSON object");
        Matcher log = Pattern.compile("<pre class=\"log\">(.*?)</pre>", Pattern.DOTALL).matcher(html);
        return RunInfo.fromJson(map, log.find() ? unescape(log.group(1)) : "");
    }

    /** True for the file names shown as images ({@code .png}, {@code .gif}, ...). */
    public static boolean isImage(String file) {
        int dot = file.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(file.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The end of {@code log}, at most {@value #MAX_LOG} characters, with a note where it was cut. */
    public static String tail(String log) {
        if (log.length() <= MAX_LOG) return log;
        String cut = log.substring(log.length() - MAX_LOG);
        int nl = cut.indexOf('\n');
        return "[... " + (log.length() - MAX_LOG + nl + 1) + " characters left out ...]\n" + cut.substring(nl + 1);
    }

    // ------------------------------------------------------------------ pieces

    private static void head(StringBuilder sb, String title) {
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:1.5em;color:#222;max-width:1400px}\n")
                .append("code,pre{font-family:ui-monospace,monospace}\n")
                .append("table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}\n")
                .append("th{background:#f4f4f4}td.num{font-variant-numeric:tabular-nums}\n")
                .append(".ok{color:#1a7f37}.failed{color:#c62828;font-weight:bold}.within{color:#1a7f37}.outside{color:#c62828}\n")
                .append(".figures{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0}figcaption{font-size:.9em;color:#555}\n")
                .append("img{max-width:100%;image-rendering:pixelated;border:1px solid #eee}.side img{max-width:420px}\n")
                .append("th.section{background:#e8eef7}pre.log{background:#f8f8f8;padding:.6em;max-height:30em;overflow:auto;font-size:.85em}\n")
                .append("#missing{color:#c62828;font-weight:bold}.note{color:#555}\n")
                .append("</style>\n</head>\n<body>\n");
    }

    private static void missingNotice(StringBuilder sb) {
        sb.append("<p id=\"missing\" hidden></p>\n");
    }

    private static void foot(StringBuilder sb) {
        // Marks each image loaded or not, for the reader and for the headless-browser test.
        sb.append("<script>\nwindow.addEventListener('load', function () {\n")
                .append("  var imgs = document.images, bad = [];\n")
                .append("  for (var i = 0; i < imgs.length; i++) {\n")
                .append("    var ok = imgs[i].complete && imgs[i].naturalWidth > 0;\n")
                .append("    imgs[i].setAttribute('data-loaded', ok ? 'yes' : 'no');\n")
                .append("    if (!ok) bad.push(imgs[i].getAttribute('src'));\n")
                .append("  }\n")
                .append("  document.body.setAttribute('data-images', imgs.length + ' images, ' + bad.length + ' missing');\n")
                .append("  if (bad.length) { var p = document.getElementById('missing');\n")
                .append("    p.textContent = 'Images that did not load: ' + bad.join(', '); p.hidden = false; }\n")
                .append("});\n</script>\n</body>\n</html>\n");
    }

    private static void embed(StringBuilder sb, RunInfo run) {
        // '<' only occurs inside JSON strings, so \u003c keeps "</script>" in a value from ending the block.
        String json = Json.write(run.json()).replace("<", "\\u003c");
        sb.append("<script type=\"application/json\" id=\"genlab-run\">").append(json).append("</script>\n");
    }

    private static void figure(StringBuilder sb, String f) {
        sb.append("<figure><a href=\"").append(escAttr(href(f))).append("\"><img src=\"").append(escAttr(href(f)))
                .append("\" alt=\"").append(escAttr(f)).append("\"></a><figcaption>").append(esc(f)).append("</figcaption></figure>\n");
    }

    private interface Cell {
        String html(RunInfo r);
    }

    private static void row(StringBuilder sb, String label, List<RunInfo> runs, Cell cell) {
        sb.append("<tr><th>").append(esc(label)).append("</th>");
        for (RunInfo r : runs) sb.append("<td>").append(cell.html(r)).append("</td>");
        sb.append("</tr>\n");
    }

    private static String expectedCells(Expected e, Object value) {
        if (e == null) return "<td></td><td></td>";
        String mark = mark(e, value);
        return "<td title=\"" + escAttr(e.note()) + "\">" + esc(e.range()) + (e.note().isEmpty() ? "" : " <span class=\"note\">(" + esc(e.note()) + ")</span>")
                + "</td><td class=\"" + mark + "\">" + (mark.isEmpty() ? "" : mark.equals("within") ? "✓ within" : "✗ outside") + "</td>";
    }

    /** "within", "outside", or "" when there is no number to compare. */
    private static String mark(Expected e, Object value) {
        if (!(value instanceof Number n)) return "";
        return e.contains(n.doubleValue()) ? "within" : "outside";
    }

    private static Map<String, Expected> expectedByKey(List<Expected> expected) {
        Map<String, Expected> m = new LinkedHashMap<>();
        for (Expected e : expected) m.put(e.key(), e);
        return m;
    }

    /** Nested maps become dotted keys: {@code {"floor": {"fld": 1}}} -> {@code floor.fld = 1}. */
    static Map<String, Object> flatten(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", m, out);
        return out;
    }

    private static void flatten(String prefix, Map<?, ?> m, Map<String, Object> out) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> inner) flatten(key + ".", inner, out);
            else out.put(key, e.getValue());
        }
    }

    /** A metric as text: integers plainly, other numbers to 5 significant digits, long lists summarised. */
    static String valueText(Object v) {
        if (v == null) return "null";
        if (v instanceof Double || v instanceof Float) return number(((Number) v).doubleValue());
        if (v instanceof Collection<?> c) {
            if (c.size() > 8) return "[" + c.size() + " values]";
            List<String> parts = new ArrayList<>();
            for (Object o : c) parts.add(valueText(o));
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(v);
    }

    /** 5 significant digits without trailing zeros: 0.98765, 1234.6, 1.5e-07. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return String.valueOf(d);
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.valueOf((long) d);
        String s = String.format(Locale.ROOT, "%.5g", d);
        int e = s.indexOf('e');
        String mant = e < 0 ? s : s.substring(0, e), exp = e < 0 ? "" : s.substring(e);
        if (mant.contains(".")) mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
        return mant + exp;
    }

    private static String fileLink(String f) {
        if (isAbsolute(f)) return "<code>" + esc(f) + "</code>";
        return "<a href=\"" + escAttr(href(f)) + "\"><code>" + esc(f) + "</code></a>";
    }

    private static boolean isAbsolute(String f) {
        return f.startsWith("/") || f.matches("^[A-Za-z]:[\\\\/].*");
    }

    private static String baseName(String f) {
        return f.substring(f.lastIndexOf('/') + 1);
    }

    /** A relative path as a URL: each segment percent-encoded where needed. */
    static String href(String relative) {
        StringBuilder sb = new StringBuilder();
        for (byte b : relative.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String escAttr(String s) {
        return esc(s).replace("'", "&#39;");
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
