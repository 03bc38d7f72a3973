package genlab.optim;

import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizersTest {

    private static Tensor param(float... v) {
        return Tensor.of(v, v.length).requiresGrad(true);
    }

    @Test
    void sgdMomentumFollowsTheRecurrence() {
        Tensor p = param(1f);
        Sgd sgd = new Sgd(List.of(p), 0.1, 0.9, 0, 0, false);
        double v = 0, theta = 1;
        for (int t = 0; t < 5; t++) {
            sgd.zeroGrad();
            p.mul(p).sum().backward();            // g = 2θ
            sgd.step();
            v = 0.9 * v + 2 * theta;
            theta -= 0.1 * v;
            assertEquals(theta, p.data()[0], 1e-5, "step " + t);
        }
    }

    @Test
    void adamWDecaysWeightsEvenWithZeroGradient() {
        Tensor p = param(2f);
        p.setGrad(Tensor.zeros(1));
        new AdamW(List.of(p), 0.1, 0.9, 0.999, 1e-8, 0.5).step();
        assertEquals(2 - 0.1 * 0.5 * 2, p.data()[0], 1e-6, "θ ← θ − ηλθ, and the Adam part is 0 for g = 0");
    }

    @Test
    void clippingScalesTheGlobalNorm() {
        Tensor a = param(0f, 0f), b = param(0f);
        a.setGrad(Tensor.of(new float[] {3, 0}, 2));
        b.setGrad(Tensor.of(new float[] {4}, 1));
        assertEquals(5, GradClip.clipByNorm(List.of(a, b), 1.0), 1e-9);
        assertEquals(0.6, a.grad().data()[0], 1e-5);
        assertEquals(0.8, b.grad().data()[0], 1e-5);
        assertEquals(1, GradClip.clipByNorm(List.of(a, b), 10.0), 1e-5, "already inside: untouched");
    }

    @Test
    void emaTracksAndSwaps() {
        Tensor p = param(0f);
        Ema ema = new Ema(Map.of("p", p), 0.5);
        p.data()[0] = 4;
        ema.update();                    // 0.5·0 + 0.5·4
        assertEquals(2, ema.averaged().get("p").data()[0], 1e-6);
        ema.swapInto();
        assertEquals(2, p.data()[0], 1e-6);
        ema.swapInto();
        assertEquals(4, p.data()[0], 1e-6);
    }

    @Test
    void schedules() {
        LrSchedule cos = LrSchedule.cosine(100);
        assertEquals(1, cos.factor(0), 1e-12);
        assertEquals(0.5, cos.factor(50), 1e-12);
        assertEquals(0, cos.factor(100), 1e-12);
        LrSchedule warm = LrSchedule.warmup(10, LrSchedule.constant());
        assertEquals(0.1, warm.factor(0), 1e-12);
        assertEquals(1, warm.factor(9), 1e-12);
        assertEquals(1, warm.factor(500), 1e-12);
        Tensor p = param(1f);
        Adam adam = new Adam(List.of(p), 1e-3);
        cos.apply(adam, 1e-3, 50);
        assertEquals(5e-4, adam.lr(), 1e-12);
    }

    @Test
    void aNonFiniteGradientStopsTrainingWithAMessage() {
        Tensor p = param(1f, 2f), q = param(3f);
        p.setGrad(Tensor.of(new float[] {0.5f, 0.5f}, 2));
        q.setGrad(Tensor.of(new float[] {Float.NaN}, 1));
        Adam adam = new Adam(List.of(p, q), 1e-3);
        ArithmeticException e = assertThrows(ArithmeticException.class, adam::step);
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("parameter 1"), e.getMessage());
        assertEquals(1f, p.data()[0], "no parameter was updated, not even the ones before the bad one");
        assertEquals(0, adam.steps());
    }
}
