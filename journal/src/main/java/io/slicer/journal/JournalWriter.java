package io.slicer.journal;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Appends checksummed records to a journal's Chronicle Queue, one document per record, as raw bytes. Written from
 * the decision thread: one appender, one thread.
 *
 * <p>Allocation-free after construction: the record is staged in a reused buffer, checksummed and copied into the
 * queue's memory-mapped file.
 */
public final class JournalWriter implements RecordSink, AutoCloseable {
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final JournalRecord stage = new JournalRecord();
    private final CRC32C crc = new CRC32C();
    private long nextSequence;

    private JournalWriter(final SingleChronicleQueue queue, final long nextSequence) {
        this.queue = queue;
        this.appender = queue.createAppender();
        this.nextSequence = nextSequence;
    }

    /**
     * Opens the queue in {@code queueDir} for appending; the first record written gets journal sequence
     * {@code nextSequence} (0 for a new journal, the count of records already there when recovering).
     */
    public static JournalWriter open(final Path queueDir, final long nextSequence) {
        return new JournalWriter(JournalQueues.openForWriting(queueDir), nextSequence);
    }

    @Override
    public JournalRecord stage() {
        return stage;
    }

    @Override
    public long commit(final int messageLength) {
        final long sequence = nextSequence;
        stage.seal(sequence, messageLength, crc);
        try (DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().write(stage.bytes(), 0, stage.length());
        }
        nextSequence = sequence + 1;
        return sequence;
    }

    /**
     * Forces the records committed so far to disk: an msync of the queue file's mapped pages up to the last write,
     * synchronous (the queue is opened with {@code SyncMode.SYNC}, so this waits for the device). Used for the
     * records whose acknowledgement promises durability; the others are left to the page cache.
     */
    @Override
    public void force() {
        appender.sync();
    }

    /**
     * Lets another thread take over appending (e.g. the ring's consumer thread after the opening thread wrote the
     * SESSION, or the closing thread after the consumer stopped). The caller guarantees the hand-over happens-before
     * the new thread's first append, as publishing to the ring or joining the consumer does.
     */
    public void handOver() {
        appender.singleThreadedCheckReset();
    }

    /** The journal sequence the next record will get. */
    public long nextSequence() {
        return nextSequence;
    }

    @Override
    public void close() {
        appender.close();
        queue.close();
    }
}
