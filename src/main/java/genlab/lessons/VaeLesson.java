package genlab.lessons;

import java.util.List;
import genlab.viz.ReportPage;
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

    /** The ranges lessons/vae.md gives for the default recipe (BCE, β = 1, 10 epochs), latent 20 or 2. */
    @Override
    public List<ReportPage.Expected> expected(Run run) {
        if (run.quick() || run.epochs() != 10 || !run.text("loss").equals("bce") || run.number("beta") != 1.0) return List.of();
        return switch (run.integer("latent")) {
            case 20 -> List.of(ReportPage.Expected.atMost("test_loss_nats", 106, "the issue's bar; PyTorch, same recipe: 105.7; measured 105.6"));
            case 2 -> List.of(ReportPage.Expected.between("test_loss_nats", 152, 157,
                    "measured 154.4 at 10 epochs (the issue's bar, 150, takes about 30 epochs)"));
            default -> List.of();
        };
    }
}
