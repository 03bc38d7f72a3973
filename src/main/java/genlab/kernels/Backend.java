package genlab.kernels;

import genlab.kernels.cpu.CpuKernels;
import genlab.kernels.opencl.OpenCl;
import genlab.kernels.opencl.OpenClKernels;

import java.util.List;
import java.util.Optional;

/**
 * Which {@link Kernels} the tensor library computes with.
 *
 * <p>A run picks one at start-up with {@link #select} and installs it with {@link #use}; tensor
 * ops read {@link #current()}. Tests switch backends in a try-with-resources scope:
 * <pre>{@code try (Backend.Scope s = Backend.use(new ReferenceKernels())) { ... } }</pre>
 */
public final class Backend {
    /** The names {@code --backend} accepts. */
    public static final List<String> NAMES = List.of("auto", "reference", "cpu", "opencl");

    private static volatile Kernels current = new ReferenceKernels();

    private Backend() {}

    /** The kernels tensor ops use now. */
    public static Kernels current() {
        return current;
    }

    /** Makes {@code kernels} current until the returned scope is closed. */
    public static Scope use(Kernels kernels) {
        Kernels previous = current;
        kernels.hostWroteAny();
        current = kernels;
        return () -> {
            previous.hostWroteAny();
            current = previous;
        };
    }

    /** Reports an in-place host write into {@code data} to the current kernels ({@link Kernels#hostWrote}). */
    public static void hostWrote(float[] data) {
        current.hostWrote(data);
    }

    /** {@link #select(String, int)} with every available core. */
    public static Kernels select(String name) {
        return select(name, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The kernels for a {@code --backend} name: {@code reference} (the plain loops), {@code cpu}
     * (the fast Java kernels, {@link CpuKernels}, on {@code threads} threads), {@code opencl} (the
     * best OpenCL device: a GPU, else PoCL's CPU device) or {@code auto}, which chooses OpenCL only
     * on a GPU and {@code cpu} otherwise. When OpenCL is asked for but absent, one line on stderr
     * says so and the cpu kernels are returned.
     */
    public static Kernels select(String name, int threads) {
        switch (name) {
            case "auto": {
                Optional<OpenCl.Device> gpu = OpenCl.probe().gpu();
                return gpu.isPresent() ? new OpenClKernels(host(threads), gpu.get()) : host(threads);
            }
            case "reference":
                return new ReferenceKernels();
            case "cpu":
                return host(threads);
            case "opencl": {
                OpenCl.Probe probe = OpenCl.probe();
                if (probe.best().isPresent()) return new OpenClKernels(host(threads), probe.best().get());
                Kernels host = host(threads);
                System.err.println("genlab: --backend opencl: no OpenCL device (" + probe.reason() + "); using " + host.name());
                return host;
            }
            default:
                throw new IllegalArgumentException("--backend " + name + ": unknown backend (choose one of " + String.join(", ", NAMES) + ")");
        }
    }

    /** The host kernels: what runs without OpenCL, and beside it for the ops OpenCL does not take. */
    private static Kernels host(int threads) {
        return new CpuKernels(threads);
    }

    /** Restores the previous backend when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
