package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;

/**
 * What the core tells a journal, in the order it happens, on the thread that runs the core. Together the calls let
 * an auditor replay a day: {@link #onInput} sees every input before it is applied, so feeding the recorded inputs to
 * a fresh {@link SlicerCore} built with the same configuration and strategies reproduces every
 * {@link #onDecision}, {@link #onHalt} and {@link #onAnomaly} call bit for bit.
 *
 * <p>Contract for implementations: do not allocate and do not block for long (the calls are on the hot path); do not
 * keep references to the event or record past the call (they are reused); do not call back into the core. An
 * exception thrown here propagates out of {@link SlicerCore#onEvent} before the event is applied ({@code onInput})
 * or after the decision was made (others).
 */
public interface EngineJournal {
    /** Journals nothing. */
    EngineJournal NONE = new EngineJournal() {
    };

    /**
     * Every input, before it is processed. {@code sequence} counts the events this core has processed, from 0;
     * replay assigns the same numbers.
     */
    default void onInput(long sequence, EngineEvent event) {
    }

    /** One slicing decision (including those that sent nothing or were rejected by the pre-trade checks). */
    default void onDecision(DecisionRecord record) {
    }

    /**
     * A scope was halted: {@code id} is the order id, the symbol, or 0 for ALL. {@code detail} is the measured value
     * that tripped an automatic halt (IS ratio, feature z-score with the feature index in {@code detailIndex},
     * staleness in ns), NaN for manual halts.
     */
    default void onHalt(long sequence, long timestamp, HaltScope scope, long id, HaltReason reason,
                        double detail, int detailIndex) {
    }

    /** An input was dropped, clamped or rejected; see {@link InputAnomaly} for what was done with it. */
    default void onAnomaly(long sequence, long timestamp, InputAnomaly anomaly, long orderId, long childId) {
    }
}
