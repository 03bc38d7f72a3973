package genlab.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import genlab.tensor.Autograd;
import genlab.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link RealNvp#sampleFrom}: sample() with the latents given, and the inverse of the forward map. */
class RealNvpSampleFromTest {
    @Test
    void sampleFromGivenLatentsIsSample() {
        RealNvp model = RealNvp.images(1, 4, 4, 2, 4, 1, 0.05, new SplittableRandom(3));
        model.eval();
        Tensor x = model.sample(3, 0.8, new SplittableRandom(11));
        Tensor z = Tensor.randn(new SplittableRandom(11), 3, model.dims()).mul(0.8f);   // (3, 16)
        Tensor y = model.sampleFrom(z);
        assertEquals(x.numel(), y.numel());
        for (int i = 0; i < x.numel(); i++) assertEquals(x.data()[i], y.data()[i], 0, "element " + i);
    }

    @Test
    void sampleFromInvertsTheTwoDimensionalFlow() {
        SplittableRandom rng = new SplittableRandom(4);
        RealNvp model = RealNvp.twoD(4, 8, 2, rng);
        for (Tensor p : model.parameters()) {
            float[] d = p.data();
            for (int i = 0; i < d.length; i++) d[i] += (float) (0.1 * rng.nextGaussian()); // not the identity
        }
        for (Tensor p : model.parameters()) genlab.kernels.Backend.hostWrote(p.data());
        Tensor z = Tensor.randn(rng, 6, 2);
        Tensor x = model.sampleFrom(z);
        // log p(x) = log N(z; 0, I) + log|det ∂f/∂x|: with x = f⁻¹(z), the flow must send x back to z
        try (var ng = Autograd.noGrad()) {
            Tensor back = model.flow().forwardLogDet(x).value();
            for (int i = 0; i < z.numel(); i++) assertEquals(z.data()[i], back.data()[i], 1e-4, "coordinate " + i);
        }
        assertTrue(x.numel() == 12);
    }
}
