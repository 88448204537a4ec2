package io.slicer.journal;

import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.port.ChildOrderSink;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The engine an OMS embeds ({@link SlicerEngine}: Disruptor ring, one consumer thread) with the same journal as
 * {@link JournaledEngine}: a SESSION record (settings, canonical strategy specs, archived models) opens the journal,
 * then the consumer thread journals every input in ring-sequence order, and every decision, halt and anomaly, as it
 * processes them. The core on the ring numbers its inputs exactly as a synchronous core fed the same events would, so
 * {@link JournalReplayer} replays this journal like any other.
 *
 * <p>Opening a directory that already holds a journal recovers it exactly as {@link JournaledEngine#open} does (both
 * go through {@link JournalRecovery}): the restart must ask for the journal's set-up, the recorded inputs are replayed
 * into a fresh core with the OMS disconnected and every output checked against the journal, outputs the crash cut off
 * are appended and a restart SESSION written. That replayed core is the one the ring then runs
 * ({@link SlicerEngine.Builder#core}), so the consumer continues the input sequence and the journal stays one
 * continuous record. Inputs published to the ring but not yet journaled when the engine died are lost with it: the
 * OMS publishes again from {@code engine().core().sequence()} (the inputs the journal holds). Children the replay
 * decided are not sent again; those still unresolved are in {@link #recovery()} for the OMS to reconcile before it
 * publishes anything.
 */
public final class RingJournal implements AutoCloseable {
    private final SlicerEngine engine;
    private final JournalWriter writer;
    private final SessionRecord session;
    private final JournaledEngine.RecoveryReport recovery;
    private boolean closed;

    private RingJournal(final SlicerEngine engine, final JournalWriter writer, final SessionRecord session,
                        final JournaledEngine.RecoveryReport recovery) {
        this.engine = engine;
        this.writer = writer;
        this.session = session;
        this.recovery = recovery;
    }

    /**
     * Starts a ring engine journaling into {@code dir}, recovering the journal already there. {@code ring} may tune
     * the ring (size, wait strategy, publishers, thread name); engine settings go in {@code settings}, where the
     * journal records them (the builder refuses engine settings, strategies, sinks and journals from {@code ring},
     * before anything is written). On recovery the set-up must be the one the journal recorded.
     */
    public static RingJournal open(final Path dir, final String engineVersion, final EngineSettings settings,
                                   final List<String> strategySpecs, final ChildOrderSink oms,
                                   final Consumer<SlicerEngine.Builder> ring) {
        final JournalRecovery.Prepared prepared = JournalRecovery.prepare(dir, engineVersion, settings,
                strategySpecs);
        final EngineAssembly assembly = prepared.assembly();
        final SlicerEngine.Builder builder = SlicerEngine.builder().core(assembly.core());
        ring.accept(builder);
        final JournalWriter writer = prepared.openWriter();
        try {
            assembly.journalTo(new JournalingHook(writer));
            assembly.sendTo(new DurableSends(writer, oms));
            writer.handOver();
            return new RingJournal(builder.build(), writer, assembly.session(), prepared.recovery());
        } catch (final RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    public static RingJournal open(final Path dir, final String engineVersion, final EngineSettings settings,
                                   final List<String> strategySpecs, final ChildOrderSink oms) {
        return open(dir, engineVersion, settings, strategySpecs, oms, builder -> {
        });
    }

    /** The running engine: publish to it; read its core only after {@link SlicerEngine#flush()}. */
    public SlicerEngine engine() {
        return engine;
    }

    public SessionRecord session() {
        return session;
    }

    /**
     * Null for a fresh journal; otherwise what the recovery replayed and the children the OMS must reconcile before
     * it publishes again.
     */
    public JournaledEngine.RecoveryReport recovery() {
        return recovery;
    }

    /** Records written so far; exact after {@link SlicerEngine#flush()} or {@link #close()}. */
    public long journalRecords() {
        return writer.nextSequence();
    }

    /**
     * The chain head last forced to disk, as the journal's chain head file holds it: what an operator's status or
     * metrics page shows, and what {@code slicer journal verify} compares the queue with. Any thread.
     */
    public ChainHead durableChainHead() {
        return ChainHeadFile.read(writer.queueDir());
    }

    /** Processes what is in the ring, stops the consumer thread, seals the session, then closes the journal. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean stopped = false;
        try {
            engine.close();
            stopped = true;
        } finally {
            writer.handOver();
            try {
                if (stopped) {
                    writer.seal(engine.core().sequence());
                }
            } finally {
                writer.close();
            }
        }
    }
}
