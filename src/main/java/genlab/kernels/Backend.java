package genlab.kernels;

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

    /**
     * The kernels for a {@code --backend} name. Until the kernels issue lands, {@code auto}
     * resolves to {@code reference}, and {@code cpu} and {@code opencl} are refused with a message
     * that says so.
     */
    public static Kernels select(String name) {
        switch (name) {
            case "auto":
            case "reference":
                return new ReferenceKernels();
            case "cpu":
            case "opencl":
                throw new IllegalArgumentException("--backend " + name + ": not available yet (only 'reference' and 'auto' are implemented)");
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
