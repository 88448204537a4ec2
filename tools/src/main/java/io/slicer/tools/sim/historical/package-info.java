/**
 * Historical replay: parent orders executed over a real LOBSTER day, with our own temporary and permanent impact
 * laid over the recorded mid, spread and traded volume. {@link io.slicer.tools.sim.historical.HistoricalScenario}
 * implements the simulator's {@link io.slicer.tools.sim.Scenario}, so every strategy, trainer and report that runs
 * on synthetic markets runs here unchanged; {@link io.slicer.tools.sim.historical.HistoricalScenarios} builds one
 * from a data root or a {@code lobster:SYMBOL[:sliceSeconds[:slices]]} spec.
 */
package io.slicer.tools.sim.historical;
