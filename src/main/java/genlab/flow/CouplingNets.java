package genlab.flow;

import genlab.nn.Activation;
import genlab.nn.Conv2d;
import genlab.nn.Init;
import genlab.nn.Linear;
import genlab.nn.Module;
import genlab.nn.Sequential;

import java.util.random.RandomGenerator;

/**
 * The s and t networks of the couplings. Their last layer starts at zero, so every coupling
 * starts as the identity (s = 0, t = 0) and the untrained flow is the identity map: training
 * starts from the prior's density on the preprocessed data rather than from a random warp.
 */
public final class CouplingNets {
    private CouplingNets() {}

    /** MLP D -> hidden -> … -> 2D with ReLU ({@code layers} hidden layers). */
    public static Module mlp(int d, int hidden, int layers, RandomGenerator rng) {
        Sequential net = new Sequential();
        int in = d;
        for (int l = 0; l < layers; l++) {
            net.add(new Linear(in, hidden, rng)).add(Activation.relu());  // (B, in) -> (B, hidden)
            in = hidden;
        }
        Linear last = new Linear(in, 2 * d, rng);                          // (B, hidden) -> (B, 2D)
        Init.constant(last.weight, 0);
        Init.constant(last.bias, 0);
        return net.add(last);
    }

    /** 3x3 convolutions C -> F -> … -> 2C with ReLU, padding 1 ({@code layers} hidden layers). */
    public static Module conv(int c, int features, int layers, RandomGenerator rng) {
        Sequential net = new Sequential();
        int in = c;
        for (int l = 0; l < layers; l++) {
            net.add(new Conv2d(in, features, 3, 1, 1, rng)).add(Activation.relu()); // (B, in, H, W) -> (B, F, H, W)
            in = features;
        }
        Conv2d last = new Conv2d(in, 2 * c, 3, 1, 1, rng);                          // (B, F, H, W) -> (B, 2C, H, W)
        Init.constant(last.weight, 0);
        Init.constant(last.bias, 0);
        return net.add(last);
    }
}
