package genlab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering of ../shared/design.md, checked from the import lines of src/main/java. Each
 * package has a level; it may import its own package, packages of a lower level, and the
 * libraries listed for it. metrics sits one level above models because it scores with a model
 * (the MNIST classifier in genlab.models.classifier).
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/genlab");

    /** Level of each top-level package under genlab. */
    private static final Map<String, Integer> LEVEL = Map.ofEntries(
            Map.entry("scalar", 0), Map.entry("kernels", 1), Map.entry("tensor", 2),
            Map.entry("nn", 3), Map.entry("optim", 3), Map.entry("data", 3), Map.entry("io", 3),
            Map.entry("models", 4), Map.entry("metrics", 5), Map.entry("viz", 4), Map.entry("flow", 4),
            Map.entry("diffusion", 4), Map.entry("lessons", 6));

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void importsFollowTheLayers() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(MAIN)) {
            for (Path f : (Iterable<Path>) all.filter(p -> p.toString().endsWith(".java"))::iterator) {
                files++;
                String pkg = MAIN.relativize(f).getName(0).toString();
                Integer level = LEVEL.get(pkg);
                if (level == null) {
                    violations.add(f + ": package genlab." + pkg + " has no level in ArchitectureTest");
                    continue;
                }
                Matcher m = IMPORT.matcher(read(f));
                while (m.find()) {
                    String imp = m.group(1);
                    String why = check(pkg, level, imp, f);
                    if (why != null) violations.add(f + ": imports " + imp + " (" + why + ")");
                }
            }
        }
        assertTrue(files > 50, "found only " + files + " source files under " + MAIN);
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    private static String check(String pkg, int level, String imp, Path file) {
        if (imp.startsWith("genlab.")) {
            String target = imp.split("\\.")[1];
            if (target.equals(pkg)) return null;
            if (pkg.equals("scalar")) return "scalar stands alone: it imports nothing from the project";
            Integer t = LEVEL.get(target);
            if (t == null) return "unknown package genlab." + target;
            if (t >= level) return "genlab." + pkg + " (level " + level + ") may only import lower levels, genlab." + target + " is level " + t;
            return null;
        }
        if (imp.startsWith("java.")) return null;
        if (imp.startsWith("javax.imageio") || imp.startsWith("javax.swing") || imp.startsWith("java.awt")) {
            return level >= 3 && !pkg.equals("tensor") ? null : "image I/O belongs above the tensor layer";
        }
        if (imp.startsWith("org.jfree.")) return pkg.equals("viz") ? null : "only genlab.viz imports JFreeChart";
        if (imp.startsWith("com.aparapi.")) return file.toString().contains("kernels/opencl") ? null : "only genlab.kernels.opencl imports Aparapi";
        if (imp.startsWith("jdk.incubator.vector")) return pkg.equals("kernels") ? null : "only kernels use the Vector API";
        if (imp.startsWith("org.apache.commons.")) return level >= 3 ? null : "scalar, kernels and tensor import only the JDK";
        return "not an allowed dependency";
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
