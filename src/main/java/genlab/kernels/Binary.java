package genlab.kernels;

/** Elementwise functions of two arguments, as used by {@link Kernels#binary}. */
public enum Binary {
    ADD, SUB, MUL, DIV, POW, MAX, MIN,
    /** 1 where a &gt; b, else 0. */
    GT,
    /** 1 where a == b, else 0. */
    EQ;

    /** The function itself, the definition every kernel must agree with. */
    public float apply(float a, float b) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            case POW: return (float) Math.pow(a, b);
            case MAX: return Math.max(a, b);
            case MIN: return Math.min(a, b);
            case GT: return a > b ? 1f : 0f;
            case EQ: return a == b ? 1f : 0f;
            default: throw new AssertionError(this);
        }
    }
}
