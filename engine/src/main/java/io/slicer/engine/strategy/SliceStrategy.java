package io.slicer.engine.strategy;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;

/**
 * Decides how much of a parent order to trade in the current slice. The simulator and the live engine call the
 * same implementations.
 *
 * <p>Contract: {@link #begin} once per parent order, then {@link #decide} once per slice in order. An instance
 * holds per-order state and is used by one thread; make one per order (see {@link StrategyFactory}).
 * {@code decide} must not allocate and must be deterministic in its inputs. The caller clamps the decision to the
 * remaining quantity and sweeps whatever remains in the last slice.
 */
public interface SliceStrategy {
    /** Short name as used on the command line and in reports, e.g. {@code twap}, {@code dqn:models/x}. */
    String name();

    /**
     * A new parent order starts; {@code ctx} holds the order and the arrival market. Does nothing by default: a
     * strategy that decides from the context alone keeps no per-order state to set up.
     */
    default void begin(final DecisionContext ctx) {
    }

    /** Writes this slice's decision into {@code out} (already cleared by the caller). */
    void decide(DecisionContext ctx, SliceDecision out);
}
