package genlab.io;

import java.lang.reflect.Array;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON (RFC 8259) writer and parser, enough for {@code metrics.json}, the safetensors
 * header and golden-value files.
 *
 * <h2>Java values and JSON values</h2>
 * <pre>
 *   JSON            parse() returns                     write() accepts
 *   object          LinkedHashMap&lt;String,Object&gt;        any Map with String keys (in its iteration order)
 *   array           ArrayList&lt;Object&gt;                   any Collection, Object[], float[], double[], int[], long[], boolean[]
 *   number          Long if written without '.', 'e'    Integer, Long, Short, Byte, Float, Double
 *                   or 'E' and within long range;
 *                   Double otherwise
 *   string          String                              String (and Character)
 *   true / false    Boolean                             Boolean
 *   null            null                                null
 * </pre>
 * Code that reads numbers should therefore go through {@code ((Number) x).doubleValue()} or
 * {@code longValue()}: {@code 3} parses as {@code Long} and {@code 3.0} as {@code Double}.
 *
 * <h2>Writing</h2>
 * Key order is the map's iteration order, so a {@link LinkedHashMap} gives a stable file.
 * {@link #write} indents by two spaces and keeps arrays whose elements are all scalars on one line;
 * {@link #writeCompact} writes no whitespace at all. A {@code double} is written with
 * {@link Double#toString(double)} and a {@code float} with {@link Float#toString(float)}: both print
 * enough digits that parsing the text gives back exactly the same value (for a float, after the
 * cast back to float). JSON has no NaN or Infinity, so they are rejected with a
 * {@link FormatException} naming the key path, e.g. {@code history.loss[3]}.
 *
 * <h2>Parsing</h2>
 * Strict RFC 8259: no comments, no trailing commas, no single quotes, no leading zeros, no
 * unescaped control characters in strings, no duplicate keys, nothing but whitespace after the
 * value. {@code \}{@code uXXXX} escapes (including surrogate pairs) are decoded. Errors are
 * {@link FormatException}s naming the source, the character position (0-based) with line and
 * column (1-based), and what was expected.
 */
public final class Json {
    /** Deeper nesting than this is rejected rather than risking a StackOverflowError. */
    static final int MAX_DEPTH = 512;

    private Json() {}

    // ------------------------------------------------------------------ writing

    /** Pretty JSON text (two-space indent, no trailing newline). */
    public static String write(Object value) {
        return write(value, "json");
    }

    /** JSON text without any whitespace, as used in the safetensors header. */
    public static String writeCompact(Object value) {
        StringBuilder sb = new StringBuilder();
        new Writer(sb, false, "json").value(value, "", 0);
        return sb.toString();
    }

    /**
     * Writes {@code value} as pretty JSON plus a final newline, in UTF-8, atomically (see
     * {@link AtomicFiles}): a crash leaves either the old file or the new one.
     */
    public static void writeFile(Path file, Object value) {
        byte[] bytes = (write(value, file.toString()) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, ch -> {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) ch.write(buf);
        });
    }

    private static String write(Object value, String source) {
        StringBuilder sb = new StringBuilder();
        new Writer(sb, true, source).value(value, "", 0);
        return sb.toString();
    }

    private static final class Writer {
        private final StringBuilder sb;
        private final boolean pretty;
        private final String source;

        Writer(StringBuilder sb, boolean pretty, String source) {
            this.sb = sb;
            this.pretty = pretty;
            this.source = source;
        }

        void value(Object v, String path, int depth) {
            if (depth > MAX_DEPTH) {
                String shortPath = path.length() > 60 ? path.substring(0, 60) + "..." : path;
                throw new FormatException(source + ": nesting deeper than " + MAX_DEPTH
                        + " at '" + shortPath + "' (a map or list that contains itself?)");
            }
            if (v == null) {
                sb.append("null");
            } else if (v instanceof String || v instanceof Character) {
                string(v.toString());
            } else if (v instanceof Boolean) {
                sb.append(v);
            } else if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new FormatException(source + ": value at '" + (path.isEmpty() ? "$" : path)
                            + "' is " + d + "; JSON has no NaN or Infinity"
                            + " (store null or a string such as \"NaN\" instead)");
                }
                sb.append(v instanceof Float ? Float.toString((Float) v) : Double.toString(d));
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short
                    || v instanceof Byte) {
                sb.append(((Number) v).longValue());
            } else if (v instanceof Map<?, ?> m) {
                object(m, path, depth);
            } else if (v instanceof Collection<?> c) {
                // Collection, not Iterable: a Path is an Iterable of itself.
                array(new ArrayList<>(c), path, depth);
            } else if (v.getClass().isArray()) {
                int n = Array.getLength(v);
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) items.add(Array.get(v, i));
                array(items, path, depth);
            } else {
                throw new FormatException(source + ": value at '" + (path.isEmpty() ? "$" : path)
                        + "' has type " + v.getClass().getName() + ", which has no JSON form");
            }
        }

        private void object(Map<?, ?> m, String path, int depth) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new FormatException(source + ": map at '" + (path.isEmpty() ? "$" : path)
                            + "' has key " + e.getKey() + " of type "
                            + (e.getKey() == null ? "null" : e.getKey().getClass().getName())
                            + "; JSON object keys must be strings");
                }
                if (!first) sb.append(',');
                first = false;
                newline(depth + 1);
                string(key);
                sb.append(pretty ? ": " : ":");
                value(e.getValue(), path.isEmpty() ? key : path + "." + key, depth + 1);
            }
            newline(depth);
            sb.append('}');
        }

        private void array(List<Object> items, String path, int depth) {
            if (items.isEmpty()) {
                sb.append("[]");
                return;
            }
            boolean inline = !pretty || items.stream().allMatch(Writer::isScalar);
            sb.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) sb.append(pretty && inline ? ", " : ",");
                if (!inline) newline(depth + 1);
                value(items.get(i), path + "[" + i + "]", depth + 1);
            }
            if (!inline) newline(depth);
            sb.append(']');
        }

        private static boolean isScalar(Object o) {
            return o == null || o instanceof Number || o instanceof Boolean
                    || o instanceof CharSequence || o instanceof Character;
        }

        private void newline(int depth) {
            if (!pretty) return;
            sb.append('\n');
            for (int i = 0; i < depth; i++) sb.append("  ");
        }

        private void string(String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    case '\b' -> sb.append("\\b");
                    case '\f' -> sb.append("\\f");
                    default -> {
                        boolean loneSurrogate = Character.isHighSurrogate(c)
                                ? !(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                                : Character.isLowSurrogate(c)
                                        && !(i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
                        // A lone surrogate has no UTF-8 form; the escape keeps it round-tripping.
                        if (c < 0x20 || loneSurrogate) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
    }

    // ------------------------------------------------------------------ parsing

    /** Parses JSON text; errors are named {@code json: at position ...}. */
    public static Object parse(String text) {
        return parse(text, "json");
    }

    /** Parses JSON text; errors start with {@code source} (a file name, say). */
    public static Object parse(String text, String source) {
        return new Parser(text, source).document();
    }

    /** Reads and parses a UTF-8 JSON file; errors name the file. */
    public static Object readFile(Path file) {
        return parse(decodeUtf8(AtomicFiles.readAll(file), file.toString()), file.toString());
    }

    /** Strict UTF-8 decoding: malformed bytes are an error, not a replacement character. */
    static String decodeUtf8(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException(source + ": not valid UTF-8 (" + e + ")", e);
        }
    }

    private static final class Parser {
        private final String s;
        private final String source;
        private int pos;

        Parser(String s, String source) {
            this.s = s;
            this.source = source;
        }

        Object document() {
            skipWs();
            if (pos >= s.length()) throw error("empty input: expected a JSON value");
            Object v = value(0);
            skipWs();
            if (pos < s.length()) {
                throw error("unexpected " + describe(pos) + " after the end of the JSON value");
            }
            return v;
        }

        private Object value(int depth) {
            if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
            if (pos >= s.length()) throw error("unexpected end of input: expected a value");
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) yield number();
                    throw error("unexpected " + describe(pos) + ": expected a value "
                            + "(object, array, string, number, true, false or null)");
                }
            };
        }

        private Map<String, Object> object(int depth) {
            pos++; // '{'
            Map<String, Object> m = new LinkedHashMap<>();
            skipWs();
            if (peek() == '}') {
                pos++;
                return m;
            }
            while (true) {
                skipWs();
                if (peek() != '"') throw error("expected a string key in object but found " + describe(pos));
                int keyPos = pos;
                String key = string();
                skipWs();
                expect(':', "after object key \"" + key + "\"");
                skipWs();
                Object v = value(depth + 1);
                if (m.containsKey(key)) {
                    pos = keyPos;
                    throw error("duplicate key \"" + key + "\"");
                }
                m.put(key, v);
                skipWs();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == '}') {
                    pos++;
                    return m;
                } else {
                    throw error("expected ',' or '}' in object but found " + describe(pos));
                }
            }
        }

        private List<Object> array(int depth) {
            pos++; // '['
            List<Object> list = new ArrayList<>();
            skipWs();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipWs();
                list.add(value(depth + 1));
                skipWs();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == ']') {
                    pos++;
                    return list;
                } else {
                    throw error("expected ',' or ']' in array but found " + describe(pos));
                }
            }
        }

        private String string() {
            int start = pos;
            pos++; // opening quote
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    pos = start;
                    throw error("unterminated string");
                }
                char c = s.charAt(pos);
                if (c == '"') {
                    pos++;
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error(String.format("control character U+%04X in string must be escaped", (int) c));
                }
                if (c != '\\') {
                    sb.append(c);
                    pos++;
                    continue;
                }
                if (pos + 1 >= s.length()) throw error("unterminated escape in string");
                char e = s.charAt(pos + 1);
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        sb.append(hex4(pos + 2));
                        pos += 4;
                    }
                    default -> throw error("invalid escape '\\" + e + "' in string");
                }
                pos += 2;
            }
        }

        private char hex4(int at) {
            if (at + 4 > s.length()) {
                pos = at - 2;
                throw error("\\u escape needs four hex digits");
            }
            int v = 0;
            for (int i = at; i < at + 4; i++) {
                int d = Character.digit(s.charAt(i), 16);
                if (d < 0) {
                    pos = at - 2;
                    throw error("\\u escape needs four hex digits but has '" + s.substring(at, at + 4) + "'");
                }
                v = v * 16 + d;
            }
            return (char) v;
        }

        private Object number() {
            int start = pos;
            boolean integral = true;
            if (peek() == '-') pos++;
            if (peek() == '0') {
                pos++;
                if (Character.isDigit(peek())) throw error("leading zero in number");
            } else if (Character.isDigit(peek())) {
                while (Character.isDigit(peek())) pos++;
            } else {
                throw error("expected a digit in number but found " + describe(pos));
            }
            if (peek() == '.') {
                integral = false;
                pos++;
                if (!Character.isDigit(peek())) throw error("expected a digit after '.' but found " + describe(pos));
                while (Character.isDigit(peek())) pos++;
            }
            if (peek() == 'e' || peek() == 'E') {
                integral = false;
                pos++;
                if (peek() == '+' || peek() == '-') pos++;
                if (!Character.isDigit(peek())) throw error("expected a digit in exponent but found " + describe(pos));
                while (Character.isDigit(peek())) pos++;
            }
            String text = s.substring(start, pos);
            if (integral && !text.equals("-0")) {
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException tooBig) {
                    // falls through to Double
                }
            }
            double d = Double.parseDouble(text);
            if (Double.isInfinite(d)) {
                pos = start;
                throw error("number " + text + " is out of the range of a double");
            }
            return d;
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, pos)) {
                throw error("unexpected " + describe(pos) + ": expected a value "
                        + "(object, array, string, number, true, false or null)");
            }
            pos += word.length();
            return v;
        }

        private void expect(char c, String where) {
            if (peek() != c) throw error("expected '" + c + "' " + where + " but found " + describe(pos));
            pos++;
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private void skipWs() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
                pos++;
            }
        }

        private String describe(int at) {
            if (at >= s.length()) return "end of input";
            char c = s.charAt(at);
            return c < 0x20 || c > 0x7e ? String.format("character U+%04X", (int) c) : "'" + c + "'";
        }

        private FormatException error(String problem) {
            int line = 1;
            int col = 1;
            for (int i = 0; i < pos && i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            return new FormatException(source + ": at position " + pos + " (line " + line + ", column "
                    + col + "): " + problem);
        }
    }
}
