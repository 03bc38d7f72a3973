package genlab.nn;

import genlab.tensor.Tensor;

/** Reshapes each sample: (N, ...) -> (N, shape...). Flatten is {@code new Reshape(-1)}. */
public final class Reshape extends Module {
    private final int[] shape;

    public Reshape(int... shape) {
        this.shape = shape.clone();
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] s = new int[shape.length + 1];
        s[0] = x.size(0);
        System.arraycopy(shape, 0, s, 1, shape.length);
        return x.reshape(s);
    }
}
