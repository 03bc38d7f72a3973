package genlab.lessons;

import genlab.io.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * metrics.json: snake_case keys, maps in their own order (sorted when they have none), (checked at every level before anything is written), written with
 * {@link Json} atomically. A non-finite number (a diverged loss) is written as {@code null}, since
 * JSON has no spelling for NaN, rather than losing the whole file.
 */
final class MetricsJson {
    private static final String SNAKE = "[a-z][a-z0-9]*(_[a-z0-9]+)*";

    private MetricsJson() {}

    /** True for {@code final_loss}, false for {@code finalLoss}, {@code Final}, {@code _x}, {@code a__b}. */
    static boolean isSnakeCase(String key) {
        return key.matches(SNAKE);
    }

    static void write(Path file, Map<String, ?> map) {
        Json.writeFile(file, clean(map));
    }

    private static Object clean(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            // Maps without an order of their own (Map.of, HashMap) are written sorted, so files are stable.
            Map<?, ?> ordered = m instanceof LinkedHashMap || m instanceof SortedMap ? m : new TreeMap<>(m);
            for (Map.Entry<?, ?> e : ordered.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!isSnakeCase(key)) throw new IllegalArgumentException("metrics key '" + key + "' is not snake_case (e.g. final_loss)");
                out.put(key, clean(e.getValue()));
            }
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) out.add(clean(o));
            return out;
        }
        if ((v instanceof Double || v instanceof Float) && !Double.isFinite(((Number) v).doubleValue())) return null;
        return v;
    }
}
