package genlab.io;

import genlab.kernels.Backend;
import genlab.tensor.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkpoints in the Hugging Face <em>safetensors</em> format, readable by
 * {@code safetensors.torch.load_file} and writable by {@code save_file}.
 *
 * <h2>Format</h2>
 * <pre>
 *   8 bytes   N, unsigned 64-bit little-endian: the length of the header
 *   N bytes   UTF-8 JSON object, padded at the end with spaces (0x20) so N is a multiple of 8:
 *             {"__metadata__":{"step":"1000"},
 *              "G.0.weight":{"dtype":"F32","shape":[256,64],"data_offsets":[0,65536]}, ...}
 *   rest      the data section: each tensor's elements, row-major, little-endian
 * </pre>
 * {@code data_offsets} are {@code [begin, end)} byte offsets counted from the first byte after the
 * header. The tensors must tile the data section exactly: sorted by {@code begin} they start at 0,
 * each begins where the previous ends, the last ends at the end of the file, and
 * {@code end - begin} equals the number of elements times the dtype size. {@code __metadata__} is an
 * optional string-to-string map.
 *
 * <h2>This implementation</h2>
 * {@link #write} stores float32 ({@code "F32"}) tensors in the map's iteration order, writes
 * {@code __metadata__} first (omitted when empty) and writes atomically through a temporary file in
 * the same directory that is forced to disk and renamed over the target; if anything fails the
 * temporary file is deleted and an existing checkpoint is left as it was (see {@link AtomicFiles}).
 * {@link #read} accepts only {@code F32} tensors and validates the header length, the JSON, every
 * shape and offset, and the file length before it allocates tensor memory. {@link #loadInto}
 * checks names and shapes against a model's tensors and fails before it changes any of them.
 *
 * <p>Errors are {@link FormatException}s that start with the file path, e.g.
 * {@code ckpt.safetensors: truncated: tensor 'G.2.bias' ends at byte 123456 but the data section
 * has 1000 bytes}; file-system failures are {@link UncheckedIOException}s naming the file.
 */
public final class SafeTensors {
    /** The reserved header key for the string-to-string metadata map. */
    public static final String METADATA_KEY = "__metadata__";
    /** Headers longer than this are taken as corruption (the reference implementation uses 100 MB). */
    static final long MAX_HEADER_BYTES = 100_000_000L;

    private SafeTensors() {}

    /** What {@link #read} found: the tensors in header order, and the metadata (empty if none). */
    public record Contents(LinkedHashMap<String, Tensor> tensors, Map<String, String> metadata) {}

    // ------------------------------------------------------------------ writing

    /**
     * Writes {@code tensors} (in iteration order) and {@code metadata} (may be null or empty) to
     * {@code file} atomically. The arguments are not modified.
     *
     * @throws FormatException naming the file if a name is empty or reserved, or a tensor's data
     *     array does not have as many elements as its shape says; nothing is written then
     * @throws UncheckedIOException naming the file if the file system fails; the temporary file is
     *     removed and an existing {@code file} is untouched
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
        byte[] header = header(file, tensors, metadata);
        List<float[]> arrays = new ArrayList<>();
        for (Tensor t : tensors.values()) arrays.add(t.data());
        AtomicFiles.write(file, ch -> {
            ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            prefix.putLong(header.length).flip();
            while (prefix.hasRemaining()) ch.write(prefix);
            ByteBuffer h = ByteBuffer.wrap(header);
            while (h.hasRemaining()) ch.write(h);
            for (float[] a : arrays) writeFloats(ch, a);
        });
    }

    /** The padded JSON header bytes (without the 8-byte length prefix) for these tensors. */
    static byte[] header(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (metadata != null && !metadata.isEmpty()) {
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw FormatException.of(file, "metadata entry " + e.getKey() + "=" + e.getValue()
                            + " has a null key or value");
                }
            }
            json.put(METADATA_KEY, new LinkedHashMap<>(metadata));
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            String name = e.getKey();
            Tensor t = e.getValue();
            if (name == null || name.isEmpty() || name.equals(METADATA_KEY)) {
                throw FormatException.of(file, "tensor name '" + name + "' is empty or reserved");
            }
            if (t == null) throw FormatException.of(file, "tensor '" + name + "' is null");
            int[] shape = t.shape();
            long numel = Shapes.numel(shape);
            if (numel != t.data().length) {
                throw FormatException.of(file, "tensor '" + name + "' has shape " + Shapes.format(shape)
                        + " (" + numel + " elements) but its data array has " + t.data().length
                        + " elements; nothing was written");
            }
            long end = offset + 4 * numel;
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("dtype", "F32");
            info.put("shape", shape);
            info.put("data_offsets", new long[] {offset, end});
            json.put(name, info);
            offset = end;
        }
        byte[] text = Json.writeCompact(json).getBytes(StandardCharsets.UTF_8);
        int padded = (text.length + 7) / 8 * 8;
        byte[] out = new byte[padded];
        System.arraycopy(text, 0, out, 0, text.length);
        for (int i = text.length; i < padded; i++) out[i] = ' ';
        return out;
    }

    /** Writes floats little-endian in bounded chunks, so a large tensor needs no large buffer. */
    static void writeFloats(WritableByteChannel ch, float[] a) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 * Math.min(a.length, 1 << 16)).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer fb = buf.asFloatBuffer();
        for (int i = 0; i < a.length; ) {
            int n = Math.min(a.length - i, fb.capacity());
            fb.clear();
            fb.put(a, i, n);
            buf.clear().limit(4 * n);
            while (buf.hasRemaining()) ch.write(buf);
            i += n;
        }
    }

    // ------------------------------------------------------------------ reading

    /** One header entry, validated. */
    private record Entry(String name, int[] shape, long begin, long end) {}

    /** Reads every tensor and the metadata; see the class comment for what is validated. */
    public static Contents read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ParsedHeader h = parseHeader(file, ch, size);
            LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
            for (Entry e : h.entries) {
                float[] data = new float[(int) ((e.end - e.begin) / 4)];
                readFloats(file, ch, h.dataStart + e.begin, data);
                tensors.put(e.name, Tensor.of(data, e.shape));
            }
            return new Contents(tensors, h.metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e, e);
        }
    }

    /**
     * Copies the file's tensors into the data arrays of {@code model}'s tensors (matched by name)
     * and returns the file's metadata. Every name and shape is checked first: if a tensor is
     * missing from the file, the file has a tensor the model lacks, or a shape differs, it throws
     * a {@link FormatException} listing every problem and no tensor of {@code model} is changed.
     */
    public static Map<String, String> loadInto(Path file, Map<String, Tensor> model) {
        Contents c = read(file);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : c.tensors().entrySet()) {
            Tensor target = model.get(e.getKey());
            if (target == null) {
                problems.add("tensor '" + e.getKey() + "' is in the file but not in the model");
                continue;
            }
            int[] fileShape = e.getValue().shape();
            int[] modelShape = target.shape();
            if (!java.util.Arrays.equals(fileShape, modelShape)) {
                problems.add("tensor '" + e.getKey() + "' has shape " + Shapes.format(fileShape)
                        + " in the file but " + Shapes.format(modelShape) + " in the model");
            } else if (target.data().length != e.getValue().data().length) {
                problems.add("tensor '" + e.getKey() + "' in the model has shape "
                        + Shapes.format(modelShape) + " but a data array of " + target.data().length
                        + " elements");
            }
        }
        for (String name : model.keySet()) {
            if (!c.tensors().containsKey(name)) {
                problems.add("tensor '" + name + "' is in the model but not in the file");
            }
        }
        if (!problems.isEmpty()) {
            throw FormatException.of(file, String.join("; ", problems)
                    + (problems.size() > 1 ? " (" + problems.size() + " problems; nothing was loaded)" : ""));
        }
        for (Map.Entry<String, Tensor> e : c.tensors().entrySet()) {
            float[] src = e.getValue().data(), dst = model.get(e.getKey()).data();
            System.arraycopy(src, 0, dst, 0, src.length);
            Backend.hostWrote(dst);
        }
        return c.metadata();
    }

    private record ParsedHeader(List<Entry> entries, Map<String, String> metadata, long dataStart) {}

    private static ParsedHeader parseHeader(Path file, FileChannel ch, long size) throws IOException {
        if (size < 8) {
            throw FormatException.of(file, "truncated: " + size
                    + " bytes is too short for the 8-byte header length");
        }
        ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, ch, 0, prefix);
        long n = prefix.getLong(0); // unsigned; a negative long means >= 2^63
        if (n < 0 || n > MAX_HEADER_BYTES) {
            throw FormatException.of(file, "header length " + Long.toUnsignedString(n)
                    + " is not sane (limit " + MAX_HEADER_BYTES + "); not a safetensors file?");
        }
        if (n > size - 8) {
            throw FormatException.of(file, "truncated: the header length is " + n
                    + " bytes but only " + (size - 8) + " bytes follow the length prefix");
        }
        if (n < 2) throw FormatException.of(file, "header length " + n + " is too short for a JSON object");
        ByteBuffer hb = ByteBuffer.allocate((int) n);
        readFully(file, ch, 8, hb);
        String source = file + " (header)";
        String text = Json.decodeUtf8(hb.array(), source);
        if (!text.startsWith("{")) {
            throw FormatException.of(file, "the header does not start with '{'; not a safetensors file?");
        }
        Object parsed = Json.parse(text, source);
        if (!(parsed instanceof Map<?, ?> root)) {
            throw FormatException.of(file, "the header is not a JSON object");
        }
        long dataStart = 8 + n;
        long dataLen = size - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<?, ?> kv : root.entrySet()) {
            String name = (String) kv.getKey();
            if (name.equals(METADATA_KEY)) {
                if (!(kv.getValue() instanceof Map<?, ?> m)) {
                    throw FormatException.of(file, METADATA_KEY + " is not a JSON object");
                }
                for (Map.Entry<?, ?> me : m.entrySet()) {
                    if (!(me.getValue() instanceof String v)) {
                        throw FormatException.of(file, METADATA_KEY + " entry '" + me.getKey()
                                + "' is " + me.getValue() + ", not a string");
                    }
                    metadata.put((String) me.getKey(), v);
                }
                continue;
            }
            entries.add(entry(file, name, kv.getValue()));
        }
        // Contiguity: sorted by begin, the tensors must tile [0, dataLen) with no gap or overlap.
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        String previous = null;
        for (Entry e : byOffset) {
            if (e.begin != expected) {
                String what = e.begin < expected ? "overlaps" : "leaves a gap after";
                throw FormatException.of(file, "tensor '" + e.name + "' starts at byte " + e.begin
                        + " but " + (previous == null ? "the first tensor must start at byte 0"
                        : "the previous tensor '" + previous + "' ends at byte " + expected
                        + " (it " + what + " it)"));
            }
            if (e.end > dataLen) {
                throw FormatException.of(file, "truncated: tensor '" + e.name + "' ends at byte "
                        + e.end + " but the data section has " + dataLen + " bytes");
            }
            expected = e.end;
            previous = e.name;
        }
        if (expected != dataLen) {
            throw FormatException.of(file, "the data section has " + dataLen + " bytes but the tensors"
                    + " end at byte " + expected + " (" + (dataLen - expected) + " unexplained bytes at the end)");
        }
        return new ParsedHeader(Collections.unmodifiableList(entries),
                Collections.unmodifiableMap(metadata), dataStart);
    }

    private static Entry entry(Path file, String name, Object value) {
        String where = "tensor '" + name + "'";
        if (!(value instanceof Map<?, ?> info)) {
            throw FormatException.of(file, where + " is described by " + value + ", not a JSON object");
        }
        Object dtype = info.get("dtype");
        if (!"F32".equals(dtype)) {
            throw FormatException.of(file, where + " has dtype " + dtype
                    + "; only F32 is supported (convert with tensor.float() before saving)");
        }
        if (!(info.get("shape") instanceof List<?> shapeList)) {
            throw FormatException.of(file, where + " has no shape list (found " + info.get("shape") + ")");
        }
        long[] shape = new long[shapeList.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(shapeList.get(i) instanceof Long d) || d < 0) {
                throw FormatException.of(file, where + " has shape " + shapeList
                        + "; dimensions must be non-negative integers");
            }
            shape[i] = d;
        }
        long numel = Shapes.numel(shape);
        if (numel < 0 || numel > Integer.MAX_VALUE - 8) {
            throw FormatException.of(file, where + " has shape " + Shapes.format(shape)
                    + ", too large for a tensor");
        }
        if (!(info.get("data_offsets") instanceof List<?> off) || off.size() != 2
                || !(off.get(0) instanceof Long begin) || !(off.get(1) instanceof Long end)
                || begin < 0 || end < begin) {
            throw FormatException.of(file, where + " has data_offsets " + info.get("data_offsets")
                    + "; expected [begin, end] with 0 <= begin <= end");
        }
        if (end - begin != 4 * numel) {
            throw FormatException.of(file, where + " has shape " + Shapes.format(shape) + " (" + 4 * numel
                    + " bytes of F32) but data_offsets [" + begin + ", " + end + "] span "
                    + (end - begin) + " bytes");
        }
        int[] ishape = new int[shape.length];
        for (int i = 0; i < shape.length; i++) ishape[i] = (int) shape[i];
        return new Entry(name, ishape, begin, end);
    }

    private static void readFloats(Path file, FileChannel ch, long at, float[] out) throws IOException {
        int chunk = Math.min(out.length, 1 << 16);
        ByteBuffer buf = ByteBuffer.allocate(4 * chunk).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < out.length; ) {
            int n = Math.min(out.length - i, chunk);
            buf.clear().limit(4 * n);
            readFully(file, ch, at + 4L * i, buf);
            buf.asFloatBuffer().get(out, i, n);
            i += n;
        }
    }

    /** Fills buf from position to limit with the bytes at {@code at}, then flips it. */
    private static void readFully(Path file, FileChannel ch, long at, ByteBuffer buf) throws IOException {
        long pos = at;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos);
            if (r < 0) throw FormatException.of(file, "truncated: unexpected end of file at byte " + pos);
            pos += r;
        }
        buf.flip();
    }
}
