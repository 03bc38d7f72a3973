package genlab.data;

import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * One IDX file (the format of MNIST): its element type, its dimension sizes and its raw payload.
 *
 * <p>Format, big-endian throughout: a 4-byte magic number {@code 0x00 0x00 T D} (two zero bytes,
 * the element type {@code T}, the number of dimensions {@code D}), then {@code D} 4-byte sizes,
 * then {@code prod(sizes)} elements in row-major order. Types: 0x08 unsigned byte, 0x09 signed
 * byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double. MNIST images are {@code 0x00000803}
 * (unsigned bytes, 3 dims: N x 28 x 28), labels {@code 0x00000801} (unsigned bytes, N).
 *
 * <p>A file may be gzipped or plain; gzip is recognised by its magic bytes 0x1f 0x8b, not by the
 * file name. Every failure is a {@link DataException} naming the file and the problem. The
 * payload is kept as the file's bytes (big-endian for multi-byte types).
 */
public final class Idx {
    public static final int UBYTE = 0x08;
    public static final int BYTE = 0x09;
    public static final int SHORT = 0x0B;
    public static final int INT = 0x0C;
    public static final int FLOAT = 0x0D;
    public static final int DOUBLE = 0x0E;

    /** More dimensions than this is surely not an IDX file (MNIST uses 1 and 3). */
    private static final int MAX_DIMS = 16;

    private final Path file;
    private final int type;
    private final int[] dims;
    private final byte[] data;

    private Idx(Path file, int type, int[] dims, byte[] data) {
        this.file = file;
        this.type = type;
        this.dims = dims;
        this.data = data;
    }

    /** The file this was read from. */
    public Path file() {
        return file;
    }

    /** Element type code, e.g. {@link #UBYTE}. */
    public int type() {
        return type;
    }

    /** Dimension sizes, e.g. {@code [10000, 28, 28]} (a copy). */
    public int[] dims() {
        return dims.clone();
    }

    /** Size of dimension 0 (the number of items). */
    public int count() {
        return dims[0];
    }

    /** The payload, row-major, {@code prod(dims) * elementSize(type)} bytes (not copied). */
    public byte[] bytes() {
        return data;
    }

    /** Reads the whole file. */
    public static Idx read(Path file) {
        return read(file, Integer.MAX_VALUE);
    }

