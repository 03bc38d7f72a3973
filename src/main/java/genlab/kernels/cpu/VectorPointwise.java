package genlab.kernels.cpu;

import genlab.kernels.Unary;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Pointwise} with {@code jdk.incubator.vector}, 16 floats at a time with AVX-512:
 * sigmoid, softplus and the fused BCE-with-logits loss, all built on e = e^−|x| ∈ (0, 1]:
 * <ul>
 *   <li>σ(x) = r for x ≥ 0, e·r otherwise, with r = 1/(1 + e): no overflow;</li>
 *   <li>softplus(x) = max(x, 0) + ln(1 + e);</li>
 *   <li>BCE with logits: loss = c·l + ln(1 + e) with c = 1 − x where l ≥ 0 and −x where l &lt; 0
 *       (softplus(l) − x·l with the two linear terms combined first: for targets in [0, 1] both
 *       terms are ≥ 0, so nothing cancels when the loss is near 0), grad = σ(l) − x.</li>
 * </ul>
 *
 * <p>e^−a and ln(1 + e) are computed here from additions, multiplications, fused multiply-adds
 * and exponent-bit arithmetic, not with the Vector API's lanewise EXP/LOG1P: those compile to
 * SVML routines whose last bit can differ from the scalar {@code Math} fallback the same code
 * runs before the JIT compiles it, so results would depend on when the JIT kicked in. Every
 * operation used here is exactly rounded IEEE arithmetic in both, so the same inputs give the same
 * bits, as everywhere else in the cpu kernels.
 * <ul>
 *   <li>e^x for x = −a ∈ [−87.3, 0] (Cody–Waite, the single-precision coefficients of Cephes'
 *       expf): n = round(x·log₂e), g = x − n·ln 2 (ln 2 split in two parts so n·C₁ is exact),
 *       e^g ≈ 1 + g + g²·P(g) with P of degree 5 on |g| ≤ ½ ln 2, times 2ⁿ built in the exponent
 *       bits. Below −87.3 (e^x under the smallest normal float) the result is 0.</li>
 *   <li>ln(1 + e) = 2·atanh(s) = 2s·(1 + t/3 + t²/5 + … + t⁶/13), s = e/(2 + e) ≤ ⅓, t = s² ≤ 1/9;
 *       the first omitted term is below 2⁻²⁶ relative. No cancellation: tiny e gives 2s = e.</li>
 * </ul>
 * Each is within a few float ulps of the reference (the parity test states the bounds).
 *
 * <p>Written for the JIT: the integer n and 2ⁿ come from the bits of x·log₂e + 1.5·2²³ (a float
 * add rounds to an integer there), because the float-to-int lane conversion is not compiled to
 * SIMD on JDK 17 and falls back to a per-lane loop; and each loop body appears once per method
 * (the last partial vector is copied into a padded scratch array and run through the same loop)
 * so that C2 inlines it whole: past its node budget it stops inlining, and every vector crossing
 * a call is then boxed, about 10 times slower (both measured).
 *
 * <p>Loaded only through {@link VectorSupport}, like {@link VectorMicroKernel}; the species is a
 * {@code static final} constant for the same reason.
 */
