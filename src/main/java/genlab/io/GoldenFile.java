package genlab.io;

import genlab.tensor.Tensor;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of reference values computed by PyTorch ({@code test-data/golden/make_golden.py}), for
 * tests that compare genlab's ops with an independent implementation.
 *
 * <h2>Format</h2>
 * <pre>
 *   {"meta":    {"stride": [2, 2], "eps": 1e-05, ...},          free-form hyperparameters
 *    "tensors": {"x": {"shape": [2, 3, 7, 6], "data": [0.1, ...]},   row-major values
 *                ...}}
 * </pre>
 * Values are written with Python's {@code repr(float(v))} of float32 numbers, so
 * {@code (float) parsed} is exactly the float PyTorch computed. A shape of {@code []} is a scalar
 * with one value.
 */
public record GoldenFile(Map<String, Object> meta, LinkedHashMap<String, Tensor> tensors) {

    /** Reads and checks a golden file: every tensor's data length must equal its shape's product. */
    public static GoldenFile read(Path file) {
        Object root = Json.readFile(file);
        if (!(root instanceof Map<?, ?> m) || !(m.get("tensors") instanceof Map<?, ?> ts)) {
            throw FormatException.of(file, "expected an object with a \"tensors\" object");
        }
        Object metaObj = m.get("meta");
        if (metaObj != null && !(metaObj instanceof Map)) {
            throw FormatException.of(file, "\"meta\" is not an object");
        }
        LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ts.entrySet()) {
            String name = (String) e.getKey();
            if (!(e.getValue() instanceof Map<?, ?> t) || !(t.get("shape") instanceof List<?> shapeList)
                    || !(t.get("data") instanceof List<?> dataList)) {
                throw FormatException.of(file, "tensor '" + name + "' needs a \"shape\" list and a \"data\" list");
            }
            int[] shape = new int[shapeList.size()];
            for (int i = 0; i < shape.length; i++) {
                if (!(shapeList.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                    throw FormatException.of(file, "tensor '" + name + "' has shape " + shapeList
                            + "; dimensions must be non-negative integers");
                }
                shape[i] = (int) (long) d;
            }
            if (Shapes.numel(shape) != dataList.size()) {
                throw FormatException.of(file, "tensor '" + name + "' has shape " + Shapes.format(shape)
                        + " (" + Shapes.numel(shape) + " elements) but " + dataList.size() + " data values");
            }
            float[] data = new float[dataList.size()];
            for (int i = 0; i < data.length; i++) {
                if (!(dataList.get(i) instanceof Number v)) {
                    throw FormatException.of(file, "tensor '" + name + "' data[" + i + "] is "
                            + dataList.get(i) + ", not a number");
                }
                data[i] = v.floatValue();
            }
            tensors.put(name, Tensor.of(data, shape));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = metaObj == null ? Map.of() : (Map<String, Object>) metaObj;
        return new GoldenFile(Collections.unmodifiableMap(meta), tensors);
    }

    /** The named tensor, or an error listing the names the file has. */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new FormatException("golden file has no tensor '" + name + "'; it has " + tensors.keySet());
        }
        return t;
    }
}
