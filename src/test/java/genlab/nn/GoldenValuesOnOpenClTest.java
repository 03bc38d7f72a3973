package genlab.nn;

import genlab.kernels.Backend;
import genlab.kernels.opencl.OpenClTestDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every golden-value test of {@link GoldenValuesTest} again, with the OpenCL kernels current (skipped,
 * with the reason, where there is no OpenCL device). The tolerances stay PyTorch's float32 ones.
 */
class GoldenValuesOnOpenClTest extends GoldenValuesTest {
    private Backend.Scope scope;

    @BeforeEach
    void useOpenCl() {
        scope = Backend.use(OpenClTestDevice.kernels());
    }

    @AfterEach
    void restore() {
        if (scope == null) return;
        scope.close();
        assertNull(OpenClTestDevice.kernels().failure(), "OpenCL gave up during the test");
    }
}
