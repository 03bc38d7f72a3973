package genlab.nn;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * Group normalisation (Wu and He 2018): the C channels are split into G groups and each sample's
 * group is normalised by its own mean and (biased) variance, y = (x − μ)/√(σ² + ε)·γ + β, with
 * per-channel γ, β. Independent of the batch, so train and eval agree. G = C gives instance
 * normalisation, G = 1 a layer norm over (C, H, W).
 */
public class GroupNorm extends Module {
    public final Tensor weight, bias;
    private final int groups, channels;
    private final float eps;

    public GroupNorm(int groups, int channels) {
        this(groups, channels, 1e-5f, true);
    }

    public GroupNorm(int groups, int channels, float eps, boolean affine) {
        if (groups <= 0 || channels % groups != 0) throw new IllegalArgumentException("GroupNorm: " + channels + " channels do not split into " + groups + " groups");
        this.groups = groups;
        this.channels = channels;
        this.eps = eps;
        weight = affine ? param("weight", Tensor.ones(channels)) : null;
        bias = affine ? param("bias", Tensor.zeros(channels)) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] s = x.shape();
        if (s.length < 2 || s[1] != channels) throw new IllegalArgumentException(getClass().getSimpleName() + "(" + channels + "): expected (N, " + channels + ", ...), got " + Shapes.str(s));
        Tensor g = x.reshape(s[0], groups, -1);                                   // (N, G, C/G·H·W)
        Tensor xHat = g.sub(g.mean(2, true)).div(g.var(new int[] {2}, true, 0).add(eps).sqrt()).reshape(s);
        if (weight == null) return xHat;
        int[] bshape = new int[s.length];
        java.util.Arrays.fill(bshape, 1);
        bshape[1] = channels;                                                      // (1, C, 1, 1)
        return xHat.mul(weight.reshape(bshape)).add(bias.reshape(bshape));
    }
}
