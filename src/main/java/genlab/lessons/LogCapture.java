package genlab.lessons;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Passes everything a lesson prints through to its stream and keeps a copy for {@code report.html}.
 *
 * <p>The copy is what a reader of a log file would want, not the terminal's byte stream: a progress
 * bar redrawn in place with {@code '\r'} keeps only its last state, and only the last
 * {@value #MAX_CHARS} characters of whole lines are kept (a long run's start is the least useful part).
 */
final class LogCapture extends OutputStream {
    static final int MAX_CHARS = 200_000;

    private final PrintStream target;
    private final Deque<String> lines = new ArrayDeque<>();
    private int chars;
    private long dropped;
    private byte[] line = new byte[256];
    private int length;
    private boolean carriageReturn;

    LogCapture(PrintStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) {
        target.write(b);
        keep((byte) b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        target.write(b, off, len);
        for (int i = off; i < off + len; i++) keep(b[i]);
    }

    @Override
    public void flush() {
        target.flush();
    }

    /** What was printed so far: complete lines, then the unfinished one. */
    synchronized String text() {
        StringBuilder sb = new StringBuilder();
        if (dropped > 0) sb.append("[... ").append(dropped).append(" earlier lines left out ...]\n");
        for (String l : lines) sb.append(l).append('\n');
        if (length > 0) sb.append(new String(line, 0, length, StandardCharsets.UTF_8));
        return sb.toString();
    }

    private void keep(byte b) {
        if (carriageReturn) {
            carriageReturn = false;
            if (b != '\n') length = 0; // "\r" alone: the line is redrawn from its start
        }
        if (b == '\r') {
            carriageReturn = true;
        } else if (b == '\n') {
            String l = new String(line, 0, length, StandardCharsets.UTF_8);
            length = 0;
            lines.addLast(l);
            chars += l.length() + 1;
            while (chars > MAX_CHARS && lines.size() > 1) {
                chars -= lines.removeFirst().length() + 1;
                dropped++;
            }
        } else {
            if (length == line.length) {
                if (length >= MAX_CHARS) return; // an endless line without a newline: keep its start
                line = java.util.Arrays.copyOf(line, 2 * length);
            }
            line[length++] = b;
        }
    }
}
