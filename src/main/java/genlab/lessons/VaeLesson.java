package genlab.lessons;

import java.util.List;
import genlab.viz.ReportPage;
import genlab.models.vae.MlpVae;

/**
 * The seed notes' VAE on MNIST, and an improved recipe beside it; both train the same loss,
 * R + β·KL with R the BCE-sum ({@code --loss bce}, default) or the MSE-sum ({@code --loss mse}).
 *
 * <p>{@code --recipe seed} (the default) is the notes' code as written: {@link MlpVae} 784-400-L
 * (ReLU, sigmoid decoder), Adam 1e-3 at a constant rate, batch 128.
 *
 * <p>{@code --recipe improved}: 784-512-256-L with the decoder mirrored (L-256-512-784), batch 32
 * (four times the updates per epoch), and the rate 1e-3 decayed to 0 by a cosine over the run,
 * lr_t = 1e-3 · ½(1 + cos(π t/T)), so the last epochs average out the noise of small batches. The
 * reported test loss is the same full ELBO at β = 1, so the two recipes compare directly.
 *
 * <p>Writes the figures of {@link VaeFigures}; see {@code lessons/vae.md}.
 */
public final class VaeLesson implements Lesson {
    static final int[] SEED_HIDDEN = {400}, IMPROVED_HIDDEN = {512, 256};
    static final int SEED_BATCH = 128, IMPROVED_BATCH = 32;
    static final double LR = 1e-3;

    @Override
    public String name() {
        return "vae";
    }

    @Override
    public String summary() {
        return "the seed notes' MLP VAE on MNIST (--recipe seed|improved): ELBO curves, reconstructions, samples, latent space (--loss, --beta, --latent)";
    }

    @Override
    public Options options() {
        return VaeTraining.withoutOptimiser(Options.common().epochs(10, 1)
                .choice("recipe", List.of("seed", "improved"), "seed",
                        "seed: the notes' 784-400-L, batch 128, constant Adam 1e-3; improved: 784-512-256-L, batch 32, Adam 1e-3 with cosine decay")
                .text("batch-size", "recipe", "examples per optimiser step (default: the recipe's, 128 seed, 32 improved)")
                .text("lr", "recipe", "Adam's learning rate (default: the recipe's, 1e-3 for both)"), 20);
    }

    @Override
    public void run(Run run) throws Exception {
        boolean seed = run.text("recipe").equals("seed");
        int batch = parseBatchSize(run.text("batch-size"), seed ? SEED_BATCH : IMPROVED_BATCH);
        double lr = GanLesson.parseLr(run.text("lr"), LR);
        int latent = run.integer("latent");
        int[] hidden = seed ? SEED_HIDDEN : IMPROVED_HIDDEN;
        StringBuilder layout = new StringBuilder("784");
        for (int h : hidden) layout.append('-').append(h);
        MlpVae vae = new MlpVae(new int[] {1, 28, 28}, hidden, latent, run.random());
        VaeTraining.run(run, vae, "MLP VAE " + layout + "-" + latent + " (recipe " + run.text("recipe") + ")",
                new VaeTraining.Optimisation(run.text("recipe"), batch, lr, !seed));
    }

    static int parseBatchSize(String text, int recipeDefault) throws UsageException {
        if (text.equals("recipe")) return recipeDefault;
        try {
            int v = Integer.parseInt(text);
            if (v > 0) return v;
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new UsageException("--batch-size expects a positive whole number or 'recipe', got '" + text + "'");
    }

    /** The ranges lessons/vae.md gives for each recipe's defaults (BCE, β = 1, 10 epochs), latent 20 or 2. */
    @Override
    public List<ReportPage.Expected> expected(Run run) {
        if (run.quick() || run.epochs() != 10 || !run.text("loss").equals("bce") || run.number("beta") != 1.0
                || !run.text("batch-size").equals("recipe") || !run.text("lr").equals("recipe")) return List.of();
        boolean seed = run.text("recipe").equals("seed");
        return switch (run.integer("latent")) {
            case 20 -> seed
                    ? List.of(ReportPage.Expected.atMost("test_loss_nats", 106, "the issue's bar; PyTorch, same recipe: 105.7; measured 105.6"),
                            ReportPage.Expected.between("psnr", 20.3, 21.5, "measured 20.9 dB"),
                            ReportPage.Expected.between("fld", 110, 180, "measured 144"))
                    : List.of(ReportPage.Expected.atMost("test_loss_nats", 104, "measured 102.8 (the seed recipe: 105.6)"),
                            ReportPage.Expected.between("psnr", 19.2, 20.3, "measured 19.7 dB: a smaller KL, blurrier reconstructions than the seed's 20.9"),
                            ReportPage.Expected.atMost("fld", 120, "measured 86 (the seed recipe: 144)"));
            case 2 -> seed
                    ? List.of(ReportPage.Expected.between("test_loss_nats", 152, 157,
                                    "measured 154.4 at 10 epochs (the issue's bar, 150, takes about 30 epochs with this recipe)"),
                            ReportPage.Expected.between("psnr", 13.8, 14.8, "measured 14.3 dB"),
                            ReportPage.Expected.between("fld", 280, 420, "measured 344"))
                    : List.of(ReportPage.Expected.atMost("test_loss_nats", 150, "the issue's bar; measured 140.7 (below 150 from epoch 2)"),
                            ReportPage.Expected.between("psnr", 14.6, 15.7, "measured 15.2 dB"),
                            ReportPage.Expected.atMost("fld", 260, "measured 206 (the seed recipe: 344)"));
            default -> List.of();
        };
    }
}
