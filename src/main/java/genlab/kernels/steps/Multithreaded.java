package genlab.kernels.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Step 6, threads: the rows of C split into one band per thread, each band computed by the
 * previous step. Bands share A's rows with nobody and B read-only, so no locks are needed. It
 * pays only with as many physical cores as threads: on a machine whose two vCPUs share one core's
 * arithmetic (this project's CI), two threads are no faster than one.
 */
public final class Multithreaded implements MatmulStep, AutoCloseable {
    private final RowBand inner;
    private final String innerName;
    private final int threads;
    private final ExecutorService pool;

    public Multithreaded(MatmulStep inner, int threads) {
        if (!(inner instanceof RowBand band)) throw new IllegalArgumentException(inner.name() + " cannot compute a band of rows");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.inner = band;
        this.innerName = inner.name();
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "matmul-step");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return "multithreaded (" + threads + (threads == 1 ? " thread)" : " threads)");
    }

    @Override
    public String idea() {
        return "one band of rows of C per thread, each band by " + innerName;
    }

    @Override
    public void multiply(int m, int n, int k, float[] a, float[] b, float[] c) {
        int per = (m + threads - 1) / threads;
        List<Future<?>> parts = new ArrayList<>();
        for (int i0 = 0; i0 < m; i0 += per) {
            int from = i0, to = Math.min(m, i0 + per);
            parts.add(pool.submit(() -> inner.rows(from, to, n, k, a, b, c)));
        }
        try {
            for (Future<?> f : parts) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("matmul interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("matmul band failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
