/**
 * What the journal costs: {@link JournalLatencyHarness} times the core's {@code onEvent} with and without the Chronicle
 * Queue journal on a {@link SyntheticDay}, and {@link ReplayThroughput} measures replay speed in journaled inputs per
 * second.
 * <p>Depends on {@link io.slicer.journal} and the engine's core, event, market, port and strategy types. Nothing
 * depends on it; {@code slicer bench} runs its harnesses in their own JVM.
 */
package io.slicer.bench.journal;
