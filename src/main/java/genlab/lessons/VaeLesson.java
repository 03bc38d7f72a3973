package genlab.lessons;

import genlab.models.vae.MlpVae;

/**
 * The seed notes' VAE on MNIST: {@link MlpVae} (784-400-L, ReLU, sigmoid decoder), Adam 1e-3,
 * batch 128, the loss R + β·KL with R the BCE-sum ({@code --loss bce}, default) or the MSE-sum
 * ({@code --loss mse}). Writes the figures of {@link VaeFigures}; see {@code lessons/vae.md}.
 */
public final class VaeLesson implements Lesson {
    @Override
    public String name() {
        return "vae";
    }

    @Override
    public String summary() {
        return "the seed notes' MLP VAE on MNIST: ELBO curves, reconstructions, samples, latent space (--loss, --beta, --latent)";
    }

    @Override
    public Options options() {
        return VaeTraining.options(20);
    }

    @Override
    public void run(Run run) throws Exception {
        VaeTraining.run(run, new MlpVae(run.integer("latent"), run.random()), "MLP VAE 784-400-" + run.integer("latent"));
    }
}
