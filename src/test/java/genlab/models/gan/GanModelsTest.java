package genlab.models.gan;

import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shapes, parameter counts of the seed architectures, conditioning and initialisation. */
class GanModelsTest {
    @Test
    void seedMlpGanHasTheNotesShapesAndParameterCounts() {
        SplittableRandom g = new SplittableRandom(0);
        MlpGenerator gen = MlpGenerator.seed(0, g);
        MlpDiscriminator dis = MlpDiscriminator.seed(0, g);
        // 100·256+256 + 256·512+512 + 512·784+784 and 784·512+512 + 512·256+256 + 256+1
        assertEquals(25_856 + 131_584 + 402_192, gen.parameterCount());
        assertEquals(401_920 + 131_328 + 257, dis.parameterCount());
        Tensor x = gen.forward(Tensor.randn(g, 3, 100));
        assertArrayEquals(new int[] {3, 784}, x.shape());
        for (float v : x.data()) assertTrue(v >= -1 && v <= 1);
        Tensor p = dis.forward(x);
        assertArrayEquals(new int[] {3, 1}, p.shape());
        for (float v : p.data()) assertTrue(v > 0 && v < 1);
    }

    @Test
    void conditionalModelsAppendTheOneHotLabel() {
        SplittableRandom g = new SplittableRandom(1);
        MlpGenerator gen = new MlpGenerator(8, new int[] {16}, 5, genlab.nn.Activation::relu, true, 10, g);
        MlpDiscriminator dis = new MlpDiscriminator(5, new int[] {16}, 0.2f, false, 10, g);
        Tensor x = gen.forward(Tensor.randn(g, 4, 8), new int[] {0, 3, 9, 3});
        assertArrayEquals(new int[] {4, 5}, x.shape());
        assertArrayEquals(new int[] {4, 1}, dis.forward(x, new int[] {0, 3, 9, 3}).shape());
        assertArrayEquals(new float[] {0, 0, 1, 0, 1, 0, 0, 0}, Conditioning.oneHot(new int[] {2, 0}, 4).data());
        assertThrows(IllegalStateException.class, () -> gen.forward(Tensor.randn(g, 4, 8)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Conditioning.oneHot(new int[] {10}, 10));
        assertTrue(e.getMessage().contains("label 10"), e.getMessage());
    }

    @Test
    void dcganShapesAndInitialisation() {
        SplittableRandom g = new SplittableRandom(2);
        DcganGenerator gen = new DcganGenerator(16, 8, g);
        Tensor x = gen.forward(Tensor.randn(g, 2, 16));
        assertArrayEquals(new int[] {2, 1, 32, 32}, x.shape());
        for (DcganDiscriminator.Norm n : DcganDiscriminator.Norm.values()) {
            DcganDiscriminator d = new DcganDiscriminator(8, n, n == DcganDiscriminator.Norm.BATCH, g);
            assertArrayEquals(new int[] {2, 1}, d.forward(x).shape(), n.key());
        }
        // Conv weights N(0, 0.02²): the sample standard deviation of the first layer is near 0.02.
        Tensor w = gen.parameters().get(0);
        double ss = 0;
        for (float v : w.data()) ss += v * v;
        assertEquals(0.02, Math.sqrt(ss / w.numel()), 0.002);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DcganDiscriminator(8, DcganDiscriminator.Norm.LAYER, false, g).forward(Tensor.zeros(2, 1, 28, 28)));
        assertTrue(e.getMessage().contains("(2, 1, 28, 28)"), e.getMessage());
    }
}
