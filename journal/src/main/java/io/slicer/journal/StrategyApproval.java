package io.slicer.journal;

import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.ApprovalDecoder;
import io.slicer.journal.sbe.ApprovalEncoder;
import io.slicer.journal.sbe.MessageHeaderDecoder;
import io.slicer.journal.sbe.MessageHeaderEncoder;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.seal.ModelApprovals;
import io.slicer.policy.seal.ModelTrust;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The approvals the live strategies' models trade under, by registered index ({@code liveSpecs} in registration
     * order; schedules need none). A model whose identity {@code approvalsFile} does not hold is refused with one line
     * naming the identity: every live entry point (run, the FIX gateway) asks here, before anything is written. A
     * {@code policy:} spec names a model archived in {@code journal}. A spec with a learned tactic chooser
     * ({@code SPEC/learned:DIR}) gets one approval per model it runs, both under its index.
     */
    public static List<StrategyApproval> forLive(final List<String> liveSpecs, final Path approvalsFile,
                                                 final Path journal) {
        final List<StrategyApproval> out = new ArrayList<>();
        ModelApprovals file = null;
        for (int i = 0; i < liveSpecs.size(); i++) {
            // A policy model and a learned tactic chooser each need their own approval: both trade.
            for (final String model : StrategySpecs.models(liveSpecs.get(i))) {
                final Path dir = StrategySpecs.directory(model, new ModelArchive(journal));
                final String identity = PolicyModel.load(dir, dir.startsWith(new ModelArchive(journal).root())
                        ? ModelTrust.offline() : ModelTrust.live()).identity();
                if (file == null) {
                    file = ModelApprovals.load(approvalsFile);
                }
                out.add(new StrategyApproval(i, file.requireLive(model, identity)));
            }
        }
        return out;
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
