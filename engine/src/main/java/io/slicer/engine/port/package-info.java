/**
 * The ports through which the engine's outputs leave: {@link ChildOrderSink} (child orders, cancels and parent statuses
 * to the OMS) and {@link EngineJournal} (every input, decision, transition and anomaly, enough to replay a day), with
 * the {@link DecisionRecord} flyweight a decision is journaled as. Implementations run on the engine thread and must
 * neither allocate nor block; inside the engine only the core's {@code Outbox} calls them.
 * <p>Depends on {@link io.slicer.engine.event}, {@link io.slicer.engine.order}, {@link io.slicer.engine.risk},
 * {@link io.slicer.engine.decision} and {@link io.slicer.engine.market}. Used by core and api; implemented outside the
 * engine by the journal, the tools' simulated OMS and venues, and the benchmarks.
 */
package io.slicer.engine.port;
