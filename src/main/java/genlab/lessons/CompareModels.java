package genlab.lessons;

import genlab.diffusion.DdimSampler;
import genlab.diffusion.NoiseSchedule;
import genlab.diffusion.UNet;
import genlab.flow.RealNvp;
import genlab.io.SafeTensors;
import genlab.metrics.Evaluator;
import genlab.models.gan.MlpGenerator;
import genlab.models.vae.MlpVae;
import genlab.tensor.Autograd;
import genlab.tensor.Tensor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The trained models of the compare lesson's sub-runs, loaded back from the files the sub-runs
 * wrote, each seen the same way: a latent z of {@link Latent#size()} numbers drawn from its prior,
 * and a map from a batch of latents to images in [0, 1]. That is all the timing and the latent
 * interpolation need.
 *
 * <ul>
 *   <li>vae: z ~ N(0, I) (20), the decoder's Bernoulli means, from OUT/vae/vae.safetensors;</li>
 *   <li>gan: z ~ N(0, I) (100), the generator in eval mode, from OUT/gan/generator.safetensors;</li>
 *   <li>realnvp: z ~ N(0, T² I) (784), x = f⁻¹(z), from OUT/realnvp/realnvp.safetensors;</li>
 *   <li>ddpm: x_T ~ N(0, I) (784), deterministic DDIM (η = 0) with 20 steps, from the shipped checkpoint.</li>
 * </ul>
 */
final class CompareModels {
    private CompareModels() {}

    /** DDIM steps for the DDPM's generator: the ddpm lesson's default count of reverse steps. */
    static final int DDPM_STEPS = 20;

    /** A model seen through its latent. */
    interface Latent {
        /** Numbers per latent. */
        int size();

        /** n latents from the prior, flat (n · size). */
        float[] draw(RandomGenerator rng, int n);

        /** Images (n, 1, 28, 28) in [0, 1] from n latents (n · size). */
        Tensor generate(float[] z, int n);
    }

    /** The model of sub-run {@code key} ("vae", "gan", "realnvp", "ddpm") written in {@code dir}. */
    static Latent load(String key, Path dir) throws UsageException {
        RandomGenerator init = new SplittableRandom(0); // overwritten by the loaded weights
        return switch (key) {
            case "vae" -> vae(file(dir, "vae.safetensors"), init);
            case "gan" -> gan(file(dir, GanLesson.GENERATOR_FILE), init);
            case "realnvp" -> realnvp(file(dir, RealNvpMnistLesson.CHECKPOINT_FILE), init);
            case "ddpm" -> ddpm(Evaluator.defaultCheckpoint().resolveSibling(DdpmLesson.CHECKPOINT_FILE), init);
            default -> throw new IllegalArgumentException("CompareModels: no model '" + key + "'");
        };
    }

    private static Path file(Path dir, String name) throws UsageException {
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) throw new UsageException("compare: the sub-run wrote no " + f);
        return f;
    }

    private static float[] gaussian(RandomGenerator rng, int count, double scale) {
        float[] z = new float[count];
        for (int i = 0; i < count; i++) z[i] = (float) (scale * rng.nextGaussian());
        return z;
    }

    private static int metaInt(Map<String, String> meta, String key, Path file) throws UsageException {
        try {
            return Integer.parseInt(meta.get(key));
        } catch (NumberFormatException e) {
            throw new UsageException("compare: " + file + " metadata has no integer '" + key + "': " + meta);
        }
    }

    private static double metaNumber(Map<String, String> meta, String key, Path file) throws UsageException {
        try {
            return Double.parseDouble(meta.get(key));
        } catch (NullPointerException | NumberFormatException e) {
            throw new UsageException("compare: " + file + " metadata has no number '" + key + "': " + meta);
        }
    }

    static Latent vae(Path file, RandomGenerator init) throws UsageException {
        Map<String, String> meta = SafeTensors.read(file).metadata();
        if (!MlpVae.class.getName().equals(meta.get("model"))) {
            throw new UsageException("compare: " + file + " holds a " + meta.get("model") + ", not the MLP VAE");
        }
        int latent = metaInt(meta, "latent", file);
        MlpVae vae = new MlpVae(latent, init);
        SafeTensors.loadInto(file, vae.stateDict());
        vae.eval();
        return new Latent() {
            public int size() { return latent; }
            public float[] draw(RandomGenerator rng, int n) { return gaussian(rng, n * latent, 1); }
            public Tensor generate(float[] z, int n) {
                try (var ng = Autograd.noGrad()) {
                    return vae.decode(Tensor.of(z, n, latent));                         // (n, L) -> (n, 1, 28, 28)
                }
            }
        };
    }

    static Latent gan(Path file, RandomGenerator init) throws UsageException {
        Map<String, String> meta = SafeTensors.read(file).metadata();
        MlpGenerator g = GanLesson.generator("seed".equals(meta.get("recipe")), metaInt(meta, "classes", file), init);
        if (g.classes > 0) throw new UsageException("compare: " + file + " is a conditional generator; compare needs an unconditional one");
        SafeTensors.loadInto(file, g.stateDict());
        int noise = g.noise;
        return new Latent() {
            public int size() { return noise; }
            public float[] draw(RandomGenerator rng, int n) { return gaussian(rng, n * noise, 1); }
            public Tensor generate(float[] z, int n) {
                return Tensor.of(GanLesson.sample(g, Tensor.of(z, n, noise), null), n, 1, 28, 28); // (n, 100) -> (n, 1, 28, 28)
            }
        };
    }

    static Latent realnvp(Path file, RandomGenerator init) throws UsageException {
        Map<String, String> meta = SafeTensors.read(file).metadata();
        RealNvp model = RealNvp.images(1, 28, 28, metaInt(meta, "scales", file), metaInt(meta, "features", file),
                metaInt(meta, "layers", file), metaNumber(meta, "alpha", file), init);
        SafeTensors.loadInto(file, model.stateDict());
        model.eval();
        double temperature = metaNumber(meta, "temperature", file);
        int d = model.dims();
        return new Latent() {
            public int size() { return d; }
            public float[] draw(RandomGenerator rng, int n) { return gaussian(rng, n * d, temperature); }
            public Tensor generate(float[] z, int n) {
                Tensor v = model.sampleFrom(Tensor.of(z, n, d));                        // (n, D) -> (n, 1, 28, 28), v ∈ [0, 256)
                float[] px = new float[v.numel()];
                for (int i = 0; i < px.length; i++) {
                    float p = v.data()[i] / 256f;
                    px[i] = Float.isNaN(p) ? 0 : Math.min(1f, Math.max(0f, p));     // as the realnvp-mnist lesson writes samples
                }
                return Tensor.of(px, n, 1, 28, 28);
            }
        };
    }

    static Latent ddpm(Path file, RandomGenerator init) throws UsageException {
        Map<String, String> meta = DdpmCheckpoint.metadata(file);
        UNet net = DdpmCheckpoint.build(meta, init);
        DdpmCheckpoint.loadEmaInto(file, net);
        net.eval();
        NoiseSchedule schedule = NoiseSchedule.byName(meta.getOrDefault("schedule", "linear"), metaInt(meta, "timesteps", file));
        DdimSampler ddim = new DdimSampler(schedule, Math.min(DDPM_STEPS, schedule.steps()), 0);
        return new Latent() {
            public int size() { return 784; }
            public float[] draw(RandomGenerator rng, int n) { return gaussian(rng, n * 784, 1); }
            public Tensor generate(float[] z, int n) {
                Tensor xT = Tensor.of(z, n, 1, 28, 28);                                 // x_T (n, 1, 28, 28)
                return DdpmLesson.toUnit(ddim.sampleFrom(net, xT, null, new SplittableRandom(0), null)); // η = 0: no noise drawn
            }
        };
    }
}
