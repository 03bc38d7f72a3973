package genlab.kernels.opencl;

/**
 * Thrown with residency checking on ({@link Slot}) when a device operand would be reused although
 * its host array changed: some code wrote into the array in place without reporting it through
 * {@link genlab.kernels.Kernels#hostWrote}. A bug to fix, so it is not treated as an OpenCL failure
 * to fall back from.
 */
public final class StaleOperandException extends IllegalStateException {
    StaleOperandException(String message) {
        super(message);
    }
}
