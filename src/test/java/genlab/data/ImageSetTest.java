package genlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import genlab.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSetTest {
    /** 4 images of 2x2x3; pixel value encodes (image, channel, row, col) so any mix-up shows. */
    private static ImageSet sample() {
        int n = 4;
        int c = 2;
        int h = 2;
        int w = 3;
        float[] p = new float[n * c * h * w];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        p[((i * c + ch) * h + y) * w + x] = 1000 * i + 100 * ch + 10 * y + x;
                    }
                }
            }
        }
        return new ImageSet(c, h, w, p, new int[] {1, 0, -1, 1}, List.of("a", "b"));
    }

    @Test
    void batchHasShapeBCHWAndPicksTheRightImages() {
        ImageSet s = sample();
        Tensor t = s.batch(new int[] {3, 1});
        assertArrayEquals(new int[] {2, 2, 2, 3}, t.shape());
        float[] d = t.data();
        assertEquals(3000f, d[0]);
        assertEquals(3112f, d[11]);  // image 3, channel 1, row 1, col 2
        assertEquals(1000f, d[12]);  // second batch row starts at image 1
        assertEquals(1102f, d[12 + 8]);
    }

    @Test
    void flatBatchHasShapeBTimesCHW() {
        Tensor t = sample().batchFlat(new int[] {0, 2, 2});
        assertArrayEquals(new int[] {3, 12}, t.shape());
        assertEquals(2000f, t.data()[12]);
        assertEquals(2000f, t.data()[24]);
    }

    @Test
    void subsetLabelsAndCounts() {
        ImageSet s = sample();
        ImageSet sub = s.subset(new int[] {2, 0});
        assertEquals(2, sub.size());
        assertArrayEquals(new int[] {-1, 1}, sub.labels());
        assertEquals(2000f, sub.pixels()[0]);
        assertArrayEquals(new int[] {1, 2}, s.labelCounts()); // "a" once, "b" twice, one unlabelled
        assertArrayEquals(new int[] {1, 1}, s.labels(new int[] {0, 3}));
        assertEquals(2, s.first(2).size());
        assertEquals(4, s.first(10).size());
        assertEquals(100f, s.image(0)[6]);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new ImageSet(1, 2, 2, new float[7], new int[2], List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new ImageSet(1, 1, 1, new float[2], new int[] {0, 2}, List.of("x", "y")));
        assertThrows(IndexOutOfBoundsException.class, () -> sample().batch(new int[] {4}));
    }
}
