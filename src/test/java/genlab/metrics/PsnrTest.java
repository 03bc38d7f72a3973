package genlab.metrics;

import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PsnrTest {
    @Test
    void constantErrorGivesTwentyLogOfOneOverTheError() {
        Tensor x = Tensor.full(0.5f, 3, 1, 28, 28);
        Tensor y = Tensor.full(0.6f, 3, 1, 28, 28);
        double e = 0.6f - 0.5f; // the float difference
        assertEquals(20 * Math.log10(1 / e), Psnr.of(x, y), 1e-9);
    }

    /** The mean of per-image PSNR, not the PSNR of the mean squared error. */
    @Test
    void averagesPerImageValues() {
        float[] a = new float[2 * 4], b = new float[2 * 4];
        for (int j = 0; j < 4; j++) {
            b[j] = 0.1f;        // image 0: error 0.1 everywhere -> 20 dB
            b[4 + j] = 0.01f;   // image 1: error 0.01 -> 40 dB
        }
        double expected = (10 * Math.log10(1 / (0.1f * (double) 0.1f)) + 10 * Math.log10(1 / (0.01f * (double) 0.01f))) / 2;
        assertEquals(expected, Psnr.of(Tensor.of(a, 2, 4), Tensor.of(b, 2, 4)), 1e-9);
        assertEquals(30, expected, 1e-5);
    }

    @Test
    void exactReconstructionCountsAsTheCap() {
        Tensor x = Tensor.full(0.3f, 2, 784);
        assertEquals(Psnr.MAX_DB, Psnr.of(x, x.copy()), 0);
    }

    @Test
    void rejectsDifferentShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Psnr.of(Tensor.zeros(2, 784), Tensor.zeros(2, 1, 28, 28)));
        assertEquals("Psnr: images (2, 784) and reconstructions (2, 1, 28, 28) differ in shape", e.getMessage());
    }
}
