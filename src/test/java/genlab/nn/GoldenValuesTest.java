package genlab.nn;

import genlab.io.GoldenFile;
import genlab.optim.Adam;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Outputs and gradients against PyTorch on fixed inputs (test-data/golden, made by make_golden.py;
 * no torch needed here). Tolerances are float32's: 1e-5 relative for single ops, 1e-4 where many
 * terms are summed.
 */
class GoldenValuesTest {
    private static final Path DIR = Path.of("test-data/golden");

    private static GoldenFile golden(String name) {
        return GoldenFile.read(DIR.resolve(name + ".json"));
    }

    static void close(String what, Tensor expected, Tensor actual, double atol, double rtol) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape " + Shapes.str(actual.shape()) + " vs " + Shapes.str(expected.shape()));
        for (int i = 0; i < expected.numel(); i++) {
            double e = expected.data()[i], a = actual.data()[i];
            if (Math.abs(a - e) > atol + rtol * Math.abs(e)) fail(what + ": element " + i + " is " + a + ", PyTorch gives " + e);
        }
    }

    private static void load(Tensor into, Tensor from) {
        assertArrayEquals(from.shape(), into.shape());
        System.arraycopy(from.data(), 0, into.data(), 0, from.numel());
    }

    /** y = m(x); backward of Σ y·gy; compares y and the gradients named in the file. */
    private static void checkModule(GoldenFile f, Module m, Map<String, Tensor> params, double tol) {
        params.forEach((k, t) -> load(t, f.tensor(k)));
        Tensor x = f.tensor("x").copy().requiresGrad(true);
        Tensor y = m.forward(x);
        close("y", f.tensor("y"), y, tol, tol);
        y.mul(f.tensor("gy")).sum().backward();
        close("grad_x", f.tensor("grad_x"), x.grad(), tol, tol);
        params.forEach((k, t) -> close("grad_" + k, f.tensor("grad_" + k), t.grad(), tol, tol));
    }

    @Test
    void conv2d() {
        for (String name : List.of("conv2d", "conv2d_dilated")) {
            GoldenFile f = golden(name);
            int[] stride = ints(f.meta().get("stride")), pad = ints(f.meta().get("padding")), dil = ints(f.meta().get("dilation"));
            Tensor w = f.tensor("weight").copy().requiresGrad(true), b = f.tensor("bias").copy().requiresGrad(true);
            Tensor x = f.tensor("x").copy().requiresGrad(true);
            Tensor y = genlab.tensor.ops.Conv2d.apply(x, w, stride, pad, dil).add(b.reshape(1, -1, 1, 1));
            close(name + " y", f.tensor("y"), y, 1e-5, 1e-4);
            y.mul(f.tensor("gy")).sum().backward();
            close(name + " grad_x", f.tensor("grad_x"), x.grad(), 1e-5, 1e-4);
            close(name + " grad_weight", f.tensor("grad_weight"), w.grad(), 1e-4, 1e-4);
            close(name + " grad_bias", f.tensor("grad_bias"), b.grad(), 1e-4, 1e-4);
        }
    }

    @Test
    void convTranspose2d() {
        GoldenFile f = golden("conv_transpose2d");
        Tensor w = f.tensor("weight");
        ConvTranspose2d m = new ConvTranspose2d(w.size(0), w.size(1), w.size(2), ints(f.meta().get("stride"))[0],
                ints(f.meta().get("padding"))[0], ints(f.meta().get("output_padding"))[0], true, new SplittableRandom(0));
        checkModule(f, m, Map.of("weight", m.weight, "bias", m.bias), 1e-4);
    }

    @Test
    void batchNormTrainUpdatesRunningStatistics() {
        for (String name : List.of("batchnorm2d_train", "batchnorm1d_train")) {
            GoldenFile f = golden(name);
            int c = f.tensor("weight").numel();
            BatchNorm m = name.startsWith("batchnorm2d") ? new BatchNorm2d(c) : new BatchNorm1d(c);
            load(m.runningMean, f.tensor("running_mean_before"));
            load(m.runningVar, f.tensor("running_var_before"));
            checkModule(f, m, Map.of("weight", m.weight, "bias", m.bias), 1e-4);
            close(name + " running_mean", f.tensor("running_mean"), m.runningMean, 1e-5, 1e-4);
            close(name + " running_var", f.tensor("running_var"), m.runningVar, 1e-5, 1e-4);
        }
    }

    @Test
    void batchNormEvalUsesRunningStatistics() {
        GoldenFile f = golden("batchnorm2d_eval");
        BatchNorm2d m = new BatchNorm2d(f.tensor("weight").numel());
        m.eval();
        load(m.runningMean, f.tensor("running_mean"));
        load(m.runningVar, f.tensor("running_var"));
        checkModule(f, m, Map.of("weight", m.weight, "bias", m.bias), 1e-4);
    }

    @Test
    void groupNormAndLayerNorm() {
        GoldenFile g = golden("groupnorm");
        GroupNorm gn = new GroupNorm(((Number) g.meta().get("num_groups")).intValue(), g.tensor("weight").numel());
        checkModule(g, gn, Map.of("weight", gn.weight, "bias", gn.bias), 1e-4);
        GoldenFile l = golden("layernorm");
        LayerNorm ln = new LayerNorm(l.tensor("weight").shape());
        checkModule(l, ln, Map.of("weight", ln.weight, "bias", ln.bias), 1e-4);
    }

    @Test
    void mlpAndTwoAdamSteps() {
        GoldenFile f = golden("mlp_adam");
        Linear l0 = new Linear(5, 7, new SplittableRandom(0)), l2 = new Linear(7, 3, new SplittableRandom(1));
        Sequential mlp = new Sequential(l0, Activation.tanh(), l2);
        Map<String, Tensor> p = mlp.namedParameters();
        p.forEach((k, t) -> load(t, f.tensor("init." + k)));
        Adam adam = new Adam(mlp.parameters(), 1e-2, 0.9, 0.999);
        for (int step = 1; step <= 2; step++) {
            adam.zeroGrad();
            Tensor loss = Losses.mse(mlp.forward(f.tensor("x")), f.tensor("target"));
            close("loss" + step, f.tensor("loss" + step), loss, 1e-6, 1e-5);
            loss.backward();
            for (var e : p.entrySet()) close("grad" + step + "." + e.getKey(), f.tensor("grad" + step + "." + e.getKey()), e.getValue().grad(), 1e-6, 1e-4);
            adam.step();
            for (var e : p.entrySet()) close("step" + step + "." + e.getKey(), f.tensor("step" + step + "." + e.getKey()), e.getValue(), 1e-6, 1e-5);
        }
        Map<String, Tensor> state = adam.state();
        List<String> names = List.copyOf(p.keySet());
        for (int i = 0; i < names.size(); i++) {
            close("exp_avg." + names.get(i), f.tensor("exp_avg." + names.get(i)), state.get(i + ".exp_avg"), 1e-7, 1e-4);
            close("exp_avg_sq." + names.get(i), f.tensor("exp_avg_sq." + names.get(i)), state.get(i + ".exp_avg_sq"), 1e-9, 1e-4);
        }
    }

    @Test
    void composedFunctionsAtExtremes() {
        elementwise("log_softmax", x -> x.logSoftmax(1));
        elementwise("logsumexp", x -> x.logsumexp(1, false));
        elementwise("gelu", Tensor::gelu);
        elementwise("silu", Tensor::silu);
        elementwise("softplus", Tensor::softplus);
        GoldenFile f = golden("bce_with_logits");
        Tensor x = f.tensor("x").copy().requiresGrad(true);
        Tensor loss = Losses.bceWithLogits(x, f.tensor("target"));
        close("bce_with_logits mean", f.tensor("loss_mean"), loss, 1e-5, 1e-5);
        loss.backward();
        close("bce_with_logits grad", f.tensor("grad_x_mean"), x.grad(), 1e-7, 1e-5);
    }

    private static void elementwise(String name, UnaryOperator<Tensor> fn) {
        GoldenFile f = golden(name);
        Tensor x = f.tensor("x").copy().requiresGrad(true);
        Tensor y = fn.apply(x);
        close(name + " y", f.tensor("y"), y, 1e-5, 1e-5);
        y.mul(f.tensor("gy")).sum().backward();
        close(name + " grad_x", f.tensor("grad_x"), x.grad(), 1e-5, 1e-5);
    }

    private static int[] ints(Object o) {
        if (o instanceof Number n) return new int[] {n.intValue(), n.intValue()};
        List<?> l = (List<?>) o;
        int[] r = new int[l.size()];
        for (int i = 0; i < r.length; i++) r[i] = ((Number) l.get(i)).intValue();
        return r;
    }
}
