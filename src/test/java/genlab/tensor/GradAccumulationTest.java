package genlab.tensor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Gradients of several backward passes add up in a leaf's {@code grad}, as in PyTorch, and the
 * in-place accumulation (from the third pass on) never writes into an array another tensor holds.
 */
class GradAccumulationTest {

    private static Tensor leaf(float... v) {
        return Tensor.of(v, v.length).requiresGrad(true);
    }

    @Test
    void threePassesAddUpAndOnlyTheLeafsOwnArrayIsWrittenInPlace() {
        Tensor w = leaf(1, 2, 3);
        Tensor a = Tensor.of(new float[] {1, 10, 100}, 3), b = Tensor.of(new float[] {2, 20, 200}, 3), c = Tensor.of(new float[] {3, 30, 300}, 3);
        w.mul(a).sum().backward();                                   // d/dw Σ w·a = a
        Tensor g1 = w.grad();
        assertArrayEquals(new float[] {1, 10, 100}, g1.data(), 0f);
        w.mul(b).sum().backward();
        Tensor g2 = w.grad();
        assertNotSame(g1, g2, "the second pass sums into a new array");
        assertArrayEquals(new float[] {1, 10, 100}, g1.data(), 0f, "the first gradient is left as it was");
        assertArrayEquals(new float[] {3, 30, 300}, g2.data(), 0f);
        w.mul(c).sum().backward();
        assertSame(g2, w.grad(), "from the third pass on, into the leaf's own array");
        assertArrayEquals(new float[] {6, 60, 600}, w.grad().data(), 0f);
        w.zeroGrad();
        w.mul(a).sum().backward();
        assertArrayEquals(new float[] {1, 10, 100}, w.grad().data(), 0f, "zeroGrad starts afresh");
    }

    @Test
    void aGradientSharedByTwoLeavesIsNeverWrittenInPlace() {
        Tensor u = leaf(1, 2), v = leaf(3, 4);
        u.add(v).sum().backward();                                   // Add passes one gradient to both leaves
        for (int pass = 0; pass < 3; pass++) u.mul(2f).sum().backward();
        assertArrayEquals(new float[] {7, 7}, u.grad().data(), 0f);
        assertArrayEquals(new float[] {1, 1}, v.grad().data(), 0f, "v's gradient did not take u's later passes");
    }

    @Test
    void setGradHandsOverAnArrayThatIsThenNotWrittenInPlace() {
        Tensor w = leaf(1, 2);
        Tensor mine = Tensor.of(new float[] {5, 5}, 2);
        w.sum().backward();
        w.sum().backward();                                          // now owned
        w.setGrad(mine);
        w.sum().backward();
        w.sum().backward();
        assertArrayEquals(new float[] {5, 5}, mine.data(), 0f, "a gradient set from outside is not modified");
        assertArrayEquals(new float[] {7, 7}, w.grad().data(), 0f);
    }
}
