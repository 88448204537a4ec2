/**
 * Historical replay: parent orders executed over a real LOBSTER day, with our own temporary and permanent impact
 * laid over the recorded mid, spread and traded volume. {@link io.slicer.engine.sim.historical.HistoricalScenario}
 * implements the simulator's {@link io.slicer.engine.sim.Scenario}, so every strategy, trainer and report that runs
 * on synthetic markets runs here unchanged; {@link io.slicer.engine.sim.historical.HistoricalScenarios} builds one
 * from a data root or a {@code lobster:SYMBOL[:periodSeconds[:periods]]} spec.
 */
package io.slicer.engine.sim.historical;
