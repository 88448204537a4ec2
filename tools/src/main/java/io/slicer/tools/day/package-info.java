/**
 * Whole trading days through the real engine: {@link ScenarioDay} trades one simulator episode through a
 * {@link io.slicer.engine.api.SlicerEngine} so its IS compares with the simulator's, {@link SimulatedDay} and
 * {@link LobsterDayDriver} play a seeded or a historical day into a journaled engine, and {@link DayRunner} runs (or
 * recovers and finishes) one, with the {@link OmsLog} as the simulated OMS's record of what reached the market; the
 * crash tests kill it and restart.
 * <p>Depends on the engine (api, port and the types below), the journal, policy inference, {@link io.slicer.tools.sim}
 * and {@link io.slicer.tools.marketdata.lobster}. Used by {@link io.slicer.tools.demo} and {@link io.slicer.tools.cli}.
 */
package io.slicer.tools.day;
