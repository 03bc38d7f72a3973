package genlab.kernels.opencl;

import com.aparapi.device.Device.TYPE;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.opencl.OpenCLLoader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the OpenCL devices of this machine: a GPU's driver, or PoCL running OpenCL on the CPU
 * ({@code apt-get install ocl-icd-libopencl1 pocl-opencl-icd}). Probing never throws: without an
 * OpenCL library, or with one that lists no device, the answer is an empty list and the reason.
 */
public final class OpenCl {
    private static Probe probe;

    private OpenCl() {}

    /** One OpenCL device. */
    public static final class Device {
        final OpenCLDevice handle;

        Device(OpenCLDevice handle) {
            this.handle = handle;
        }

        public String name() {
            return handle.getName().trim();
        }

        public String platform() {
            return handle.getOpenCLPlatform().getName().trim();
        }

        public boolean isGpu() {
            return handle.getType() == TYPE.GPU;
        }

        /** {@code OpenCL: <device> (<platform>)}, as runs print it. */
        @Override
        public String toString() {
            return "OpenCL: " + name() + " (" + platform() + ")";
        }
    }

    /** The devices found, best first (GPUs, then the rest), or none and the reason. */
    public record Probe(List<Device> devices, String reason) {
        /** The device {@code --backend opencl} uses: the first GPU, else whatever there is. */
        public Optional<Device> best() {
            return devices.stream().findFirst();
        }

        /** The first GPU, which {@code --backend auto} requires before it chooses OpenCL. */
        public Optional<Device> gpu() {
            return devices.stream().filter(Device::isGpu).findFirst();
        }
    }

    /** The devices of this machine (probed once per process). */
    public static List<Device> devices() {
        return probe().devices();
    }

    /** Probes once per process and remembers the answer. */
    public static synchronized Probe probe() {
        if (probe == null) probe = probeNow();
        return probe;
    }

    private static Probe probeNow() {
        try {
            AparapiLog.install();
            // Aparapi assumes every device shares the host's memory unless told otherwise; a GPU
            // with its own memory would then read every operand across the bus during the kernel.
            OpenCLDevice.setConfigurator(d -> d.setSharedMemory(d.getType() != TYPE.GPU));
            if (!OpenCLLoader.isOpenCLAvailable()) {
                String log = AparapiLog.drain();
                return new Probe(List.of(), "the OpenCL library could not be loaded (libOpenCL.so.1 is missing: install ocl-icd-libopencl1 and a driver such as pocl-opencl-icd)"
                        + (log.isEmpty() ? "" : "; " + log));
            }
            List<Device> found = new ArrayList<>();
            for (OpenCLDevice d : OpenCLDevice.listDevices(null)) found.add(new Device(d));
            if (found.isEmpty()) {
                return new Probe(List.of(), "the OpenCL library lists no device (install a GPU driver, or pocl-opencl-icd for the CPU)");
            }
            found.sort(Comparator.comparing((Device d) -> !d.isGpu()).thenComparing(d -> -d.handle.getMaxComputeUnits()));
            return new Probe(List.copyOf(found), "");
        } catch (RuntimeException | LinkageError e) {
            return new Probe(List.of(), "probing OpenCL failed: " + e);
        }
    }
}
