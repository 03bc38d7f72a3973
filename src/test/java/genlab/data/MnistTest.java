package genlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import genlab.data.Mnist.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {
    /** The published MNIST label histograms (LeCun et al.), digits 0..9. */
    private static final int[] TRAIN_COUNTS = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    private static final int[] TEST_COUNTS = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};
    private static final Path SMALL = Path.of("test-data", "mnist-small");

    @TempDir
    Path tmp;

    @Test
    void bundledTrainingSetHasTheKnownCountsAndHistogram() {
        ImageSet train = Mnist.load(Split.TRAIN);
        assertEquals(60000, train.size());
        assertEquals(1, train.channels());
        assertEquals(28, train.height());
        assertEquals(28, train.width());
        assertArrayEquals(TRAIN_COUNTS, train.labelCounts());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), train.classNames());
        // The well-known normalisation constant: mean pixel 0.1307, std 0.3081.
        double sum = 0;
        double sq = 0;
        float min = 1;
        float max = 0;
        for (float v : train.pixels()) {
            sum += v;
            sq += (double) v * v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / train.pixels().length;
        assertEquals(0.1307, mean, 5e-5);
        assertEquals(0.3081, Math.sqrt(sq / train.pixels().length - mean * mean), 5e-5);
        assertEquals(0f, min);
        assertEquals(1f, max);
    }

    @Test
    void bundledTestSetHasTheKnownCountsAndHistogram() {
        ImageSet test = Mnist.load(Mnist.datasetsDir(), Split.TEST);
        assertEquals(10000, test.size());
        assertArrayEquals(TEST_COUNTS, test.labelCounts());
        // The first test digits of MNIST are 7 2 1 0 4 1 4 9 5 9.
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(test.labels(), 10));
    }

    @Test
    void datasetsDirIsFoundFromTheWorkingDirectory() {
        Path d = Mnist.datasetsDir();
        assertTrue(Files.isRegularFile(d.resolve("mnist").resolve(Split.TRAIN.imagesFile())), d.toString());
    }

    @Test
    void datasetsPropertyOverridesAndIsChecked() throws IOException {
        String old = System.getProperty(Mnist.DATASETS_PROPERTY);
        try {
            System.setProperty(Mnist.DATASETS_PROPERTY, tmp.toString());
            String m = assertThrows(DataException.class, Mnist::datasetsDir).getMessage();
            assertTrue(m.startsWith(tmp + ": no mnist folder") && m.contains(Mnist.DATASETS_PROPERTY), m);
            Files.createDirectories(tmp.resolve("mnist"));
            assertEquals(tmp, Mnist.datasetsDir());
        } finally {
            if (old == null) {
                System.clearProperty(Mnist.DATASETS_PROPERTY);
            } else {
                System.setProperty(Mnist.DATASETS_PROPERTY, old);
            }
        }
    }

    @Test
    void limitedLoadEqualsThePrefixOfTheFullLoad() {
        ImageSet full = Mnist.load(Mnist.datasetsDir(), Split.TEST);
        ImageSet few = Mnist.load(Mnist.datasetsDir(), Split.TEST, 25);
        assertEquals(25, few.size());
        assertArrayEquals(Arrays.copyOf(full.pixels(), 25 * 784), few.pixels());
        assertArrayEquals(Arrays.copyOf(full.labels(), 25), few.labels());
    }

    @Test
    void smallFixtureIsTheFirst300OfEachSplit() {
        for (Split s : Split.values()) {
            ImageSet small = Mnist.load(SMALL, s);
            ImageSet prefix = Mnist.load(Mnist.datasetsDir(), s, 300);
            assertEquals(300, small.size());
            assertArrayEquals(prefix.pixels(), small.pixels(), s.toString());
            assertArrayEquals(prefix.labels(), small.labels(), s.toString());
        }
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4},
                Arrays.copyOf(Mnist.load(SMALL, Split.TRAIN).labels(), 10));
    }

    @Test
    void pixelsArePixelOver255() throws IOException {
        byte[] img = new byte[2 * 784];
        img[0] = (byte) 255;
        img[1] = (byte) 128;
        img[784 + 783] = 51;
        Idx.write(tmp.resolve(Split.TRAIN.imagesFile()), Idx.UBYTE, new int[] {2, 28, 28}, img, true);
        Idx.write(tmp.resolve(Split.TRAIN.labelsFile()), Idx.UBYTE, new int[] {2}, new byte[] {3, 9}, true);
        ImageSet s = Mnist.load(tmp, Split.TRAIN);
        assertEquals(1f, s.pixels()[0]);
        assertEquals(128 / 255f, s.pixels()[1]);
        assertEquals(0.2f, s.pixels()[784 + 783], 1e-7);
        assertEquals(0f, s.pixels()[2]);
        assertArrayEquals(new int[] {3, 9}, s.labels());
    }

    @Test
    void missingFilesSayWhereTheyWereExpected() {
        String m = assertThrows(DataException.class, () -> Mnist.load(tmp, Split.TEST)).getMessage();
        assertTrue(m.startsWith(tmp.resolve("t10k-images-idx3-ubyte.gz") + ": file not found (expected the MNIST files under "), m);
        assertTrue(m.contains("datasets/mnist/README.md"), m);
    }

    @Test
    void wrongImageSizeAndCountMismatchAreReported() {
        Idx.write(tmp.resolve(Split.TEST.imagesFile()), Idx.UBYTE, new int[] {2, 27, 27}, new byte[2 * 27 * 27], true);
        Idx.write(tmp.resolve(Split.TEST.labelsFile()), Idx.UBYTE, new int[] {2}, new byte[2], true);
        String m = assertThrows(DataException.class, () -> Mnist.load(tmp, Split.TEST)).getMessage();
        assertTrue(m.startsWith(tmp.resolve(Split.TEST.imagesFile()) + ": expected unsigned-byte images N x 28 x 28")
                && m.contains("2x27x27"), m);

        Idx.write(tmp.resolve(Split.TEST.imagesFile()), Idx.UBYTE, new int[] {3, 28, 28}, new byte[3 * 784], true);
        m = assertThrows(DataException.class, () -> Mnist.load(tmp, Split.TEST)).getMessage();
        assertTrue(m.contains("holds 3 images but") && m.contains("holds 2 labels"), m);

        Idx.write(tmp.resolve(Split.TEST.labelsFile()), Idx.UBYTE, new int[] {3}, new byte[] {1, 12, 2}, true);
        m = assertThrows(DataException.class, () -> Mnist.load(tmp, Split.TEST)).getMessage();
        assertTrue(m.contains("label 12 at index 1"), m);
    }
}
