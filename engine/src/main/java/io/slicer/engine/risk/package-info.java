/**
 * The kill switch's vocabulary and state: {@link TradingState} (ACTIVE, PAUSED, HALTED), {@link HaltScope},
 * {@link HaltReason}, the per-scope {@link ScopeState} (written only by the core's {@code KillSwitch}), the pre-trade
 * {@link RiskVerdict}, and a learned policy's {@link TrainingDomain}, read from its model card. The enums' codes are
 * stable because the journal writes them; {@code ScopeState} and {@link TrainingDomain#firstViolation} are
 * allocation-free.
 * <p>Depends on {@link io.slicer.engine.market}, {@link io.slicer.engine.decision} (the feature names) and
 * {@link io.slicer.policy.model} (the model card). Used by order, event, strategy, port, core and api, and by the journal.
 */
package io.slicer.engine.risk;
