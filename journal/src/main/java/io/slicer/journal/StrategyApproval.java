package io.slicer.journal;

import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.ApprovalDecoder;
import io.slicer.journal.sbe.ApprovalEncoder;
import io.slicer.journal.sbe.MessageHeaderDecoder;
import io.slicer.journal.sbe.MessageHeaderEncoder;
import io.slicer.policy.seal.ModelApprovals;

/**
 * The APPROVAL record: the approval ({@link ModelApprovals.Approval}) under which registered strategy
 * {@code strategy}'s model trades live in this session. Every order names its strategy index, so the journal says
 * which approval each order used. Written after each SESSION, before the first input.
 */
public record StrategyApproval(int strategy, ModelApprovals.Approval approval) implements SessionNote {
    @Override
    public long write(final RecordSink sink) {
        final JournalRecord r = sink.stage();
        final ApprovalEncoder e = new ApprovalEncoder().wrapAndApplyHeader(r.buffer(), JournalFrame.MESSAGE_OFFSET,
                new MessageHeaderEncoder()).strategy(strategy);
        e.identity(approval.identity()).approvalId(approval.id()).approver(approval.approver())
                .date(approval.date()).reason(approval.reason());
        return sink.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    public static StrategyApproval read(final JournalRecord r) {
        if (r.type() != RecordType.APPROVAL) {
            throw new IllegalArgumentException("journal record " + r.sequence() + " is " + r.type()
                    + ", expected APPROVAL");
        }
        final ApprovalDecoder d = new ApprovalDecoder().wrapAndApplyHeader(r.buffer(), JournalFrame.MESSAGE_OFFSET,
                new MessageHeaderDecoder());
        final int strategy = d.strategy();
        final String identity = d.identity();
        final String id = d.approvalId();
        final ModelApprovals.Approval a = new ModelApprovals.Approval(identity, d.approver(), d.date(), d.reason());
        if (!a.id().equals(id)) {
            throw new IllegalArgumentException("journal record " + r.sequence() + ": approval id " + id
                    + " does not match its values (" + a.id() + ")");
        }
        return new StrategyApproval(strategy, a);
    }

    @Override
    public String toString() {
        return "strategy " + strategy + " approval " + approval.id() + " by " + approval.approver() + " on "
                + approval.date() + " (" + approval.reason() + ") identity " + approval.identity();
    }
}
