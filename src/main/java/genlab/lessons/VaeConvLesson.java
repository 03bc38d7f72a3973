package genlab.lessons;

import genlab.models.vae.ConvVae;

/**
 * The VAE with a convolutional encoder and decoder ({@link ConvVae}), trained and drawn as the
 * {@code vae} lesson is ({@link VaeTraining}, {@link VaeFigures}); see {@code lessons/vae.md}.
 */
public final class VaeConvLesson implements Lesson {
    @Override
    public String name() {
        return "vae-conv";
    }

    @Override
    public String summary() {
        return "a convolutional VAE on MNIST: sharper reconstructions than the MLP at the same latent size";
    }

    @Override
    public Options options() {
        return VaeTraining.options(20);
    }

    @Override
    public void run(Run run) throws Exception {
        VaeTraining.run(run, new ConvVae(run.integer("latent"), run.random()), "convolutional VAE (32-64 channels, 256 hidden)");
    }
}
