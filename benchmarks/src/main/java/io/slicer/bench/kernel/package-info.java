/**
 * The cost of one policy forward pass: {@link KernelBenchmark} (JMH: scalar kernel, Vector API kernel and ONNX Runtime
 * on the same {@link BenchmarkNets}), {@link KernelCpuTimeHarness} (thread CPU time next to wall time, for a shared
 * machine) and {@link PanelAlignmentHarness} (the vector kernel's cache-line alignment).
 * <p>Depends on {@link io.slicer.policy}, {@link io.slicer.policy.onnx} and ONNX Runtime, nothing of the engine.
 * Nothing depends on it.
 */
package io.slicer.bench.kernel;
