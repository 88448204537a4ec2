/**
 * What a slicing decision sees and says, shared by the simulator and the live engine so that training, evaluation and
 * trading cannot disagree: {@link DecisionContext} (the inputs), {@link ExecutionFeatures} (the one feature
 * definition), {@link SliceDecision} (shares and participation cap), {@link ActionMapping} (a policy's action to a
 * decision), {@link ParticipationFeasibility} (the floor that keeps a capped order able to finish) and
 * {@link SliceVolumeForecast} (the volume expected per slice and to the end). Allocation-free.
 * <p>Depends on {@link io.slicer.engine.market} only. Used by risk, order, strategy, port and core above it, and by the
 * tools' simulators and trainers.
 */
package io.slicer.engine.decision;
