package io.slicer.journal;

import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.MessageHeaderDecoder;
import io.slicer.journal.sbe.MessageHeaderEncoder;
import io.slicer.journal.sbe.StrategyChoiceDecoder;
import io.slicer.journal.sbe.StrategyChoiceEncoder;

/**
 * The STRATEGY_CHOICE record: the session's orders use registered strategy {@code strategy} ({@code used}) although
 * {@code requested} was asked for, and why ({@code reason}, e.g. {@link #DEMOTED_TO_TWAP} after {@code losingDays}
 * consecutive days behind its TWAP benchmark). Written after the SESSION, so a replay or an auditor sees the
 * governance decision each order of the session traded under.
 */
public record StrategyChoice(int strategy, String requested, String used, String reason, int losingDays)
        implements SessionNote {
    /** The reason of a demotion by the losing-streak rule. */
    public static final String DEMOTED_TO_TWAP = "DEMOTED_TO_TWAP";

    @Override
    public long write(final RecordSink sink) {
        final JournalRecord r = sink.stage();
        final StrategyChoiceEncoder e = new StrategyChoiceEncoder().wrapAndApplyHeader(r.buffer(),
                JournalFrame.MESSAGE_OFFSET, new MessageHeaderEncoder()).strategy(strategy).losingDays(losingDays);
        e.requested(requested).used(used).reason(reason);
        return sink.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    public static StrategyChoice read(final JournalRecord r) {
        if (r.type() != RecordType.STRATEGY_CHOICE) {
            throw new IllegalArgumentException("journal record " + r.sequence() + " is " + r.type()
                    + ", expected STRATEGY_CHOICE");
        }
        final StrategyChoiceDecoder d = new StrategyChoiceDecoder().wrapAndApplyHeader(r.buffer(),
                JournalFrame.MESSAGE_OFFSET, new MessageHeaderDecoder());
        final int strategy = d.strategy();
        final int losing = d.losingDays();
        return new StrategyChoice(strategy, d.requested(), d.used(), d.reason(), losing);
    }
}
