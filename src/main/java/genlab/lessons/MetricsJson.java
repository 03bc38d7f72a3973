package genlab.lessons;

import java.lang.reflect.Array;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The smallest JSON writer metrics.json needs: maps with snake_case keys, lists and arrays,
 * numbers (NaN and infinities become {@code null}, as JSON has no spelling for them), strings,
 * booleans and null. Kept private to this package so it can give way to a shared JSON writer.
 */
final class MetricsJson {
    private static final String SNAKE = "[a-z][a-z0-9]*(_[a-z0-9]+)*";

    private MetricsJson() {}

    /** True for {@code final_loss}, false for {@code finalLoss}, {@code Final}, {@code _x}, {@code a__b}. */
    static boolean isSnakeCase(String key) {
        return key.matches(SNAKE);
    }

    /** Pretty-printed JSON with a trailing newline. */
    static String write(Map<String, ?> map) {
        StringBuilder sb = new StringBuilder();
        value(sb, map, "");
        return sb.append('\n').toString();
    }

    private static void value(StringBuilder sb, Object v, String indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> m) {
            object(sb, m, indent);
        } else if (v instanceof Iterable<?> it) {
            sb.append('[');
            String sep = "";
            for (Object e : it) {
                sb.append(sep);
                value(sb, e, indent);
                sep = ", ";
            }
            sb.append(']');
        } else if (v.getClass().isArray()) {
            sb.append('[');
            for (int i = 0, n = Array.getLength(v); i < n; i++) {
                if (i > 0) sb.append(", ");
                value(sb, Array.get(v, i), indent);
            }
            sb.append(']');
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? v.toString() : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            string(sb, v.toString());
        }
    }

    private static void object(StringBuilder sb, Map<?, ?> m, String indent) {
        // HashMap/Map.of order is arbitrary: sort those so the file is the same run to run.
        Map<?, ?> ordered = m instanceof LinkedHashMap<?, ?> || m instanceof SortedMap<?, ?>
                ? m : new TreeMap<>(m);
        String inner = indent + "  ";
        sb.append('{');
        String sep = "\n";
        for (Map.Entry<?, ?> e : ordered.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!isSnakeCase(key)) {
                throw new IllegalArgumentException("metrics key '" + key + "' is not snake_case (e.g. final_loss)");
            }
            sb.append(sep).append(inner);
            string(sb, key);
            sb.append(": ");
            value(sb, e.getValue(), inner);
            sep = ",\n";
        }
        sb.append(m.isEmpty() ? "}" : "\n" + indent + "}");
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
