package genlab.flow;

import genlab.tensor.Tensor;

/** (B, C, H, W) <-> (B, C·H·W): a reshape, log |det| = 0. Ends the multi-scale image flow. */
public final class Flatten extends Bijector {
    private final int c, h, w;

    public Flatten(int c, int h, int w) {
        this.c = c;
        this.h = h;
        this.w = w;
    }

    @Override
    public Transformed forwardLogDet(Tensor x) {
        if (x.dim() != 4 || x.size(1) != c || x.size(2) != h || x.size(3) != w) {
            throw new IllegalArgumentException("Flatten(" + c + ", " + h + ", " + w + "): input " + genlab.tensor.Shapes.str(x.shape()));
        }
        return new Transformed(x.reshape(x.size(0), c * h * w), zeroLogDet(x)); // (B, C·H·W)
    }

    @Override
    public Transformed inverseLogDet(Tensor z) {
        return new Transformed(z.reshape(z.size(0), c, h, w), zeroLogDet(z)); // (B, C, H, W)
    }
}
