package genlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import genlab.io.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lessons/run compare --quick}: four quick sub-runs, scored the same way, one table and one figure. */
class CompareLessonTest {
    @TempDir Path tmp;

    @Test
    void quickRunWritesTableFigureAndMetrics() throws Exception {
        Path out = tmp.resolve("out");
        LessonRunner.Result r = LessonRunner.run("compare", "--quick", "--threads", "1", "--out", out.toString());
        assertEquals(Cli.OK, r.code(), r.err());

        for (String sub : new String[] {"vae", "gan", "realnvp", "ddpm"}) {
            assertTrue(Files.isRegularFile(out.resolve(sub).resolve("samples.npy")), sub + " sub-run wrote samples.npy");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.readFile(out.resolve("metrics.json"));
        for (String model : new String[] {"vae", "gan", "realnvp", "ddpm"}) {
            for (String score : new String[] {"fld", "is", "kid", "precision", "recall", "run_seconds"}) {
                String key = model + "_" + score;
                assertTrue(m.get(key) instanceof Number v && Double.isFinite(v.doubleValue()), key + " in " + m);
            }
            double is = ((Number) m.get(model + "_is")).doubleValue();
            assertTrue(is >= 1 && is <= 10, model + "_is in [1, 10]: " + is);
        }
        double realnvpBpd = ((Number) m.get("realnvp_bits_per_dim")).doubleValue();
        double ddpmBpd = ((Number) m.get("ddpm_bits_per_dim")).doubleValue();
        assertTrue(realnvpBpd > 0 && realnvpBpd < 9 && ddpmBpd > 0 && ddpmBpd < 9, m.toString());
        // The shipped DDPM is trained; the quick VAE, GAN and RealNVP barely are.
        double ddpmFld = ((Number) m.get("ddpm_fld")).doubleValue();
        for (String model : new String[] {"vae", "gan", "realnvp"}) {
            assertTrue(ddpmFld < ((Number) m.get(model + "_fld")).doubleValue(), "pretrained ddpm beats quick " + model + ": " + m);
        }

        String md = Files.readString(out.resolve("compare.md"));
        assertTrue(md.contains("| model | FLD"), md);
        for (String row : new String[] {"how it generates", "image quality", "training stability", "training difficulty",
                "generation speed", "latent space", "probabilistic interpretation"}) {
            assertTrue(md.contains("| " + row + " |"), "row '" + row + "' in compare.md");
        }
        assertTrue(md.contains("n/a (BCE)"), "the VAE's BCE loss is not turned into bits/dim");
        assertTrue(md.contains("Not measured yet") && md.contains("interpolation"), md);
        assertEquals(4, md.lines().filter(l -> l.startsWith("| VAE") || l.startsWith("| GAN") || l.startsWith("| RealNVP")
                || l.startsWith("| DDPM")).count(), "one measured row per model:\n" + md);

        BufferedImage fig = ImageIO.read(out.resolve("samples.png").toFile());
        int n = ((Number) m.get("score_samples")).intValue();
        int cols = Math.min(n, 16);
        assertTrue(fig.getHeight() >= 4 * 56 && fig.getWidth() >= cols * 56, "4 rows of " + cols + " digits at scale 2: "
                + fig.getWidth() + "x" + fig.getHeight());
        assertTrue(Files.readString(out.resolve("report.html")).contains("samples.png"));
    }
}
