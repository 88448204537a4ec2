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
}
