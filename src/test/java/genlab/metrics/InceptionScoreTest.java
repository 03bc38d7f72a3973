package genlab.metrics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InceptionScoreTest {
    /** Confident logits (one class 60 nats above the rest) for the given classes. */
    private static double[][] confident(int[] classes) {
        double[][] l = new double[classes.length][10];
        for (int i = 0; i < classes.length; i++) l[i][classes[i]] = 60;
        return l;
    }

    @Test
    void confidentAndBalancedIsTheNumberOfClasses() {
        int[] c = new int[1000];
        for (int i = 0; i < c.length; i++) c[i] = i % 10;
        assertEquals(10, InceptionScore.ofLogits(confident(c)), 1e-9);
        for (int i = 0; i < c.length; i++) c[i] = i % 4;
        assertEquals(4, InceptionScore.ofLogits(confident(c)), 1e-9);
    }

    @Test
    void identicalPredictionsScoreOne() {
        double[][] l = new double[50][];
        double[] row = {0.3, -1, 2, 5, 0, 0, 1, -3, 2, 0.5};
        for (int i = 0; i < l.length; i++) l[i] = row.clone();
        assertEquals(1, InceptionScore.ofLogits(l), 1e-12);
    }

    /** Against exp(mean KL) computed directly from softmax probabilities. */
    @Test
    void matchesTheDefinition() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] l = new double[30][10];
        for (double[] row : l) for (int j = 0; j < 10; j++) row[j] = 2 * rng.nextGaussian();
        double[][] p = new double[30][10];
        double[] py = new double[10];
        for (int i = 0; i < 30; i++) {
            double z = 0;
            for (int j = 0; j < 10; j++) z += Math.exp(l[i][j]);
            for (int j = 0; j < 10; j++) {
                p[i][j] = Math.exp(l[i][j]) / z;
                py[j] += p[i][j] / 30;
            }
        }
        double kl = 0;
        for (double[] pi : p) for (int j = 0; j < 10; j++) kl += pi[j] * Math.log(pi[j] / py[j]);
        assertEquals(Math.exp(kl / 30), InceptionScore.ofLogits(l), 1e-12);
    }

    @Test
    void rejectsNoImages() {
        assertThrows(IllegalArgumentException.class, () -> InceptionScore.ofLogits(new double[0][]));
    }
}
