package io.slicer.journal;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.JournalLayout;
import io.slicer.journal.format.RecordType;

import java.nio.file.Path;

/**
 * Feeds a journal's recorded inputs, in order and synchronously, through a fresh engine built from the journal's
 * SESSION (same configuration, same strategies, models from the journal's archive after a SHA-256 check) and compares
 * every output it produces (decisions, cancel requests, shadow decisions, kill-switch transitions, anomalies) with
 * the recorded one,
 * byte for byte. Stops at the first
 * divergence.
 *
 * <p>The outputs of the last input may be missing from the journal when the engine died while writing them; a
 * replay reports that as a divergence, a recovery ({@link JournalRecovery}) writes them.
 */
public final class JournalReplayer implements AutoCloseable {
    private final JournalReader reader;
    private final ModelArchive archive;
    private final ChildOrderSink replaySink;
    private final CaptureSink produced = new CaptureSink();
    private final JournalingHook capture = new JournalingHook(produced);
    private final JournalRecord record = new JournalRecord();
    private final JournalRecord lastInput = new JournalRecord();
    private final EngineEvent event = new EngineEvent();
    private final EngineRecords records = new EngineRecords();
    private EngineAssembly assembly;
    private long sessions;
    private long inputs;
    private long decisions;
    private long transitions;
    private long anomalies;
    private long shadowDecisions;
    private long childCancels;
    private Divergence divergence;

    /** {@code replaySink} sees the children the replayed engine sends (never a real OMS). */
    public JournalReplayer(final Path journalDir, final ChildOrderSink replaySink) {
        this.reader = JournalReader.open(JournalDirectory.queue(journalDir));
        this.archive = new ModelArchive(journalDir);
        this.replaySink = replaySink;
        capture.inputsMuted(true);
    }

    public JournalReplayer(final Path journalDir) {
        this(journalDir, ChildOrderSink.NONE);
    }

    /** Replays to the end of the journal or the first divergence. */
    public ReplaySummary run() {
        while (divergence == null && reader.next(record)) {
            apply(record);
        }
        if (divergence == null && !produced.isEmpty()) {
            final JournalRecord missing = produced.poll();
            diverge(reader.validRecords(), "the journal ends before this output of the last input (the engine"
                    + " stopped while writing it; recovery would append it)", "", "(end of journal)",
                    RecordText.describe(missing));
        }
        return summary();
    }

    /** Replays every record without stopping at the end: used by recovery, which handles a missing tail. */
    void runToEnd() {
        while (divergence == null && reader.next(record)) {
            apply(record);
        }
    }

    ReplaySummary summary() {
        return new ReplaySummary(reader.validRecords(), sessions, inputs, decisions, transitions, anomalies,
                assembly == null ? 0 : assembly.core().childrenSent(), divergence, shadowDecisions, childCancels);
    }

    private void apply(final JournalRecord r) {
        switch (r.type()) {
            case SESSION -> onSession(r);
            case SEAL -> onSeal(r);
            case INPUT -> onInput(r);
            case DECISION, CHILD_CANCEL, TRANSITION, ANOMALY, SHADOW -> onOutput(r);
            case APPROVAL, STRATEGY_CHOICE -> {
                // Governance records of the session (approvals, strategy choices): written at the start, no output.
            }
        }
    }

    private void onSession(final JournalRecord r) {
        final SessionRecord session = SessionRecord.read(r);
        sessions++;
        if (assembly == null) {
            if (session.firstInputSequence() != 0) {
                diverge(r.sequence(), "the first SESSION starts at input " + session.firstInputSequence()
                        + ", expected 0 (the journal's beginning is missing)", "", "", "");
                return;
            }
            assembly = new EngineAssembly(session, archive);
            assembly.journalTo(capture);
            assembly.sendTo(replaySink);
            return;
        }
        if (!produced.isEmpty()) {
            unmatchedProduced(r.sequence());
            return;
        }
        if (!session.sameSetup(assembly.session())) {
            diverge(r.sequence(), "a restart SESSION changed the engine set-up", "session", 
                    assembly.session().toString(), session.toString());
            return;
        }
        if (session.firstInputSequence() != assembly.core().sequence()) {
            diverge(r.sequence(), "a restart SESSION continues at input " + session.firstInputSequence()
                    + " but the journal holds " + assembly.core().sequence() + " inputs", "firstInputSequence",
                    String.valueOf(assembly.core().sequence()), String.valueOf(session.firstInputSequence()));
        }
    }

