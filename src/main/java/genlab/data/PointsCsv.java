package genlab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads 2-D points from a CSV file: comma-separated, the first two columns are x and y (further
 * columns are ignored), blank lines are skipped, and the first non-blank line may be a header
 * (it is taken as one when neither of its first two fields is a number). A UTF-8 byte-order mark
 * is tolerated. A bad line is a {@link DataException} naming the file, the line number (from 1)
 * and the text.
 */
public final class PointsCsv {
    private PointsCsv() {
    }

    public static Points read(Path file) {
        FloatList xy = new FloatList();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            boolean first = true;
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                Float x = parse(f[0]);
                Float y = f.length >= 2 ? parse(f[1]) : null;
                if (x == null || y == null) {
                    if (first && x == null && y == null) {
                        first = false;
                        continue; // header: no number among the first two fields
                    }
                    throw new DataException(file + ": line " + lineNo + ": expected two numbers x,y, found \""
                            + line.strip() + "\"");
                }
                first = false;
                xy.add(x);
                xy.add(y);
            }
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + e + ")", e);
        }
        if (xy.size == 0) {
            throw new DataException(file + ": no points");
        }
        return new Points(xy.toArray());
    }

    /** A finite float, or null. */
    private static Float parse(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            float v = Float.parseFloat(t);
            return Float.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final class FloatList {
        float[] a = new float[256];
        int size;

        void add(float v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, 2 * a.length);
            }
            a[size++] = v;
        }

        float[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
