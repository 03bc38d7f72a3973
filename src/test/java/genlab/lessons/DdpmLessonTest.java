package genlab.lessons;

import genlab.diffusion.UNet;
import genlab.io.Json;
import genlab.io.Npy;
import genlab.metrics.Evaluator;
import genlab.optim.Adam;
import genlab.optim.Ema;
import genlab.tensor.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DdpmLessonTest {
    @TempDir Path tmp;

    private static int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(Main.LESSONS, args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.OK, code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        return code;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metrics(Path dir) {
        return (Map<String, Object>) Json.readFile(dir.resolve("metrics.json"));
    }

    /** Quick mode writes every figure, samples in [0, 1], the bound in bits/dim. */
    @Test
    void quickRunWritesFigures() throws Exception {
        Path a = tmp.resolve("a");
        run("ddpm", "--quick", "--threads", "1", "--digit", "3", "--out", a.toString());
        for (String name : new String[] {"forward_strip.png", "forward.gif", "reverse_strip.png", "reverse.gif", "x0_estimate.gif",
                "samples.png", "guided_digits.png", "digit_3.png", "loss.png", "epochs/samples_epoch_01.png"}) {
            assertTrue(ImageIO.read(a.resolve(name).toFile()).getWidth() > 20, name);
        }
        Tensor s = Npy.read(a.resolve("samples.npy"));
        assertEquals(8, s.size(0));
        for (float v : s.data()) assertTrue(v >= 0 && v <= 1, "sample value " + v);
        Map<String, Object> m = metrics(a);
        double bpd = ((Number) m.get("test_bits_per_dim")).doubleValue();
        assertTrue(bpd > 0 && bpd < 40, "bits/dim " + bpd);
        assertTrue(m.containsKey("fld"));
        assertEquals(2, ((Number) m.get("steps")).intValue());
    }

    /** --resume continues from a checkpoint: a U-Net saved after two steps trains steps 3 and 4 of a two-epoch quick run. */
    @Test
    void resumeContinuesFromTheCheckpoint() throws Exception {
        UNet net = new UNet(8, 10, new SplittableRandom(1));
        Adam adam = new Adam(net.parameters(), 1e-3);
        Ema ema = new Ema(net.namedParameters(), 0.9);
        adam.step();
        adam.step(); // no gradients: only the step count moves
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("base", "8");
        meta.put("classes", "10");
        meta.put("schedule", "linear");
        meta.put("timesteps", "50");
        Path ckpt = tmp.resolve("start.safetensors");
        DdpmCheckpoint.save(ckpt, net, adam, ema, meta);
        Path b = tmp.resolve("b");
        run("ddpm", "--quick", "--threads", "1", "--samples", "2", "--sample-steps", "2", "--bpd-digits", "2", "--bpd-steps", "1",
                "--epochs", "2", "--resume", ckpt.toString(), "--out", b.toString());
        assertEquals(4, ((Number) metrics(b).get("steps")).intValue(), "two more steps after the two resumed");
        assertTrue(Files.readString(b.resolve("loss.csv")).contains("\n4,"), "the loss log goes on to step 4");
        Map<String, String> after = DdpmCheckpoint.metadata(b.resolve("checkpoint.safetensors"));
        assertEquals("4", after.get("step"));
    }

    /** A missing or foreign checkpoint is a usage error of one line, not a stack trace. */
    @Test
    void badCheckpointsAreNamed() throws Exception {
        Path foreign = tmp.resolve("foreign.safetensors");
        genlab.io.SafeTensors.write(foreign, Map.of("w", Tensor.zeros(2)), Map.of());
        for (String file : new String[] {tmp.resolve("missing.safetensors").toString(), foreign.toString()}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            int code = Cli.run(Main.LESSONS, new String[] {"ddpm", "--quick", "--resume", file, "--out", tmp.resolve("x").toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String msg = err.toString(StandardCharsets.UTF_8).trim();
            assertEquals(Cli.USAGE, code, msg);
            assertEquals(1, msg.lines().count(), msg);
            assertTrue(msg.contains(file), msg);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The shipped checkpoint samples digits (run only where it is installed). */
    @Test
    void pretrainedCheckpointSamples() throws Exception {
        Path ckpt;
        try {
            ckpt = Evaluator.defaultCheckpoint().resolveSibling(DdpmLesson.CHECKPOINT_FILE);
        } catch (RuntimeException e) {
            ckpt = null;
        }
        Assumptions.assumeTrue(ckpt != null && Files.isRegularFile(ckpt), "lessons/checkpoints/ddpm.safetensors is not installed");
        run("ddpm", "--pretrained", "--quick", "--threads", "1", "--out", tmp.toString());
        Map<String, Object> m = metrics(tmp);
        assertTrue(((Number) m.get("steps")).intValue() > 0);
        assertTrue(ImageIO.read(tmp.resolve("reverse.gif").toFile()).getWidth() > 20);
    }
}
