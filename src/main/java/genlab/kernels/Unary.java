package genlab.kernels;

/** Elementwise functions of one argument, as used by {@link Kernels#unary}. */
public enum Unary {
    NEG, EXP, LOG, SQRT, ABS, SIGN, TANH, SIGMOID, RELU,
    /** Heaviside step: 1 where x &gt; 0, else 0 (the derivative of relu). */
    STEP,
    /** log(1 + eˣ), computed stably. */
    SOFTPLUS,
    /** The error function. */
    ERF,
    /** Standard normal density φ(x) = exp(−x²/2)/√(2π). */
    NORMAL_PDF;

    /** The function itself, the definition every kernel must agree with. */
    public float apply(float x) {
        switch (this) {
            case NEG: return -x;
            case EXP: return (float) Math.exp(x);
            case LOG: return (float) Math.log(x);
            case SQRT: return (float) Math.sqrt(x);
            case ABS: return Math.abs(x);
            case SIGN: return Math.signum(x);
            case TANH: return (float) Math.tanh(x);
            case SIGMOID: return x >= 0 ? (float) (1 / (1 + Math.exp(-x))) : (float) (Math.exp(x) / (1 + Math.exp(x)));
            case RELU: return x > 0 ? x : 0f;
            case STEP: return x > 0 ? 1f : 0f;
            case SOFTPLUS: return (float) (Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
            case ERF: return (float) Erf.erf(x);
            case NORMAL_PDF: return (float) (Math.exp(-0.5 * (double) x * x) / Math.sqrt(2 * Math.PI));
            default: throw new AssertionError(this);
        }
    }
}
