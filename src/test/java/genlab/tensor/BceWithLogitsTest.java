package genlab.tensor;

import genlab.kernels.Backend;
import genlab.kernels.Kernels;
import genlab.kernels.ReferenceKernels;
import genlab.kernels.cpu.CpuKernels;
import genlab.tensor.ops.BceWithLogits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fused BCE-with-logits op: its gradients against central differences, its values and
 * gradients against the composed form softplus(l) − x·l on the reference and the cpu kernels,
 * and second derivatives through a recorded backward pass.
 */
class BceWithLogitsTest {
    private static final GradCheck CHECK = GradCheck.standard();

    static LongStream seeds() {
        return LongStream.range(0, 6);
    }

    @ParameterizedTest @MethodSource("seeds")
    void gradientsMatchCentralDifferences(long seed) {
        RandomShapes r = new RandomShapes(seed);
        int[] s = r.shape(3, 5);
        CHECK.check("bce_with_logits " + Shapes.str(s), x -> BceWithLogits.apply(x[0], x[1]), r.normal(s).mul(3f), r.uniform(0f, 1f, s));
        try (Backend.Scope ignored = Backend.use(new CpuKernels(1))) {
            CHECK.check("bce_with_logits on cpu " + Shapes.str(s), x -> BceWithLogits.apply(x[0], x[1]), r.normal(s).mul(3f), r.uniform(0f, 1f, s));
        }
    }

    @ParameterizedTest @MethodSource("seeds")
    void equalsTheComposedFormOnEveryHostBackend(long seed) {
        for (Kernels k : List.of(new ReferenceKernels(), new CpuKernels(1), new CpuKernels(1, false))) {
            try (Backend.Scope ignored = Backend.use(k)) {
                RandomShapes r = new RandomShapes(seed);
                int[] s = r.shape(2, 40);
                Tensor l1 = r.normal(s).mul(4f).requiresGrad(true), x = r.uniform(0f, 1f, s);
                Tensor l2 = Tensor.of(l1.data().clone(), s).requiresGrad(true);
                Tensor w = r.normal(s);
                Tensor fused = BceWithLogits.apply(l1, x), composed = l2.softplus().sub(x.mul(l2));
                fused.mul(w).sum().backward();
                composed.mul(w).sum().backward();
                for (int i = 0; i < fused.numel(); i++) {
                    float a = composed.data()[i], b = fused.data()[i];
                    // the composed form cancels (softplus(l) rounded, then − x·l): compare at that scale
                    double scale = Math.abs(l1.data()[i]) + 1;
                    assertEquals(a, b, 4e-7 * scale, k.name() + " loss at " + i);
                    assertEquals(l2.grad().data()[i], l1.grad().data()[i], 4e-7 * (Math.abs(w.data()[i]) + 1e-30) * 4, k.name() + " grad at " + i);
                }
            }
        }
    }

    @Test
    void secondDerivativeThroughARecordedBackwardPass() {
        // ∂²ℓ/∂l² = σ(l)(1 − σ(l)), from differentiating the recorded gradient σ(l) − x
        Tensor l = Tensor.of(new float[] {-3f, -0.5f, 0f, 2f, 9f}, 5).requiresGrad(true);
        Tensor x = Tensor.of(new float[] {0f, 0.3f, 1f, 0.5f, 1f}, 5);
        Tensor g = Autograd.grad(BceWithLogits.apply(l, x).sum(), List.of(l), true)[0];
        Tensor h = Autograd.grad(g.sum(), List.of(l), false)[0];
        for (int i = 0; i < 5; i++) {
            double s = 1 / (1 + Math.exp(-l.data()[i]));
            assertEquals(s - x.data()[i], g.data()[i], 1e-6, "first derivative " + i);
            assertEquals(s * (1 - s), h.data()[i], 1e-6, "second derivative " + i);
        }
    }

    @Test
    void gradientInTheTargetIsMinusTheLogit() {
        Tensor l = Tensor.of(new float[] {-2f, 0.5f, 3f}, 3);
        Tensor x = Tensor.of(new float[] {0.2f, 0.5f, 0.9f}, 3).requiresGrad(true);
        BceWithLogits.apply(l, x).sum().backward();
        assertEquals(List.of(2f, -0.5f, -3f), List.of(x.grad().data()[0], x.grad().data()[1], x.grad().data()[2]));
    }

    @Test
    void shapesMustMatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BceWithLogits.apply(Tensor.zeros(2, 3), Tensor.zeros(3, 2)));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(3, 2)"), e.getMessage());
    }
}
