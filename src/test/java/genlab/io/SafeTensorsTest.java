package genlab.io;

import genlab.tensor.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeTensorsTest {
    @TempDir
    Path dir;

    // ------------------------------------------------------------------ helpers

    private static Tensor t(float[] data, int... shape) {
        return Tensor.of(data, shape);
    }

    private static Tensor ramp(float start, int... shape) {
        float[] d = new float[(int) Shapes.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = start + 0.5f * i;
        return Tensor.of(d, shape);
    }

    /** A tensor whose data array is shorter than its shape says (if Tensor.of still allows it). */
    static Tensor mismatched() {
        try {
            return Tensor.of(new float[3], 2, 2);
        } catch (RuntimeException e) {
            Assumptions.abort("Tensor.of now validates its data length: " + e.getMessage());
            throw e;
        }
    }

    /** prefix + header (padded to 8 with spaces) + data, as the spec lays them out. */
    private Path raw(String name, String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        int padded = (h.length + 7) / 8 * 8;
        return rawUnpadded(name, padded, Arrays.copyOf(withSpaces(h, padded), padded), data);
    }

    private static byte[] withSpaces(byte[] h, int padded) {
        byte[] out = Arrays.copyOf(h, padded);
        for (int i = h.length; i < padded; i++) out[i] = ' ';
        return out;
    }

    private Path rawUnpadded(String name, long headerLen, byte[] header, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerLen).array());
        out.writeBytes(header);
        out.writeBytes(data);
        Path f = dir.resolve(name);
        Files.write(f, out.toByteArray());
        return f;
    }

    private static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    private static String msg(Path f) {
        return assertThrows(FormatException.class, () -> SafeTensors.read(f)).getMessage();
    }

    // ------------------------------------------------------------------ bytes against the spec

    @Test
    void writesHandAssembledBytesForTinyTensor() throws Exception {
        Path f = dir.resolve("tiny.safetensors");
        SafeTensors.write(f, Map.of("w", t(new float[] {1.0f, -2.0f}, 2)), Map.of("k", "v"));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {80, 0, 0, 0, 0, 0, 0, 0}); // N = 80, u64 little-endian
        expected.writeBytes("{\"__metadata__\":{\"k\":\"v\"},\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}"
                .getBytes(StandardCharsets.UTF_8)); // 79 bytes
        expected.writeBytes(new byte[] {' '}); // padded to 80
        expected.writeBytes(new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0}); // 1.0f, -2.0f LE
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(f));
    }

    @Test
    void headerLengthIsMultipleOf8AndPaddedWithSpaces() throws Exception {
        for (int nameLen = 1; nameLen <= 9; nameLen++) {
            Path f = dir.resolve("p" + nameLen + ".safetensors");
            SafeTensors.write(f, Map.of("x".repeat(nameLen), ramp(0, 3)), null);
            byte[] b = Files.readAllBytes(f);
            long n = ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(0, n % 8, "header length " + n);
            assertEquals(b.length, 8 + n + 12);
            String header = new String(b, 8, (int) n, StandardCharsets.UTF_8);
            assertTrue(header.stripTrailing().endsWith("}"), header);
            assertTrue(header.substring(header.lastIndexOf('}') + 1).chars().allMatch(c -> c == ' '), header);
            assertTrue(!header.contains("__metadata__"), "no metadata key when metadata is null");
        }
    }

    @Test
    void tensorsAreStoredContiguouslyInInsertionOrder() throws Exception {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("b", ramp(1, 2));
        m.put("a", ramp(5, 3));
        Path f = dir.resolve("order.safetensors");
        SafeTensors.write(f, m, Map.of());
        byte[] b = Files.readAllBytes(f);
        int n = (int) ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Map<?, ?> header = (Map<?, ?>) Json.parse(new String(b, 8, n, StandardCharsets.UTF_8));
        assertEquals(List.of("b", "a"), new ArrayList<>(header.keySet()));
        assertEquals(List.of(0L, 8L), ((Map<?, ?>) header.get("b")).get("data_offsets"));
        assertEquals(List.of(8L, 20L), ((Map<?, ?>) header.get("a")).get("data_offsets"));
        assertArrayEquals(floats(1, 1.5f, 5, 5.5f, 6), Arrays.copyOfRange(b, 8 + n, b.length));
    }

    // ------------------------------------------------------------------ round trips

    @Test
    void roundTripsOddShapesScalarsEmptyAndMetadata() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("G.0.weight", ramp(-3, 7, 33));
        m.put("G.0.bias", ramp(1, 65));
        m.put("scalar", t(new float[] {Float.MIN_VALUE}));
        m.put("empty", t(new float[0], 0, 4));
        m.put("specials", t(new float[] {Float.NaN, Float.POSITIVE_INFINITY, -0.0f, Float.MAX_VALUE}, 2, 2));
        m.put("naïve ünïcode", ramp(0, 1));
        m.put("big", ramp(0, 200_003)); // more than one 64K-float chunk
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("step", "1000");
        meta.put("note", "quote \" and newline \n");
        Path f = dir.resolve("ckpt.safetensors");
        SafeTensors.write(f, m, meta);
        SafeTensors.Contents c = SafeTensors.read(f);
        assertEquals(new ArrayList<>(m.keySet()), new ArrayList<>(c.tensors().keySet()));
        for (String k : m.keySet()) {
            assertArrayEquals(m.get(k).shape(), c.tensors().get(k).shape(), k);
            assertArrayEquals(m.get(k).data(), c.tensors().get(k).data(), k);
        }
        assertEquals(meta, c.metadata());
    }

    @Test
    void overwritesExistingCheckpointAndLeavesNoTemporaryFile() throws Exception {
        Path f = dir.resolve("ckpt.safetensors");
        SafeTensors.write(f, Map.of("a", ramp(0, 4)), null);
        SafeTensors.write(f, Map.of("a", ramp(9, 2)), null);
        assertArrayEquals(new float[] {9, 9.5f}, SafeTensors.read(f).tensors().get("a").data());
        assertEquals(List.of(f), JsonTest.listDir(dir));
    }

    @Test
    void readsFileWrittenByPython() {
        SafeTensors.Contents c = SafeTensors.read(Path.of("test-data", "safetensors", "from_python.safetensors"));
        assertEquals(Map.of("format", "pt", "producer", "safetensors_fixture.py"), c.metadata());
        assertEquals(List.of("empty", "layer.bias", "layer.weight", "scalar"), new ArrayList<>(c.tensors().keySet()));
        assertArrayEquals(new int[] {0, 2}, c.tensors().get("empty").shape());
        assertArrayEquals(new float[] {-1.5f, -0.5f, 0.5f}, c.tensors().get("layer.bias").data());
        assertArrayEquals(new int[] {}, c.tensors().get("scalar").shape());
        assertArrayEquals(new float[] {2.5f}, c.tensors().get("scalar").data());
        Tensor w = c.tensors().get("layer.weight");
        assertArrayEquals(new int[] {3, 4}, w.shape());
        double[] torchValues = {1.5409960746765137, -0.293428897857666, -2.1787893772125244, 0.5684312582015991,
            -1.0845223665237427, -1.3985954523086548, 0.40334683656692505, 0.8380263447761536,
            -0.7192575931549072, -0.40334352850914, -0.5966353416442871, 0.18203648924827576};
        for (int i = 0; i < torchValues.length; i++) assertEquals((float) torchValues[i], w.data()[i], "element " + i);
    }

    /** Leaves a file for test-data/safetensors/safetensors_fixture.py check target/interop/from_java.safetensors. */
    @Test
    void writesFileForPythonCheck() throws Exception {
        Path out = Path.of("target", "interop");
        Files.createDirectories(out);
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("w", t(new float[] {1, -2, 0.1f, 3e38f, -0.0f, 1e-40f}, 2, 3));
        m.put("b", t(new float[] {0.25f}, 1));
        m.put("s", t(new float[] {7}));
        SafeTensors.write(out.resolve("from_java.safetensors"), m, Map.of("producer", "genlab"));
        assertEquals(3, SafeTensors.read(out.resolve("from_java.safetensors")).tensors().size());
    }

    // ------------------------------------------------------------------ loadInto

    private Path checkpoint() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("D.0.weight", ramp(1, 3, 4));
        m.put("D.0.bias", ramp(2, 3));
        Path f = dir.resolve("ckpt.safetensors");
        SafeTensors.write(f, m, Map.of("epoch", "7"));
        return f;
    }

    @Test
    void loadIntoCopiesIntoTheModelsOwnArrays() {
        Path f = checkpoint();
        Map<String, Tensor> model = new LinkedHashMap<>();
        model.put("D.0.bias", t(new float[3], 3));
        model.put("D.0.weight", t(new float[12], 3, 4));
        float[] before = model.get("D.0.weight").data();
        Map<String, String> meta = SafeTensors.loadInto(f, model);
        assertEquals(Map.of("epoch", "7"), meta);
        assertSame(before, model.get("D.0.weight").data());
        assertArrayEquals(ramp(1, 3, 4).data(), model.get("D.0.weight").data());
        assertArrayEquals(ramp(2, 3).data(), model.get("D.0.bias").data());
    }

    @Test
    void loadIntoRejectsShapeMismatchWithoutTouchingTheModel() {
        Path f = checkpoint();
        Map<String, Tensor> model = new LinkedHashMap<>();
        model.put("D.0.weight", t(new float[8], 2, 4));
        model.put("D.0.bias", t(new float[3], 3));
        FormatException e = assertThrows(FormatException.class, () -> SafeTensors.loadInto(f, model));
        assertEquals(f + ": tensor 'D.0.weight' has shape (3, 4) in the file but (2, 4) in the model", e.getMessage());
        assertArrayEquals(new float[3], model.get("D.0.bias").data(), "a matching tensor must not be loaded either");
        assertArrayEquals(new float[8], model.get("D.0.weight").data());
    }

    @Test
    void loadIntoRejectsMissingAndUnexpectedNames() {
        Path f = checkpoint();
        Map<String, Tensor> missing = new LinkedHashMap<>();
        missing.put("D.0.weight", t(new float[12], 3, 4));
        missing.put("D.0.bias", t(new float[3], 3));
        missing.put("D.1.weight", t(new float[2], 2));
        assertEquals(f + ": tensor 'D.1.weight' is in the model but not in the file",
                assertThrows(FormatException.class, () -> SafeTensors.loadInto(f, missing)).getMessage());
        assertArrayEquals(new float[12], missing.get("D.0.weight").data());

        Map<String, Tensor> unexpected = new LinkedHashMap<>();
        unexpected.put("D.0.weight", t(new float[12], 3, 4));
        assertEquals(f + ": tensor 'D.0.bias' is in the file but not in the model",
                assertThrows(FormatException.class, () -> SafeTensors.loadInto(f, unexpected)).getMessage());
        assertArrayEquals(new float[12], unexpected.get("D.0.weight").data());
    }

    @Test
    void loadIntoListsEveryProblem() {
        Path f = checkpoint();
        Map<String, Tensor> model = new LinkedHashMap<>();
        model.put("D.0.weight", t(new float[4], 4));
        model.put("G.0.weight", t(new float[1], 1));
        assertEquals(f + ": tensor 'D.0.weight' has shape (3, 4) in the file but (4) in the model; "
                + "tensor 'D.0.bias' is in the file but not in the model; "
                + "tensor 'G.0.weight' is in the model but not in the file (3 problems; nothing was loaded)",
                assertThrows(FormatException.class, () -> SafeTensors.loadInto(f, model)).getMessage());
    }

    // ------------------------------------------------------------------ atomic writes

    @Test
    void dataShorterThanShapeWritesNothingAndKeepsOldCheckpoint() throws Exception {
        Path f = checkpoint();
        byte[] before = Files.readAllBytes(f);
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("ok", ramp(0, 5));
        m.put("G.2.bias", mismatched());
        FormatException e = assertThrows(FormatException.class, () -> SafeTensors.write(f, m, null));
        assertEquals(f + ": tensor 'G.2.bias' has shape (2, 2) (4 elements) but its data array has 3 elements;"
                + " nothing was written", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(List.of(f), JsonTest.listDir(dir));
    }

    @Test
    void failedRenameRemovesTemporaryFileAndLeavesTargetAlone() throws Exception {
        Path target = dir.resolve("ckpt.safetensors");
        Files.createDirectories(target);
        Path inside = Files.writeString(target.resolve("keep.txt"), "precious");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> SafeTensors.write(target, Map.of("a", ramp(0, 3)), null));
        assertTrue(e.getMessage().startsWith(target + ": cannot write: "), e.getMessage());
        assertEquals("precious", Files.readString(inside));
        assertEquals(List.of(target), JsonTest.listDir(dir), "temporary file must be deleted");
    }

    @Test
    void failureMidWriteRemovesTemporaryFileAndKeepsOldContents() throws Exception {
        Path f = checkpoint();
        byte[] before = Files.readAllBytes(f);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(f, ch -> {
            ch.write(ByteBuffer.wrap(new byte[1000]));
            throw new IOException("No space left on device");
        }));
        assertEquals(f + ": cannot write: java.io.IOException: No space left on device", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(List.of(f), JsonTest.listDir(dir));

        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(f, ch -> {
            ch.write(ByteBuffer.wrap(new byte[10]));
            throw new IllegalStateException("bug in the caller");
        }));
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(List.of(f), JsonTest.listDir(dir));
    }

    @Test
    void writeIntoReadOnlyDirectoryFailsCleanly() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Path f = ro.resolve("ckpt.safetensors");
        SafeTensors.write(f, Map.of("a", ramp(0, 2)), null);
        byte[] before = Files.readAllBytes(f);
        try {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no POSIX permissions here");
        }
        try {
            Assumptions.assumeFalse(Files.isWritable(ro), "running as root: permissions are not enforced");
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> SafeTensors.write(f, Map.of("a", ramp(5, 2)), null));
            assertTrue(e.getMessage().startsWith(f + ": cannot write: "), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(f));
            assertEquals(List.of(f), JsonTest.listDir(ro));
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void rejectsReservedOrEmptyNamesAndNullMetadata() {
        Path f = dir.resolve("x.safetensors");
        assertEquals(f + ": tensor name '__metadata__' is empty or reserved",
                assertThrows(FormatException.class,
                        () -> SafeTensors.write(f, Map.of("__metadata__", ramp(0, 1)), null)).getMessage());
        assertEquals(f + ": tensor name '' is empty or reserved",
                assertThrows(FormatException.class, () -> SafeTensors.write(f, Map.of("", ramp(0, 1)), null)).getMessage());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("k", null);
        assertEquals(f + ": metadata entry k=null has a null key or value",
                assertThrows(FormatException.class, () -> SafeTensors.write(f, Map.of("a", ramp(0, 1)), meta)).getMessage());
        assertTrue(!Files.exists(f));
    }

    // ------------------------------------------------------------------ reading bad files

    @Test
    void truncatedFileNamesTheTensorAndSizes() throws Exception {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("G.0.weight", ramp(0, 3, 4));
        m.put("G.2.bias", ramp(0, 4));
        Path f = dir.resolve("ckpt.safetensors");
        SafeTensors.write(f, m, null);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 4));
        assertEquals(f + ": truncated: tensor 'G.2.bias' ends at byte 64 but the data section has 60 bytes", msg(f));
        Files.write(f, Arrays.copyOf(b, b.length - 30));
        assertEquals(f + ": truncated: tensor 'G.0.weight' ends at byte 48 but the data section has 34 bytes", msg(f));
    }

    @Test
    void rejectsBadHeaderLengths() throws Exception {
        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, new byte[5]);
        assertEquals(tiny + ": truncated: 5 bytes is too short for the 8-byte header length", msg(tiny));
        Path huge = rawUnpadded("huge.safetensors", -2L, new byte[0], new byte[16]);
        assertEquals(huge + ": header length 18446744073709551614 is not sane (limit 100000000);"
                + " not a safetensors file?", msg(huge));
        Path big = rawUnpadded("big.safetensors", 200_000_000L, new byte[0], new byte[16]);
        assertEquals(big + ": header length 200000000 is not sane (limit 100000000); not a safetensors file?", msg(big));
        Path longer = rawUnpadded("longer.safetensors", 64, "{}".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertEquals(longer + ": truncated: the header length is 64 bytes but only 2 bytes follow the length prefix",
                msg(longer));
        Path zero = rawUnpadded("zero.safetensors", 0, new byte[0], new byte[0]);
        assertEquals(zero + ": header length 0 is too short for a JSON object", msg(zero));
    }

    @Test
    void rejectsHeadersThatAreNotJsonObjects() throws Exception {
        Path notJson = raw("a.safetensors", "[1,2]", new byte[0]);
        assertEquals(notJson + ": the header does not start with '{'; not a safetensors file?", msg(notJson));
        Path broken = raw("b.safetensors", "{\"a\":{\"dtype\":\"F32\",}}", new byte[0]);
        assertEquals(broken + " (header): at position 20 (line 1, column 21): expected a string key in object but found '}'",
                msg(broken));
        Path latin = rawUnpadded("c.safetensors", 8, new byte[] {'{', '"', (byte) 0xe9, '"', ':', '1', '}', ' '}, new byte[0]);
        assertTrue(msg(latin).startsWith(latin + " (header): not valid UTF-8"), msg(latin));
        Path dup = raw("d.safetensors", "{\"a\":1,\"a\":2}", new byte[0]);
        assertTrue(msg(dup).endsWith("duplicate key \"a\""), msg(dup));
    }

    @Test
    void rejectsOtherDtypesNamingTheTensor() throws Exception {
        Path f = raw("f16.safetensors", "{\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", new byte[4]);
        assertEquals(f + ": tensor 'h' has dtype F16; only F32 is supported (convert with tensor.float() before saving)",
                msg(f));
    }

    @Test
    void rejectsMalformedTensorEntries() throws Exception {
        String[][] cases = {
            {"{\"a\":5}", "tensor 'a' is described by 5, not a JSON object"},
            {"{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", "tensor 'a' has no shape list (found null)"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}",
                "tensor 'a' has shape [-1]; dimensions must be non-negative integers"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}",
                "tensor 'a' has shape [1.5]; dimensions must be non-negative integers"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,4]}}",
                "tensor 'a' has shape (65536, 65536), too large for a tensor"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}",
                "tensor 'a' has data_offsets [0]; expected [begin, end] with 0 <= begin <= end"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}",
                "tensor 'a' has data_offsets [4, 0]; expected [begin, end] with 0 <= begin <= end"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}",
                "tensor 'a' has shape (2) (8 bytes of F32) but data_offsets [0, 4] span 4 bytes"},
            {"{\"__metadata__\":[1],\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
                "__metadata__ is not a JSON object"},
            {"{\"__metadata__\":{\"step\":3},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
                "__metadata__ entry 'step' is 3, not a string"},
        };
        for (int i = 0; i < cases.length; i++) {
            Path f = raw("m" + i + ".safetensors", cases[i][0], new byte[4]);
            assertEquals(f + ": " + cases[i][1], msg(f), cases[i][0]);
        }
    }

    @Test
    void rejectsGapsOverlapsAndTrailingBytes() throws Exception {
        String a = "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[%d,%d]}";
        String b = "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[%d,%d]}";
        Path gap = raw("gap.safetensors", "{" + String.format(a, 0, 8) + "," + String.format(b, 12, 16) + "}", new byte[16]);
        assertEquals(gap + ": tensor 'b' starts at byte 12 but the previous tensor 'a' ends at byte 8 (it leaves a gap after it)",
                msg(gap));
        Path overlap = raw("overlap.safetensors", "{" + String.format(a, 0, 8) + "," + String.format(b, 4, 8) + "}", new byte[8]);
        assertEquals(overlap + ": tensor 'b' starts at byte 4 but the previous tensor 'a' ends at byte 8 (it overlaps it)",
                msg(overlap));
        Path notZero = raw("nz.safetensors", "{" + String.format(b, 4, 8) + "}", new byte[8]);
        assertEquals(notZero + ": tensor 'b' starts at byte 4 but the first tensor must start at byte 0", msg(notZero));
        Path trailing = raw("tr.safetensors", "{" + String.format(b, 0, 4) + "}", new byte[10]);
        assertEquals(trailing + ": the data section has 10 bytes but the tensors end at byte 4 (6 unexplained bytes at the end)",
                msg(trailing));
        Path ok = raw("ok.safetensors", "{" + String.format(b, 8, 12) + "," + String.format(a, 0, 8) + "}",
                floats(1, 2, 3));
        SafeTensors.Contents c = SafeTensors.read(ok);
        assertEquals(List.of("b", "a"), new ArrayList<>(c.tensors().keySet()), "header order is kept");
        assertArrayEquals(new float[] {3}, c.tensors().get("b").data());
        assertArrayEquals(new float[] {1, 2}, c.tensors().get("a").data());
    }

    @Test
    void missingFileIsAnUncheckedIoErrorNamingIt() {
        Path f = dir.resolve("nope.safetensors");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().startsWith(f + ": cannot read: "), e.getMessage());
    }
}
