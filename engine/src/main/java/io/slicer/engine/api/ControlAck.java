package io.slicer.engine.api;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's answer to a PAUSE, RESUME or HALT: {@link #acknowledged()} turns true once the consumer thread has
 * processed the control input, and a journaling engine processes a control input only after its record is written
 * and forced to disk ({@code EngineJournal#onInput}). So an acknowledged halt survives a crash: the restarted engine
 * replays it. Until then the control may be lost with the process, and the caller must not tell anyone it took effect.
 *
 * <p>Made on the publishing thread (an operator's, never the decision thread); the consumer thread completes it by
 * advancing one volatile sequence, so waiting costs the engine nothing.
 */
public final class ControlAck {
    private static final long POLL_NANOS = 50_000;

    private final SlicerEngine engine;
    private final long sequence;

    ControlAck(final SlicerEngine engine, final long sequence) {
        this.engine = engine;
        this.sequence = sequence;
    }

    /** The ring sequence of the control input. */
    public long sequence() {
        return sequence;
    }

    /** True once the control input was processed (journaled and forced first, when the engine journals). */
    public boolean acknowledged() {
        return engine.controlAcknowledged(sequence);
    }

    /**
     * Waits up to {@code timeout} for the acknowledgement; true when it came, false on timeout.
     *
     * @throws IllegalStateException when the engine failed closed or was closed before acknowledging: the control's
     *                               fate is then what the journal holds, not what was asked
     */
    public boolean await(final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!acknowledged()) {
            final Throwable failure = engine.failure();
            if (failure != null) {
                throw new IllegalStateException("control at ring sequence " + sequence
                        + " not acknowledged: the engine failed closed (" + failure.getMessage() + ")", failure);
            }
            if (engine.consumerStopped()) {
                throw new IllegalStateException("control at ring sequence " + sequence
                        + " not acknowledged: the engine stopped before processing it");
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    @Override
    public String toString() {
        return "ControlAck{sequence=" + sequence + ", acknowledged=" + acknowledged() + "}";
    }
}
