/**
 * Latency of the FIX gateway over loopback TCP ({@link io.slicer.bench.fix.FixLatencyHarness}): an OMS and a venue on
 * QuickFIX/J in the harness's JVM, the gateway between them.
 */
package io.slicer.bench.fix;
