package io.slicer.journal;

import io.slicer.engine.core.SlicerCore;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.ChildOrder;
import io.slicer.engine.order.ChildStatus;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.journal.format.JournalFrame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens a journal directory for an engine, whichever engine runs the core ({@link JournaledEngine} on the caller's
 * thread, {@link RingJournal} on the ring's consumer thread), so both start and recover identically.
 *
 * <p>A fresh directory gets the engine's SESSION. A directory that already holds a journal is recovered: its recorded
 * inputs are replayed into a fresh core with the OMS disconnected, each replayed output checked against the recorded
 * one ({@link JournalReplayer}); the restart must ask for the journal's set-up (engine version, settings, strategies
 * and models); outputs the crash cut off are appended and a restart SESSION continues the input sequence. The core
 * returned is that replayed core, its journal and child sink still disconnected: the caller points them at the
 * journal and the OMS before the first live input. Preparing writes nothing to the journal, so a start refused while
 * preparing (a mismatched set-up, a ring the caller mis-configured) leaves the journal as it was; a caller that
 * refuses after opening (e.g. {@code ScenarioDay.play} on a recovered journal) leaves the restart SESSION behind,
 * which replays harmlessly.
 */
final class JournalRecovery {
    private JournalRecovery() {
    }

    /**
     * A journal ready to continue: the core to run (fresh, or replayed to where the journal ends), and what is still
     * to be written when the journal is opened for appending (nothing is written before {@link #openWriter()}).
     */
    static final class Prepared {
        private final Path dir;
        private final EngineAssembly assembly;
        private final SessionRecord session;
        private final ChainHead after;
        private final List<JournalRecord> tail;
        private final JournaledEngine.RecoveryReport recovery;

        private Prepared(final Path dir, final EngineAssembly assembly, final SessionRecord session,
                         final ChainHead after, final List<JournalRecord> tail,
                         final JournaledEngine.RecoveryReport recovery) {
            this.dir = dir;
            this.assembly = assembly;
            this.session = session;
            this.after = after;
            this.tail = tail;
            this.recovery = recovery;
        }

        /** The core to run, its journal hook and child sink not yet connected. */
        EngineAssembly assembly() {
            return assembly;
        }

        /** Null for a fresh journal; otherwise what the recovery replayed and what the OMS must reconcile. */
        JournaledEngine.RecoveryReport recovery() {
            return recovery;
        }

        /**
         * Opens the journal for appending after its last valid record and writes what the start owes it: the outputs
         * a crash cut off, then the SESSION (a restart SESSION continuing the input sequence when recovering).
         */
        JournalWriter openWriter() {
            final JournalWriter writer = JournalWriter.open(JournalDirectory.queue(dir), after,
                    JournalKey.configured());
            try {
                for (final JournalRecord r : tail) {
                    writer.stage().copyFrom(r);
                    writer.commit(r.length() - JournalFrame.LENGTH);
                }
                session.write(writer);
                return writer;
            } catch (final RuntimeException e) {
                writer.close();
                throw e;
            }
        }
    }

    /**
     * Prepares the journal in {@code dir} for an engine with this set-up, writing nothing to it: a fresh core for an
     * empty directory, else the core replayed from the journal. On recovery the set-up must be the one the journal
     * recorded, else {@link IllegalArgumentException} names both.
     */
    static Prepared prepare(final Path dir, final String engineVersion, final EngineSettings settings,
                            final List<String> strategySpecs) {
        final ModelArchive archive = new ModelArchive(dir);
        final SessionRecord wanted = SessionRecord.forStart(engineVersion, settings, strategySpecs, archive);
        if (!JournalDirectory.hasRecords(dir)) {
            return new Prepared(dir, new EngineAssembly(wanted, archive), wanted, ChainHead.GENESIS, List.of(), null);
        }
        return recover(dir, wanted);
    }

    private static Prepared recover(final Path dir, final SessionRecord wanted) {
        final SentChildren sent = new SentChildren();
        final EngineAssembly assembly;
        final ChainHead after;
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
            after = replayer.chainHead();
            final CaptureSink missing = replayer.unmatchedOutputs();
            for (JournalRecord r = missing.poll(); r != null; r = missing.poll()) {
                final JournalRecord copy = new JournalRecord();
                copy.copyFrom(r);
                tail.add(copy);
            }
        }
        final SlicerCore core = assembly.core();
        final SessionRecord restart = new SessionRecord(wanted.engineVersion(), wanted.config(), core.sequence(),
                wanted.strategies(), wanted.models());
        final JournaledEngine.RecoveryReport report = new JournaledEngine.RecoveryReport(core.sequence(), tail.size(),
                sent.unresolved(core));
        return new Prepared(dir, assembly, restart, after, List.copyOf(tail), report);
    }

    private static String describe(final SessionRecord s) {
        return "engine " + s.engineVersion() + " with config '" + s.config() + "' and strategies " + s.strategies();
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

        List<JournaledEngine.UnresolvedChild> unresolved(final SlicerCore core) {
            final List<JournaledEngine.UnresolvedChild> out = new ArrayList<>();
            for (final Map.Entry<Long, long[]> e : parents.entrySet()) {
                final ParentOrder parent = core.order(e.getValue()[0]);
                if (parent == null) {
                    continue;
                }
                for (int i = 0; i < parent.liveChildCount(); i++) {
                    final ChildOrder c = parent.liveChild(i);
                    if (c.childId() == e.getKey()) {
                        out.add(new JournaledEngine.UnresolvedChild(c.childId(), parent.orderId(), parent.symbol(),
                                parent.side(), c.quantity(), c.limitPrice(), c.sentAt(),
                                c.status() == ChildStatus.PENDING_CANCEL));
                    }
                }
            }
            return out;
        }
    }
}
