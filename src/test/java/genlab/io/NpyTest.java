package genlab.io;

import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyTest {
    static final Path FIXTURES = Path.of("test-data", "npy");

    @Test
    void headerBytesMatchHandAssembledNumpyLayout() {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0});
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        expected.writeBytes((dict + " ".repeat(118 - dict.length() - 1) + "\n").getBytes(StandardCharsets.US_ASCII));
        byte[] got = Npy.header(new int[] {2, 3});
        assertArrayEquals(expected.toByteArray(), got);
        assertEquals(128, got.length);
    }

    @Test
    void oneDimensionalShapeHasTrailingCommaAndScalarIsEmptyTuple() {
        String vec = new String(Npy.header(new int[] {5}), StandardCharsets.US_ASCII);
        assertTrue(vec.contains("'shape': (5,), }"), vec);
        String scalar = new String(Npy.header(new int[] {}), StandardCharsets.US_ASCII);
        assertTrue(scalar.contains("'shape': (), }"), scalar);
    }

    @Test
    void headerIsAlwaysPaddedToMultipleOf64AndEndsWithNewline() {
        for (int[] shape : List.of(new int[] {}, new int[] {1}, new int[] {7, 33, 65}, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                new int[] {123456789, 1}, new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1})) {
            byte[] h = Npy.header(shape);
            assertEquals(0, h.length % 64, Arrays.toString(shape));
            assertEquals('\n', h[h.length - 1]);
            int len = (h[8] & 0xFF) | (h[9] & 0xFF) << 8;
            assertEquals(h.length - 10, len);
        }
    }

    @Test
    void writeProducesExactlyTheBytesOfNumpySave(@TempDir Path dir) throws Exception {
        float[] data = {-0.5f, -0.25f, 0f, 0.25f, 0.5f, 0.75f};
        Path f = dir.resolve("a.npy");
        Npy.write(f, Tensor.of(data, 2, 3));
        assertArrayEquals(Files.readAllBytes(FIXTURES.resolve("f4_2x3.npy")), Files.readAllBytes(f));
        ByteBuffer tail = ByteBuffer.wrap(Files.readAllBytes(f), 128, 24).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : data) assertEquals(v, tail.getFloat());
    }

    @Test
    void roundTripsOddShapes(@TempDir Path dir) {
        for (int[] shape : List.of(new int[] {7}, new int[] {1, 7, 33}, new int[] {3, 0}, new int[] {})) {
            int n = (int) Shapes.numel(shape);
            float[] d = new float[n];
            for (int i = 0; i < n; i++) d[i] = (float) Math.sin(i) * 1e3f;
            Path f = dir.resolve("t.npy");
            Npy.write(f, Tensor.of(d, shape));
            Tensor back = Npy.read(f);
            assertArrayEquals(shape, back.shape());
            assertArrayEquals(d, back.data());
        }
    }

    @Test
    void readsNumpyFixtures() {
        Tensor v = Npy.read(FIXTURES.resolve("f4_5.npy"));
        assertArrayEquals(new int[] {5}, v.shape());
        assertArrayEquals(new float[] {1, -2, 0.1f, 1e-30f, 3e38f}, v.data());
        Tensor d = Npy.read(FIXTURES.resolve("f8_2x2.npy"));
        assertArrayEquals(new int[] {2, 2}, d.shape());
        assertArrayEquals(new float[] {0.1f, (float) (-1.0 / 3), 1e10f, 2.5f}, d.data());
        Tensor u = Npy.read(FIXTURES.resolve("u1_4.npy"));
        assertArrayEquals(new float[] {0, 1, 128, 255}, u.data());
    }

    @Test
    void rejectsFortranOrderBigEndianAndOtherDtypes() {
        Path fortran = FIXTURES.resolve("fortran.npy");
        FormatException f = assertThrows(FormatException.class, () -> Npy.read(fortran));
        assertEquals(fortran + ": array of dtype '<f4' and shape (2, 3) is in Fortran order; only C order is"
                + " supported (save numpy.ascontiguousarray(a) instead)", f.getMessage());
        Path be = FIXTURES.resolve("be_f4.npy");
        FormatException b = assertThrows(FormatException.class, () -> Npy.read(be));
        assertEquals(be + ": dtype '>f4' with shape (2) is not supported (expected '<f4'; '<f8' and '|u1'"
                + " are converted): the data is big-endian", b.getMessage());
        Path i4 = FIXTURES.resolve("i4.npy");
        FormatException i = assertThrows(FormatException.class, () -> Npy.read(i4));
        assertEquals(i4 + ": dtype '<i4' with shape (3) is not supported (expected '<f4'; '<f8' and '|u1'"
                + " are converted)", i.getMessage());
    }

    @Test
    void rejectsTruncatedAndOverlongData(@TempDir Path dir) throws Exception {
        byte[] good = Files.readAllBytes(FIXTURES.resolve("f4_2x3.npy"));
        Path cut = dir.resolve("cut.npy");
        Files.write(cut, Arrays.copyOf(good, good.length - 4));
        FormatException t = assertThrows(FormatException.class, () -> Npy.read(cut));
        assertEquals(cut + ": truncated: dtype '<f4' shape (2, 3) needs 24 data bytes but the file has 20",
                t.getMessage());
        Path longer = dir.resolve("long.npy");
        Files.write(longer, Arrays.copyOf(good, good.length + 3));
        FormatException l = assertThrows(FormatException.class, () -> Npy.read(longer));
        assertEquals(longer + ": dtype '<f4' shape (2, 3) needs 24 data bytes but the file has 27", l.getMessage());
        Path header = dir.resolve("header.npy");
        Files.write(header, Arrays.copyOf(good, 50));
        FormatException h = assertThrows(FormatException.class, () -> Npy.read(header));
        assertEquals(header + ": truncated: the header says it has 118 bytes but the file has only 40 after the prefix",
                h.getMessage());
    }

    @Test
    void rejectsBadMagicVersionAndHeader(@TempDir Path dir) throws Exception {
        Path tiny = dir.resolve("tiny.npy");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertEquals(tiny + ": not a .npy file: only 3 bytes",
                assertThrows(FormatException.class, () -> Npy.read(tiny)).getMessage());
        Path magic = dir.resolve("magic.npy");
        Files.write(magic, "PK\3\4 this is a zip, not npy".getBytes(StandardCharsets.US_ASCII));
        assertEquals(magic + ": not a .npy file: it does not start with \\x93NUMPY",
                assertThrows(FormatException.class, () -> Npy.read(magic)).getMessage());
        byte[] good = Files.readAllBytes(FIXTURES.resolve("f4_2x3.npy"));
        byte[] v9 = good.clone();
        v9[6] = 9;
        Path version = dir.resolve("v9.npy");
        Files.write(version, v9);
        assertEquals(version + ": unsupported .npy version 9.0 (expected 1.0, 2.0 or 3.0)",
                assertThrows(FormatException.class, () -> Npy.read(version)).getMessage());
        Path garbled = dir.resolve("garbled.npy");
        Files.write(garbled, npyWithHeader("{'descr': '<f4', 'fortran_order': Maybe, 'shape': (2,), }", 8));
        String msg = assertThrows(FormatException.class, () -> Npy.read(garbled)).getMessage();
        assertTrue(msg.startsWith(garbled + ": cannot parse the header {'descr'"), msg);
        assertTrue(msg.endsWith(": expected True or False"), msg);
        Path missingKey = dir.resolve("nokey.npy");
        Files.write(missingKey, npyWithHeader("{'descr': '<f4', 'shape': (2,), }", 8));
        assertEquals(missingKey + ": header {'descr': '<f4', 'shape': (2,), } lacks one of 'descr', 'fortran_order', 'shape'",
                assertThrows(FormatException.class, () -> Npy.read(missingKey)).getMessage());
    }

    @Test
    void readsVersion2HeaderAndOtherKeyOrder(@TempDir Path dir) throws Exception {
        String dict = "{\"shape\": (2,), \"fortran_order\": False, \"descr\": \"<f4\"}\n";
        ByteBuffer b = ByteBuffer.allocate(12 + dict.length() + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(Npy.MAGIC).put((byte) 2).put((byte) 0).putInt(dict.length());
        b.put(dict.getBytes(StandardCharsets.US_ASCII)).putFloat(1.5f).putFloat(-2f);
        Path f = dir.resolve("v2.npy");
        Files.write(f, b.array());
        assertArrayEquals(new float[] {1.5f, -2f}, Npy.read(f).data());
    }

    @Test
    void writeRejectsDataThatDoesNotMatchShapeAndKeepsOldFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.npy");
        Npy.write(f, Tensor.of(new float[] {1, 2}, 2));
        byte[] before = Files.readAllBytes(f);
        Tensor bad = SafeTensorsTest.mismatched();
        FormatException e = assertThrows(FormatException.class, () -> Npy.write(f, bad));
        assertEquals(f + ": cannot write a tensor of shape (2, 2) (4 elements) whose data array has 3 elements",
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(List.of(f), JsonTest.listDir(dir));
    }

    @Test
    void missingFileIsAnUncheckedIoErrorNamingIt(@TempDir Path dir) {
        Path f = dir.resolve("none.npy");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().startsWith(f + ": cannot read: "), e.getMessage());
    }

    private static byte[] npyWithHeader(String dict, int dataBytes) {
        int len = dict.length() + 1;
        ByteBuffer b = ByteBuffer.allocate(10 + len + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(Npy.MAGIC).put((byte) 1).put((byte) 0).putShort((short) len);
        b.put((dict + "\n").getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }
}
