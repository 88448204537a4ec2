package io.slicer.journal;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the Chronicle Queue that holds a journal's records, the same way for writers and readers. */
final class JournalQueues {
    /** A day of trading fits in one file; the cycle length only decides file names, never record contents. */
    private static final RollCycles ROLL_CYCLE = RollCycles.FAST_DAILY;

    private JournalQueues() {
    }

    static SingleChronicleQueue openForWriting(final Path queueDir) {
        // SYNC: an appender's sync() (JournalWriter.force) waits until the pages are on the device; writes that are
        // not forced are unaffected.
        return SingleChronicleQueueBuilder.binary(queueDir).rollCycle(ROLL_CYCLE).syncMode(SyncMode.SYNC).build();
    }

    static SingleChronicleQueue openForReading(final Path queueDir) {
        if (!Files.isDirectory(queueDir) || !hasQueueFiles(queueDir)) {
            throw new IllegalArgumentException("no journal queue at " + queueDir
                    + " (expected Chronicle Queue files *.cq4 there)");
        }
        return SingleChronicleQueueBuilder.binary(queueDir).rollCycle(ROLL_CYCLE).readOnly(true).build();
    }

    static boolean hasQueueFiles(final Path queueDir) {
        try (var files = Files.list(queueDir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".cq4"));
        } catch (final java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + queueDir, e);
        }
    }
}
