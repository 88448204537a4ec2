package io.slicer.journal;

/**
 * Where encoded journal records go: the Chronicle Queue journal while trading, or a capture buffer while replaying
 * (so a replay produces exactly the bytes the live engine wrote, and compares them).
 */
public interface RecordSink {
    /** The record to fill: its message starts at {@link io.slicer.journal.format.JournalFrame#MESSAGE_OFFSET}. */
    JournalRecord stage();

    /** Seals the staged record (frame, checksum) around its {@code messageLength}-byte message; its sequence. */
    long commit(int messageLength);

    /**
     * Forces every record committed so far to stable storage before returning (a journal on disk), or does nothing
     * (a sink that keeps records in memory). Slow (an msync): for the records that must survive a crash before anyone
     * is told they happened, such as an operator's control.
     */
    default void force() {
    }
}
