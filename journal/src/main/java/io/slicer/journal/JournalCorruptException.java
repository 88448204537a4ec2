package io.slicer.journal;

/**
 * A journal failed validation: a record with a bad checksum or chain hash, truncated, out of sequence or of an unknown
 * kind, a queue Chronicle cannot read, or a journal shorter than its chain head file. The message says where (journal
 * directory, record number, queue index when there is one) and what was expected versus found; the
 * {@link #validRecords()} records before it were read and checked.
 */
public final class JournalCorruptException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final long queueIndex;
    private final long expectedSequence;
    private final long validRecords;

    public JournalCorruptException(final String where, final long queueIndex, final long expectedSequence,
                                   final long validRecords, final String problem) {
        this(String.format("%s: record #%d (queue index 0x%x, expected journal sequence %d) %s; the %d records"
                        + " before it are valid", where, validRecords, queueIndex, expectedSequence, problem,
                validRecords), queueIndex, expectedSequence, validRecords);
    }

    private JournalCorruptException(final String message, final long queueIndex, final long expectedSequence,
                                    final long validRecords) {
        super(message);
        this.queueIndex = queueIndex;
        this.expectedSequence = expectedSequence;
        this.validRecords = validRecords;
    }

    /** A problem past the last readable record (a cut journal, an unreadable queue): no queue index to name. */
    static JournalCorruptException afterRecords(final String where, final long validRecords, final String problem) {
        return new JournalCorruptException(String.format("%s: at record #%d: %s; the %d records before it are valid",
                where, validRecords, problem, validRecords), -1, validRecords, validRecords);
    }

    /** Chronicle Queue index of the bad document, or -1 when the problem is past the last readable one. */
    public long queueIndex() {
        return queueIndex;
    }

    /** The journal sequence the bad record should have carried. */
    public long expectedSequence() {
        return expectedSequence;
    }

    /** How many records before the bad one were valid (the readable prefix). */
    public long validRecords() {
        return validRecords;
    }
}
