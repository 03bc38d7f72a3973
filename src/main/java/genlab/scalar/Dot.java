package genlab.scalar;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The expression graph below a {@link Value} in Graphviz DOT, drawn as micrograd draws it:
 * left to right, each value a record {@code label | data 2.0000 | grad 1.0000}, and each
 * operation a small circle feeding the value it produced. Render with {@code dot -Tpng}.
 */
public final class Dot {
    private Dot() {}

    /** The DOT text for {@code root} and everything it depends on. */
    public static String of(Value root) {
        List<Value> nodes = root.topologicalOrder();
        Map<Value, String> id = new IdentityHashMap<>();
        for (Value v : nodes) id.put(v, "v" + id.size());
        StringBuilder sb = new StringBuilder();
        sb.append("digraph G {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=11];\n");
        for (Value v : nodes) {
            String n = id.get(v);
            sb.append(String.format(Locale.ROOT, "  %s [shape=record, label=\"{ %s | data %.4f | grad %.4f }\"];%n",
                    n, escape(v.label()), v.data(), v.grad()));
            if (!v.op().isEmpty()) {
                sb.append(String.format("  %s_op [shape=circle, width=0.35, fixedsize=true, label=\"%s\"];%n",
                        n, escape(v.op())));
                sb.append("  ").append(n).append("_op -> ").append(n).append(";\n");
                for (Value c : v.children()) sb.append("  ").append(id.get(c)).append(" -> ").append(n).append("_op;\n");
            }
        }
        return sb.append("}\n").toString();
    }

    // Record labels treat these as structure; escape them to show them literally.
    private static String escape(String s) {
        return s.replaceAll("([\\\\\"{}|<>])", "\\\\$1");
    }
}
