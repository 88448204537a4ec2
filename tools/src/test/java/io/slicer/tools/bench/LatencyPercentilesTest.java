package io.slicer.tools.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyPercentilesTest {

    @Test
    void readsEveryPercentileLineOfTheFixHarnessAndSkipsTheRest() {
        // FixLatencyHarness's output, as it prints it.
        final String output = """
                OMS NewOrderSingle -> venue child NewOrderSingle   n=  3,000  p50 1,204,223 ns  p90 8,028,159 ns  \
                p99 80,216,063 ns  max 120,061,951 ns
                venue fill ExecutionReport -> OMS Trade report     n=  3,000  p50   466,431 ns  p90   932,351 ns  \
                p99  4,603,903 ns  max  20,054,015 ns
                gateway journaled 12,345 inputs
                floor: one QuickFIX/J hop, NewOrderSingle          n=  3,000  p50    62,207 ns  p90    89,087 ns  \
                p99    180,223 ns  max     901,119 ns
                """;
        final List<LatencyPercentiles.Row> rows = LatencyPercentiles.read(output);
        assertEquals(3, rows.size());
        assertEquals(new LatencyPercentiles.Row("OMS NewOrderSingle -> venue child NewOrderSingle", 3_000, 1_204_223,
                8_028_159, 80_216_063, 120_061_951), rows.get(0));
        assertEquals("floor: one QuickFIX/J hop, NewOrderSingle", rows.get(2).label());
        assertEquals(62_207, rows.get(2).p50Nanos());
        assertEquals(901_119, rows.get(2).maxNanos());
    }

    @Test
    void tabulatesInMicroseconds() {
        final String md = LatencyPercentiles.markdown(List.of(
                new LatencyPercentiles.Row("console POST halt -> 200 acknowledged", 100, 1_530_000, 2_000_000,
                        9_870_000, 12_000_000)));
        assertTrue(md.contains("| console POST halt -> 200 acknowledged | 100 | 1,530.0 µs | 2,000.0 µs | "
                + "9,870.0 µs | 12,000.0 µs |"), md);
    }
}
