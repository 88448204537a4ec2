package io.slicer.journal;

import io.slicer.journal.format.RecordType;

/**
 * Where encoded journal records go: the Chronicle Queue journal while trading, or a capture buffer while replaying
 * (so a replay produces exactly the bytes the live engine wrote, and compares them).
 */
public interface RecordSink {
    /** The record to fill; payload offsets per {@link io.slicer.journal.format.JournalRecordDescriptor}. */
    JournalRecord stage();

    /** Seals the staged record (header, checksum) and hands it on; returns its journal sequence. */
    long commit(RecordType type, int payloadLength);
}
