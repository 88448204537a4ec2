package io.slicer.journal;

import io.slicer.engine.api.ChildOrderSink;
import io.slicer.engine.core.SlicerCore;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.ChildOrder;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.order.ChildStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SlicerCore} whose every input and output goes to a journal directory, written on the thread that runs the
 * core. Opening a directory that already holds a journal recovers: the recorded inputs are replayed into a fresh core
 * with the OMS disconnected (each replayed output is checked against the recorded one), outputs the crash cut off are
 * appended, a new SESSION is written, and then the core carries on live, appending to the same journal with the next
 * input sequence.
 *
 * <p>What the OMS must reconcile after a recovery is in {@link #recovery()}: the children the journaled engine had
 * decided that are still unresolved. A child whose input was journaled but whose send the crash interrupted is among
 * them; the OMS sends the ones it has no record of (child ids are deterministic) and nothing twice.
 */
public final class JournaledEngine implements AutoCloseable {
    private final EngineAssembly assembly;
    private final JournalWriter writer;
    private final RecoveryReport recovery;

    /** A child the recovered engine considers sent and not yet resolved. */
    public record UnresolvedChild(long childId, long parentId, int symbol, Side side, long quantity,
                                  double limitPrice, long sentAt, boolean cancelRequested) {
    }

    /** What a recovery found: inputs replayed, outputs appended, and the children the OMS must reconcile. */
    public record RecoveryReport(long inputsReplayed, long outputsAppended, List<UnresolvedChild> unresolved) {
    }

    private JournaledEngine(final EngineAssembly assembly, final JournalWriter writer, final RecoveryReport recovery,
                            final ChildOrderSink oms) {
        this.assembly = assembly;
        this.writer = writer;
        this.recovery = recovery;
        assembly.journalTo(new JournalingHook(writer));
        assembly.sendTo(oms);
    }

    /**
     * Opens (or recovers) the journal in {@code dir} for an engine with this set-up. On recovery the set-up must be
     * the one the journal recorded.
     */
    public static JournaledEngine open(final Path dir, final String engineVersion, final EngineSettings settings,
                                       final List<String> strategySpecs, final ChildOrderSink oms) {
        final ModelArchive archive = new ModelArchive(dir);
        final SessionRecord wanted = SessionRecord.forStart(engineVersion, settings, strategySpecs, archive);
        if (!JournalDirectory.hasRecords(dir)) {
            final EngineAssembly assembly = new EngineAssembly(wanted, archive);
            final JournalWriter writer = JournalWriter.open(JournalDirectory.queue(dir), 0);
            wanted.write(writer);
            return new JournaledEngine(assembly, writer, null, oms);
        }
        return recover(dir, wanted, oms);
    }

    private static JournaledEngine recover(final Path dir, final SessionRecord wanted, final ChildOrderSink oms) {
        final SentChildren sent = new SentChildren();
        final EngineAssembly assembly;
        final long validRecords;
        final List<JournalRecord> tail = new ArrayList<>();
        try (JournalReplayer replayer = new JournalReplayer(dir, sent)) {
            replayer.runToEnd();
            if (replayer.divergence() != null) {
                throw new IllegalStateException("journal " + dir + " cannot be recovered: "
                        + replayer.divergence().describe());
            }
            assembly = replayer.assembly();
            if (assembly == null) {
                throw new IllegalStateException("journal " + dir + " holds no SESSION record: cannot recover");
            }
            if (!assembly.session().sameSetup(wanted)) {
                throw new IllegalArgumentException("journal " + dir + " was written by " + describe(assembly.session())
                        + ", the restart asks for " + describe(wanted) + ": recover with the journal's set-up");
            }
            validRecords = replayer.validRecords();
            final CaptureSink missing = replayer.unmatchedOutputs();
            for (JournalRecord r = missing.poll(); r != null; r = missing.poll()) {
                final JournalRecord copy = new JournalRecord();
                copy.copyFrom(r);
                tail.add(copy);
            }
        }
        final SlicerCore core = assembly.core();
        final JournalWriter writer = JournalWriter.open(JournalDirectory.queue(dir), validRecords);
        for (final JournalRecord r : tail) {
            writer.stage().copyFrom(r);
            writer.commit(r.type(), r.payloadLength());
        }
        new SessionRecord(wanted.engineVersion(), wanted.config(), core.sequence(), wanted.strategies(),
                wanted.models()).write(writer);
        final RecoveryReport report = new RecoveryReport(core.sequence(), tail.size(), sent.unresolved(core));
        return new JournaledEngine(assembly, writer, report, oms);
    }

    private static String describe(final SessionRecord s) {
        return "engine " + s.engineVersion() + " with config '" + s.config() + "' and strategies " + s.strategies();
    }

    /** Applies one input: journaled first, then processed. The thread that owns the engine only. */
    public void onEvent(final EngineEvent event) {
        assembly.core().onEvent(event);
    }

    public SlicerCore core() {
        return assembly.core();
    }

    public SessionRecord session() {
        return assembly.session();
    }

    /** Null for a fresh journal; otherwise what the recovery replayed and what the OMS must reconcile. */
    public RecoveryReport recovery() {
        return recovery;
    }

    /** Records written to the journal so far, all sessions included. */
    public long journalRecords() {
        return writer.nextSequence();
    }

    @Override
    public void close() {
        writer.close();
    }

    /** Children the replayed engine sent, in order, to find which are still unresolved once the replay is done. */
    private static final class SentChildren implements ChildOrderSink {
        private final Map<Long, long[]> parents = new LinkedHashMap<>();

        @Override
        public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                               final long quantity, final double limitPrice) {
            parents.put(childId, new long[]{parentId});
        }

        @Override
        public void onCancelChild(final long childId, final long parentId) {
        }

        List<UnresolvedChild> unresolved(final SlicerCore core) {
            final List<UnresolvedChild> out = new ArrayList<>();
            for (final Map.Entry<Long, long[]> e : parents.entrySet()) {
                final ParentOrder parent = core.order(e.getValue()[0]);
                if (parent == null) {
                    continue;
                }
                for (int i = 0; i < parent.liveChildCount(); i++) {
                    final ChildOrder c = parent.liveChild(i);
                    if (c.childId() == e.getKey()) {
                        out.add(new UnresolvedChild(c.childId(), parent.orderId(), parent.symbol(), parent.side(),
                                c.quantity(), c.limitPrice(), c.sentAt(), c.status() == ChildStatus.PENDING_CANCEL));
                    }
                }
            }
            return out;
        }
    }
}
