package genlab.models.gan;

import genlab.tensor.Autograd;
import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generator losses' derivations: gradients with respect to D's logit, the vanishing minimax
 * gradient when D(G(z)) is near 0, and the fixed point the minimax and non-saturating losses share.
 */
class GanLossTest {
    static LongStream seeds() {
        return LongStream.range(0, Long.getLong("genlab.cases", 100));
    }

    private static Tensor grad(Tensor loss, Tensor x) {
        return Autograd.grad(loss, List.of(x), false)[0];
    }

    /** ∂L_G/∂s per sample: minimax −σ(s), non-saturating −(1 − σ(s)) (the mean's 1/B taken out). */
    @ParameterizedTest
    @MethodSource("seeds")
    void generatorGradientsWithRespectToTheLogitAreTheDerivations(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int b = 1 + g.nextInt(9);
        float[] s = new float[b];
        for (int i = 0; i < b; i++) s[i] = (float) (g.nextDouble() * 24 - 12);
        Tensor logits = Tensor.of(s, b, 1).requiresGrad(true);
        float[] mm = grad(GanLoss.MINIMAX.generatorLoss(logits), logits).data();
        float[] ns = grad(GanLoss.NON_SATURATING.generatorLoss(logits), logits).data();
        float[] ls = grad(GanLoss.LEAST_SQUARES.generatorLoss(logits), logits).data();
        float[] w = grad(GanLoss.WASSERSTEIN.generatorLoss(logits), logits).data();
        for (int i = 0; i < b; i++) {
            double sigma = 1 / (1 + Math.exp(-s[i]));
            String where = "seed " + seed + ", s = " + s[i];
            assertEquals(-sigma, b * mm[i], 1e-6, "minimax " + where);
            assertEquals(-(1 - sigma), b * ns[i], 1e-6, "non-saturating " + where);
            assertEquals(s[i] - 1, b * ls[i], 1e-5, "least squares " + where);
            assertEquals(-1, b * w[i], 1e-6, "wasserstein " + where);
        }
    }

    /**
     * When D confidently rejects the fakes (D(G(z)) = σ(s) ≈ 0), the minimax gradient on the
     * generator's own weights vanishes like D(G(z)) while the non-saturating one stays of order one:
     * for one sample, ∇θ L_mm = D/(1 − D) · ∇θ L_ns exactly (chain rule through s).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void nearZeroTheMinimaxGeneratorGradientVanishesAndTheNonSaturatingDoesNot(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        Tensor theta = Tensor.randn(g, 3, 2).requiresGrad(true);     // G(z) = tanh(θ z) in 3-D
        Tensor z = Tensor.randn(g, 1, 2);
        Tensor w = Tensor.randn(g, 3, 1);
        w = w.div(w.abs().sum().item());                                 // Σ|w| = 1, so |tanh(θz)·w| ≤ 1
        float bias = (float) (-7 - 3 * g.nextDouble());                // D(G(z)) < e^-6
        Tensor s = z.matmul(theta.transpose(0, 1)).tanh().matmul(w).add(bias);   // (1, 1)
        double d = 1 / (1 + Math.exp(-s.item()));
        float[] mm = grad(GanLoss.MINIMAX.generatorLoss(s), theta).data();
        Tensor s2 = z.matmul(theta.transpose(0, 1)).tanh().matmul(w).add(bias);
        float[] ns = grad(GanLoss.NON_SATURATING.generatorLoss(s2), theta).data();
        double normMm = 0, normNs = 0;
        for (int i = 0; i < mm.length; i++) {
            assertEquals(d / (1 - d) * ns[i], mm[i], 1e-6 * Math.abs(ns[i]) + 1e-9, "seed " + seed + " element " + i);
            normMm += mm[i] * mm[i];
            normNs += ns[i] * ns[i];
        }
        assertTrue(d < 1e-2, "D(G(z)) = " + d);
        assertTrue(Math.sqrt(normMm) < 0.02 * Math.sqrt(normNs), "seed " + seed + ": |∇mm| " + Math.sqrt(normMm) + ", |∇ns| " + Math.sqrt(normNs));
    }

    /**
     * Both generator losses have p_g = p_data as a fixed point: with p_g = softmax(φ) over K bins
     * and D fixed at D* = p_data/(p_data + p_g), both gradients in φ vanish when p_g = p_data; away
     * from it both are non-zero and a small step against either lowers JS(p_data, p_g).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void minimaxAndNonSaturatingShareTheFixedPointPgEqualsPdata(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int k = 2 + g.nextInt(7);
        float[] data = new float[k];
        for (int i = 0; i < k; i++) data[i] = (float) g.nextGaussian();
        Tensor pData = Tensor.of(data, k).softmax(0).detach();
        // At the fixed point: φ = log p_data.
        Tensor phiStar = pData.log().detach().requiresGrad(true);
        for (GanLoss loss : new GanLoss[] {GanLoss.MINIMAX, GanLoss.NON_SATURATING}) {
            float[] gr = grad(expectedGeneratorLoss(loss, phiStar, pData), phiStar).data();
            for (float v : gr) assertEquals(0, v, 1e-6, loss + " at p_g = p_data, seed " + seed);
        }
        // Elsewhere: both move p_g towards p_data.
        float[] off = new float[k];
        for (int i = 0; i < k; i++) off[i] = (float) (g.nextGaussian() * 1.5);
        Tensor phi = Tensor.of(off, k).requiresGrad(true);
        double js0 = js(pData, phi.detach().softmax(0));
        for (GanLoss loss : new GanLoss[] {GanLoss.MINIMAX, GanLoss.NON_SATURATING}) {
            Tensor gr = grad(expectedGeneratorLoss(loss, phi, pData), phi);
            double norm = Math.sqrt(gr.square().sum().item());
            assertTrue(norm > 1e-4 || js0 < 1e-6, loss + ": gradient " + norm + " away from the fixed point, JS " + js0);
            Tensor stepped = phi.detach().sub(gr.mul((float) (1e-2 / Math.max(norm, 1e-12))));
            double js1 = js(pData, stepped.softmax(0));
            assertTrue(js1 < js0 || js0 < 1e-6, loss + ", seed " + seed + ": JS " + js0 + " -> " + js1);
        }
    }

    /** E_{x~p_g} L_G(logit D*(x)) with D* held fixed (detached), as in alternating training. */
    private static Tensor expectedGeneratorLoss(GanLoss loss, Tensor phi, Tensor pData) {
        Tensor pG = phi.softmax(0);
        Tensor logit = pData.log().sub(pG.detach().log()).reshape(-1, 1);   // logit D* = ln p_data − ln p_g
        int k = pData.numel();
        // generatorLoss averages over its rows; weight row x by p_g(x)·K to get the expectation.
        Tensor perBin;
        if (loss == GanLoss.MINIMAX) perBin = logit.softplus().neg();       // ln(1 − D*)
        else perBin = logit.neg().softplus();                               // −ln D*
        // Check the loss object against the per-bin form on the same logits.
        assertEquals(perBin.mean().item(), loss.generatorLoss(logit).item(), 1e-6);
        return perBin.reshape(k).mul(pG).sum();
    }

