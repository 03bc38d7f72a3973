package genlab.io;

import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads every golden file and checks two of them against double-precision oracles written here,
 * which pins down the documented layouts (Conv2d weight (out, in, kh, kw), ConvTranspose2d weight
 * (in, out, kh, kw)) and the meaning of the [h, w] hyperparameter pairs.
 */
class GoldenFileTest {
    static final Path GOLDEN = Path.of("test-data", "golden");

    @ParameterizedTest
    @ValueSource(strings = {"conv2d", "conv2d_dilated", "conv_transpose2d", "batchnorm2d_train", "batchnorm2d_eval",
        "batchnorm1d_train", "groupnorm", "layernorm", "mlp_adam", "log_softmax", "logsumexp", "bce_with_logits",
        "gelu", "silu", "softplus"})
    void everyGoldenFileReads(String name) {
        GoldenFile g = GoldenFile.read(GOLDEN.resolve(name + ".json"));
        assertEquals(name, g.meta().get("case"));
        assertEquals("float32", g.meta().get("dtype"));
        assertFalse(g.tensors().isEmpty());
        for (var e : g.tensors().entrySet()) {
            assertEquals(Shapes.numel(e.getValue().shape()), e.getValue().data().length, e.getKey());
        }
    }

    @Test
    void conv2dMatchesDoubleOracle() {
        for (String name : List.of("conv2d", "conv2d_dilated")) {
            GoldenFile g = GoldenFile.read(GOLDEN.resolve(name + ".json"));
            Tensor x = g.tensor("x");
            Tensor w = g.tensor("weight");
            float[] b = g.tensor("bias").data();
            int[] stride = pair(g.meta().get("stride"));
            int[] pad = pair(g.meta().get("padding"));
            int[] dil = pair(g.meta().get("dilation"));
            int[] xs = x.shape();
            int[] ws = w.shape(); // (out, in, kh, kw)
            int[] ys = g.tensor("y").shape();
            int n = xs[0], c = xs[1], h = xs[2], wd = xs[3], o = ws[0], kh = ws[2], kw = ws[3];
            int oh = (h + 2 * pad[0] - dil[0] * (kh - 1) - 1) / stride[0] + 1;
            int ow = (wd + 2 * pad[1] - dil[1] * (kw - 1) - 1) / stride[1] + 1;
            assertArrayEquals(new int[] {n, o, oh, ow}, ys, name);
            float[] y = g.tensor("y").data();
            for (int in = 0; in < n; in++) {
                for (int oc = 0; oc < o; oc++) {
                    for (int i = 0; i < oh; i++) {
                        for (int j = 0; j < ow; j++) {
                            double s = b[oc];
                            for (int ic = 0; ic < c; ic++) {
                                for (int p = 0; p < kh; p++) {
                                    for (int q = 0; q < kw; q++) {
                                        int r = i * stride[0] - pad[0] + p * dil[0];
                                        int col = j * stride[1] - pad[1] + q * dil[1];
                                        if (r < 0 || r >= h || col < 0 || col >= wd) continue;
                                        s += (double) x.data()[((in * c + ic) * h + r) * wd + col]
                                                * w.data()[((oc * c + ic) * kh + p) * kw + q];
                                    }
                                }
                            }
                            float got = y[((in * o + oc) * oh + i) * ow + j];
                            assertEquals(s, got, 1e-4 * (1 + Math.abs(s)), name + " y at " + in + "," + oc + "," + i + "," + j);
                        }
                    }
                }
            }
        }
    }

