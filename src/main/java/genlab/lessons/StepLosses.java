package genlab.lessons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lesson's per-step training loss, written as {@code losses.csv} ({@code step,loss}, step from 1)
 * so that other runs (the {@code compare} lesson's spread across steps) can read it back.
 */
final class StepLosses {
    static final String FILE = "losses.csv";
    private final List<Double> losses = new ArrayList<>();

    void add(double loss) {
        losses.add(loss);
    }

    /** Writes OUT/losses.csv and lists it among the run's files. */
    void write(Run run) {
        StringBuilder csv = new StringBuilder("step,loss\n");
        for (int i = 0; i < losses.size(); i++) csv.append(String.format(Locale.ROOT, "%d,%.6g%n", i + 1, losses.get(i)));
        Path file = run.file(FILE);
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        run.wrote(file);
    }

    /**
     * One numeric column of a losses.csv with a header line (this class's, or the GAN lessons'
     * {@code epoch,d_loss,g_loss,...}), by its header name.
     */
    static double[] read(Path file, String column) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) throw new IOException(file + ": empty");
        List<String> header = List.of(lines.get(0).split(","));
        int c = header.indexOf(column);
        if (c < 0) throw new IOException(file + ": no column '" + column + "' in " + header);
        double[] out = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            try {
                out[i - 1] = Double.parseDouble(f[c]);
            } catch (RuntimeException e) {
                throw new IOException(file + " line " + (i + 1) + ": column '" + column + "' is not a number: " + lines.get(i));
            }
        }
        return out;
    }
}
