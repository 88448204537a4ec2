package io.slicer.engine.core;

/**
 * Reports bad or unexpected input to the journal, stamped with the event being applied and the core's time. An
 * anomaly never changes state by itself: whoever reports it also decides what the event still does (usually nothing).
 *
 * <p>Allocation-free. Engine thread.
 */
final class InputAnomalies {
    private final EngineClock clock;
    private final EngineJournal journal;

    InputAnomalies(final EngineClock clock, final EngineJournal journal) {
        this.clock = clock;
        this.journal = journal;
    }

    void report(final InputAnomaly anomaly, final long orderId, final long childId) {
        journal.onAnomaly(clock.currentSequence(), clock.now(), anomaly, orderId, childId);
    }
}
