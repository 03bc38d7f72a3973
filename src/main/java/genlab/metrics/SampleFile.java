package genlab.metrics;

import genlab.io.FormatException;
import genlab.io.Npy;
import genlab.tensor.Tensor;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads generated digits from a NumPy {@code .npy} file, whichever program wrote it, for
 * {@code lessons/run evaluate}.
 *
 * <p>Accepted: shape (N, 1, 28, 28) or (N, 784), C order, and one of the dtypes
 * <ul>
 *   <li>float32 ({@code '<f4'}) with every value in [0, 1] (what the lessons write);</li>
 *   <li>float64 ({@code '<f8'}) in [0, 1], rounded to float32;</li>
 *   <li>uint8 ({@code '|u1'}) 0..255, divided by 255 (as MNIST's own pixels are).</li>
 * </ul>
 * Anything else is an {@link IllegalArgumentException} whose one-line message names the file and
 * what is wrong: a missing file, another dtype, another shape, a NaN or a value outside [0, 1]
 * (with where it is and the range found).
 */
public final class SampleFile {
    private SampleFile() {}

    /** The images in {@code file} as a tensor (N, 1, 28, 28) with values in [0, 1]. */
    public static Tensor read(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("samples " + file + ": file not found");
        String what = "samples " + file;
        Tensor t;
        String dtype;
        try {
            dtype = Npy.dtype(file);
            if (!dtype.equals("<f4") && !dtype.equals("<f8") && !dtype.equals("|u1")) {
                throw new IllegalArgumentException(what + ": dtype '" + dtype + "' is not supported; expected float32 ('<f4') in [0, 1]"
                        + " (float64 '<f8' in [0, 1] and uint8 '|u1' 0..255 are also accepted)");
            }
            t = Npy.read(file);
        } catch (FormatException | UncheckedIOException e) {
            throw new IllegalArgumentException("samples " + e.getMessage(), e); // the message starts with the file
        }
        if (dtype.equals("|u1")) {
            float[] d = t.data();
            for (int i = 0; i < d.length; i++) d[i] /= 255f;
        }
        int n = Images.check(t, what + " (dtype '" + dtype + "')");
        return t.reshape(n, 1, 28, 28); // (N, 1, 28, 28)
    }
}
