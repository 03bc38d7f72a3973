package genlab.metrics;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * Peak signal-to-noise ratio of reconstructions, for pixel values with peak 1 (images in [0, 1]):
 * <pre>
 *   PSNRᵢ = 10 log₁₀(1 / MSEᵢ),   MSEᵢ = mean over the pixels of image i of (xᵢ − x̂ᵢ)²
 *   PSNR  = (1/N) Σᵢ PSNRᵢ      (the mean over images of per-image PSNR, in dB)
 * </pre>
 * The mean of per-image values, not the PSNR of the mean MSE: one badly reconstructed image
 * lowers the score by its own share only. A perfect reconstruction (MSEᵢ = 0) would be +∞ dB and
 * is counted as {@value #MAX_DB} dB (MSE 10⁻¹⁰), so one exact copy does not make the mean infinite.
 * Higher is better; for MNIST, 20 dB is a blurry but recognisable reconstruction.
 */
public final class Psnr {
    /** The value for an exact reconstruction. */
    public static final double MAX_DB = 100;

    private Psnr() {}

    /**
     * Mean per-image PSNR; {@code x} and {@code reconstruction} have the same shape, the first axis
     * indexing images (N, ...) (a 1-D tensor is one image).
     */
    public static double of(Tensor x, Tensor reconstruction) {
        if (!Shapes.same(x.shape(), reconstruction.shape())) {
            throw new IllegalArgumentException("Psnr: images " + Shapes.str(x.shape()) + " and reconstructions "
                    + Shapes.str(reconstruction.shape()) + " differ in shape");
        }
        if (x.numel() == 0) throw new IllegalArgumentException("Psnr: no pixels in " + Shapes.str(x.shape()));
        int n = x.dim() <= 1 ? 1 : x.size(0);
        int per = x.numel() / n;
        float[] a = x.data(), b = reconstruction.data();
        double total = 0;
        for (int i = 0; i < n; i++) {
            double se = 0;
            for (int j = i * per; j < (i + 1) * per; j++) {
                double d = (double) a[j] - b[j];
                se += d * d;
            }
            double mse = se / per;
            if (Double.isNaN(mse)) throw new IllegalArgumentException("Psnr: image " + i + " has NaN pixels");
            total += Math.min(MAX_DB, 10 * Math.log10(1 / mse));
        }
        return total / n;
    }
}
