package genlab.diffusion;

import genlab.nn.Conv2d;
import genlab.nn.GroupNorm;
import genlab.nn.Linear;
import genlab.nn.Module;
import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * The DDPM U-Net's residual block (Ho et al. 2020, appendix B, after Wide ResNet):
 * <pre>
 *   h = Conv₃ₓ₃(SiLU(GN(x))) + Linear(SiLU(emb))      the embedding added per channel
 *   h = Conv₃ₓ₃(SiLU(GN(h)))                           second conv initialised to zero
 *   y = skip(x) + h                                    skip = 1×1 conv when channels change
 * </pre>
 * The zero-initialised last conv makes each block start as the identity, which keeps a deep
 * U-Net's output small and trainable from the first step.
 */
public final class ResBlock extends Module {
    private final GroupNorm norm1, norm2;
    private final Conv2d conv1, conv2, skip;
    private final Linear embProj;

    public ResBlock(int in, int out, int embDim, int groups, RandomGenerator rng) {
        norm1 = child("norm1", new GroupNorm(groups, in));
        conv1 = child("conv1", new Conv2d(in, out, 3, 1, 1, rng));
        embProj = child("emb", new Linear(embDim, out, rng));
        norm2 = child("norm2", new GroupNorm(groups, out));
        conv2 = child("conv2", new Conv2d(out, out, 3, 1, 1, rng));
        genlab.nn.Init.constant(conv2.weight, 0);
        genlab.nn.Init.constant(conv2.bias, 0);
        skip = in == out ? null : child("skip", new Conv2d(in, out, 1, 1, 0, rng));
    }

    @Override
    public Tensor forward(Tensor x) {
        throw new UnsupportedOperationException("ResBlock needs the embedding: call forward(x, emb)");
    }

    /** x (B, in, H, W), emb (B, embDim) -> (B, out, H, W). */
    public Tensor forward(Tensor x, Tensor emb) {
        Tensor h = conv1.forward(norm1.forward(x).silu());                           // (B, out, H, W)
        Tensor e = embProj.forward(emb.silu());                                       // (B, out)
        h = h.add(e.reshape(e.size(0), e.size(1), 1, 1));                             // (B, out, H, W)
        h = conv2.forward(norm2.forward(h).silu());                                   // (B, out, H, W)
        return (skip == null ? x : skip.forward(x)).add(h);
    }
}
