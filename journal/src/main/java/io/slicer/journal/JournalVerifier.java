package io.slicer.journal;

import io.slicer.journal.format.RecordType;

import java.nio.file.Path;

/**
 * Checks a whole journal without replaying it: every record as {@link JournalReader} validates it (checksum, sequence,
 * hash chain, layout, the chain head file), then the order of sessions: the journal opens with a SESSION starting at
 * input 0; inputs are numbered densely; every output belongs to the input before it; a SEAL closes the SESSION it
 * names with the journal's input count, and only a SESSION follows it; a SESSION that follows no SEAL is a restart
 * after a crash and continues the input count. The first problem throws {@link JournalCorruptException} naming the
 * record. What {@code slicer journal verify} runs, and what {@code slicer journal salvage} copies up to.
 */
public final class JournalVerifier {
    private final JournalReader reader;
    private RecordType previous;
    private long inputs;
    private long sessionRecord = -1;
    private long sessions;
    private long restarts;
    private long seals;

    /** What a journal holds, once verified. */
    public record Report(long records, long sessions, long restarts, long seals, long inputs, boolean sealed,
                         long openSession, ChainHead head, ChainHead recorded, String chain) {
    }

    private JournalVerifier(final JournalReader reader) {
        this.reader = reader;
    }

    /** Verifies the journal in {@code journalDir}, chained with {@code key}. */
    public static Report verify(final Path journalDir, final JournalKey key) {
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journalDir), key)) {
            final JournalVerifier verifier = new JournalVerifier(reader);
            final JournalRecord record = new JournalRecord();
            while (reader.next(record)) {
                verifier.check(record);
            }
            if (reader.validRecords() == 0) {
                throw JournalCorruptException.afterRecords(reader.where(), 0, "the journal holds no records (a"
                        + " journal opens with a SESSION)");
            }
            return verifier.report(key);
        }
    }

    static JournalVerifier over(final JournalReader reader) {
        return new JournalVerifier(reader);
    }

    /** Checks the record the reader just returned against the ones before it. */
    void check(final JournalRecord r) {
        final RecordType type = r.type();
        if (previous == null && type != RecordType.SESSION) {
            throw bad(r, "is a " + type + ": a journal opens with a SESSION");
        }
        if (previous == RecordType.SEAL && type != RecordType.SESSION) {
            throw bad(r, "is a " + type + " after the SEAL of record #" + (r.sequence() - 1) + ": only a new SESSION"
                    + " may follow a seal");
        }
        switch (type) {
            case SESSION -> {
                final long first = SessionRecord.read(r).firstInputSequence();
                if (first != inputs) {
                    throw bad(r, "is a SESSION starting at input " + first + ", the journal holds " + inputs
                            + " inputs before it");
                }
                if (previous != null && previous != RecordType.SEAL) {
                    restarts++;
                }
                sessions++;
                sessionRecord = r.sequence();
            }
            case SEAL -> {
                final SealRecord seal = SealRecord.read(r);
                if (seal.sessionRecord() != sessionRecord || seal.inputs() != inputs) {
                    throw bad(r, "is a SEAL of the SESSION at record #" + seal.sessionRecord() + " after "
                            + seal.inputs() + " inputs, expected the SESSION at record #" + sessionRecord + " after "
                            + inputs + " inputs");
                }
                seals++;
            }
            case INPUT -> {
                final long sequence = EngineRecords.inputSequence(r);
                if (sequence != inputs) {
                    throw bad(r, "is INPUT #" + sequence + ", expected input #" + inputs
                            + (sequence > inputs ? " (inputs are missing)" : " (an input is repeated)"));
                }
                inputs++;
            }
            default -> {
                final long sequence = EngineRecords.inputSequence(r);
                if (sequence != inputs - 1) {
                    throw bad(r, "is a " + type + " of input #" + sequence + ", but the last input is #"
                            + (inputs - 1));
                }
            }
        }
        previous = type;
    }

    Report report(final JournalKey key) {
        final boolean sealed = previous == RecordType.SEAL;
        return new Report(reader.validRecords(), sessions, restarts, seals, inputs, sealed,
                sealed ? -1 : sessionRecord, reader.chainHead(), reader.recordedHead(), key.describe());
    }

    private JournalCorruptException bad(final JournalRecord r, final String problem) {
        return new JournalCorruptException(reader.where(), reader.queueIndex(), r.sequence(), r.sequence(), problem);
    }
}
