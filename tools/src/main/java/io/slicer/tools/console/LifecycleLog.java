package io.slicer.tools.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lifecycle events as structured log lines (logback's JSON encoder behind an AsyncAppender, see {@code logback.xml}):
 * order accepted, paused, resumed, halted, filled, model loaded, recovery done, operator actions. Called from the
 * console's and the command's threads, never from the engine's decision thread, and the appender's queue means no
 * caller waits for stderr.
 */
public final class LifecycleLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.slicer.lifecycle");

    private LifecycleLog() {
    }

    /** One event: {@code event} names it, {@code fields} are key, value pairs added to the JSON line. */
    public static void event(final String event, final Object... fields) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        var line = LOG.atInfo().addKeyValue("event", event);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            line = line.addKeyValue(String.valueOf(fields[i]), fields[i + 1]);
        }
        line.log(event);
    }
}
