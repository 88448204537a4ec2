package io.slicer.journal;

import io.slicer.engine.api.ChildOrderSink;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.core.EngineConfig;

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
 * <p>Fresh journals only: a directory that already holds records is refused. Recovery after a crash replays the
 * journal synchronously ({@link JournaledEngine#open}, e.g. {@code slicer run} on the same {@code --journal}).
 */
public final class RingJournal implements AutoCloseable {
    private final SlicerEngine engine;
    private final JournalWriter writer;
    private final SessionRecord session;
    private boolean closed;

    private RingJournal(final SlicerEngine engine, final JournalWriter writer, final SessionRecord session) {
        this.engine = engine;
        this.writer = writer;
        this.session = session;
    }

    /**
     * Starts a ring engine journaling into the new journal {@code dir}. {@code ring} may tune the ring (size, wait
     * strategy, thread name); engine settings go in {@code settings}, where the journal records them.
     */
    public static RingJournal open(final Path dir, final String engineVersion, final EngineSettings settings,
                                   final List<String> strategySpecs, final ChildOrderSink oms,
                                   final Consumer<SlicerEngine.Builder> ring) {
        if (JournalDirectory.hasRecords(dir)) {
            throw new IllegalArgumentException("journal " + dir + " already holds records; the ring engine starts "
                    + "fresh journals only: choose a new directory (replay this one with 'slicer replay --journal "
                    + dir + "')");
        }
        final ModelArchive archive = new ModelArchive(dir);
        final SessionRecord session = SessionRecord.forStart(engineVersion, settings, strategySpecs, archive);
        final EngineConfig config = settings.toConfig();
        final SlicerEngine.Builder builder = SlicerEngine.builder().config(settings::applyTo).sink(oms);
        for (final String spec : session.strategies()) {
            builder.register(StrategySpecs.resolve(spec, archive, config.domainSigmas()));
        }
        ring.accept(builder);
        final JournalWriter writer = JournalWriter.open(JournalDirectory.queue(dir), 0);
        try {
            session.write(writer);
            writer.handOver();
            return new RingJournal(builder.journal(new JournalingHook(writer)).build(), writer, session);
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

    /** Records written so far; exact after {@link SlicerEngine#flush()} or {@link #close()}. */
    public long journalRecords() {
        return writer.nextSequence();
    }

    /** Processes what is in the ring, stops the consumer thread, then closes the journal. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            engine.close();
        } finally {
            writer.handOver();
            writer.close();
        }
    }
}
