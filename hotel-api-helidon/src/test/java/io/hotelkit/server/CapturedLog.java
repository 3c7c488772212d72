package io.hotelkit.server;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every log line the process writes while it is open (JUL, where the server, Helidon, Hibernate and
 * resilience4j all log), at the levels they are configured to log plus everything of hotelkit's own,
 * each with its stack trace, as the console would show it.
 */
final class CapturedLog implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Logger hotelkit = Logger.getLogger("io.hotelkit");
    private final Level hotelkitLevel = hotelkit.getLevel();
    private final List<String> lines = new ArrayList<>();
    private final SimpleFormatter format = new SimpleFormatter();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(format.formatMessage(record));
            line.append(' ').append(record.getLoggerName());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            synchronized (lines) {
                lines.add(line.toString());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    CapturedLog() {
        handler.setLevel(Level.ALL);
        hotelkit.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    /** What was logged so far, a record a line. */
    String text() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        hotelkit.setLevel(hotelkitLevel);
    }
}
