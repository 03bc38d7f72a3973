package genlab.nn;

import genlab.tensor.GradCheck;
import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The composed losses against their formulas evaluated directly in double, and their gradients against central differences. */
class LossesTest {
    private final SplittableRandom rng = new SplittableRandom(7);

    @Test
    void crossEntropyIsTheMeanNegativeLogSoftmaxOfTheLabel() {
        Tensor logits = Tensor.randn(rng, 5, 4).mul(3f);
        int[] labels = {0, 3, 1, 1, 2};
        double expected = 0;
        for (int i = 0; i < 5; i++) {
            double z = 0;
            for (int c = 0; c < 4; c++) z += Math.exp(logits.get(i, c));
            expected -= logits.get(i, labels[i]) - Math.log(z);
        }
        assertEquals(expected / 5, Losses.crossEntropy(logits, labels).item(), 1e-5);
        GradCheck.standard().check("cross_entropy", x -> Losses.crossEntropy(x[0], labels), logits);
    }

    @Test
    void gaussianKlAndNllMatchTheirClosedForms() {
        Tensor mu = Tensor.randn(rng, 3, 2), logVar = Tensor.randn(rng, 3, 2).mul(0.5f), x = Tensor.randn(rng, 3, 2);
        double kl = 0, nll = 0;
        for (int i = 0; i < 6; i++) {
            double m = mu.data()[i], lv = logVar.data()[i], v = Math.exp(lv), d = x.data()[i] - m;
            kl += 0.5 * (v + m * m - 1 - lv);                        // KL(N(m, v) ‖ N(0, 1))
            nll += 0.5 * (Math.log(2 * Math.PI) + lv + d * d / v);    // −log N(x; m, v)
        }
        assertEquals(kl, Losses.gaussianKlToStandard(mu, logVar).item(), 1e-5);
        assertEquals(nll, Losses.gaussianNll(x, mu, logVar).item(), 1e-4);
        GradCheck.standard().check("gaussian_kl", t -> Losses.gaussianKlToStandard(t[0], t[1]), mu, logVar);
        GradCheck.standard().check("gaussian_nll", t -> Losses.gaussianNll(x, t[0], t[1]), mu, logVar);
    }

    @Test
    void mseAndBce() {
        Tensor p = Tensor.rand(rng, 4, 3).mul(0.9f).add(0.05f), y = Tensor.rand(rng, 4, 3);
        double mse = 0, bce = 0;
        for (int i = 0; i < 12; i++) {
            double a = p.data()[i], b = y.data()[i];
            mse += (a - b) * (a - b);
            bce -= b * Math.log(a) + (1 - b) * Math.log(1 - a);
        }
        assertEquals(mse / 12, Losses.mse(p, y).item(), 1e-6);
        assertEquals(mse, Losses.mseSum(p, y).item(), 1e-5);
        assertEquals(bce / 12, Losses.bce(p, y).item(), 1e-5);
        assertEquals(bce, Losses.bceSum(p, y).item(), 1e-4);
        assertEquals(100, Losses.bce(Tensor.zeros(1), Tensor.ones(1)).item(), 1e-4, "log clamped at −100, as PyTorch");
        GradCheck.standard().check("bce", t -> Losses.bce(t[0], y), p);
    }
}
