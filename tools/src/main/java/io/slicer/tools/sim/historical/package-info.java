/**
 * Historical replay: parent orders executed over real bars (a LOBSTER day, or CME sessions split into train and test by
 * date), with our own temporary and permanent impact laid over the recorded mid, spread and traded volume.
 * {@link HistoricalScenario} implements the simulator's {@link io.slicer.tools.sim.Scenario}, so every strategy,
 * trainer and report that runs on synthetic markets runs here unchanged; {@link HistoricalScenarios} builds one from
 * {@code lobster:SYMBOL[:sliceSeconds[:slices]]}, {@link CmeScenarios} from {@code cme:SYMBOL:train|test[...]}, with
 * impact calibrated by {@link ImpactCalibration}.
 * <p>Depends on {@link io.slicer.tools.sim}, {@link io.slicer.tools.marketdata} and its LOBSTER and CME readers, and
 * the engine's decision, market and order types. Used by {@link io.slicer.tools.sim.Scenarios} and the command line.
 */
package io.slicer.tools.sim.historical;
