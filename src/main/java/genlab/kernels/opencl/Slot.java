package genlab.kernels.opencl;

import java.util.Arrays;

/**
 * One Aparapi kernel object and what its device buffers hold: the residency of its two operands.
 *
 * <p>How Aparapi keeps device memory (read from its KernelRunner and native code): every array
 * field of a Kernel object has one device buffer. At each run, if the field points at a different
 * array than at the last run (or the JVM has moved the array), the buffer is made afresh from the
 * array's host contents; otherwise, in explicit mode, the buffer is left as it is and the host array
 * is copied again only if {@code put(array)} was called since. Results come back only by
 * {@code get(array)}. So an operand buffer mirrors its host array until host code writes into that
 * array. This class records, per operand, the array its buffer was made from and whether that array
 * has been written since ({@link #wrote}); {@link #bind} then copies an operand only when it is new
 * to this slot or stale. Every write is reported: kernel outputs by {@link OpenClKernels}, host
 * writes by {@link genlab.kernels.Kernels#hostWrote}.
 *
 * <p>The result goes to an array owned by the slot, kept while its size stays the same, because
 * pointing the output field at each call's fresh output array would make Aparapi copy that array,
 * zeros and all, to the device first.
 *
 * <p>With {@code check} on (the tests), every operand is also snapshotted when copied, and reusing
 * a buffer whose host array no longer equals the snapshot throws {@link StaleOperandException}: a
 * write that was not reported.
 */
final class Slot<K extends TiledProductKernel> {
    final K kernel;
    private final boolean check;
    private final float[][] bound = new float[2][];
    private final boolean[] stale = new boolean[2];
    private final float[][] snapshot = new float[2][];
    /** When this slot was last used, for least-recently-used replacement. */
    long lastUse;
    /** Operand copies to the device (fresh buffers and puts), for tests and the benchmark. */
    long copies;

    Slot(K kernel, boolean check) {
        this.kernel = kernel;
        this.check = check;
    }

    /** How many of the operands this slot already holds, unwritten since they were copied. */
    int holds(float[] a, float[] b) {
        return (holdsCurrent(0, a) ? 1 : 0) + (holdsCurrent(1, b) ? 1 : 0);
    }

    private boolean holdsCurrent(int i, float[] array) {
        return bound[i] == array && !stale[i];
    }

    /** Points the kernel's operand fields at a and b, copying each only if new to this slot or written since. */
    void bind(float[] a, float[] b) {
        if (b == a) b = a.clone();   // Aparapi's put marks an array, not a field: one array in two fields would update only one buffer
        bind(0, a);
        bind(1, b);
        kernel.a = a;
        kernel.b = b;
    }

    private void bind(int i, float[] array) {
        if (bound[i] != array) {
            bound[i] = array;   // a different array: Aparapi makes the buffer from it at the next run
            copies++;
        } else if (stale[i]) {
            kernel.put(array);
            copies++;
        } else {
            if (check && !Arrays.equals(snapshot[i], array)) {
                throw new StaleOperandException("OpenCL residency: an array of " + array.length + " floats changed on the host since it was copied to the device, but nobody called Kernels.hostWrote for it");
            }
            return;
        }
        stale[i] = false;
        if (check) snapshot[i] = array.clone();
    }

    /** Marks operand buffers made from {@code array} as stale (the host wrote into it). */
    void wrote(float[] array) {
        for (int i = 0; i < 2; i++) if (bound[i] == array) stale[i] = true;
    }

    /** Marks every operand stale. */
    void wroteAll() {
        stale[0] = stale[1] = true;
    }

    /** The slot's result array, of exactly {@code size} elements (the whole array is read back). */
    float[] output(int size) {
        if (kernel.c.length != size) kernel.c = new float[size];
        return kernel.c;
    }
}
