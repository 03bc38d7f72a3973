package genlab.kernels;

import genlab.kernels.cpu.CpuKernels;

import java.util.List;

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
        current = kernels;
        return () -> current = previous;
    }

    /** {@link #select(String, int)} with every available core. */
    public static Kernels select(String name) {
        return select(name, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The kernels for a {@code --backend} name: {@code reference} (the plain loops), {@code cpu}
     * (the fast Java kernels, {@link CpuKernels}, on {@code threads} threads) or {@code auto}, which
     * is {@code cpu}. {@code opencl} is refused with a message that says so.
     */
    public static Kernels select(String name, int threads) {
        switch (name) {
            case "reference":
                return new ReferenceKernels();
            case "auto":
            case "cpu":
                return new CpuKernels(threads);
            case "opencl":
                throw new IllegalArgumentException("--backend " + name + ": not available yet (implemented: auto, reference, cpu)");
            default:
                throw new IllegalArgumentException("--backend " + name + ": unknown backend (choose one of " + String.join(", ", NAMES) + ")");
        }
    }

    /** Restores the previous backend when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