    @Test
    void convTranspose2dMatchesDoubleOracle() {
        GoldenFile g = GoldenFile.read(GOLDEN.resolve("conv_transpose2d.json"));
        Tensor x = g.tensor("x");
        Tensor w = g.tensor("weight"); // (in, out, kh, kw)
        float[] b = g.tensor("bias").data();
        int[] stride = pair(g.meta().get("stride"));
        int[] pad = pair(g.meta().get("padding"));
        int[] xs = x.shape();
        int[] ws = w.shape();
        int[] ys = g.tensor("y").shape();
        int n = xs[0], c = xs[1], h = xs[2], wd = xs[3], o = ws[1], kh = ws[2], kw = ws[3], oh = ys[2], ow = ys[3];
        double[] y = new double[n * o * oh * ow];
        for (int in = 0; in < n; in++) {
            for (int oc = 0; oc < o; oc++) {
                for (int k = 0; k < oh * ow; k++) y[(in * o + oc) * oh * ow + k] = b[oc];
            }
            for (int ic = 0; ic < c; ic++) {
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < wd; j++) {
                        double v = x.data()[((in * c + ic) * h + i) * wd + j];
                        for (int oc = 0; oc < o; oc++) {
                            for (int p = 0; p < kh; p++) {
                                for (int q = 0; q < kw; q++) {
                                    int r = i * stride[0] - pad[0] + p;
                                    int col = j * stride[1] - pad[1] + q;
                                    if (r < 0 || r >= oh || col < 0 || col >= ow) continue;
                                    y[((in * o + oc) * oh + r) * ow + col] += v * w.data()[((ic * o + oc) * kh + p) * kw + q];
                                }
                            }
                        }
                    }
                }
            }
        }
        float[] got = g.tensor("y").data();
        for (int k = 0; k < y.length; k++) assertEquals(y[k], got[k], 1e-4 * (1 + Math.abs(y[k])), "y[" + k + "]");
    }

    @Test
    void softplusAndBceMatchTheirFormulas() {
        GoldenFile sp = GoldenFile.read(GOLDEN.resolve("softplus.json"));
        float[] x = sp.tensor("x").data();
        float[] y = sp.tensor("y").data();
        for (int i = 0; i < x.length; i++) {
            double want = x[i] > 20 ? x[i] : Math.log1p(Math.exp(x[i]));
            assertEquals(want, y[i], 1e-6 * (1 + Math.abs(want)), "softplus(" + x[i] + ")");
        }
        GoldenFile bce = GoldenFile.read(GOLDEN.resolve("bce_with_logits.json"));
        float[] l = bce.tensor("x").data();
        float[] t = bce.tensor("target").data();
        float[] loss = bce.tensor("y").data();
        for (int i = 0; i < l.length; i++) {
            double want = Math.max(l[i], 0) - l[i] * (double) t[i] + Math.log1p(Math.exp(-Math.abs(l[i])));
            assertEquals(want, loss[i], 1e-5 * (1 + Math.abs(want)), "bce(" + l[i] + ", " + t[i] + ")");
        }
    }

    @Test
    void badGoldenFilesAreNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("g.json");
        Files.writeString(f, "{\"meta\": {}, \"tensors\": {\"x\": {\"shape\": [2, 2], \"data\": [1, 2, 3]}}}");
        assertEquals(f + ": tensor 'x' has shape (2, 2) (4 elements) but 3 data values",
                assertThrows(FormatException.class, () -> GoldenFile.read(f)).getMessage());
        Files.writeString(f, "{\"tensors\": {\"x\": {\"shape\": [1], \"data\": [\"a\"]}}}");
        assertEquals(f + ": tensor 'x' data[0] is a, not a number",
                assertThrows(FormatException.class, () -> GoldenFile.read(f)).getMessage());
        Files.writeString(f, "[]");
        assertEquals(f + ": expected an object with a \"tensors\" object",
                assertThrows(FormatException.class, () -> GoldenFile.read(f)).getMessage());
        Files.writeString(f, "{\"tensors\": {\"s\": {\"shape\": [], \"data\": [2.5]}}}");
        GoldenFile g = GoldenFile.read(f);
        assertArrayEquals(new float[] {2.5f}, g.tensor("s").data());
        assertTrue(g.meta().isEmpty());
        FormatException e = assertThrows(FormatException.class, () -> g.tensor("y"));
        assertEquals("golden file has no tensor 'y'; it has [s]", e.getMessage());
    }

    private static int[] pair(Object o) {
        List<?> l = (List<?>) o;
        return new int[] {((Number) l.get(0)).intValue(), ((Number) l.get(1)).intValue()};
    }
}
