/**
 * The live engine's cost: {@link CoreBenchmark} (JMH, with {@code -prof gc} for bytes per decision),
 * {@link LatencyHarness} (event-to-child-order latency through the real ring at a fixed rate, so coordinated omission
 * cannot hide the tail), {@link PlatformFloorHarness} (the machine's own latency floor) and {@link RunQueueWait} (time
 * a thread waited for a CPU).
 * <p>Depends on the engine's api, core, port and the types below them, on policy inference, and on the engine's test
 * jar ({@code DemoModels}). Nothing depends on it; {@code slicer bench} runs its harnesses in their own JVM.
 */
package io.slicer.bench.engine;
