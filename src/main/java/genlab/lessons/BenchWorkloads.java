package genlab.lessons;

import genlab.nn.Activation;
import genlab.nn.Linear;
import genlab.nn.Losses;
import genlab.nn.Sequential;
import genlab.optim.Adam;
import genlab.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The two seed training steps that {@code ../shared/bench/torch_reference.py} times in PyTorch,
 * rebuilt here from {@code genlab.nn} so the {@code bench} lesson can time them on every backend
 * (the real GAN and VAE packages are separate; these copies only have to do the same arithmetic).
 *
 * <p>The data are random images drawn once (64 or 128 rows picked per step from a pool), not
 * MNIST: the time of a step does not depend on the pixel values, and the lesson then needs no
 * dataset.
 */
final class BenchWorkloads {
    private BenchWorkloads() {}

    /** One training step, repeatable. */
    interface Step {
        void run();
    }

    /** Rows of a fixed pool of random images, {@code batch} at a time: x[randint(0, pool, (batch,))]. */
    private static Tensor rows(float[] pool, int poolRows, int cols, int batch, RandomGenerator rng) {
        float[] out = new float[batch * cols];                       // (B, cols)
        for (int i = 0; i < batch; i++) System.arraycopy(pool, rng.nextInt(poolRows) * cols, out, i * cols, cols);
        return Tensor.of(out, batch, cols);
    }

    private static float[] pool(int rows, int cols, float lo, float hi, RandomGenerator rng) {
        float[] p = new float[rows * cols];
        for (int i = 0; i < p.length; i++) p[i] = lo + (hi - lo) * rng.nextFloat();
        return p;
    }

    /**
     * The seed MLP GAN step: G 100-256-512-784 (ReLU, tanh), D 784-512-256-1 (LeakyReLU 0.01,
     * sigmoid), BCE, Adam(1e-4), batch 64. D on real, D on detached fake, D step; then G through
     * D, G step (D's gradients from that pass are cleared by its next zeroGrad, as in PyTorch).
     */
    static Step ganMlp(RandomGenerator rng) {
        int batch = 64, poolRows = 1024;
        float[] pool = pool(poolRows, 784, -1f, 1f, rng);
        Sequential g = new Sequential(new Linear(100, 256, rng), Activation.relu(), new Linear(256, 512, rng),
                Activation.relu(), new Linear(512, 784, rng), Activation.tanh());
        Sequential d = new Sequential(new Linear(784, 512, rng), Activation.leakyRelu(0.01f), new Linear(512, 256, rng),
                Activation.leakyRelu(0.01f), new Linear(256, 1, rng), Activation.sigmoid());
        Adam og = new Adam(g.parameters(), 1e-4), od = new Adam(d.parameters(), 1e-4);
        Tensor ones = Tensor.ones(batch, 1), zeros = Tensor.zeros(batch, 1);
        return () -> {
            Tensor img = rows(pool, poolRows, 784, batch, rng);                  // (64, 784)
            od.zeroGrad();
            Losses.bce(d.forward(img), ones).backward();                         // D(x) -> (64, 1)
            Tensor fake = g.forward(Tensor.randn(rng, batch, 100));              // (64, 100) -> (64, 784)
            Losses.bce(d.forward(fake.detach()), zeros).backward();
            od.step();
            og.zeroGrad();
            Losses.bce(d.forward(fake), ones).backward();
            og.step();
        };
    }

    /**
     * The seed MLP VAE step: encoder 784-400 (ReLU) with two 400-20 heads (μ, log σ²), decoder
     * 20-400-784 (ReLU, sigmoid), summed BCE + KL, Adam(1e-3), batch 128. As in the {@code vae}
     * lesson ({@code models.vae.ReconstructionLoss#perExampleFromLogits}), the decoder's sigmoid
     * and the BCE are computed together from the logits, with the fused BCE-with-logits op: the
     * same function and gradient as PyTorch's sigmoid followed by binary_cross_entropy.
     */
    static Step vaeMlp(RandomGenerator rng) {
        int batch = 128, poolRows = 1024;
        float[] pool = pool(poolRows, 784, 0f, 1f, rng);
        Linear enc = new Linear(784, 400, rng), muHead = new Linear(400, 20, rng), logVarHead = new Linear(400, 20, rng);
        Sequential dec = new Sequential(new Linear(20, 400, rng), Activation.relu(), new Linear(400, 784, rng)); // logits
        List<Tensor> params = new ArrayList<>();
        params.addAll(enc.parameters());
        params.addAll(muHead.parameters());
        params.addAll(logVarHead.parameters());
        params.addAll(dec.parameters());
        Adam opt = new Adam(params, 1e-3);
        return () -> {
            Tensor x = rows(pool, poolRows, 784, batch, rng);                    // (128, 784)
            Tensor h = enc.forward(x).relu();                                    // (128, 400)
            Tensor mu = muHead.forward(h), logVar = logVarHead.forward(h);       // (128, 20) each
            Tensor z = mu.add(Tensor.randn(rng, batch, 20).mul(logVar.mul(0.5f).exp()));
            Tensor loss = Losses.bceWithLogitsSum(dec.forward(z), x).add(Losses.gaussianKlToStandard(mu, logVar));
            opt.zeroGrad();
            loss.backward();
            opt.step();
        };
    }
}
