package genlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path tmp;

    /** A hand-built IDX file: magic, sizes, payload (not written by Idx.write, so the reader is checked independently). */
    private static byte[] idx(int magic, int[] dims, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload.length); // big-endian by default
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(payload);
        return b.array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(raw);
        }
        return bos.toByteArray();
    }

    private static byte[] ramp(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) (i * 7 + 3);
        }
        return p;
    }

    private String message(Path file) {
        return assertThrows(DataException.class, () -> Idx.read(file)).getMessage();
    }

    @Test
    void readsHandBuiltImagesFile() throws IOException {
        byte[] payload = ramp(3 * 2 * 4);
        Path f = Files.write(tmp.resolve("imgs"), idx(0x00000803, new int[] {3, 2, 4}, payload));
        Idx r = Idx.read(f);
        assertEquals(Idx.UBYTE, r.type());
        assertArrayEquals(new int[] {3, 2, 4}, r.dims());
        assertEquals(3, r.count());
        assertArrayEquals(payload, r.bytes());
    }

    @Test
    void gzippedAndPlainReadTheSameAndGzipIsDetectedByContentNotName() throws IOException {
        byte[] raw = idx(0x00000801, new int[] {50}, ramp(50));
        Path plainNamedGz = Files.write(tmp.resolve("labels.gz"), raw);
        Path gzNamedPlain = Files.write(tmp.resolve("labels.idx"), gzip(raw));
        Idx a = Idx.read(plainNamedGz);
        Idx b = Idx.read(gzNamedPlain);
        assertArrayEquals(a.dims(), b.dims());
        assertArrayEquals(a.bytes(), b.bytes());
        assertArrayEquals(ramp(50), b.bytes());
    }

    @Test
    void writeThenReadRoundTripsBothWays() {
        byte[] payload = ramp(2 * 3 * 3);
        for (boolean gz : new boolean[] {true, false}) {
            Path f = tmp.resolve("w" + gz);
            Idx.write(f, Idx.UBYTE, new int[] {2, 3, 3}, payload, gz);
            Idx r = Idx.read(f);
            assertArrayEquals(new int[] {2, 3, 3}, r.dims());
            assertArrayEquals(payload, r.bytes());
        }
    }

    @Test
    void multiByteTypesCountTheirElementSize() throws IOException {
        // 2 x 3 big-endian ints = 24 bytes of payload
        Path f = Files.write(tmp.resolve("ints"), idx(0x00000C02, new int[] {2, 3}, new byte[24]));
        assertEquals(24, Idx.read(f).bytes().length);
        Path g = Files.write(tmp.resolve("ints-short"), idx(0x00000C02, new int[] {2, 3}, new byte[6]));
        String m = message(g);
        assertTrue(m.contains("truncated") && m.contains("24 bytes") && m.contains("found 6"), m);
    }

    @Test
    void badMagicNamesFileAndMagic() throws IOException {
        Path f = Files.write(tmp.resolve("notidx.bin"), "hello, world".getBytes());
        String m = message(f);
        assertTrue(m.startsWith(f.toString() + ": not an IDX file (magic 0x68656c6c)"), m);
    }

    @Test
    void doublyGzippedFileShowsGzipMagic() throws IOException {
        Path f = Files.write(tmp.resolve("twice.gz"), gzip(gzip(idx(0x801, new int[] {3}, ramp(3)))));
        String m = message(f);
        assertTrue(m.startsWith(f + ": not an IDX file (magic 0x1f8b08"), m);
    }

    @Test
    void unknownTypeOrZeroDimsIsNotIdx() throws IOException {
        Path f = Files.write(tmp.resolve("type"), idx(0x00000701, new int[] {3}, ramp(3)));
        assertTrue(message(f).contains("not an IDX file (magic 0x00000701)"));
        Path g = Files.write(tmp.resolve("zero"), new byte[] {0, 0, 8, 0});
        assertTrue(message(g).contains("not an IDX file (magic 0x00000800)"));
    }

    @Test
    void truncatedPayloadSaysWhatHeaderPromised() throws IOException {
        Path f = Files.write(tmp.resolve("short-images"), idx(0x803, new int[] {10, 28, 28}, new byte[1234]));
        String m = message(f);
        assertEquals(f + ": truncated: header promises 10x28x28 = 7840 bytes, found 1234", m);
    }

    @Test
    void truncatedGzipStreamIsReportedAsTruncated() throws IOException {
        byte[] full = gzip(idx(0x803, new int[] {20, 28, 28}, ramp(20 * 784)));
        Path f = Files.write(tmp.resolve("cut.gz"), Arrays.copyOf(full, full.length / 2));
        String m = message(f);
        assertTrue(m.startsWith(f + ": truncated: header promises 20x28x28 = 15680 bytes, found "), m);
    }

    @Test
    void gzipCutInsideTheHeaderIsAnError() throws IOException {
        byte[] full = gzip(idx(0x803, new int[] {20, 28, 28}, ramp(20 * 784)));
        Path f = Files.write(tmp.resolve("cut-early.gz"), Arrays.copyOf(full, 6));
        String m = message(f);
        assertTrue(m.startsWith(f + ": "), m);
    }

    @Test
    void truncatedHeaderAndTooShortFile() throws IOException {
        Path f = Files.write(tmp.resolve("hdr"), new byte[] {0, 0, 8, 3, 0, 0, 0, 5, 0, 0});
        String m = message(f);
        assertTrue(m.startsWith(f + ": truncated header") && m.contains("3 dimension sizes"), m);
        Path g = Files.write(tmp.resolve("tiny"), new byte[] {0, 0});
        assertTrue(message(g).startsWith(g + ": truncated: 2 bytes"), message(g));
    }

    @Test
    void extraBytesAfterPayloadAreRejected() throws IOException {
        byte[] raw = idx(0x801, new int[] {5}, ramp(9)); // header says 5, 9 present
        Path f = Files.write(tmp.resolve("long"), raw);
        String m = message(f);
        assertTrue(m.startsWith(f + ": 4 unexpected bytes after the 5 bytes"), m);
        Path g = Files.write(tmp.resolve("long.gz"), gzip(raw));
        assertTrue(message(g).contains("4 unexpected bytes"), message(g));
    }

    @Test
    void corruptGzipTrailerIsAnError() throws IOException {
        byte[] gz = gzip(idx(0x801, new int[] {100}, ramp(100)));
        gz[gz.length - 6] ^= 0x55; // flip bits in the CRC-32 of the trailer
        Path f = Files.write(tmp.resolve("crc.gz"), gz);
        String m = message(f);
        assertTrue(m.startsWith(f + ": corrupt gzip data"), m);
    }

    @Test
    void missingFileSaysNotFound() {
        Path f = tmp.resolve("nope-idx1-ubyte.gz");
        assertEquals(f + ": file not found", message(f));
    }

    @Test
    void limitedReadTakesTheFirstItemsOnly() throws IOException {
        byte[] payload = ramp(10 * 4);
        Path f = Files.write(tmp.resolve("lim.gz"), gzip(idx(0x803, new int[] {10, 2, 2}, payload)));
        Idx r = Idx.read(f, 3);
        assertArrayEquals(new int[] {3, 2, 2}, r.dims());
        assertArrayEquals(Arrays.copyOf(payload, 12), r.bytes());
        assertArrayEquals(new int[] {10, 2, 2}, Idx.read(f, 99).dims());
    }
}
