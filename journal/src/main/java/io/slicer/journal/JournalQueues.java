package io.slicer.journal;

import net.openhft.chronicle.core.analytics.AnalyticsFacade;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the Chronicle Queue that holds a journal's records, the same way for writers and readers. The one class
 * through which Slicer reaches Chronicle first, so it is where Chronicle's usage analytics are switched off: before any
 * queue is built, whatever JVM flags the embedding application started with.
 */
final class JournalQueues {
    /** Chronicle's switch for its usage analytics (a client id in the home directory and calls to an outside host). */
    static final String ANALYTICS_DISABLE = "chronicle.analytics.disable";
    /** A day of trading fits in one file; the cycle length only decides file names, never record contents. */
    private static final RollCycles ROLL_CYCLE = RollCycles.FAST_DAILY;

    static {
        // Chronicle reads the switch when a queue is built; this class is initialised before the first queue is.
        if (System.getProperty(ANALYTICS_DISABLE) == null) {
            System.setProperty(ANALYTICS_DISABLE, "true");
        }
    }

    private JournalQueues() {
    }

    static SingleChronicleQueue openForWriting(final Path queueDir) {
        refuseAnalytics();
        try {
            return SingleChronicleQueueBuilder.binary(queueDir).rollCycle(ROLL_CYCLE).build();
        } catch (final Exception e) { // Chronicle throws checked exceptions (StreamCorruptedException) unchecked
            throw new IllegalStateException("cannot open the journal queue at " + queueDir + " for writing: "
                    + oneLine(e), e);
        }
    }

    static SingleChronicleQueue openForReading(final Path queueDir) {
        if (!Files.isDirectory(queueDir) || !hasQueueFiles(queueDir)) {
            throw new IllegalArgumentException("no journal queue at " + queueDir
                    + " (expected Chronicle Queue files *.cq4 there)");
        }
        refuseAnalytics();
        try {
            return SingleChronicleQueueBuilder.binary(queueDir).rollCycle(ROLL_CYCLE).readOnly(true).build();
        } catch (final Exception e) { // Chronicle throws checked exceptions (StreamCorruptedException) unchecked
            throw new IllegalStateException("cannot read the journal queue at " + queueDir + ": " + oneLine(e), e);
        }
    }

    /**
     * Fails closed when Chronicle's analytics are on: someone started the JVM with
     * {@code -Dchronicle.analytics.disable=false} (or loaded Chronicle's analytics before Slicer could switch them
     * off).
     */
    static void refuseAnalytics() {
        if (AnalyticsFacade.isEnabled()) {
            throw new IllegalStateException("Chronicle's usage analytics are enabled in this JVM (" + ANALYTICS_DISABLE
                    + "=" + System.getProperty(ANALYTICS_DISABLE) + "): Slicer sends nothing outside the firm and"
                    + " refuses to open a journal; start the JVM with -D" + ANALYTICS_DISABLE + "=true");
        }
    }

    /** Chronicle's exception as one line: its type and the first line of its message. */
    static String oneLine(final Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        final String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
        return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    static boolean hasQueueFiles(final Path queueDir) {
        try (var files = Files.list(queueDir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".cq4"));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list " + queueDir, e);
        }
    }
}
