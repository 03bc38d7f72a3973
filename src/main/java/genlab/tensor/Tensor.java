package genlab.tensor;

/** Placeholder; replaced by the real Tensor. */
public final class Tensor {
    private final float[] data;
    private final int[] shape;
    private Tensor(float[] data, int[] shape) { this.data = data; this.shape = shape.clone(); }
    public static Tensor of(float[] data, int... shape) { return new Tensor(data, shape); }
    public float[] data() { return data; }
    public int[] shape() { return shape.clone(); }
}
