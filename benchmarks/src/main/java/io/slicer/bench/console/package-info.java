/**
 * The operator console's cost to the decision path: {@link io.slicer.bench.console.ConsoleLoadHarness} runs the ring
 * engine over 1,000 live parent orders with the console off, then on (watching every order, a live stream client and a
 * Prometheus scraper), and prints the engine thread's time per slice boundary in each.
 * <p>Depends on the engine's api and the console ({@code io.slicer.tools.console}). Nothing depends on it.
 */
package io.slicer.bench.console;
