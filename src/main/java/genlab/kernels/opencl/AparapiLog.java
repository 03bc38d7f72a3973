package genlab.kernels.opencl;

import com.aparapi.Config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Aparapi reports through java.util.logging, several lines and a stack trace per event (and warns
 * about its own code generation as it goes). This keeps its warnings off the console and holds the
 * last few, so that a failure can be reported in the one line that names its reason.
 */
final class AparapiLog {
    private static final int KEEP = 4;
    private static final Deque<String> recent = new ArrayDeque<>();
    // java.util.logging holds loggers weakly: keep a reference so the configuration stays.
    private static Logger logger;

    private AparapiLog() {}

    /** Routes Aparapi's log records here (idempotent). */
    static synchronized void install() {
        if (logger != null) return;
        logger = Logger.getLogger(Config.getLoggerName());   // loads Config, which sets its level first
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() < Level.WARNING.intValue()) return;
                String msg = r.getMessage();
                if (msg == null || msg.startsWith("Found unexpected Attribute")) return;
                if (r.getThrown() != null) msg += ": " + r.getThrown();
                remember(msg);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
    }

    private static synchronized void remember(String msg) {
        if (recent.size() == KEEP) recent.removeFirst();
        recent.addLast(msg.replaceAll("\\s+", " ").trim());
    }

    /** The warnings since the last call, oldest first, joined by "; " (empty if none). */
    static synchronized String drain() {
        String s = String.join("; ", recent);
        recent.clear();
        return s;
    }
}
