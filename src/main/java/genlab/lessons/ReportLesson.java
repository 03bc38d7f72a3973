package genlab.lessons;

import genlab.io.Json;
import genlab.viz.ReportPage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code lessons/run report DIR...}: several lesson runs side by side in one page,
 * {@code OUT/report.html} ({@link ReportPage#sideBySide}).
 *
 * <p>Each DIR is the {@code --out} folder of a run. Its {@code report.html} (which every run writes)
 * gives the options, metrics, expected ranges and figures; a folder with only a {@code metrics.json}
 * (an older run) is shown with that and the images found in it. So that the page stands on its
 * own, each run's figures, small text files and its own page are copied under
 * {@code OUT/runs/K-NAME/}; large files ({@code .npy}, checkpoints) are listed by path, not copied.
 */
public final class ReportLesson implements Lesson {
    /** Text files up to this size are copied with the figures. */
    private static final long COPY_LIMIT = 2L << 20;
    private static final Set<String> TEXT = Set.of("json", "txt", "dot", "csv", "md", "log");

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "put several runs side by side in one page: lessons/run report out/vae out/gan ... (writes OUT/report.html)";
    }

    @Override
    public Options options() {
        return Options.common()
                .text("title", "genlab runs side by side", "the page's title")
                .operands("DIR...", "the --out folders of lesson runs, each with its report.html (or at least metrics.json)");
    }

    @Override
    public boolean writesReport() {
        return false; // its product is report.html
    }

    @Override
    public void run(Run run) throws Exception {
        List<String> dirs = run.operands();
        if (dirs.isEmpty()) {
            throw new UsageException("give one or more run folders, e.g. lessons/run report out/classifier out/evaluate");
        }
        Path out = run.outDir().toAbsolutePath().normalize();
        List<Path> folders = new ArrayList<>();
        for (String d : dirs) {
            Path dir = Path.of(d);
            if (!Files.isDirectory(dir)) throw new UsageException(d + ": not a folder (give the --out folder of a lesson run)");
            if (dir.toAbsolutePath().normalize().equals(out)) {
                throw new UsageException("--out " + run.outDir() + " is also one of the run folders; choose another --out");
            }
            if (!Files.isRegularFile(dir.resolve("report.html")) && !Files.isRegularFile(dir.resolve("metrics.json"))) {
                throw new UsageException(d + ": no report.html or metrics.json here (give the --out folder of a lesson run)");
            }
            folders.add(dir);
        }
        Path runsDir = out.resolve("runs");
        deleteTree(runsDir); // copies of an earlier side-by-side page
        List<ReportPage.RunInfo> runs = new ArrayList<>();
        for (int k = 0; k < folders.size(); k++) {
            Path dir = folders.get(k);
            ReportPage.RunInfo info = load(dir);
            String name = (k + 1) + "-" + safe(dir.toAbsolutePath().normalize().getFileName());
            Path dest = runsDir.resolve(name);
            List<String> files = new ArrayList<>();
            if (Files.isRegularFile(dir.resolve("report.html"))) files.add(copy(dir, "report.html", dest, "runs/" + name));
            for (String f : info.files()) files.add(copy(dir, f, dest, "runs/" + name));
            runs.add(info.withFiles(files));
            run.out().printf(Locale.ROOT, "%d. %s: %s (%d files)%n", k + 1, dir, info.lesson(), info.files().size());
        }
        Path page = run.file("report.html");
        ReportPage.write(page, ReportPage.sideBySide(run.text("title"), runs));
        run.wrote(page);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("runs", runs.size());
        metrics.put("folders", dirs);
        run.metrics(metrics);
    }

    /** The run a folder holds: its report.html, else its metrics.json and the images in it. */
    static ReportPage.RunInfo load(Path dir) throws UsageException {
        Path page = dir.resolve("report.html");
        if (Files.isRegularFile(page)) {
            try {
                return ReportPage.read(page);
            } catch (RuntimeException e) {
                throw new UsageException(page + ": cannot be read as a genlab report (" + e.getMessage() + ")");
            }
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (Json.readFile(dir.resolve("metrics.json")) instanceof Map<?, ?> m) m.forEach((k, v) -> metrics.put(String.valueOf(k), v));
        List<String> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir, 3)) {
            all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> ReportPage.isImage(f) || f.equals("metrics.json")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("folder", dir.toString());
        if (metrics.get("seed") != null) facts.put("seed", String.valueOf(metrics.get("seed")));
        if (metrics.get("backend") != null) facts.put("backend", String.valueOf(metrics.get("backend")));
        String lesson = metrics.get("lesson") != null ? String.valueOf(metrics.get("lesson")) : dir.getFileName().toString();
        return new ReportPage.RunInfo(lesson, "(no report.html: from metrics.json)", null, facts, files, metrics, List.of(), "");
    }

    /**
     * Copies {@code dir/file} to {@code dest/file} if it is an image or a small text file, and
     * returns its path relative to the page; else returns the original's absolute path (listed only).
     * A file that no longer exists keeps a relative path, so the page shows it as missing.
     */
    private static String copy(Path dir, String file, Path dest, String prefix) throws IOException {
        Path src = Path.of(file).isAbsolute() ? Path.of(file) : dir.resolve(file);
        if (Path.of(file).isAbsolute() || file.startsWith("../")) return src.toAbsolutePath().normalize().toString();
        int dot = file.lastIndexOf('.');
        String ext = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
        boolean small = Files.isRegularFile(src) && Files.size(src) <= COPY_LIMIT;
        if (ReportPage.isImage(file) || ext.equals("html") || (TEXT.contains(ext) && small)) {
            if (Files.isRegularFile(src)) {
                Path target = dest.resolve(file);
                Files.createDirectories(target.getParent());
                Files.copy(src, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return prefix + "/" + file;
        }
        return src.toAbsolutePath().normalize().toString();
    }

    private static String safe(Path name) {
        String s = name == null ? "run" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() ? "run" : s;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }
}
