package io.slicer.journal;

/**
 * A journal record failed validation: bad checksum, truncated, out of sequence or of an unknown kind. The message says
 * where (journal directory, queue index, record number and expected sequence) and what was expected versus found; the
 * {@link #validRecords()} records before it were read and checked.
 */
public final class JournalCorruptException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final long queueIndex;
    private final long expectedSequence;
    private final long validRecords;

    public JournalCorruptException(final String where, final long queueIndex, final long expectedSequence,
                                   final long validRecords, final String problem) {
        super(String.format("%s: record #%d (queue index 0x%x, expected journal sequence %d) %s; the %d records"
                        + " before it are valid", where, validRecords, queueIndex, expectedSequence, problem,
                validRecords));
        this.queueIndex = queueIndex;
        this.expectedSequence = expectedSequence;
        this.validRecords = validRecords;
    }

    /** Chronicle Queue index of the bad document. */
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
