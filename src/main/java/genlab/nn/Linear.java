package genlab.nn;

import genlab.tensor.Tensor;
import genlab.tensor.ops.MatMul;

import java.util.random.RandomGenerator;

/** y = x·Wᵀ + b, W of shape (out, in) as in PyTorch; x (..., in) -> y (..., out). */
public final class Linear extends Module {
    public final Tensor weight;
    public final Tensor bias;

    public Linear(int in, int out, RandomGenerator rng) {
        this(in, out, true, rng);
    }

    public Linear(int in, int out, boolean bias, RandomGenerator rng) {
        weight = param("weight", Init.torchDefault(Tensor.zeros(out, in), in, rng)); // (out, in)
        this.bias = bias ? param("bias", Init.torchDefault(Tensor.zeros(out), in, rng)) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.size(-1) != weight.size(1)) {
            throw new IllegalArgumentException("Linear(" + weight.size(1) + " -> " + weight.size(0) + "): input " + genlab.tensor.Shapes.str(x.shape()) + " has " + x.size(-1) + " features");
        }
        Tensor y = x.dim() == 2 ? MatMul.apply(x, weight, false, true)           // (B, in)·(out, in)ᵀ -> (B, out)
                : MatMul.apply(x.reshape(-1, x.size(-1)), weight, false, true).reshape(outShape(x));
        return bias == null ? y : y.add(bias);
    }

    private int[] outShape(Tensor x) {
        int[] s = x.shape();
        s[s.length - 1] = weight.size(0);
        return s;
    }
}
