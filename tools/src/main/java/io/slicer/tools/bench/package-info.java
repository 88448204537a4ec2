/**
 * {@link JmhResults}: reads JMH's JSON results into rows for the {@code slicer bench} report;
 * {@link LatencyPercentiles}: reads the percentile lines the closed-loop latency harnesses print.
 * <p>Depends on nothing of Slicer (Jackson only): the benchmarks themselves run in their own JVM from
 * {@code benchmarks.jar}, so the tools do not compile against the benchmarks module. Used by
 * {@link io.slicer.tools.cli}.
 */
package io.slicer.tools.bench;
