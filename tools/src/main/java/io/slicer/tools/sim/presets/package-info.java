/**
 * The named synthetic scenarios, each with its calibration written on the class: {@link LiquidStock} and
 * {@link StochasticLiquidity} (the liquid large cap, without and with liquidity regimes), {@link Ac2000} (Almgren and
 * Chriss's worked example), and the seeds' environments reproduced step for step, {@link SeedNotebookScenario} and
 * {@link SeedIqlScenario} with their own episode classes. Episodes are allocation-free after construction.
 * <p>Depends on {@link io.slicer.tools.sim} and the engine's decision, market and order types. Used through
 * {@link io.slicer.tools.sim.Scenarios}, which registers them by name.
 */
package io.slicer.tools.sim.presets;
