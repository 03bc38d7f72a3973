package genlab.models.vae;

import genlab.io.GoldenFile;
import genlab.kernels.Backend;
import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** MlpVae, the reparameterized sample, both losses and their gradients against PyTorch (test-data/golden/vae_mlp.json). */
class VaeGoldenTest {
    private static final GoldenFile F = GoldenFile.read(Path.of("test-data/golden/vae_mlp.json"));

    private static MlpVae model() {
        MlpVae vae = new MlpVae(new int[] {1, 3, 4}, 8, 3, new SplittableRandom(0));
        for (Map.Entry<String, Tensor> e : vae.namedParameters().entrySet()) {
            Tensor from = F.tensor("init." + e.getKey());
            System.arraycopy(from.data(), 0, e.getValue().data(), 0, from.numel());
            Backend.hostWrote(e.getValue().data());
        }
        return vae;
    }

    static void close(String what, Tensor expected, Tensor actual, double atol, double rtol) {
        assertEquals(expected.numel(), actual.numel(), what + ": sizes");
        float[] e = expected.data(), a = actual.data();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], atol + rtol * Math.abs(e[i]), what + "[" + i + "]");
        }
    }

    @Test
    void forwardMatchesPyTorch() {
        MlpVae vae = model();
        Tensor x = F.tensor("x");
        GaussianPosterior q = vae.encode(x);
        close("mu", F.tensor("mu"), q.mu(), 1e-6, 1e-5);
        close("logvar", F.tensor("logvar"), q.logVar(), 1e-6, 1e-5);
        Tensor z = q.sample(F.tensor("eps"));
        close("z", F.tensor("z"), z, 1e-6, 1e-5);
        close("xhat", F.tensor("xhat"), vae.decode(z), 1e-6, 1e-5);
    }

    @Test
    void lossesAndGradientsMatchPyTorch() {
        for (ReconstructionLoss r : ReconstructionLoss.values()) {
            for (double beta : new double[] {1.0, 2.5}) {
                String tag = r.name().toLowerCase() + "_beta" + beta;
                MlpVae vae = model();
                Elbo l = Elbo.loss(vae, F.tensor("x"), r, beta, F.tensor("eps"));
                close(tag + ".loss", F.tensor(tag + ".loss"), l.total(), 1e-5, 1e-5);
                close(tag + ".rec", F.tensor(tag + ".rec"), l.reconstruction(), 1e-5, 1e-5);
                close(tag + ".kl", F.tensor(tag + ".kl"), l.kl(), 1e-5, 1e-5);
                l.total().backward();
                for (Map.Entry<String, Tensor> e : vae.namedParameters().entrySet()) {
                    close(tag + ".grad." + e.getKey(), F.tensor(tag + ".grad." + e.getKey()), e.getValue().grad(), 1e-5, 1e-4);
                }
            }
        }
    }
}
