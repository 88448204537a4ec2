package io.slicer.journal;

import io.slicer.engine.core.SlicerCore;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.market.Side;
import io.slicer.engine.port.ChildOrderSink;

import java.nio.file.Path;
import java.util.List;

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
    /** An input whose processing has not returned: the engine failed mid-input, so closing must not seal. */
    private boolean inputInFlight;

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
        assembly.sendTo(new DurableSends(writer, oms));
    }

    /**
     * Opens (or recovers) the journal in {@code dir} for an engine with this set-up. On recovery the set-up must be
     * the one the journal recorded ({@link JournalRecovery}).
     */
    public static JournaledEngine open(final Path dir, final String engineVersion, final EngineSettings settings,
                                       final List<String> strategySpecs, final ChildOrderSink oms) {
        final JournalRecovery.Prepared prepared = JournalRecovery.prepare(dir, engineVersion, settings,
                strategySpecs);
        return new JournaledEngine(prepared.assembly(), prepared.openWriter(), prepared.recovery(), oms);
    }

    /** Applies one input: journaled first, then processed. The thread that owns the engine only. */
    public void onEvent(final EngineEvent event) {
        inputInFlight = true;
        assembly.core().onEvent(event);
        inputInFlight = false;
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

    /** The chain head last forced to disk, as the journal's chain head file holds it (for status and metrics). */
    public ChainHead durableChainHead() {
        return ChainHeadFile.read(writer.queueDir());
    }

    /**
     * Seals the session (the journal then shows a clean close) and closes the journal. After an input that failed
     * part-way (an exception out of {@link #onEvent}) the session is left unsealed, as a crash leaves it: its outputs
     * may be incomplete, and the next start recovers it.
     */
    @Override
    public void close() {
        try {
            if (!inputInFlight) {
                writer.seal(assembly.core().sequence());
            }
        } finally {
            writer.close();
        }
    }
}
