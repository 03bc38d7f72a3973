package genlab.io;

import genlab.tensor.Tensor;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training checkpoint: a model's parameters and buffers and an optimiser's state in one
 * {@link SafeTensors} file, under the prefixes {@code model.} and {@code optim.}, plus string
 * metadata (step, options). Written atomically; loading checks every name and shape before it
 * changes anything, so a mismatched file leaves the model as it was.
 *
 * <p>Resuming from a checkpoint continues exactly as if training had not stopped, provided the
 * randomness of the remaining steps does not depend on the stopped process (derive each step's
 * generator from the seed and the step number).
 */
public final class Checkpoint {
    private Checkpoint() {}

    public static void save(Path file, Map<String, Tensor> model, Map<String, Tensor> optimizer, Map<String, String> metadata) {
        SafeTensors.write(file, merged(model, optimizer), metadata);
    }

    /** Loads into the given live tensors (in place) and returns the metadata. */
    public static Map<String, String> load(Path file, Map<String, Tensor> model, Map<String, Tensor> optimizer) {
        return SafeTensors.loadInto(file, merged(model, optimizer));
    }

    private static Map<String, Tensor> merged(Map<String, Tensor> model, Map<String, Tensor> optimizer) {
        Map<String, Tensor> all = new LinkedHashMap<>();
        model.forEach((k, v) -> all.put("model." + k, v));
        optimizer.forEach((k, v) -> all.put("optim." + k, v));
        return all;
    }
}
