package genlab.kernels.opencl;

import genlab.io.Checkpoint;
import genlab.kernels.Backend;
import genlab.kernels.ReferenceKernels;
import genlab.nn.Activation;
import genlab.nn.Conv2d;
import genlab.nn.Init;
import genlab.nn.Linear;
import genlab.nn.Losses;
import genlab.nn.Reshape;
import genlab.nn.Sequential;
import genlab.optim.Adam;
import genlab.optim.Ema;
import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Operands stay on the device until the host writes into them, and never longer. PoCL on the CPU
 * reads host memory directly, so there a stale copy could not show in the results; these tests
 * therefore run with residency checking on (each reused operand is compared with a snapshot of its
 * host array), which turns a missing write report into a {@link StaleOperandException} on any
 * device. On a GPU the outputs would differ as well.
 */
class ResidencyTest {
    private static final ReferenceKernels REF = new ReferenceKernels();

    @Test
    void anOperandIsCopiedAgainOnlyAfterAWrite() {
        try (OpenClKernels ocl = new OpenClKernels(REF, OpenClTestDevice.require(), GemmKernel::new, 2, true)) {
            SplittableRandom rng = new SplittableRandom(3);
            float[] a = OpenClParityTest.uniform(rng, 7 * 5), b = OpenClParityTest.uniform(rng, 5 * 3), c = new float[21];
            ocl.gemm(1, 7, 3, 5, a, false, b, false, false, c);
            assertEquals(2, ocl.operandCopies(), "first use: both operands copied");
            ocl.gemm(1, 7, 3, 5, a, false, b, false, false, c);
            assertEquals(2, ocl.operandCopies(), "unchanged operands stay on the device");

            ocl.hostWrote(a);
            a[0] += 1;   // (after or before the report: what matters is that it comes before the next use)
            assertGemm(ocl, a, b);
            assertEquals(3, ocl.operandCopies(), "a reported host write copies that operand again");

            ocl.adamStep(b, b.clone(), new float[15], new float[15], 15, 0.1f, 0.9f, 0.999f, 1e-8f, 0, false, 0.1f, 0.001f);
            assertGemm(ocl, a, b);
            assertEquals(4, ocl.operandCopies(), "an optimiser step writes its parameter");

            float[] d = OpenClParityTest.uniform(rng, 35), e = OpenClParityTest.uniform(rng, 15);
            assertGemm(ocl, d, e);
            assertEquals(6, ocl.operandCopies(), "new operands go to the second slot");
            assertGemm(ocl, a, b);
            assertEquals(6, ocl.operandCopies(), "and leave the first slot's operands on the device");
            assertNull(ocl.failure());
        }
    }

    @Test
    void anUnreportedHostWriteIsCaught() {
        try (OpenClKernels ocl = new OpenClKernels(REF, OpenClTestDevice.require(), GemmKernel::new, 1, true)) {
            float[] a = {1, 2, 3, 4}, b = {1, 0, 0, 1}, c = new float[4];
            ocl.gemm(1, 2, 2, 2, a, false, b, false, false, c);
            b[1] = 5;   // not reported
            StaleOperandException e = assertThrows(StaleOperandException.class, () -> ocl.gemm(1, 2, 2, 2, a, false, b, false, false, c));
            assertEquals(true, e.getMessage().contains("Kernels.hostWrote"), e.getMessage());
            assertNull(ocl.failure(), "a stale operand is a bug to report, not a reason to leave OpenCL");
        }
    }

