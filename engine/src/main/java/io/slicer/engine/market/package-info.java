/**
 * The market vocabulary every other layer speaks: {@link Side} (which signs every cost formula), {@link Instrument}
 * (tick, lot, contract multiplier, currency; prices on tick bit for bit) and the {@link SliceVolatilityEstimator} that
 * the live engine and every simulator run on the mids they observe. All allocation-free.
 * <p>The engine's bottom layer: depends on nothing but the JDK. Every engine package above it, the journal, the tools
 * and the benchmarks may depend on it ({@code EngineArchitectureTest} pins the engine's layers).
 */
package io.slicer.engine.market;
