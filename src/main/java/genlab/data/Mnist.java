package genlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The MNIST handwritten digits (LeCun, Cortes and Burges), read from the four IDX files bundled
 * under {@code datasets/mnist} (see its README for source, license and checksums).
 *
 * <p>Each image becomes 1x28x28 floats {@code pixel / 255f} in [0, 1], each label 0..9; class
 * names are "0".."9". Nothing is downloaded: a missing file is a {@link DataException} that says
 * where the files were expected.
 *
 * <p>Where the files are: {@link #load(Path, Split)} takes the folder that holds the four files
 * (or a datasets folder with them under {@code mnist/}); {@link #load(Split)} finds that folder by
 * {@link #datasetsDir()}.
 */
public final class Mnist {
    /** Image height and width in pixels. */
    public static final int SIZE = 28;
    /** Number of classes (digits 0..9). */
    public static final int CLASSES = 10;
    /** System property naming the datasets folder (the one holding {@code mnist/}). */
    public static final String DATASETS_PROPERTY = "genlab.datasets";

    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** Which of the two MNIST files pairs: 60,000 training or 10,000 test digits. */
    public enum Split {
        TRAIN("train"), TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }

        /** {@code train-images-idx3-ubyte.gz} or {@code t10k-images-idx3-ubyte.gz}. */
        public String imagesFile() {
            return prefix + "-images-idx3-ubyte.gz";
        }

        /** {@code train-labels-idx1-ubyte.gz} or {@code t10k-labels-idx1-ubyte.gz}. */
        public String labelsFile() {
            return prefix + "-labels-idx1-ubyte.gz";
        }
    }

    private Mnist() {
    }

    /** Loads a split from the bundled data found by {@link #datasetsDir()}. */
    public static ImageSet load(Split split) {
        return load(datasetsDir(), split);
    }

    /**
     * Loads a whole split.
     *
     * @param dir the folder holding the four files, or a datasets folder holding them under {@code mnist/}
     */
    public static ImageSet load(Path dir, Split split) {
        return load(dir, split, Integer.MAX_VALUE);
    }

    /**
     * Loads the first {@code limit} digits of a split (all when the split has fewer), reading only
     * that much of the files: for quick runs and tests.
     */
    public static ImageSet load(Path dir, Split split, int limit) {
        Path folder = mnistFolder(dir);
        Path imagesFile = folder.resolve(split.imagesFile());
        Path labelsFile = folder.resolve(split.labelsFile());
        for (Path f : List.of(imagesFile, labelsFile)) {
            if (!Files.isRegularFile(f)) {
                throw new DataException(f + ": file not found (expected the MNIST files under "
                        + folder + "; see datasets/mnist/README.md)");
            }
        }
        Idx images = Idx.read(imagesFile, limit);
        Idx labels = Idx.read(labelsFile, limit);
        int[] d = images.dims();
        if (images.type() != Idx.UBYTE || d.length != 3 || d[1] != SIZE || d[2] != SIZE) {
            throw new DataException(imagesFile + ": expected unsigned-byte images N x 28 x 28 (magic 0x00000803),"
                    + " found type 0x" + Integer.toHexString(images.type()) + " with dims " + dimsText(d));
        }
        int[] ld = labels.dims();
        if (labels.type() != Idx.UBYTE || ld.length != 1) {
            throw new DataException(labelsFile + ": expected unsigned-byte labels N (magic 0x00000801),"
                    + " found type 0x" + Integer.toHexString(labels.type()) + " with dims " + dimsText(ld));
        }
        if (d[0] != ld[0]) {
            throw new DataException(imagesFile + ": holds " + d[0] + " images but " + labelsFile
                    + " holds " + ld[0] + " labels");
        }
        int n = d[0];
        byte[] raw = images.bytes();
        float[] toUnit = new float[256];
        for (int v = 0; v < 256; v++) {
            toUnit[v] = v / 255f;
        }
        float[] pixels = new float[raw.length]; // (N, 1, 28, 28)
        for (int i = 0; i < raw.length; i++) {
            pixels[i] = toUnit[raw[i] & 0xff];
        }
        byte[] rawLabels = labels.bytes();
        int[] lab = new int[n]; // (N)
        for (int i = 0; i < n; i++) {
            lab[i] = rawLabels[i] & 0xff;
            if (lab[i] >= CLASSES) {
                throw new DataException(labelsFile + ": label " + lab[i] + " at index " + i + " is not a digit 0..9");
            }
        }
        return new ImageSet(1, SIZE, SIZE, pixels, lab, DIGITS);
    }

    /**
     * The datasets folder (the one holding {@code mnist/}): the system property
     * {@value #DATASETS_PROPERTY} when set, else the first {@code datasets} folder with an
     * {@code mnist} folder inside, looking in the working directory and then each parent.
     */
    public static Path datasetsDir() {
        String prop = System.getProperty(DATASETS_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            if (!Files.isDirectory(p.resolve("mnist"))) {
                throw new DataException(p + ": no mnist folder here (system property " + DATASETS_PROPERTY
                        + " points to it; it should name the folder holding mnist/)");
            }
            return p;
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("datasets");
            if (Files.isDirectory(candidate.resolve("mnist"))) {
                return candidate;
            }
        }
        throw new DataException("datasets/mnist: not found in " + start + " or any parent folder, and system property "
                + DATASETS_PROPERTY + " is not set (run from the genlab checkout, or pass -D"
                + DATASETS_PROPERTY + "=/path/to/datasets; see datasets/mnist/README.md)");
    }

    /** dir itself when it holds the images files, else dir/mnist when that exists, else dir. */
    private static Path mnistFolder(Path dir) {
        if (Files.isRegularFile(dir.resolve(Split.TRAIN.imagesFile()))
                || Files.isRegularFile(dir.resolve(Split.TEST.imagesFile()))) {
            return dir;
        }
        Path sub = dir.resolve("mnist");
        return Files.isDirectory(sub) ? sub : dir;
    }

    private static String dimsText(int[] d) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < d.length; i++) {
            s.append(i == 0 ? "" : "x").append(d[i]);
        }
        return s.toString();
    }
}
