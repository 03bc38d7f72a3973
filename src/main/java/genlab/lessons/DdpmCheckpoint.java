package genlab.lessons;

import genlab.diffusion.UNet;
import genlab.io.SafeTensors;
import genlab.optim.Adam;
import genlab.optim.Ema;
import genlab.tensor.Tensor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ddpm lesson's checkpoint, one safetensors file: the live weights ({@code model.}), their
 * exponential moving average ({@code ema.}, what samples are drawn with) and Adam's state
 * ({@code optim.}), with the settings needed to rebuild the U-Net in the metadata
 * ({@code base}, {@code classes}, {@code schedule}, {@code T}, {@code step}, ...). The shipped
 * {@code lessons/checkpoints/ddpm.safetensors} is such a file, so training can resume from it.
 */
final class DdpmCheckpoint {
    private DdpmCheckpoint() {}

    static void save(Path file, UNet net, Adam adam, Ema ema, Map<String, String> meta) {
        SafeTensors.write(file, all(net, adam, ema, adam.state()), meta);
    }

    /** Loads everything in place (for --resume) and returns the metadata. */
    static Map<String, String> loadAll(Path file, UNet net, Adam adam, Ema ema) {
        Map<String, Tensor> optim = adam.state(); // live tensors, "step" included
        Map<String, Tensor> m = all(net, adam, ema, optim);
        Map<String, String> meta = SafeTensors.loadInto(file, m);
        adam.afterLoad(optim);
        return meta;
    }

    /** The metadata alone (to build a matching U-Net first). */
    static Map<String, String> metadata(Path file) throws UsageException {
        if (!Files.isRegularFile(file)) throw new UsageException("checkpoint " + file + " not found");
        return SafeTensors.read(file).metadata();
    }

    /** Copies the averaged weights ({@code ema.}) into {@code net}: the weights samples come from. */
    static void loadEmaInto(Path file, UNet net) {
        SafeTensors.Contents c = SafeTensors.read(file);
        Map<String, Tensor> target = net.stateDict();
        for (Map.Entry<String, Tensor> e : target.entrySet()) {
            Tensor src = c.tensors().get("ema." + e.getKey());
            if (src == null) src = c.tensors().get("model." + e.getKey()); // buffers are not averaged
            if (src == null || src.numel() != e.getValue().numel()) {
                throw new LessonException(file + ": tensor '" + e.getKey() + "' is missing or has another shape; was it written for a different U-Net?");
            }
            System.arraycopy(src.data(), 0, e.getValue().data(), 0, src.numel());
            genlab.kernels.Backend.hostWrote(e.getValue().data());
        }
    }

    /** A U-Net shaped as the checkpoint's metadata says. */
    static UNet build(Map<String, String> meta, java.util.random.RandomGenerator rng) throws UsageException {
        try {
            return new UNet(Integer.parseInt(meta.get("base")), Integer.parseInt(meta.get("classes")), rng);
        } catch (NullPointerException | NumberFormatException e) {
            throw new UsageException("checkpoint metadata lacks base/classes: " + meta);
        }
    }

    private static Map<String, Tensor> all(UNet net, Adam adam, Ema ema, Map<String, Tensor> optim) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        net.stateDict().forEach((k, v) -> m.put("model." + k, v));
        ema.averaged().forEach((k, v) -> m.put("ema." + k, v));
        optim.forEach((k, v) -> m.put("optim." + k, v));
        return m;
    }
}
