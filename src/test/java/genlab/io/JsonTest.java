package genlab.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {

    private static Map<String, Object> sample() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1L);
        inner.put("a", "x");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", 3L);
        m.put("loss", 0.25);
        m.put("history", List.of(1.5, 2.0, -0.125));
        m.put("ok", true);
        m.put("none", null);
        m.put("inner", inner);
        m.put("empty", List.of());
        m.put("emptyObj", Map.of());
        m.put("rows", List.of(List.of(1L, 2L), Map.of("k", "v")));
        return m;
    }

    @Test
    void prettyOutputIsExactAndKeepsInsertionOrder() {
        String expected = """
                {
                  "step": 3,
                  "loss": 0.25,
                  "history": [1.5, 2.0, -0.125],
                  "ok": true,
                  "none": null,
                  "inner": {
                    "z": 1,
                    "a": "x"
                  },
                  "empty": [],
                  "emptyObj": {},
                  "rows": [
                    [1, 2],
                    {
                      "k": "v"
                    }
                  ]
                }""";
        assertEquals(expected, Json.write(sample()));
    }

    @Test
    void compactOutputHasNoWhitespace() {
        Map<String, Object> m = mapOf("a", List.of(1, 2.5, "s"));   // ordered: Map.of iterates in a per-JVM random order
        m.put("b", mapOf("c", null));
        assertEquals("{\"a\":[1,2.5,\"s\"],\"b\":{\"c\":null}}", Json.writeCompact(m));
    }

    private static Map<String, Object> mapOf(String k, Object v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k, v);
        return m;
    }

    @Test
    void roundTripGivesEqualStructure() {
        Map<String, Object> m = sample();
        assertEquals(m, Json.parse(Json.write(m)));
        assertEquals(m, Json.parse(Json.writeCompact(m)));
    }

    @Test
    void parsedObjectsKeepKeyOrder() {
        Object o = Json.parse("{\"b\":1,\"a\":2,\"c\":3}");
        assertInstanceOf(LinkedHashMap.class, o);
        assertEquals(List.of("b", "a", "c"), new ArrayList<>(((Map<?, ?>) o).keySet()));
    }

    @Test
    void doublesRoundTripExactly() {
        SplittableRandom rng = new SplittableRandom(42);
        List<Double> values = new ArrayList<>(List.of(0.1, -0.0, 0.0, 1e-300, Double.MIN_VALUE,
                Double.MAX_VALUE, 1.0 / 3, 123456789.123456789, 2e22, 1e23, 5e-324, -1.0));
        for (int i = 0; i < 2000; i++) {
            values.add(Double.longBitsToDouble(rng.nextLong()));
        }
        values.removeIf(d -> Double.isNaN(d) || Double.isInfinite(d));
        List<?> back = (List<?>) Json.parse(Json.write(values));
        for (int i = 0; i < values.size(); i++) {
            double got = ((Number) back.get(i)).doubleValue();
            assertEquals(Double.doubleToRawLongBits(values.get(i)), Double.doubleToRawLongBits(got),
                    "value " + values.get(i) + " came back as " + got);
        }
    }

    @Test
    void floatsRoundTripThroughDoubleParsing() {
        SplittableRandom rng = new SplittableRandom(7);
        float[] fs = new float[2000];
        for (int i = 0; i < fs.length; i++) {
            fs[i] = Float.intBitsToFloat(rng.nextInt());
            if (Float.isNaN(fs[i]) || Float.isInfinite(fs[i])) fs[i] = i;
        }
        fs[0] = Float.MIN_VALUE;
        fs[1] = Float.MAX_VALUE;
        fs[2] = 0.1f;
        List<?> back = (List<?>) Json.parse(Json.write(fs));
        for (int i = 0; i < fs.length; i++) {
            assertEquals(Float.floatToRawIntBits(fs[i]), Float.floatToRawIntBits(((Number) back.get(i)).floatValue()),
                    "float " + fs[i]);
        }
        assertEquals("[0.1]", Json.write(new float[] {0.1f}), "floats are written in float precision");
    }

    @Test
    void primitiveArraysAreWritten() {
        assertEquals("[1, 2]", Json.write(new int[] {1, 2}));
        assertEquals("[3, 4]", Json.write(new long[] {3, 4}));
        assertEquals("[true, false]", Json.write(new boolean[] {true, false}));
        assertEquals("[0.5]", Json.write(new double[] {0.5}));
        assertEquals("[\"a\", null]", Json.write(new Object[] {"a", null}));
    }

    @Test
    void nanIsRejectedNamingTheKeyPath() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("train", Map.of("loss", List.of(1.0, 2.0, 3.0, Double.NaN)));
        FormatException e = assertThrows(FormatException.class, () -> Json.write(m));
        assertEquals("json: value at 'train.loss[3]' is NaN; JSON has no NaN or Infinity"
                + " (store null or a string such as \"NaN\" instead)", e.getMessage());
        FormatException inf = assertThrows(FormatException.class,
                () -> Json.writeCompact(Map.of("lr", Float.NEGATIVE_INFINITY)));
        assertTrue(inf.getMessage().contains("'lr' is -Infinity"), inf.getMessage());
        FormatException top = assertThrows(FormatException.class, () -> Json.write(Double.POSITIVE_INFINITY));
        assertTrue(top.getMessage().contains("value at '$' is Infinity"), top.getMessage());
    }

    @Test
    void unsupportedValuesAndKeysAreRejected() {
        FormatException e = assertThrows(FormatException.class, () -> Json.write(Map.of("p", Path.of("x"))));
        assertTrue(e.getMessage().startsWith("json: value at 'p' has type "), e.getMessage());
        FormatException k = assertThrows(FormatException.class, () -> Json.write(Map.of(1, "x")));
        assertTrue(k.getMessage().contains("has key 1 of type java.lang.Integer"), k.getMessage());
        List<Object> self = new ArrayList<>();
        self.add(self);
        FormatException deep = assertThrows(FormatException.class, () -> Json.write(self));
        assertTrue(deep.getMessage().contains("nesting deeper than"), deep.getMessage());
    }

    @Test
    void stringsEscapeAndUnescape() {
        String s = "q\" b\\ /\n\r\t\b\f \u0001 é 😀 \u2028";
        String written = Json.write(s);
        assertEquals("\"q\\\" b\\\\ /\\n\\r\\t\\b\\f \\u0001 é 😀 \u2028\"", written);
        assertEquals(s, Json.parse(written));
        assertEquals("é😀/A", Json.parse("\"\\u00e9\\ud83d\\ude00\\/\\u0041\""));
        String lone = "a\ud800b";
        assertEquals("\"a\\ud800b\"", Json.write(lone));
        assertEquals(lone, Json.parse(Json.write(lone)));
    }

    @Test
    void numbersParseAsLongOrDouble() {
        List<?> l = (List<?>) Json.parse("[0, -7, 9223372036854775807, 9223372036854775808, 1.0, 1e2, -2.5E-3, -0]");
        assertEquals(0L, l.get(0));
        assertEquals(-7L, l.get(1));
        assertEquals(Long.MAX_VALUE, l.get(2));
        assertEquals(9.223372036854775808e18, l.get(3));
        assertEquals(1.0, l.get(4));
        assertEquals(100.0, l.get(5));
        assertEquals(-0.0025, l.get(6));
        assertEquals(-0.0, l.get(7));
        assertInstanceOf(Double.class, l.get(7));
    }

    @Test
    void literalsAndWhitespace() {
        List<?> l = (List<?>) Json.parse(" \t\r\n[true ,false,\nnull] \n");
        assertEquals(Boolean.TRUE, l.get(0));
        assertEquals(Boolean.FALSE, l.get(1));
        assertNull(l.get(2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                  | json: at position 0 (line 1, column 1): empty input: expected a JSON value",
        "`{\"a\":1,}`        | json: at position 7 (line 1, column 8): expected a string key in object but found '}'",
        "`[1,2,]`            | json: at position 5 (line 1, column 6): unexpected ']': expected a value (object, array, string, number, true, false or null)",
        "`{\"a\" 1}`         | json: at position 5 (line 1, column 6): expected ':' after object key \"a\" but found '1'",
        "`{\"a\":1 \"b\":2}` | json: at position 7 (line 1, column 8): expected ',' or '}' in object but found '\"'",
        "`[1 2]`             | json: at position 3 (line 1, column 4): expected ',' or ']' in array but found '2'",
        "`\"abc`             | json: at position 0 (line 1, column 1): unterminated string",
        "`[01]`              | json: at position 2 (line 1, column 3): leading zero in number",
        "`[1.]`              | json: at position 3 (line 1, column 4): expected a digit after '.' but found ']'",
        "`[1e]`              | json: at position 3 (line 1, column 4): expected a digit in exponent but found ']'",
        "`[-]`               | json: at position 2 (line 1, column 3): expected a digit in number but found ']'",
        "`[1e400]`           | json: at position 1 (line 1, column 2): number 1e400 is out of the range of a double",
        "`{\"a\":1,\"a\":2}` | json: at position 7 (line 1, column 8): duplicate key \"a\"",
        "`\"a\\qb\"`         | json: at position 2 (line 1, column 3): invalid escape '\\q' in string",
        "`\"\\u12G4\"`       | json: at position 1 (line 1, column 2): \\u escape needs four hex digits but has '12G4'",
        "`\"\\u12`           | json: at position 1 (line 1, column 2): \\u escape needs four hex digits",
        "`{} x`              | json: at position 3 (line 1, column 4): unexpected 'x' after the end of the JSON value",
        "`[tru]`             | json: at position 1 (line 1, column 2): unexpected 't': expected a value (object, array, string, number, true, false or null)",
        "`'a'`               | json: at position 0 (line 1, column 1): unexpected ''': expected a value (object, array, string, number, true, false or null)",
        "`[NaN]`             | json: at position 1 (line 1, column 2): unexpected 'N': expected a value (object, array, string, number, true, false or null)",
        "`[1,`               | json: at position 3 (line 1, column 4): unexpected end of input: expected a value",
    })
    void parseErrorsGivePositionAndProblem(String text, String message) {
        FormatException e = assertThrows(FormatException.class, () -> Json.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void errorPositionCountsLinesAndColumns() {
        FormatException e = assertThrows(FormatException.class, () -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}", "m.json"));
        assertEquals("m.json: at position 18 (line 3, column 7): expected ':' after object key \"b\" but found '2'",
                e.getMessage());
    }

    @Test
    void controlCharacterInStringIsRejected() {
        FormatException e = assertThrows(FormatException.class, () -> Json.parse("\"a\nb\""));
        assertEquals("json: at position 2 (line 1, column 3): control character U+000A in string must be escaped",
                e.getMessage());
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        FormatException e = assertThrows(FormatException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().endsWith("nesting deeper than 512"), e.getMessage());
        String ok = "[".repeat(500) + "]".repeat(500);
        assertInstanceOf(List.class, Json.parse(ok));
    }

    @Test
    void writeFileAndReadFileRoundTrip(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("metrics.json");
        Json.writeFile(f, sample());
        String text = Files.readString(f);
        assertTrue(text.endsWith("}\n"));
        assertEquals(sample(), Json.readFile(f));
        Json.writeFile(f, Map.of("v", 2L));
        assertEquals(Map.of("v", 2L), Json.readFile(f));
        assertEquals(List.of(f), listDir(dir), "no temporary files are left");
    }

    @Test
    void writeFileWithNanLeavesOldFileAndNamesIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("metrics.json");
        Json.writeFile(f, Map.of("loss", 1.0));
        FormatException e = assertThrows(FormatException.class,
                () -> Json.writeFile(f, Map.of("loss", Double.NaN)));
        assertTrue(e.getMessage().startsWith(f + ": value at 'loss' is NaN"), e.getMessage());
        assertEquals(Map.of("loss", 1.0), Json.readFile(f));
        assertEquals(List.of(f), listDir(dir));
    }

    @Test
    void readFileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"a\": [1, 2}");
        FormatException e = assertThrows(FormatException.class, () -> Json.readFile(bad));
        assertEquals(bad + ": at position 11 (line 1, column 12): expected ',' or ']' in array but found '}'",
                e.getMessage());

        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "\"caf\u00e9\"".getBytes(StandardCharsets.ISO_8859_1));
        FormatException u = assertThrows(FormatException.class, () -> Json.readFile(latin1));
        assertTrue(u.getMessage().startsWith(latin1 + ": not valid UTF-8"), u.getMessage());

        Path missing = dir.resolve("missing.json");
        UncheckedIOException io = assertThrows(UncheckedIOException.class, () -> Json.readFile(missing));
        assertTrue(io.getMessage().startsWith(missing + ": cannot read: "), io.getMessage());
    }

    static List<Path> listDir(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            Path[] ps = s.sorted().toArray(Path[]::new);
            return Arrays.asList(ps);
        }
    }
}
