package io.slicer.engine.core;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.strategy.InspectablePolicy;
import io.slicer.engine.strategy.SliceStrategy;

/**
 * One call of an order's strategy at a slice boundary, and the kill switch's checks on what came back: a strategy
 * that throws ({@link HaltReason#POLICY_THREW}), a NaN in a policy's raw output or action value
 * ({@link HaltReason#POLICY_NAN}), or shares outside {@code [0, quantity]}, an action index outside the policy's
 * action space or a participation cap outside {@code [0, 1]} ({@link HaltReason#POLICY_ACTION_OUT_OF_RANGE}) is a
 * policy fault, and its decision is not used.
 *
 * <p>Allocation-free after construction (the strategy's own decide aside). Engine thread.
 */
final class PolicyCall {
    private final SliceDecision decision = new SliceDecision();

    /** The strategy's decision from the last {@link #call} that returned no fault. */
    SliceDecision decision() {
        return decision;
    }

    /**
     * Calls the order's strategy for the slice in its context and copies its action (and raw output, for an
     * inspectable policy) into {@code r}; returns the policy fault, or null when {@link #decision()} is usable.
     */
    HaltReason call(final ParentOrder o, final DecisionRecord r) {
        decision.clear();
        final SliceStrategy strategy = o.strategy();
        try {
            strategy.decide(o.context(), decision);
        } catch (final RuntimeException ex) {
            return HaltReason.POLICY_THREW;
        }
        r.actionIndex = decision.actionIndex();
        r.actionValue = decision.actionValue();
        int actionCount = -1;
        if (strategy instanceof InspectablePolicy) {
            final InspectablePolicy inspectable = (InspectablePolicy) strategy;
            r.rawOutputLength = Math.min(DecisionRecord.MAX_RAW_OUTPUT, inspectable.copyRawOutput(r.rawOutput));
            actionCount = inspectable.actionCount();
            for (int i = 0; i < r.rawOutputLength; i++) {
                if (Float.isNaN(r.rawOutput[i])) {
                    return HaltReason.POLICY_NAN;
                }
            }
        }
        if (r.actionIndex >= 0 && Double.isNaN(r.actionValue)) {
            return HaltReason.POLICY_NAN;
        }
        final double cap = decision.participationCap();
        if (decision.shares() < 0 || decision.shares() > o.quantity()
                || (actionCount > 0 && r.actionIndex >= actionCount)
                || (!Double.isNaN(cap) && !(cap >= 0 && cap <= 1))) {
            return HaltReason.POLICY_ACTION_OUT_OF_RANGE;
        }
        return null;
    }
}
