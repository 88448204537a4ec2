package io.slicer.bench.console;

import io.slicer.tools.bench.LatencyPercentiles;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that the harness runs and reports its three paths in the line {@code slicer bench} reads; times nothing. */
class ConsoleLatencyHarnessTest {

    @Test
    void reportsSnapshotHaltAndStreamPercentilesThatSlicerBenchReads() throws Exception {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int rc;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            rc = ConsoleLatencyHarness.run(12, 20, 5, out);
        }
        final String output = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, output);
        final List<LatencyPercentiles.Row> rows = LatencyPercentiles.read(output);
        assertEquals(List.of("console GET /api/orders (12 orders) -> body", "console POST halt -> 200 acknowledged",
                "engine fill -> console stream event showing it"),
                rows.stream().map(LatencyPercentiles.Row::label).toList(), output);
        // 20 snapshots after the warm-up, a halt for each of the 12 orders, 5 fills after one of warm-up.
        assertEquals(List.of(20L, 12L, 5L), rows.stream().map(LatencyPercentiles.Row::samples).toList(), output);
        for (final LatencyPercentiles.Row r : rows) {
            assertTrue(0 < r.p50Nanos() && r.p50Nanos() <= r.p90Nanos() && r.p90Nanos() <= r.p99Nanos()
                    && r.p99Nanos() <= r.maxNanos(), r.toString());
        }
    }
}
