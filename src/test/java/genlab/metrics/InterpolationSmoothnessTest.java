package genlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The path ratio and max/mean step on constructed feature paths with known answers. */
class InterpolationSmoothnessTest {

    /** K + 1 evenly spaced points on the segment from a to b. */
    private static double[][] straight(double[] a, double[] b, int k) {
        double[][] p = new double[k + 1][a.length];
        for (int i = 0; i <= k; i++) for (int j = 0; j < a.length; j++) p[i][j] = a[j] + (b[j] - a[j]) * i / k;
        return p;
    }

    @Test
    void straightEvenPathScoresOne() {
        InterpolationSmoothness s = InterpolationSmoothness.of(straight(new double[] {1, -2, 3}, new double[] {4, 2, 3}, 10));
        assertEquals(5.0, s.endpointDistance(), 1e-12);
        assertEquals(5.0, s.pathLength(), 1e-12);
        assertEquals(1.0, s.pathRatio(), 1e-12);
        assertEquals(1.0, s.maxOverMean(), 1e-12);
    }

    @Test
    void pathThatHoldsStillThenJumpsHasLargeMaxStep() {
        // 10 steps: frames stay at a for 9 steps, then one jump to b: R = 1 (still straight), M = 10 (= K).
        double[][] p = new double[11][];
        for (int i = 0; i < 10; i++) p[i] = new double[] {0, 0};
        p[10] = new double[] {3, 4};
        InterpolationSmoothness s = InterpolationSmoothness.of(p);
        assertEquals(1.0, s.pathRatio(), 1e-12);
        assertEquals(10.0, s.maxOverMean(), 1e-12);
    }

    @Test
    void detourRaisesThePathRatio() {
        // (0,0) -> (1,1) -> (2,0): length 2√2, endpoint distance 2, ratio √2; equal steps, M = 1.
        InterpolationSmoothness s = InterpolationSmoothness.of(new double[][] {{0, 0}, {1, 1}, {2, 0}});
        assertEquals(Math.sqrt(2), s.pathRatio(), 1e-12);
        assertEquals(1.0, s.maxOverMean(), 1e-12);
        // going past the end and back: (0) -> (2) -> (1): L = 3, D = 1, steps 2 and 1: M = 2 / 1.5
        InterpolationSmoothness back = InterpolationSmoothness.of(new double[][] {{0}, {2}, {1}});
        assertEquals(3.0, back.pathRatio(), 1e-12);
        assertEquals(4.0 / 3, back.maxOverMean(), 1e-12);
    }

    @Test
    void meanAveragesEachMeasure() {
        InterpolationSmoothness a = InterpolationSmoothness.of(new double[][] {{0}, {1}, {2}});
        InterpolationSmoothness b = InterpolationSmoothness.of(new double[][] {{0}, {2}, {1}});
        InterpolationSmoothness m = InterpolationSmoothness.mean(List.of(a, b));
        assertEquals(2.0, m.pathRatio(), 1e-12);
        assertEquals((1 + 4.0 / 3) / 2, m.maxOverMean(), 1e-12);
        assertEquals(2.5, m.pathLength(), 1e-12);
    }

    @Test
    void badPathsAreRefusedWithAMessage() {
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> InterpolationSmoothness.of(new double[][] {{0}, {1}}));
        assertTrue(few.getMessage().contains("3 frames"), few.getMessage());
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> InterpolationSmoothness.of(new double[][] {{1, 2}, {3, 4}, {1, 2}}));
        assertTrue(same.getMessage().contains("coincide"), same.getMessage());
    }
}
