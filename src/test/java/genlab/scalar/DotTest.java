package genlab.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DotTest {
    @Test
    void containsEveryNodeAndEdge() {
        Value a = new Value(2.0, "a");
        Value b = new Value(-3.0, "b");
        Value c = a.mul(b).label("c");
        Value d = c.add(a).tanh().label("d");
        d.backward();
        String dot = Dot.of(d);
        assertTrue(dot.startsWith("digraph G {\n  rankdir=LR;"), dot);
        int values = d.topologicalOrder().size(); // a, b, c, c+a, d
        assertEquals(5, values);
        assertEquals(values, count(dot, "shape=record"));
        assertEquals(3, count(dot, "shape=circle")); // *, +, tanh
        assertEquals(3 + 5, count(dot, " -> ")); // op -> result, plus operand -> op
        assertTrue(dot.contains("label=\"{ a | data 2.0000 | grad "), dot);
        assertTrue(dot.contains("label=\"{ c | data -6.0000 | grad "), dot);
        assertTrue(dot.contains("label=\"tanh\""), dot);
        assertTrue(dot.contains("label=\"*\""), dot);
        assertTrue(dot.contains("v0 -> v2_op;") && dot.contains("v1 -> v2_op;") && dot.contains("v2_op -> v2;"), dot);
    }

    @Test
    void escapesRecordCharacters() {
        Value v = new Value(1.0, "a|b{c}");
        assertTrue(Dot.of(v).contains("a\\|b\\{c\\}"), Dot.of(v));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