    private static double js(Tensor p, Tensor q) {
        float[] a = p.data(), b = q.data();
        double js = 0;
        for (int i = 0; i < a.length; i++) {
            double m = 0.5 * (a[i] + b[i]);
            if (a[i] > 0) js += 0.5 * a[i] * Math.log(a[i] / m);
            if (b[i] > 0) js += 0.5 * b[i] * Math.log(b[i] / m);
        }
        return js;
    }

    /** L_D of each loss at its equilibrium values: ln 4 for the two GAN losses at D = ½, ¼ for least squares at 0.5/0.5, 0 for Wasserstein. */
    @Test
    void discriminatorLossesAtKnownPoints() {
        Tensor zero = Tensor.zeros(4, 1), half = Tensor.full(0.5f, 4, 1);
        assertEquals(Math.log(4), GanLoss.MINIMAX.discriminatorLoss(zero, zero).item(), 1e-6);
        assertEquals(Math.log(4), GanLoss.NON_SATURATING.discriminatorLoss(zero, zero).item(), 1e-6);
        assertEquals(0.25, GanLoss.LEAST_SQUARES.discriminatorLoss(half, half).item(), 1e-6);
        assertEquals(0, GanLoss.WASSERSTEIN.discriminatorLoss(half, half).item(), 1e-6);
        assertEquals(Math.log(4), GanLoss.seedDiscriminatorLoss(half, half).item(), 1e-6);
        assertEquals(Math.log(2), GanLoss.seedGeneratorLoss(half).item(), 1e-6);
        // Logit and probability forms agree where the probabilities are not clamped.
        Tensor s = Tensor.of(new float[] {-3, -0.5f, 0.7f, 4}, 4, 1);
        assertEquals(GanLoss.seedDiscriminatorLoss(s.sigmoid(), s.neg().sigmoid()).item(),
                GanLoss.NON_SATURATING.discriminatorLoss(s, s.neg()).item(), 1e-5);
        assertEquals(GanLoss.seedGeneratorLoss(s.sigmoid()).item(), GanLoss.NON_SATURATING.generatorLoss(s).item(), 1e-5);
    }

    @Test
    void lossNamesRoundTripAndUnknownNamesAreRefused() {
        for (GanLoss l : GanLoss.values()) assertEquals(l, GanLoss.byKey(l.key()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GanLoss.byKey("hinge"));
        assertTrue(e.getMessage().contains("hinge") && e.getMessage().contains("wasserstein"), e.getMessage());
    }
}
