package genlab.lessons;

import genlab.models.vae.ConvVae;
import genlab.viz.ReportPage;

import java.util.List;

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

    /** The ranges lessons/vae.md gives for the default run (BCE, β = 1, latent 20, batch 128, lr 1e-3, 10 epochs). */
    @Override
    public List<ReportPage.Expected> expected(Run run) {
        if (run.quick() || run.epochs() != 10 || !run.text("loss").equals("bce") || run.number("beta") != 1.0
                || run.integer("latent") != 20 || run.batchSize() != 128 || run.lr() != 1e-3) return List.of();
        return List.of(ReportPage.Expected.between("test_loss_nats", 97, 101, "measured 98.7 (the seed MLP: 105.6)"),
                ReportPage.Expected.between("psnr", 20.5, 21.8, "measured 21.1 dB"),
                ReportPage.Expected.atMost("fld", 90, "measured 67 (the seed MLP: 144)"));
    }
}
