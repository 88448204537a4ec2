package io.slicer.engine.port;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.order.CancelReason;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.TradingState;

/**
 * What the core tells a journal, in the order it happens, on the thread that runs the core. Together the calls let
 * an auditor replay a day: {@link #onInput} sees every input before it is applied, so feeding the recorded inputs to
 * a fresh core built with the same configuration and strategies reproduces every {@link #onDecision},
 * {@link #onChildCancel}, {@link #onTransition} and {@link #onAnomaly} call bit for bit.
 *
 * <p>Contract for implementations: do not allocate and do not block for long (the calls are on the hot path); do not
 * keep references to the event or record past the call (they are reused); do not call back into the core. An
 * exception thrown here propagates out of the core's {@code onEvent} before the event is applied ({@code onInput})
 * or after the decision was made (others).
 */
public interface EngineJournal {
    /** Journals nothing. */
    EngineJournal NONE = new EngineJournal() {
    };

    /**
     * Every input, before it is processed. {@code sequence} counts the events this core has processed, from 0;
     * replay assigns the same numbers. A journal that promises durability returns from a control input
     * ({@link EngineEvent#isControl()}) only once its record is on stable storage: the engine acknowledges a control
     * to its caller after processing it, so the acknowledgement then means the control survives a crash.
     */
    default void onInput(long sequence, EngineEvent event) {
    }

    /** One slice decision (including those that sent nothing or were rejected by the pre-trade checks). */
    default void onDecision(DecisionRecord record) {
    }

    /** What the shadow strategy decided on a slice, after the live {@link #onDecision} of that slice. */
    default void onShadowDecision(ShadowRecord record) {
    }

    /**
     * The kill switch moved a scope: {@code id} is the order id, the symbol, or 0 for ALL; {@code state} the state it
     * moved to, {@code twapFallback} true when a policy fault handed an order to the TWAP fallback instead of halting
     * it. {@code detail} is the measured value that tripped an automatic transition (IS overrun, feature z-score with
     * the feature index in {@code detailIndex}, staleness in ns), NaN for manual ones.
     */
    default void onTransition(long sequence, long timestamp, HaltScope scope, long id, TradingState state,
                              boolean twapFallback, HaltReason reason, double detail, int detailIndex) {
    }

    /** An input was dropped, clamped or rejected; see {@link InputAnomaly} for what was done with it. */
    default void onAnomaly(long sequence, long timestamp, InputAnomaly anomaly, long orderId, long childId) {
    }

    /**
     * The engine asks the venue to cancel a working child, for {@code reason}: called before the cancel leaves
     * ({@link ChildOrderSink#onCancelChild}), so a journal holds every cancel the venue was sent. {@code limitPrice}
     * and {@code openQuantity} are the child's at the request; {@code haltReason} is the kill switch's reason when it
     * caused the cancel ({@link CancelReason#KILL_SWITCH_HALT}, {@link CancelReason#KILL_SWITCH_PAUSE},
     * {@link CancelReason#TWAP_FALLBACK}), else null.
     */
    default void onChildCancel(long sequence, long timestamp, long orderId, long childId, int symbol,
                               double limitPrice, long openQuantity, CancelReason reason, HaltReason haltReason) {
    }
}
