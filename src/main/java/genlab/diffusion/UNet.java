package genlab.diffusion;

import genlab.nn.Conv2d;
import genlab.nn.GroupNorm;
import genlab.nn.Init;
import genlab.nn.Linear;
import genlab.nn.Module;
import genlab.tensor.Tensor;
import genlab.tensor.ops.Embedding;
import genlab.tensor.ops.Upsample;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A small DDPM U-Net for 28×28 images (Ho et al. 2020, appendix B, scaled down; Ronneberger et
 * al. 2015 for the U shape), predicting ε from (x_t, t, y):
 * <pre>
 *   emb = MLP(sinusoid(t)) + E[y]                         time and class, (B, 4C); y = ∅ is class K
 *   28×28:  in conv 1→C,  ResBlock C→C                     ─ skip h₀
 *   14×14:  stride-2 conv, ResBlock C→2C                   ─ skip h₁
 *    7×7:   stride-2 conv, ResBlock 2C→2C, attention       ─ skip h₂
 *    7×7:   middle: ResBlock, attention, ResBlock
 *    7×7:   ResBlock [h, h₂] 4C→2C, attention, upsample ×2, conv
 *   14×14:  ResBlock [h, h₁] 4C→2C, upsample ×2, conv 2C→C
 *   28×28:  ResBlock [h, h₀] 2C→C, GN, SiLU, out conv C→1 (zero-initialised)
 * </pre>
 * Residual blocks with GroupNorm and SiLU ({@link ResBlock}), the sinusoidal time embedding
 * ({@link SinusoidalEmbedding}), self-attention at the lowest resolution ({@link SelfAttention}) and
 * skip connections by concatenation. With {@code classes = K > 0} the class embedding has K + 1
 * rows, the last for "no label", which classifier-free guidance trains by label dropout.
 */
public final class UNet extends Module implements EpsModel {
    private final int base, classes, groups;
    private final Linear time1, time2;
    private final Tensor classEmb;
    private final Conv2d inConv, down1, down2, up2Conv, up1Conv, outConv;
    private final ResBlock res0, res1, res2, mid1, mid2, upRes2, upRes1, upRes0;
    private final SelfAttention attn2, midAttn, upAttn2;
    private final GroupNorm outNorm;

    /** {@code base}: C, the channels at full resolution (a multiple of 8); {@code classes}: K, or 0 for an unconditional model. */
    public UNet(int base, int classes, RandomGenerator rng) {
        if (base < 8 || base % 8 != 0) throw new IllegalArgumentException("UNet: base channels must be a positive multiple of 8, got " + base);
        this.base = base;
        this.classes = classes;
        this.groups = 8;
        int c = base, c2 = 2 * base, e = 4 * base;
        time1 = child("time1", new Linear(c, e, rng));
        time2 = child("time2", new Linear(e, e, rng));
        classEmb = classes > 0 ? param("class_emb", Init.normal(Tensor.zeros(classes + 1, e), 1f, rng)) : null; // (K + 1, 4C)
        inConv = child("in", new Conv2d(1, c, 3, 1, 1, rng));
        res0 = child("res0", new ResBlock(c, c, e, groups, rng));
        down1 = child("down1", new Conv2d(c, c, 3, 2, 1, rng));
        res1 = child("res1", new ResBlock(c, c2, e, groups, rng));
        down2 = child("down2", new Conv2d(c2, c2, 3, 2, 1, rng));
        res2 = child("res2", new ResBlock(c2, c2, e, groups, rng));
        attn2 = child("attn2", new SelfAttention(c2, groups, rng));
        mid1 = child("mid1", new ResBlock(c2, c2, e, groups, rng));
        midAttn = child("mid_attn", new SelfAttention(c2, groups, rng));
        mid2 = child("mid2", new ResBlock(c2, c2, e, groups, rng));
        upRes2 = child("up_res2", new ResBlock(2 * c2, c2, e, groups, rng));
        upAttn2 = child("up_attn2", new SelfAttention(c2, groups, rng));
        up2Conv = child("up2", new Conv2d(c2, c2, 3, 1, 1, rng));
        upRes1 = child("up_res1", new ResBlock(2 * c2, c2, e, groups, rng));
        up1Conv = child("up1", new Conv2d(c2, c, 3, 1, 1, rng));
        upRes0 = child("up_res0", new ResBlock(2 * c, c, e, groups, rng));
        outNorm = child("out_norm", new GroupNorm(groups, c));
        outConv = child("out", new Conv2d(c, 1, 3, 1, 1, rng));
        Init.constant(outConv.weight, 0);
        Init.constant(outConv.bias, 0);
    }

    public int base() {
        return base;
    }

    /** K, the number of classes (0: unconditional). */
    public int classes() {
        return classes;
    }

    @Override
    public Tensor forward(Tensor x) {
        throw new UnsupportedOperationException("UNet needs time steps: call eps(x, t, labels)");
    }

    /** x_t (B, 1, 28, 28), t (B,) in 1..T, labels (B,) in 0..K (K = ∅) or null -> ε̂ (B, 1, 28, 28). */
    @Override
    public Tensor eps(Tensor x, int[] t, int[] labels) {
        int b = x.size(0);
        if (x.dim() != 4 || x.size(1) != 1 || x.size(2) % 4 != 0 || x.size(3) % 4 != 0) {
            throw new IllegalArgumentException("UNet: expected (B, 1, H, W) with H and W multiples of 4, got " + genlab.tensor.Shapes.str(x.shape()));
        }
        if (t.length != b) throw new IllegalArgumentException("UNet: " + t.length + " time steps for a batch of " + b);
        Tensor emb = time2.forward(time1.forward(SinusoidalEmbedding.of(t, base)).silu());   // (B, 4C)
        if (classes > 0) {
            int[] y = new int[b];
            for (int i = 0; i < b; i++) {
                y[i] = labels == null ? classes : labels[i];
                if (y[i] < 0 || y[i] > classes) throw new IllegalArgumentException("UNet: label " + y[i] + " is outside 0.." + classes + " (" + classes + " = no label)");
            }
            emb = emb.add(Embedding.apply(classEmb, y));                                       // (B, 4C)
        }
        Tensor h0 = res0.forward(inConv.forward(x), emb);                                       // (B, C, 28, 28)
        Tensor h1 = res1.forward(down1.forward(h0), emb);                                       // (B, 2C, 14, 14)
        Tensor h2 = attn2.forward(res2.forward(down2.forward(h1), emb));                        // (B, 2C, 7, 7)
        Tensor h = mid2.forward(midAttn.forward(mid1.forward(h2, emb)), emb);                   // (B, 2C, 7, 7)
        h = upAttn2.forward(upRes2.forward(Tensor.concat(List.of(h, h2), 1), emb));             // (B, 2C, 7, 7)
        h = up2Conv.forward(Upsample.nearest(h, 2));                                            // (B, 2C, 14, 14)
        h = upRes1.forward(Tensor.concat(List.of(h, h1), 1), emb);                              // (B, 2C, 14, 14)
        h = up1Conv.forward(Upsample.nearest(h, 2));                                            // (B, C, 28, 28)
        h = upRes0.forward(Tensor.concat(List.of(h, h0), 1), emb);                              // (B, C, 28, 28)
        return outConv.forward(outNorm.forward(h).silu());                                      // (B, 1, 28, 28)
    }
}
