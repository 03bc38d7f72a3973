package genlab.io;

import genlab.tensor.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes NumPy {@code .npy} files, so arrays can move between genlab and Python with
 * {@code numpy.load} / {@code numpy.save}.
 *
 * <h2>Format (version 1.0)</h2>
 * <pre>
 *   bytes 0..5   magic "\x93NUMPY"
 *   byte  6, 7   major, minor version: 1, 0
 *   bytes 8, 9   HEADER_LEN, unsigned 16-bit little-endian
 *   HEADER_LEN   ASCII Python dict literal, e.g.
 *                {'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }
 *                padded with spaces and ended by '\n' so that 10 + HEADER_LEN is a multiple of 64
 *                (numpy &gt;= 1.24 also leaves 21 - digits(shape[0]) spare spaces after the dict;
 *                this writer does the same, so its bytes equal numpy.save's)
 *   rest         the elements, row-major (C order), in the dtype's byte order
 * </pre>
 * A 1-D shape is written {@code (5,)} (Python's one-element tuple) and a scalar {@code ()}.
 *
 * <p>{@link #write} writes dtype {@code '<f4'} (little-endian float32), version 1.0, atomically.
 * {@link #read} accepts versions 1.0, 2.0 (4-byte header length) and 3.0 (UTF-8 header), C order,
 * and the dtypes {@code '<f4'}, {@code '<f8'} (rounded to float) and {@code '|u1'} (bytes 0..255
 * become the floats 0..255, unscaled). It rejects Fortran order, big-endian and every other dtype,
 * and data that is shorter or longer than the shape says, naming the file and what was found.
 */
public final class Npy {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy aligns the start of the data to this many bytes. */
    static final int ALIGN = 64;
    /** numpy leaves room for the growing axis to reach this many digits. */
    static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private Npy() {}

    /** The version-1.0 header for a float32 C-order array of this shape, padding included. */
    static byte[] header(int[] shape) {
        StringBuilder tuple = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) tuple.append(", ");
            tuple.append(shape[i]);
        }
        if (shape.length == 1) tuple.append(',');
        tuple.append(')');
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + tuple + ", }";
        // Like numpy >= 1.24: spare spaces so the first dimension can grow to 21 digits in place,
        // then 1..64 spaces of padding (never 0), so the bytes match numpy.save exactly.
        if (shape.length > 0) dict += " ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length());
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1; // +1 for the final '\n'
        int pad = ALIGN - unpadded % ALIGN;
        String text = dict + " ".repeat(pad) + "\n";
        if (text.length() > 0xFFFF) {
            throw new FormatException("npy: shape " + Shapes.format(shape) + " needs a header of "
                    + text.length() + " bytes, more than version 1.0 allows");
        }
        ByteBuffer b = ByteBuffer.allocate(10 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** Writes {@code t} as a little-endian float32 {@code .npy} file, atomically. */
    public static void write(Path file, Tensor t) {
        int[] shape = t.shape();
        float[] data = t.data();
        long numel = Shapes.numel(shape);
        if (numel != data.length) {
            throw FormatException.of(file, "cannot write a tensor of shape " + Shapes.format(shape)
                    + " (" + numel + " elements) whose data array has " + data.length + " elements");
        }
        byte[] header = header(shape);
        AtomicFiles.write(file, ch -> {
            ByteBuffer h = ByteBuffer.wrap(header);
            while (h.hasRemaining()) ch.write(h);
            SafeTensors.writeFloats(ch, data);
        });
    }

    /**
     * The dtype string of a {@code .npy} file's header as NumPy wrote it ({@code '<f4'},
     * {@code '<f8'}, {@code '|u1'}, {@code '<i4'}, ...), for callers that treat dtypes differently
     * (uint8 pixels 0..255 against floats in [0, 1]). Reads the file; does not check the data.
     */
    public static String dtype(Path file) {
        byte[] bytes = AtomicFiles.readAll(file);
        return headerDict(file, bytes, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)).descr;
    }

    /** Reads a {@code .npy} file into a new tensor; see the class comment for what is accepted. */
    public static Tensor read(Path file) {
        byte[] bytes = AtomicFiles.readAll(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        HeaderDict dict = headerDict(file, bytes, b);
        int headerStart = bytes[6] == 1 ? 10 : 12;
        long headerLen = bytes[6] == 1 ? b.getShort(8) & 0xFFFF : b.getInt(8) & 0xFFFFFFFFL;

        int elementSize;
        switch (dict.descr) {
            case "<f4" -> elementSize = 4;
            case "<f8" -> elementSize = 8;
            case "|u1", "<u1", ">u1" -> elementSize = 1;
            default -> throw FormatException.of(file, "dtype '" + dict.descr + "' with shape "
                    + Shapes.format(dict.shape) + " is not supported (expected '<f4'; "
                    + "'<f8' and '|u1' are converted)"
                    + (dict.descr.startsWith(">") ? ": the data is big-endian" : ""));
        }
        if (dict.fortranOrder) {
            throw FormatException.of(file, "array of dtype '" + dict.descr + "' and shape "
                    + Shapes.format(dict.shape) + " is in Fortran order; only C order is supported"
                    + " (save numpy.ascontiguousarray(a) instead)");
        }
        long numel = Shapes.numel(dict.shape);
        if (numel < 0 || numel > Integer.MAX_VALUE - 8) {
            throw FormatException.of(file, "shape " + Shapes.format(dict.shape) + " is too large for a tensor");
        }
        int[] shape = new int[dict.shape.length];
        for (int i = 0; i < shape.length; i++) shape[i] = (int) dict.shape[i];
        long dataStart = headerStart + headerLen;
        long need = numel * elementSize;
        long have = bytes.length - dataStart;
        if (have != need) {
            throw FormatException.of(file, (have < need ? "truncated: " : "")
                    + "dtype '" + dict.descr + "' shape " + Shapes.format(shape) + " needs " + need
                    + " data bytes but the file has " + have);
        }
        float[] data = new float[(int) numel];
        b.position((int) dataStart);
        switch (elementSize) {
            case 4 -> b.asFloatBuffer().get(data);
            case 8 -> {
                for (int i = 0; i < data.length; i++) data[i] = (float) b.getDouble();
            }
            default -> {
                for (int i = 0; i < data.length; i++) data[i] = b.get() & 0xFF;
            }
        }
        return Tensor.of(data, shape);
    }

    /** Checks the magic, version and header length, and parses the header dict. */
    private static HeaderDict headerDict(Path file, byte[] bytes, ByteBuffer b) {
        if (bytes.length < 10) {
            throw FormatException.of(file, "not a .npy file: only " + bytes.length + " bytes");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw FormatException.of(file, "not a .npy file: it does not start with \\x93NUMPY");
            }
        }
        int major = bytes[6] & 0xFF;
        int minor = bytes[7] & 0xFF;
        long headerLen;
        int headerStart;
        if (major == 1) {
            headerLen = b.getShort(8) & 0xFFFF;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) throw FormatException.of(file, "truncated: the header length is cut off");
            headerLen = b.getInt(8) & 0xFFFFFFFFL;
            headerStart = 12;
        } else {
            throw FormatException.of(file, "unsupported .npy version " + major + "." + minor
                    + " (expected 1.0, 2.0 or 3.0)");
        }
        if (headerStart + headerLen > bytes.length) {
            throw FormatException.of(file, "truncated: the header says it has " + headerLen
                    + " bytes but the file has only " + (bytes.length - headerStart) + " after the prefix");
        }
        String header = new String(bytes, headerStart, (int) headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return HeaderDict.parse(header, file);
    }

    /** The three keys of a .npy header dict, parsed from its Python-literal text. */
    private static final class HeaderDict {
        String descr;
        Boolean fortranOrder;
        long[] shape;

        private final String text;
        private final Path file;
        private int pos;

        private HeaderDict(String text, Path file) {
            this.text = text;
            this.file = file;
        }

        static HeaderDict parse(String text, Path file) {
            HeaderDict d = new HeaderDict(text, file);
            d.dict();
            if (d.descr == null || d.fortranOrder == null || d.shape == null) {
                throw FormatException.of(file, "header " + text.strip()
                        + " lacks one of 'descr', 'fortran_order', 'shape'");
            }
            return d;
        }

        private void dict() {
            ws();
            expect('{');
            while (true) {
                ws();
                if (peek() == '}') break;
                String key = quoted();
                ws();
                expect(':');
                ws();
                switch (key) {
                    case "descr" -> descr = quoted();
                    case "fortran_order" -> fortranOrder = bool();
                    case "shape" -> shape = tuple();
                    default -> throw bad("unknown key '" + key + "'");
                }
                ws();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw bad("expected ',' or '}'");
                }
            }
            pos++;
            ws();
            if (pos != text.length()) throw bad("unexpected text after the dict");
        }

        private String quoted() {
            char q = peek();
            if (q != '\'' && q != '"') throw bad("expected a quoted string");
            int end = text.indexOf(q, pos + 1);
            if (end < 0) throw bad("unterminated string");
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }

        private boolean bool() {
            if (text.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            throw bad("expected True or False");
        }

        private long[] tuple() {
            expect('(');
            List<Long> dims = new ArrayList<>();
            while (true) {
                ws();
                if (peek() == ')') break;
                int start = pos;
                while (Character.isDigit(peek())) pos++;
                if (start == pos) throw bad("expected a dimension");
                try {
                    dims.add(Long.parseLong(text.substring(start, pos)));
                } catch (NumberFormatException e) {
                    throw bad("dimension too large");
                }
                ws();
                if (peek() == 'L') pos++; // Python 2 longs
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ')') {
                    throw bad("expected ',' or ')' in shape");
                }
            }
            pos++;
            long[] s = new long[dims.size()];
            for (int i = 0; i < s.length; i++) s[i] = dims.get(i);
            return s;
        }

        private void expect(char c) {
            if (peek() != c) throw bad("expected '" + c + "'");
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void ws() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
        }

        private FormatException bad(String problem) {
            return FormatException.of(file, "cannot parse the header " + text.strip()
                    + " at character " + pos + ": " + problem);
        }
    }
}
