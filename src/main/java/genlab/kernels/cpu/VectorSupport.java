package genlab.kernels.cpu;

/**
 * Whether the {@code jdk.incubator.vector} module is enabled in this JVM, and access to the classes
 * that use it.
 *
 * <p>The module is an incubator: a JVM only resolves it when started with
 * {@code --add-modules jdk.incubator.vector} (as {@code lessons/run} and the tests do). Classes
 * that import it are loaded here by name, and only when the module is present, so everything
 * else runs on any JVM.
 */
public final class VectorSupport {
    private VectorSupport() {}

    /** True when the module is in the boot layer, i.e. the Vector API can be used. */
    public static boolean available() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Creates an instance of {@code genlab.kernels.cpu.NAME}, a class that uses the Vector API. */
    static <T> T create(String name, Class<T> type) {
        if (!available()) throw new IllegalStateException("jdk.incubator.vector is not enabled (start the JVM with --add-modules jdk.incubator.vector)");
        try {
            return type.cast(Class.forName(VectorSupport.class.getPackageName() + "." + name)
                    .getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load " + name + ": " + e, e);
        }
    }
}
