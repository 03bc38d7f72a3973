package genlab.flow;

import genlab.tensor.Tensor;

/**
 * RealNVP's squeeze: each 2x2 spatial block becomes 4 channels,
 * (B, C, H, W) -> (B, 4C, H/2, W/2), with output channel 4c + 2i + j holding x[c, 2h + i, 2w + j].
 * A reordering of entries, so log |det| = 0. It trades resolution for channels, so that later
 * checkerboard and channel masks couple pixels that were far apart.
 */
public final class Squeeze extends Bijector {

    @Override
    public Transformed forwardLogDet(Tensor x) {
        if (x.dim() != 4 || x.size(2) % 2 != 0 || x.size(3) % 2 != 0) {
            throw new IllegalArgumentException("Squeeze: needs (B, C, H, W) with even H and W, got " + genlab.tensor.Shapes.str(x.shape()));
        }
        int b = x.size(0), c = x.size(1), h = x.size(2) / 2, w = x.size(3) / 2;
        Tensor z = x.reshape(b, c, h, 2, w, 2)   // (B, C, H/2, 2, W/2, 2)
                .permute(0, 1, 3, 5, 2, 4)        // (B, C, 2, 2, H/2, W/2)
                .reshape(b, 4 * c, h, w);         // (B, 4C, H/2, W/2)
        return new Transformed(z, zeroLogDet(x));
    }

    @Override
    public Transformed inverseLogDet(Tensor z) {
        if (z.dim() != 4 || z.size(1) % 4 != 0) {
            throw new IllegalArgumentException("Squeeze.inverse: needs (B, 4C, H, W), got " + genlab.tensor.Shapes.str(z.shape()));
        }
        int b = z.size(0), c = z.size(1) / 4, h = z.size(2), w = z.size(3);
        Tensor x = z.reshape(b, c, 2, 2, h, w)   // (B, C, 2, 2, H, W)
                .permute(0, 1, 4, 2, 5, 3)        // (B, C, H, 2, W, 2)
                .reshape(b, c, 2 * h, 2 * w);     // (B, C, 2H, 2W)
        return new Transformed(x, zeroLogDet(z));
    }
}