    /** A clean close: every output of the last input is in the journal, and the input count is the engine's. */
    private void onSeal(final JournalRecord r) {
        if (assembly == null) {
            diverge(r.sequence(), "a SEAL comes before any SESSION", "", "", RecordText.describe(r));
            return;
        }
        if (!produced.isEmpty()) {
            unmatchedProduced(r.sequence());
            return;
        }
        final SealRecord seal = SealRecord.read(r);
        if (seal.inputs() != assembly.core().sequence()) {
            diverge(r.sequence(), "the SEAL says the journal holds " + seal.inputs() + " inputs, the replay applied "
                    + assembly.core().sequence(), "inputs", String.valueOf(assembly.core().sequence()),
                    String.valueOf(seal.inputs()));
        }
    }

    private void onInput(final JournalRecord r) {
        if (assembly == null) {
            diverge(r.sequence(), "an INPUT comes before any SESSION", "", "", RecordText.describe(r));
            return;
        }
        if (!produced.isEmpty()) {
            unmatchedProduced(r.sequence());
            return;
        }
        produced.clear();
        final long sequence = EngineRecords.inputSequence(r);
        if (sequence != assembly.core().sequence()) {
            diverge(r.sequence(), "INPUT carries input sequence " + sequence + ", the engine expects "
                    + assembly.core().sequence(), "inputSequence", String.valueOf(assembly.core().sequence()),
                    String.valueOf(sequence));
            return;
        }
        lastInput.copyFrom(r);
        records.decodeInput(r, event);
        assembly.core().onEvent(event);
        if (r.messageVersion() == JournalFrame.FORMAT_4) {
            // Format 4 journaled no cancel requests: the replayed engine's have no record to match.
            produced.drop(RecordType.CHILD_CANCEL);
        }
        inputs++;
    }

    private void onOutput(final JournalRecord r) {
        final JournalRecord replayed = produced.poll();
        if (replayed == null) {
            diverge(r.sequence(), "the journal holds an output the replayed engine did not produce", "",
                    RecordText.describe(r), "(nothing)");
            return;
        }
        if (replayed.type() != r.type()) {
            diverge(r.sequence(), "the replayed engine produced a " + replayed.type() + " where the journal holds a "
                    + r.type(), "type", RecordText.describe(r), RecordText.describe(replayed));
            return;
        }
        // A format-4 journal's outputs lack the fields version 5 added: compare what format 4 journaled.
        replayed.downgradeMessage(r.messageVersion());
        final int at = r.firstMessageDifference(replayed);
        if (at >= 0) {
            diverge(r.sequence(), r.type() + " differs at message byte " + at,
                    JournalLayout.fieldAt(r.templateId(), at), RecordText.describe(r),
                    RecordText.describe(replayed));
            return;
        }
        switch (r.type()) {
            case DECISION -> decisions++;
            case TRANSITION -> transitions++;
            case SHADOW -> shadowDecisions++;
            case CHILD_CANCEL -> childCancels++;
            default -> anomalies++;
        }
    }

    private void unmatchedProduced(final long journalSequence) {
        final JournalRecord extra = produced.poll();
        diverge(journalSequence, "the replayed engine produced an output the journal lacks", "", "(nothing)",
                RecordText.describe(extra));
    }

    private void diverge(final long journalSequence, final String kind, final String field, final String expected,
                         final String found) {
        final boolean haveInput = lastInput.type() == RecordType.INPUT;
        divergence = new Divergence(journalSequence,
                haveInput ? EngineRecords.inputSequence(lastInput) : -1, kind, field, expected,
                found, haveInput ? RecordText.describe(lastInput) : "(none)");
    }

    EngineAssembly assembly() {
        return assembly;
    }

    /**
     * The replayed engine's core after {@link #run}, for reports that need its state (an order's TWAP benchmark);
     * null before the first SESSION. Read it, do not feed it.
     */
    public io.slicer.engine.core.SlicerCore replayedCore() {
        return assembly == null ? null : assembly.core();
    }

    /** Outputs the replayed engine produced for the last input that the journal does not hold. */
    CaptureSink unmatchedOutputs() {
        return produced;
    }

    long validRecords() {
        return reader.validRecords();
    }

    /** Where the journal's chain stands after the records replayed. */
    ChainHead chainHead() {
        return reader.chainHead();
    }

    Divergence divergence() {
        return divergence;
    }

    @Override
    public void close() {
        reader.close();
    }
}
