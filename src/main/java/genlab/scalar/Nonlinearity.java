package genlab.scalar;

/** The function a {@link Neuron} applies to its weighted sum. */
public enum Nonlinearity {
    TANH, RELU,
    /** No nonlinearity: the output layer of a regression or score model. */
    LINEAR;

    /** {@code φ(x)}. */
    public Value apply(Value x) {
        return switch (this) {
            case TANH -> x.tanh();
            case RELU -> x.relu();
            case LINEAR -> x;
        };
    }
}
