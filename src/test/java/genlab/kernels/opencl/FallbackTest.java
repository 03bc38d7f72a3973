package genlab.kernels.opencl;

import genlab.kernels.Backend;
import genlab.kernels.ConvGeometry;
import genlab.kernels.Kernels;
import genlab.kernels.ReferenceKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When OpenCL fails or is absent, the run says so in one line and computes on the host kernels. */
class FallbackTest {
    private static final ReferenceKernels REF = new ReferenceKernels();

    /** A GEMM kernel Aparapi cannot translate to OpenCL: it allocates an object. */
    static final class UncompilableGemm extends GemmKernel {
        @Override
        protected float loadA(int t, int i, int p) {
            return String.valueOf(p).length();
        }
    }

    @Test
    void aKernelThatDoesNotCompileIsReportedOnceAndTheHostComputes() {
        OpenCl.Device device = OpenClTestDevice.require();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        SplittableRandom rng = new SplittableRandom(5);
        try (OpenClKernels ocl = new OpenClKernels(REF, device, UncompilableGemm::new, 2, true)) {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            for (int call = 0; call < 3; call++) {
                float[] a = OpenClParityTest.uniform(rng, 7 * 33), b = OpenClParityTest.uniform(rng, 33 * 5);
                float[] expected = new float[35], actual = new float[35];
                REF.gemm(1, 7, 5, 33, a, false, b, false, false, expected);
                ocl.gemm(1, 7, 5, 33, a, false, b, false, false, actual);
                assertArrayEquals(expected, actual, "call " + call + ": the host result");
            }
            // The convolution kernels compiled fine, but after a failure everything runs on the host.
            ConvGeometry g = ConvGeometry.of(1, 2, 5, 5, 3, 3, 3, 1, 1, 1, 1, 1, 1);
            float[] x = OpenClParityTest.uniform(rng, 50), w = OpenClParityTest.uniform(rng, 54);
            float[] expected = new float[75], actual = new float[75];
            REF.conv2d(g, x, w, expected);
            ocl.conv2d(g, x, w, actual);
            assertArrayEquals(expected, actual);

            assertNotNull(ocl.failure());
            assertTrue(ocl.failure().contains("UncompilableGemm does not compile"), ocl.failure());
            assertTrue(ocl.device().contains("failed"), ocl.device());
            assertEquals("opencl", ocl.name());
        } finally {
            System.setErr(saved);
        }
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), "one line, once: " + lines);
        assertTrue(lines.get(0).startsWith("genlab: OpenCL failed on " + device.name() + " (IllegalStateException: UncompilableGemm does not compile"), lines.get(0));
        assertTrue(lines.get(0).endsWith("continuing on reference kernels for the rest of the run"), lines.get(0));
    }

    /** {@code --backend opencl} with no OpenCL device: one line saying so, then the host kernels. */
    public static void main(String[] args) {
        Kernels k = Backend.select("opencl");
        System.out.println("selected " + k.name() + "; probe: " + OpenCl.probe().devices().size() + " devices");
    }

    @Test
    void withoutAnyDeviceOpenClIsRefusedInOneLine(@TempDir Path dir) throws IOException, InterruptedException {
        // An OpenCL loader pointed at an empty vendor directory finds no platform (and without
        // the loader installed at all there is none either).
        Path noVendors = Files.createDirectory(dir.resolve("vendors"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                FallbackTest.class.getName());
        pb.environment().put("OCL_ICD_VENDORS", noVendors.toString());
        pb.environment().remove("OCL_ICD_FILENAMES");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errText = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), errText);
        assertEquals("selected cpu; probe: 0 devices", out.strip());
        List<String> refusals = errText.lines().filter(l -> l.startsWith("genlab:")).toList();
        assertEquals(1, refusals.size(), errText);
        assertTrue(refusals.get(0).startsWith("genlab: --backend opencl: no OpenCL device ("), refusals.get(0));
        assertTrue(refusals.get(0).endsWith("); using cpu"), refusals.get(0));
    }
}
