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
            for (String score : new String[] {"fld", "is", "kid", "precision", "recall", "run_seconds", "ms_per_sample",
                    "interp_path_ratio", "interp_max_over_mean", "interp_endpoint_distance"}) {
                String key = model + "_" + score;
                assertTrue(m.get(key) instanceof Number v && Double.isFinite(v.doubleValue()), key + " in " + m);
            }
            assertTrue(((Number) m.get(model + "_ms_per_sample")).doubleValue() > 0, model + " ms/sample");
            assertTrue(((Number) m.get(model + "_interp_path_ratio")).doubleValue() >= 1 - 1e-9
                    && ((Number) m.get(model + "_interp_max_over_mean")).doubleValue() >= 1 - 1e-9, model + " interpolation " + m);
            assertTrue(Files.isRegularFile(out.resolve("interpolation_" + model + ".png")), model + " interpolation strip");
            double is = ((Number) m.get(model + "_is")).doubleValue();
            assertTrue(is >= 1 && is <= 10, model + "_is in [1, 10]: " + is);
        }
        // two seeds of every trained sub-run: a spread across seeds; the DDPM's from its shipped log
        for (String key : new String[] {"vae_loss", "gan_d_loss", "gan_g_loss", "realnvp_loss"}) {
            assertEquals(2, ((Number) m.get(key + "_runs")).intValue(), key);
            assertTrue(((Number) m.get(key + "_final_std")).doubleValue() > 0, key + " differs between seeds: " + m);
            assertTrue(((Number) m.get(key + "_step_cv")).doubleValue() >= 0, key);
        }
        assertEquals(1, ((Number) m.get("ddpm_loss_runs")).intValue());
        assertTrue(Files.isRegularFile(out.resolve("vae-seed1").resolve("losses.csv")));
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
        assertTrue(md.contains("ms/sample") && md.contains("interpolation L/D") && md.contains("step CV"), md);
        assertTrue(!md.contains("n/m |"), "every measured cell is filled:\n" + md);
        assertEquals(8, md.lines().filter(l -> l.startsWith("| VAE") || l.startsWith("| GAN") || l.startsWith("| RealNVP")
                || l.startsWith("| DDPM")).count(), "one row per model in each measured table:\n" + md);

        BufferedImage fig = ImageIO.read(out.resolve("samples.png").toFile());
        int n = ((Number) m.get("score_samples")).intValue();
        int cols = Math.min(n, 16);
        assertTrue(fig.getHeight() >= 4 * 56 && fig.getWidth() >= cols * 56, "4 rows of " + cols + " digits at scale 2: "
                + fig.getWidth() + "x" + fig.getHeight());
        assertTrue(Files.readString(out.resolve("report.html")).contains("samples.png"));
    }

    @Test
    void badOptionsGetOneLine() {
        LessonRunner.Result steps = LessonRunner.run("compare", "--quick", "--interp-steps", "1", "--out", tmp.resolve("a").toString());
        assertEquals(Cli.USAGE, steps.code());
        assertTrue(steps.err().contains("--interp-steps") && steps.errLines().length == 1, steps.err());
        LessonRunner.Result seeds = LessonRunner.run("compare", "--quick", "--seeds", "0", "--out", tmp.resolve("b").toString());
        assertEquals(Cli.USAGE, seeds.code());
        assertTrue(seeds.err().contains("--seeds") && seeds.errLines().length == 1, seeds.err());
        LessonRunner.Result pairs = LessonRunner.run("compare", "--quick", "--pairs", "many", "--out", tmp.resolve("c").toString());
        assertEquals(Cli.USAGE, pairs.code());
        assertTrue(pairs.err().contains("--pairs"), pairs.err());
    }

    @Test
    void lossSpreadFromConstructedLogs() throws Exception {
        // two seeds' logs of 10 steps; the last 20% (2 steps) are (4, 6) and (8, 8): finals 5 and 8, CVs √2/5 and 0
        Path a = tmp.resolve("vae"), b = tmp.resolve("vae-seed1");
        Files.createDirectories(a);
        Files.createDirectories(b);
        Files.writeString(a.resolve("losses.csv"), "step,loss\n1,100\n2,90\n3,80\n4,70\n5,60\n6,50\n7,40\n8,30\n9,4\n10,6\n");
        Files.writeString(b.resolve("losses.csv"), "step,loss\n1,100\n2,90\n3,80\n4,70\n5,60\n6,50\n7,40\n8,30\n9,8\n10,8\n");
        CompareLesson.Model vae = CompareLesson.MODELS.get(0);
        var spreads = CompareLesson.spreads(vae, java.util.List.of(a, b));
        assertEquals(1, spreads.size());
        assertEquals(6.5, spreads.get(0).mean(), 1e-9);
        assertEquals(Math.sqrt(4.5), spreads.get(0).std(), 1e-9);
        assertEquals(Math.sqrt(2) / 5 / 2, spreads.get(0).stepCv(), 1e-9);
        assertEquals(2, spreads.get(0).runs());
    }
}
