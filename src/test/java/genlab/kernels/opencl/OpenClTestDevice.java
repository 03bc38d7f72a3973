package genlab.kernels.opencl;

import genlab.kernels.ReferenceKernels;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The OpenCL device the tests run on. Without one, a test is skipped with a message naming the
 * reason, unless the environment variable {@code GENLAB_REQUIRE_OPENCL} is set (CI sets it after
 * installing PoCL): then it fails, so that CI cannot pass without running the OpenCL kernels.
 */
public final class OpenClTestDevice {
    private static OpenClKernels shared;

    private OpenClTestDevice() {}

    /** The best device, or the test is skipped (or fails, under GENLAB_REQUIRE_OPENCL). */
    public static OpenCl.Device require() {
        OpenCl.Probe probe = OpenCl.probe();
        if (probe.best().isPresent()) return probe.best().get();
        String why = "no OpenCL device: " + probe.reason();
        if (System.getenv("GENLAB_REQUIRE_OPENCL") != null) fail("GENLAB_REQUIRE_OPENCL is set but there is " + why);
        abort(why + " (set GENLAB_REQUIRE_OPENCL to make this a failure)");
        throw new AssertionError("unreachable");
    }

    /**
     * One OpenCL backend for all tests of this JVM (each kernel is compiled once), over the
     * reference kernels, with every reused device operand checked against its host array.
     */
    public static synchronized OpenClKernels kernels() {
        OpenCl.Device device = require();
        if (shared == null || shared.failure() != null) {
            shared = new OpenClKernels(new ReferenceKernels(), device, GemmKernel::new, OpenClKernels.DEFAULT_SLOTS, true);
        }
        return shared;
    }
}
