package io.slicer.journal;

import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.MessageHeaderDecoder;
import io.slicer.journal.sbe.MessageHeaderEncoder;
import io.slicer.journal.sbe.SealDecoder;
import io.slicer.journal.sbe.SealEncoder;

/**
 * The SEAL that closes a session cleanly: which SESSION it closes and how many inputs the journal then holds. A
 * session without one ended in a crash (or is still running); after one only a new SESSION may follow. With the chain
 * head file it makes a cut at the end of a closed journal show: the seal is the record the chain head names.
 */
public record SealRecord(long sessionRecord, long inputs) {

    long write(final RecordSink sink) {
        final JournalRecord r = sink.stage();
        final SealEncoder e = new SealEncoder().wrapAndApplyHeader(r.buffer(), JournalFrame.MESSAGE_OFFSET,
                new MessageHeaderEncoder()).sessionRecord(sessionRecord).inputs(inputs);
        return sink.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    public static SealRecord read(final JournalRecord r) {
        if (r.type() != RecordType.SEAL) {
            throw new IllegalArgumentException("journal record " + r.sequence() + " is " + r.type()
                    + ", expected SEAL");
        }
        final SealDecoder d = new SealDecoder().wrapAndApplyHeader(r.buffer(), JournalFrame.MESSAGE_OFFSET,
                new MessageHeaderDecoder());
        return new SealRecord(d.sessionRecord(), d.inputs());
    }
}
