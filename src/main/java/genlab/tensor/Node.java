package genlab.tensor;

/**
 * How a tensor was made: the op's name, its inputs, and the rule that maps the gradient of the
 * output to gradients of the inputs (the op's vector-Jacobian product).
 *
 * <p>The rule is written with tensor ops, so when the backward pass is recorded
 * ({@code createGraph}) its result is itself differentiable: that is what gives higher-order
 * gradients.
 */
public record Node(String op, Tensor[] inputs, Backward backward) {

    /** The vector-Jacobian product of one op. */
    @FunctionalInterface
    public interface Backward {
        /**
         * @param g   the gradient of the loss with respect to {@code out}, same shape as out
         * @param out the op's output
         * @return one gradient per input, each of that input's shape, or null where an input needs none
         */
        Tensor[] apply(Tensor g, Tensor out);
    }
}
