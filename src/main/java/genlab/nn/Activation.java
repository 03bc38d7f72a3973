package genlab.nn;

import genlab.tensor.Tensor;

import java.util.function.UnaryOperator;

/** A parameter-free elementwise layer (ReLU, LeakyReLU, Tanh, Sigmoid, SiLU, GELU, Softplus) for use in {@link Sequential}. */
public final class Activation extends Module {
    private final String name;
    private final UnaryOperator<Tensor> f;

    private Activation(String name, UnaryOperator<Tensor> f) {
        this.name = name;
        this.f = f;
    }

    public static Activation relu() { return new Activation("ReLU", Tensor::relu); }
    public static Activation leakyRelu(float slope) { return new Activation("LeakyReLU(" + slope + ")", x -> x.leakyRelu(slope)); }
    public static Activation tanh() { return new Activation("Tanh", Tensor::tanh); }
    public static Activation sigmoid() { return new Activation("Sigmoid", Tensor::sigmoid); }
    public static Activation silu() { return new Activation("SiLU", Tensor::silu); }
    public static Activation gelu() { return new Activation("GELU", Tensor::gelu); }
    public static Activation softplus() { return new Activation("Softplus", Tensor::softplus); }

    @Override
    public Tensor forward(Tensor x) {
        return f.apply(x);
    }

    @Override
    public String toString() {
        return name;
    }
}
