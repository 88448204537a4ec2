/**
 * The operator console's cost and speed. {@link io.slicer.bench.console.ConsoleLoadHarness} runs the ring engine over
 * 1,000 live parent orders with the console off, then on (watching every order, a live stream client and a Prometheus
 * scraper), and prints the engine thread's time per slice boundary in each.
 * {@link io.slicer.bench.console.ConsoleLatencyHarness} times what an operator meets over HTTP: a blotter snapshot, a
 * halt to its acknowledgement, a fill to the live stream (the {@code console} stage of {@code slicer bench}).
 * <p>Depends on the engine's api, the journal's ring engine and the console ({@code io.slicer.tools.console}); the
 * smoke test reads its output with {@code io.slicer.tools.bench}. Nothing depends on it.
 */
package io.slicer.bench.console;
