/**
 * Simulator throughput in slices per second: {@link SimulatorBenchmark} (JMH) and {@link SimulatorThroughput} (thread
 * CPU time next to wall time, for a shared machine).
 * <p>Depends on {@link io.slicer.tools.sim} and the engine's decision and strategy types. Nothing depends on it.
 */
package io.slicer.bench.sim;
