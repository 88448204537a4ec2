/**
 * Test support shipped in the engine's test jar: {@link AllocationMeter}, which proves a hot path allocates 0 bytes
 * (the smallest of several windows, so JVM noise does not fail it), and {@link DemoModels}, an untrained, seeded
 * DQN-shaped model that costs what a trained one costs to run.
 * <p>Depends on {@link io.slicer.engine.decision} and {@link io.slicer.policy} only. Used by the engine's tests, the
 * tools' tests and example, and the engine benchmarks.
 */
package io.slicer.engine.testing;