    /**
     * Train, checkpoint, train on, load the checkpoint back into the same model, swap in EMA
     * weights: every in-place write into the parameters, and the outputs computed with OpenCL equal
     * those of the reference kernels on the same weights.
     */
    @Test
    void trainingThenLoadingACheckpointIntoTheSameModelMatchesTheReference(@TempDir Path dir) {
        OpenClKernels ocl = OpenClTestDevice.kernels();
        Tensor x = Tensor.randn(new SplittableRandom(11), 4, 1, 5, 5);   // (B, C, H, W)
        try (Backend.Scope s = Backend.use(ocl)) {
            Sequential model = model(5);
            Adam opt = new Adam(model.parameters(), 0.05);
            Ema ema = new Ema(model.namedParameters(), 0.5);
            for (int step = 0; step < 3; step++) step(model, opt, step, ema);
            Path ckpt = dir.resolve("ckpt.safetensors");
            Checkpoint.save(ckpt, model.stateDict(), opt.state(), Map.of());
            Tensor atCheckpoint = model.forward(x);

            for (int step = 3; step < 5; step++) step(model, opt, step, ema);
            model.forward(x);   // the device now holds the weights of step 5
            Map<String, Tensor> state = opt.state();
            Checkpoint.load(ckpt, model.stateDict(), state);
            opt.afterLoad(state);
            Tensor loaded = model.forward(x);
            assertClose("after loading the checkpoint", atCheckpoint, loaded);
            assertClose("OpenCL against the reference", referenceForward(model, x), loaded);

            ema.swapInto();
            Tensor averaged = model.forward(x);
            assertClose("EMA weights, OpenCL against the reference", referenceForward(model, x), averaged);
            ema.swapInto();
            assertClose("live weights again", atCheckpoint, model.forward(x));

            Init.normal(model.parameters().get(0), 0.1f, new SplittableRandom(1));
            assertClose("after re-initialising", referenceForward(model, x), model.forward(x));
        }
        assertNull(ocl.failure());
    }

    /** Writes made while another backend is current go unseen; becoming current again drops every copy. */
    @Test
    void writesUnderAnotherBackendAreNotMissed() {
        OpenClKernels ocl = OpenClTestDevice.kernels();
        Tensor x = Tensor.randn(new SplittableRandom(12), 2, 1, 5, 5);
        Sequential model;
        try (Backend.Scope s = Backend.use(ocl)) {
            model = model(6);
            model.forward(x);
        }
        for (Tensor p : model.parameters()) {
            float[] d = p.data();
            for (int i = 0; i < d.length; i++) d[i] *= -1;   // under the reference backend, unreported
        }
        Tensor expected = model.forward(x);
        try (Backend.Scope s = Backend.use(ocl)) {
            assertClose("OpenCL after writes made under the reference backend", expected, model.forward(x));
        }
    }

    private static Sequential model(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Sequential(new Conv2d(1, 3, 3, 1, 1, rng), Activation.relu(), new Reshape(-1), new Linear(3 * 5 * 5, 2, rng));
    }

    private static void step(Sequential model, Adam opt, int step, Ema ema) {
        SplittableRandom rng = new SplittableRandom(100 + step);
        Tensor x = Tensor.randn(rng, 4, 1, 5, 5), y = Tensor.randn(rng, 4, 2);
        opt.zeroGrad();
        Losses.mse(model.forward(x), y).backward();
        opt.step();
        ema.update();
    }

    private static Tensor referenceForward(Sequential model, Tensor x) {
        try (Backend.Scope s = Backend.use(REF)) {
            return model.forward(x);
        }
    }

    private static void assertGemm(OpenClKernels ocl, float[] a, float[] b) {
        float[] expected = new float[21], actual = new float[21];
        REF.gemm(1, 7, 3, 5, a, false, b, false, false, expected);
        ocl.gemm(1, 7, 3, 5, a, false, b, false, false, actual);
        assertArrayEquals(expected, actual, 1e-5f);
    }

    private static void assertClose(String what, Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        for (int i = 0; i < expected.numel(); i++) {
            float e = expected.data()[i], a = actual.data()[i];
            if (!(Math.abs(a - e) <= 1e-5f * (1 + Math.abs(e)))) fail(what + ": element " + i + " is " + a + ", expected " + e);
        }
    }
}