final class VectorPointwise implements Pointwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final float LOG2E = 1.44269504088896341f, C1 = 0.693359375f, C2 = -2.12194440e-4f;
    /** ln of the smallest normal float: below it e^x is returned as 0. */
    private static final float MIN_X = -87.33654f;
    /** 1.5·2²³: y + ROUND has no fraction bits left, so the add rounds y to an integer, kept in the low bits. */
    private static final float ROUND = 12582912f;
    /** Adding this to the bits of n + ROUND and shifting left by 23 gives the bits of 2ⁿ. */
    private static final int TO_EXPONENT = 127 - Float.floatToRawIntBits(ROUND);

    @Override
    public boolean unary(Unary op, float[] x, float[] out, int n) {
        if (op == Unary.SIGMOID) sigmoid(x, out, n);
        else if (op == Unary.SOFTPLUS) softplus(x, out, n);
        else if (op == Unary.TANH) tanh(x, out, n);
        else if (op == Unary.RELU || op == Unary.STEP) positivePart(x, out, n, op == Unary.STEP);
        else return false;
        return true;
    }

    /**
     * relu(x) = x where x &gt; 0, else 0; step(x) = 1 where x &gt; 0, else 0 (so both give 0 for
     * NaN, as the reference does): a compare and a blend per vector instead of a branch per element.
     */
    private static void positivePart(float[] x, float[] out, int n, boolean step) {
        FloatVector zero = FloatVector.zero(S), one = FloatVector.broadcast(S, 1f);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            zero.blend(step ? one : v, v.compare(VectorOperators.GT, 0f)).intoArray(out, i);
        }
        for (; i < n; i++) out[i] = x[i] > 0 ? (step ? 1f : x[i]) : 0f;
    }

    /**
     * Non-finite values are found by the sum Σ x[i]·0, which stays (±)0 while every term is
     * finite and turns NaN at the first infinity or NaN; only then is the index searched for.
     */
    @Override
    public int firstNonFinite(float[] x, int n) {
        FloatVector zero = FloatVector.zero(S), acc = zero;
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) acc = FloatVector.fromArray(S, x, i).fma(zero, acc);
        float tail = 0f;
        for (int i = bound; i < n; i++) tail += x[i] * 0f;
        boolean finite = acc.reduceLanes(VectorOperators.ADD) + tail == 0f;
        return finite ? -1 : genlab.kernels.Kernels.firstNonFiniteReference(x, n);
    }

    private static void sigmoid(float[] x, float[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            sigmoid(v, expMinusAbs(v)).intoArray(out, i);
        }
        if (i < n) {
            float[] tail = new float[L];
            sigmoid(java.util.Arrays.copyOfRange(x, i, i + L), tail, L);
            System.arraycopy(tail, 0, out, i, n - i);
        }
    }

    private static void tanh(float[] x, float[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) tanh(FloatVector.fromArray(S, x, i)).intoArray(out, i);
        if (i < n) {
            float[] tail = new float[L];
            tanh(java.util.Arrays.copyOfRange(x, i, i + L), tail, L);
            System.arraycopy(tail, 0, out, i, n - i);
        }
    }

    /**
     * tanh(v) = v + v·z·P(z), z = v², for |v| &lt; 0.625 (the single-precision polynomial of
     * Cephes' tanhf: no cancellation near 0); ±(1 − e)/(1 + e), e = e^−2|v| ≤ 0.29, elsewhere
     * (±1 once e underflows; NaN stays NaN).
     */
    private static FloatVector tanh(FloatVector v) {
        FloatVector z = v.mul(v);
        FloatVector p = z.mul(-5.70498872745e-3f).add(2.06390887954e-2f);
        p = p.fma(z, FloatVector.broadcast(S, -5.37397155531e-2f));
        p = p.fma(z, FloatVector.broadcast(S, 1.33314422036e-1f));
        p = p.fma(z, FloatVector.broadcast(S, -3.33332819422e-1f));
        FloatVector near0 = p.mul(z).fma(v, v);
        FloatVector e = expMinusAbs(v.mul(2f));
        FloatVector far = FloatVector.broadcast(S, 1f).sub(e).div(e.add(1f));
        far = far.blend(far.neg(), v.compare(VectorOperators.LT, 0f));
        return far.blend(near0, v.abs().compare(VectorOperators.LT, 0.625f));
    }

    private static void softplus(float[] x, float[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            v.max(0f).add(log1p(expMinusAbs(v))).intoArray(out, i);      // max(v, 0) + ln(1 + e^−|v|)
        }
        if (i < n) {
            float[] tail = new float[L];
            softplus(java.util.Arrays.copyOfRange(x, i, i + L), tail, L);
            System.arraycopy(tail, 0, out, i, n - i);
        }
    }

    @Override
    public void bceWithLogits(float[] logits, float[] target, float[] loss, float[] grad, int n) {
        int bound = S.loopBound(n);
        // Two loops in two methods, e = e^−|l| passed through grad: one loop doing both, or both
        // loops in one method, overflows C2's inlining budget.
        bceLoss(logits, target, loss, grad, bound);
        if (grad != null) bceGrad(logits, target, grad, bound);
        if (bound < n) {
            float[] tailLoss = new float[L], tailGrad = grad == null ? null : new float[L];
            bceWithLogits(java.util.Arrays.copyOfRange(logits, bound, bound + L), java.util.Arrays.copyOfRange(target, bound, bound + L),
                    tailLoss, tailGrad, L);
            System.arraycopy(tailLoss, 0, loss, bound, n - bound);
            if (grad != null) System.arraycopy(tailGrad, 0, grad, bound, n - bound);
        }
    }

    /** loss = c·l + ln(1 + e), c = 1 − x where l ≥ 0 and −x elsewhere (softplus(l) − x·l); e = e^−|l| into eOut unless null. */
    private static void bceLoss(float[] logits, float[] target, float[] loss, float[] eOut, int bound) {
        for (int i = 0; i < bound; i += L) {
            FloatVector l = FloatVector.fromArray(S, logits, i), x = FloatVector.fromArray(S, target, i);
            FloatVector e = expMinusAbs(l);
            FloatVector c = x.neg().blend(x.neg().add(1f), l.compare(VectorOperators.GE, 0f));
            c.mul(l).add(log1p(e)).intoArray(loss, i);
            if (eOut != null) e.intoArray(eOut, i);
        }
    }

    /** grad = σ(l) − x, reading e = e^−|l| from grad itself. */
    private static void bceGrad(float[] logits, float[] target, float[] grad, int bound) {
        for (int i = 0; i < bound; i += L) {
            FloatVector l = FloatVector.fromArray(S, logits, i), e = FloatVector.fromArray(S, grad, i);
            sigmoid(l, e).sub(FloatVector.fromArray(S, target, i)).intoArray(grad, i);
        }
    }

    /** σ(v) from e = e^−|v|: 1/(1 + e) where v ≥ 0, e/(1 + e) elsewhere. */
    private static FloatVector sigmoid(FloatVector v, FloatVector e) {
        FloatVector r = FloatVector.broadcast(S, 1f).div(e.add(1f));
        return r.mul(e).blend(r, v.compare(VectorOperators.GE, 0f));
    }

    /** e^−|v| ∈ [0, 1] (0 below the smallest normal float; NaN for NaN). */
    private static FloatVector expMinusAbs(FloatVector v) {
        FloatVector x = v.abs().neg();
        VectorMask<Float> underflow = x.compare(VectorOperators.LT, MIN_X);
        x = x.max(MIN_X);
        FloatVector shifted = x.mul(LOG2E).add(ROUND);                              // ROUND + n, n = round(x·log₂e)
        FloatVector fn = shifted.sub(ROUND);
        FloatVector g = fn.neg().fma(FloatVector.broadcast(S, C1), x);            // x − n·C₁ (exact)
        g = fn.neg().fma(FloatVector.broadcast(S, C2), g);                          // − n·C₂
        FloatVector p = g.mul(1.9875691500e-4f).add(1.3981999507e-3f);
        p = p.fma(g, FloatVector.broadcast(S, 8.3334519073e-3f));
        p = p.fma(g, FloatVector.broadcast(S, 4.1665795894e-2f));
        p = p.fma(g, FloatVector.broadcast(S, 1.6666665459e-1f));
        p = p.fma(g, FloatVector.broadcast(S, 5.0000001201e-1f));
        FloatVector eg = p.fma(g.mul(g), g).add(1f);                                // 1 + g + g²·P(g)
        FloatVector twoN = ((IntVector) shifted.reinterpretAsInts()).add(TO_EXPONENT)
                .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();          // 2ⁿ, n ≥ −126
        return eg.mul(twoN).blend(0f, underflow);
    }

    /** ln(1 + e) for e ∈ [0, 1]: 2s·(1 + t/3 + … + t⁶/13), s = e/(2 + e), t = s². */
    private static FloatVector log1p(FloatVector e) {
        FloatVector s = e.div(e.add(2f)), t = s.mul(s);
        FloatVector q = t.mul(1f / 13).add(1f / 11);
        q = q.fma(t, FloatVector.broadcast(S, 1f / 9));
        q = q.fma(t, FloatVector.broadcast(S, 1f / 7));
        q = q.fma(t, FloatVector.broadcast(S, 1f / 5));
        q = q.fma(t, FloatVector.broadcast(S, 1f / 3));
        return q.mul(t).mul(s).add(s).mul(2f);                                      // 2(s + s·t·q)
    }
}
