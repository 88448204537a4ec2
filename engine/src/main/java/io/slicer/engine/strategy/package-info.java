/**
 * How much to trade each slice: the {@link SliceStrategy} contract (one instance per order, made by a
 * {@link StrategyFactory} from the order's terms; {@code decide} is deterministic and allocation-free), the schedules
 * ({@link Twap}, {@link Vwap}, {@link Pov}, {@link AlmgrenChrissStrategy} on the {@link AlmgrenChriss} closed form, the
 * seeds' reproductions), the learned {@link PolicyStrategy}, and the {@link StrategyRegistry} that resolves a spec such
 * as {@code pov:0.1} or {@code dqn:DIR} into a {@link RegisteredStrategy}. The simulator and the live engine call the
 * same implementations.
 * <p>Depends on {@link io.slicer.engine.decision}, {@link io.slicer.engine.order}, {@link io.slicer.engine.risk} and
 * {@link io.slicer.policy}. Used by core and api, the journal (its {@code policy} family) and the tools.
 */
package io.slicer.engine.strategy;
