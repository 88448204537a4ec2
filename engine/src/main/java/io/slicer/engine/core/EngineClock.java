package io.slicer.engine.core;

/**
 * The core's sense of time and order: the sequence number of the event being applied and the event time, the
 * largest event timestamp seen so far. The core reads no wall clock, so the same events give the same times.
 *
 * <p>Allocation-free. Engine thread (or a replay with no engine running).
 */
final class EngineClock {
    private long sequence;
    private long current = -1;
    private long now = Long.MIN_VALUE;

    /** Starts the next event; returns its sequence number. */
    long nextEvent() {
        final long seq = sequence++;
        current = seq;
        return seq;
    }

    /** Moves the clock to {@code t}; false, with the clock left where it was, when {@code t} is before it. */
    boolean advanceTo(final long t) {
        if (t >= now) {
            now = t;
            return true;
        }
        return false;
    }

    /** Event time: the largest event timestamp seen, Long.MIN_VALUE before any event. */
    long now() {
        return now;
    }

    /** Sequence number of the event being applied (of the last one after it), -1 before any. */
    long currentSequence() {
        return current;
    }

    /** Events started so far (the next event's sequence). */
    long sequence() {
        return sequence;
    }
}