    /**
     * Reads the header and at most {@code maxItems} items along dimension 0; the returned dims say
     * how many were read. Reading stops there, so the first few MNIST digits load cheaply; the
     * rest of the file is then not checked.
     */
    public static Idx read(Path file, int maxItems) {
        if (maxItems < 0) {
            throw new IllegalArgumentException("maxItems must be >= 0, got " + maxItems);
        }
        try (InputStream in = open(file)) {
            byte[] magic = readUpTo(in, 4, file);
            if (magic.length < 4) {
                throw new DataException(file + ": truncated: " + magic.length
                        + " bytes, too short for an IDX header");
            }
            int magicInt = ((magic[0] & 0xff) << 24) | ((magic[1] & 0xff) << 16)
                    | ((magic[2] & 0xff) << 8) | (magic[3] & 0xff);
            int type = magic[2] & 0xff;
            int nd = magic[3] & 0xff;
            if (magic[0] != 0 || magic[1] != 0 || elementSize(type) == 0 || nd == 0 || nd > MAX_DIMS) {
                throw new DataException(file + ": not an IDX file (magic 0x"
                        + String.format("%08x", magicInt) + ")");
            }
            byte[] sizeBytes = readUpTo(in, 4 * nd, file);
            if (sizeBytes.length < 4 * nd) {
                throw new DataException(file + ": truncated header: magic 0x"
                        + String.format("%08x", magicInt) + " promises " + nd
                        + " dimension sizes (" + 4 * nd + " bytes), found " + sizeBytes.length + " bytes");
            }
            int[] dims = new int[nd];
            long elements = 1;
            for (int d = 0; d < nd; d++) {
                long size = ((sizeBytes[4 * d] & 0xffL) << 24) | ((sizeBytes[4 * d + 1] & 0xffL) << 16)
                        | ((sizeBytes[4 * d + 2] & 0xffL) << 8) | (sizeBytes[4 * d + 3] & 0xffL);
                if (size > Integer.MAX_VALUE) {
                    throw new DataException(file + ": dimension " + d + " has size " + size + ", too large");
                }
                dims[d] = (int) size;
                elements *= size;
                if (elements * elementSize(type) > Integer.MAX_VALUE - 16) {
                    throw new DataException(file + ": header promises " + shapeText(dims, d + 1)
                            + " elements, more than a Java array can hold");
                }
            }
            long promised = elements * elementSize(type);
            boolean limited = maxItems < dims[0];
            int[] readDims = dims.clone();
            readDims[0] = Math.min(dims[0], maxItems);
            long wanted = dims[0] == 0 ? 0 : promised / dims[0] * readDims[0];
            byte[] data = readUpTo(in, (int) wanted, file);
            if (data.length < wanted) {
                String promise = shapeText(dims, nd) + (elementSize(type) == 1 ? "" : " x " + elementSize(type))
                        + " = " + promised + " bytes";
                throw new DataException(file + ": truncated: header promises " + promise
                        + ", found " + data.length + (limited ? " before item " + readDims[0] : ""));
            }
            if (!limited) {
                long extra = countRest(in, file);
                if (extra > 0) {
                    throw new DataException(file + ": " + extra + " unexpected bytes after the "
                            + promised + " bytes that the header (" + shapeText(dims, nd) + ") promises");
                }
            }
            return new Idx(file, type, readDims, data);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e, e);
        }
    }

    /**
     * Writes an IDX file, gzipped when {@code gzip} is true (as by {@code gzip -n}: no name, no
     * time stamp). Used to make fixtures and to save generated data sets.
     */
    public static void write(Path file, int type, int[] dims, byte[] data, boolean gzip) {
        if (elementSize(type) == 0) {
            throw new IllegalArgumentException("unknown IDX type 0x" + Integer.toHexString(type));
        }
        if (dims.length == 0 || dims.length > MAX_DIMS) {
            throw new IllegalArgumentException("IDX needs 1.." + MAX_DIMS + " dims, got " + dims.length);
        }
        long n = elementSize(type);
        for (int d : dims) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("IDX dims " + Arrays.toString(dims) + " need " + n
                    + " bytes, got " + data.length);
        }
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
             DataOutputStream dout = new DataOutputStream(out)) {
            dout.writeInt((type << 8) | dims.length);
            for (int d : dims) {
                dout.writeInt(d);
            }
            dout.write(data);
        } catch (IOException e) {
            throw new DataException(file + ": cannot write: " + e, e);
        }
    }

    /** Bytes per element of an IDX type, or 0 for an unknown type code. */
    public static int elementSize(int type) {
        switch (type) {
            case UBYTE: case BYTE: return 1;
            case SHORT: return 2;
            case INT: case FLOAT: return 4;
            case DOUBLE: return 8;
            default: return 0;
        }
    }

    /** Opens the file, decompressing when it starts with the gzip magic bytes 0x1f 0x8b. */
    private static InputStream open(Path file) throws IOException {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found", e);
        }
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            } catch (EOFException | ZipException e) {
                in.close();
                throw new DataException(file + ": corrupt gzip header (" + e.getMessage() + ")", e);
            }
        }
        return in;
    }

    /** Reads up to n bytes; fewer only when the (possibly gzipped) stream ends early. */
    private static byte[] readUpTo(InputStream in, int n, Path file) throws IOException {
        byte[] buf = new byte[n];
        int got = 0;
        try {
            while (got < n) {
                int r = in.read(buf, got, n - got);
                if (r < 0) {
                    break;
                }
                got += r;
            }
        } catch (EOFException e) {
            // A truncated gzip stream: GZIPInputStream throws instead of returning -1. What was
            // decoded before still counts, so the caller's message can say how much was found.
        } catch (ZipException e) {
            throw new DataException(file + ": corrupt gzip data after " + got + " bytes ("
                    + e.getMessage() + ")", e);
        }
        return got == n ? buf : Arrays.copyOf(buf, got);
    }

    /** Counts bytes left in the stream (to reject trailing garbage). */
    private static long countRest(InputStream in, Path file) throws IOException {
        long extra = 0;
        byte[] buf = new byte[8192];
        try {
            for (int r; (r = in.read(buf)) > 0; ) {
                extra += r;
            }
        } catch (EOFException | ZipException e) {
            throw new DataException(file + ": corrupt gzip data at the end of the file ("
                    + e.getMessage() + ")", e);
        }
        return extra;
    }

    private static String shapeText(int[] dims, int n) {
        StringBuilder s = new StringBuilder();
        for (int d = 0; d < n; d++) {
            s.append(d == 0 ? "" : "x").append(dims[d]);
        }
        return s.toString();
    }
}
