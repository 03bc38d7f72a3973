package genlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Slerp against the closed form on the unit circle and its endpoints. */
class SlerpTest {
    @Test
    void endpointsAreTheInputs() {
        float[] a = {1, 2, -3}, b = {-2, 0.5f, 4};
        assertArrayEquals(a, Slerp.between(a, b, 0), 1e-6f);
        assertArrayEquals(b, Slerp.between(a, b, 1), 1e-6f);
    }

    @Test
    void unitVectorsMoveAlongTheCircleAtConstantSpeed() {
        float[] a = {1, 0}, b = {0, 1};
        for (int k = 0; k <= 8; k++) {
            double t = k / 8.0, angle = t * Math.PI / 2;
            float[] p = Slerp.between(a, b, t);
            assertEquals(Math.cos(angle), p[0], 1e-6, "t = " + t);
            assertEquals(Math.sin(angle), p[1], 1e-6, "t = " + t);
        }
    }

    @Test
    void parallelVectorsFallBackToTheLine() {
        float[] a = {1, 1}, b = {2, 2};
        assertArrayEquals(new float[] {1.5f, 1.5f}, Slerp.between(a, b, 0.5), 1e-6f);
    }
}
