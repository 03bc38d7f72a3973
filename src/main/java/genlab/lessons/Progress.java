package genlab.lessons;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar for long loops:
 * {@code train [#########...........]  45/100  45%  120.3 it/s  ETA 0:00  loss 0.2345}.
 *
 * <p>On a terminal ({@code interactive}) the bar is redrawn in place with {@code '\r'}, at most
 * ten times a second. Otherwise (CI, pipes, tests) it prints plain lines only when another 10% is
 * done or {@code plainIntervalSeconds} have passed, so logs stay short. {@link #close()} prints the
 * final state. Time comes from an injectable clock so tests are exact.
 */
public final class Progress implements AutoCloseable {
    private static final int WIDTH = 20;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean interactive;
    private final LongSupplier nanoClock;
    private final long plainIntervalNanos;
    private final long start;
    private long done;
    private long resumedAt;
    private String status = "";
    private long lastDraw;
    private long lastTenth = 0;
    private int lastWidth = 0;
    private boolean closed;

    /** A bar that reads {@link System#nanoTime()} and prints plain lines at most every 30 s between tenths. */
    public Progress(String label, long total, PrintStream out, boolean interactive) {
        this(label, total, out, interactive, System::nanoTime, 30);
    }

    public Progress(String label, long total, PrintStream out, boolean interactive, LongSupplier nanoClock,
                    double plainIntervalSeconds) {
        if (total <= 0) throw new IllegalArgumentException("progress '" + label + "': total must be positive, got " + total);
        this.label = label;
        this.total = total;
        this.out = out;
        this.interactive = interactive;
        this.nanoClock = nanoClock;
        this.plainIntervalNanos = (long) (plainIntervalSeconds * 1e9);
        this.start = nanoClock.getAsLong();
        this.lastDraw = start;
    }

    /**
     * Starts the count at {@code done} items already done before this bar (a resumed training), without
     * drawing: the rate and ETA then count only the items done since.
     */
    public void resumeAt(long done) {
        this.done = Math.min(done, total);
        this.resumedAt = this.done;
        this.lastTenth = this.done * 10 / total;
    }

    /** One more item done; {@code status} is a short note such as {@code "loss 0.2345"}. */
    public void step(String status) {
        update(done + 1, status);
    }

    /** {@code done} items done so far. */
    public void update(long done, String status) {
        this.done = Math.min(done, total);
        this.status = status == null ? "" : status;
        long now = nanoClock.getAsLong();
        if (interactive) {
            if (now - lastDraw >= REDRAW_NANOS || this.done == total) draw(now);
        } else {
            long tenth = this.done * 10 / total;
            if (this.done < total && (tenth > lastTenth || now - lastDraw >= plainIntervalNanos)) {
                lastTenth = tenth;
                draw(now);
            }
        }
    }

    /** Prints the final state (once) and ends the line. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        draw(nanoClock.getAsLong());
        if (interactive) out.println();
        out.flush();
    }

    /** The bar's text at {@code now}, without '\r' or newline. */
    String line(long now) {
        double seconds = Math.max(now - start, 1) / 1e9;
        double rate = (done - resumedAt) / seconds;
        int filled = (int) (WIDTH * done / total);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String digits = String.valueOf(total);
        String eta = done == total ? "took " + clock(seconds)
                : "ETA " + (done == resumedAt ? "?" : clock((total - done) / rate));
        return String.format(Locale.ROOT, "%s [%s] %" + digits.length() + "d/%s %3d%%  %s  %s%s", label, bar, done,
                digits, (int) (100 * done / total), rate(rate), eta, status.isEmpty() ? "" : "  " + status);
    }

    private void draw(long now) {
        lastDraw = now;
        String text = line(now);
        if (interactive) {
            // Pad with spaces so a shorter line fully covers the previous one.
            out.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
            lastWidth = text.length();
        } else {
            out.println(text);
        }
        out.flush();
    }

    private static String rate(double perSecond) {
        if (perSecond >= 1) return String.format(Locale.ROOT, "%.1f it/s", perSecond);
        return String.format(Locale.ROOT, "%.1f s/it", perSecond > 0 ? 1 / perSecond : Double.POSITIVE_INFINITY);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
