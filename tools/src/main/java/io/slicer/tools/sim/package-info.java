/**
 * The offline simulator: a {@link Scenario} is a parent order in a market and hands each thread an {@link Episode} that
 * executes it along one seeded path ({@link EpisodeRandom}, {@link SimRandom}), driven by the same strategies and
 * decision context as the live engine ({@link EpisodeRunner}) and accounted in an {@link EpisodeResult}. The
 * linear-impact market is {@link MarketParams} with a {@link VolumeProfile} and optional {@link RegimeChain}, run by
 * {@link LinearImpactScenario}; {@link Scenarios} resolves every {@code --scenario} name. The seeded episodes share
 * their lifecycle and accounting through {@link SimulatedEpisode}, and tell their strategy the volume to expect through
 * {@link io.slicer.engine.decision.SliceVolumeForecast}. Episodes are allocation-free after construction.
 * <p>Depends on the engine's decision, market, order and strategy types, on {@link io.slicer.tools.sim.presets} and
 * {@link io.slicer.tools.sim.historical} (which {@code Scenarios} registers) and on
 * {@link io.slicer.tools.marketdata.lobster}. Used by the trainers, evaluation, days, demo, command line and the
 * simulator benchmarks; never by the live engine or the journal.
 */
package io.slicer.tools.sim;
