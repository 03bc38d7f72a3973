package genlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Mean, sample std and the tail coefficient of variation against hand-computed values. */
class LossSpreadTest {
    @Test
    void meanAndSampleStd() {
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
        assertEquals(5.0, LossSpread.mean(x), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7), LossSpread.std(x), 1e-12);
        assertEquals(0.0, LossSpread.std(new double[] {3.5}), 0);
    }

    @Test
    void tailCvUsesOnlyTheLastFraction() {
        // a falling start the tail ignores, then 1, 3, 1, 3: mean 2, sample std √(4/3)
        double[] losses = {100, 50, 20, 10, 1, 3, 1, 3};
        assertEquals(Math.sqrt(4.0 / 3) / 2, LossSpread.tailCv(losses, 0.5), 1e-12);
        double[] flat = {7, 7, 7, 7};
        assertEquals(0.0, LossSpread.tailCv(flat, 0.5), 0);
        // at least two steps are used even when the fraction rounds below that
        assertEquals(Math.sqrt(2) / 2, LossSpread.tailCv(new double[] {5, 5, 1, 3}, 0.01), 1e-12);
    }

    @Test
    void badInputIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LossSpread.tailCv(new double[] {1, 2}, 0))
                .getMessage().contains("fraction"));
        assertThrows(IllegalArgumentException.class, () -> LossSpread.tailCv(new double[] {1}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LossSpread.mean(new double[0]));
    }
}
