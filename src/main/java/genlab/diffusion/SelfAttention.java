package genlab.diffusion;

import genlab.nn.Conv2d;
import genlab.nn.GroupNorm;
import genlab.nn.Init;
import genlab.nn.Module;
import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * Single-head self-attention over the H·W positions of a feature map, as in the DDPM U-Net at
 * its lowest resolution (Ho et al. 2020, appendix B; Vaswani et al. 2017):
 * <pre>
 *   Q, K, V = 1×1 convs of GN(x), each (B, HW, C)
 *   A = softmax(Q·Kᵀ/√C) (B, HW, HW)        y = x + Proj(A·V)
 * </pre>
 * The projection starts at zero, so the block starts as the identity. Every position sees every
 * other, which a stack of 3×3 convolutions reaches only slowly.
 */
public final class SelfAttention extends Module {
    private final GroupNorm norm;
    private final Conv2d qkv, proj;
    private final int channels;

    public SelfAttention(int channels, int groups, RandomGenerator rng) {
        this.channels = channels;
        norm = child("norm", new GroupNorm(groups, channels));
        qkv = child("qkv", new Conv2d(channels, 3 * channels, 1, 1, 0, rng));
        proj = child("proj", new Conv2d(channels, channels, 1, 1, 0, rng));
        Init.constant(proj.weight, 0);
        Init.constant(proj.bias, 0);
    }

    /** x (B, C, H, W) -> (B, C, H, W). */
    @Override
    public Tensor forward(Tensor x) {
        int b = x.size(0), c = channels, h = x.size(2), w = x.size(3), n = h * w;
        Tensor t = qkv.forward(norm.forward(x)).reshape(b, 3, c, n);                   // (B, 3, C, HW)
        Tensor q = t.slice(1, 0, 1).reshape(b, c, n).transpose(1, 2);                  // (B, HW, C)
        Tensor k = t.slice(1, 1, 2).reshape(b, c, n);                                  // (B, C, HW)
        Tensor v = t.slice(1, 2, 3).reshape(b, c, n).transpose(1, 2);                  // (B, HW, C)
        Tensor a = q.matmul(k).mul((float) (1 / Math.sqrt(c))).softmax(2);             // (B, HW, HW)
        Tensor y = a.matmul(v).transpose(1, 2).reshape(b, c, h, w);                    // (B, C, H, W)
        return x.add(proj.forward(y));
    }
}
