package genlab.nn;

import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BCE on probabilities where a float sigmoid saturates to exactly 0 or 1: the loss keeps PyTorch's
 * clamped value (100 per element) and the gradients stay finite (PyTorch clamps the backward's
 * denominator at 1e-12), instead of 0/0 = NaN through ln at 0.
 */
class BceSaturationTest {
    @Test
    void saturatedSigmoidGivesFiniteGradients() {
        Tensor logits = Tensor.of(new float[] {-120f, 120f, -20f, 10f, 0.3f}, 5).requiresGrad(true);
        Tensor p = logits.sigmoid();
        assertEquals(0f, p.data()[0]);
        assertEquals(1f, p.data()[1]);
        Tensor y = Tensor.of(new float[] {1, 0, 1, 0, 1}, 5);
        Tensor loss = Losses.bce(p, y);
        loss.backward();
        for (float g : logits.grad().data()) assertTrue(Float.isFinite(g), "gradient " + g);
        // Forward as PyTorch: elements 0 and 1 cost 100 each (clamped), 2 about 20, 3 about 10.
        double expected = (100 + 100 + 20 + Math.log1p(Math.exp(-20)) + 10 + Math.log1p(Math.exp(-10)) + Math.log1p(Math.exp(-0.3))) / 5;
        assertEquals(expected, loss.item(), 1e-3);
        // Where nothing saturates the gradient is the usual σ(x) − y (over the mean's 5).
        assertEquals((1 / (1 + Math.exp(-0.3)) - 1) / 5, logits.grad().data()[4], 1e-6);
    }
}
