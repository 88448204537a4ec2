package io.slicer.journal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The layout of a journal directory: {@code DIR/queue/} holds the Chronicle Queue cycle files, {@code DIR/models/}
 * the archived model directories ({@link ModelArchive}). Everything a replay needs is inside DIR.
 */
public final class JournalDirectory {
    public static final String QUEUE_DIR = "queue";
    /** Where {@code slicer audit} writes its charts unless told otherwise: derived from the journal, not part of it. */
    public static final String AUDIT_DIR = "audit";

    private JournalDirectory() {
    }

    public static Path queue(final Path journalDir) {
        return journalDir.resolve(QUEUE_DIR);
    }

    /** True when DIR already holds journal records (a restart must recover from them). */
    public static boolean hasRecords(final Path journalDir) {
        final Path queue = queue(journalDir);
        return Files.isDirectory(queue) && JournalQueues.hasQueueFiles(queue);
    }
}
