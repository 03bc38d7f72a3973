package genlab.kernels.opencl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Up to {@code size} kernel objects of one kind, so that several operand arrays can stay on the
 * device at once: the forward and backward passes of one layer, or the weights of several layers,
 * each in a slot of their own. A call goes to the slot that already holds most of its operands;
 * failing that to a new slot while there is room, else to the least recently used one. Each slot
 * is a separate OpenCL context in Aparapi, which is what bounds {@code size}.
 */
final class SlotPool<K extends TiledProductKernel> {
    private final Supplier<K> factory;
    private final int size;
    private final boolean check;
    private final List<Slot<K>> slots = new ArrayList<>();
    private long clock;

    SlotPool(Supplier<K> factory, int size, boolean check) {
        this.factory = factory;
        this.size = size;
        this.check = check;
    }

    /** The slot for operands a and b. */
    Slot<K> slotFor(float[] a, float[] b) {
        Slot<K> best = null;
        int bestHolds = -1;
        for (Slot<K> s : slots) {
            int h = s.holds(a, b);
            if (h > bestHolds || (h == bestHolds && s.lastUse < best.lastUse)) {
                best = s;
                bestHolds = h;
            }
        }
        if ((best == null || bestHolds == 0) && slots.size() < size) {
            best = new Slot<>(factory.get(), check);
            slots.add(best);
        }
        best.lastUse = ++clock;
        return best;
    }

    void wrote(float[] array) {
        for (Slot<K> s : slots) s.wrote(array);
    }

    void wroteAll() {
        for (Slot<K> s : slots) s.wroteAll();
    }

    /** Operand copies to the device so far, over all slots. */
    long copies() {
        long n = 0;
        for (Slot<K> s : slots) n += s.copies;
        return n;
    }

    void dispose() {
        for (Slot<K> s : slots) s.kernel.dispose();
        slots.clear();
    }
}
