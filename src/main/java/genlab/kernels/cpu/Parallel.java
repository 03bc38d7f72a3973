package genlab.kernels.cpu;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent tasks 0..n−1 on a fixed number of threads. With one thread the tasks run in
 * order on the caller's thread, with no pool at all.
 *
 * <p>Tasks must write disjoint outputs; then the result does not depend on which thread runs which
 * task, and kernels stay deterministic. Pools are shared by all kernels with the same thread count
 * and use daemon threads, so nothing needs closing.
 */
final class Parallel {
    private static final Map<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    private final int threads;

    Parallel(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.threads = threads;
    }

    int threads() {
        return threads;
    }

    /** Runs {@code body.accept(i)} for every i &lt; n, on up to {@link #threads()} threads; returns when all are done. */
    void forEach(int n, IntConsumer body) {
        // Inside a task already (nested parallelism): run inline rather than wait on the same pool.
        if (threads == 1 || n <= 1 || ForkJoinTask.inForkJoinPool()) {
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        ForkJoinPool pool = POOLS.computeIfAbsent(threads, ForkJoinPool::new);
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).join();
    }
}
