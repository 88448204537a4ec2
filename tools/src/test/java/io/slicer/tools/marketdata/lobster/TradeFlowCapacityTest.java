package io.slicer.tools.marketdata.lobster;

import io.slicer.engine.order.TacticFeatures;
import io.slicer.engine.order.TradeFlow;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trade-flow window's ring ({@link TradeFlow#DEFAULT_CAPACITY}) holds the busiest 30 seconds of both sample days,
 * so neither the engine nor the historical simulator drops a print early on them: the chooser's {@code trade_flow}
 * is the whole window's.
 */
class TradeFlowCapacityTest {
    @Test
    void theBusiestThirtySecondsOfEachSampleDayFitTheRing() {
        for (final LobsterDay day : new LobsterDay[] {LobsterTestData.amzn(), LobsterTestData.goog()}) {
            final LobsterTape tape = LobsterTape.of(day);
            final TradeFlow flow = new TradeFlow(TradeFlow.DEFAULT_CAPACITY);
            // Distinct (time, side) prints in the window ending at each execution: what the ring must hold.
            final long[] times = new long[tape.rows()];
            final int[] sides = new int[tape.rows()];
            int entries = 0;
            int oldest = 0;
            int busiest = 0;
            for (int r = 0; r < tape.rows(); r++) {
                if (tape.type(r) != LobsterFormat.TYPE_VISIBLE_EXECUTION
                        && tape.type(r) != LobsterFormat.TYPE_HIDDEN_EXECUTION) {
                    continue;
                }
                final int side = tape.direction(r) < 0 ? 1 : -1;
                flow.record(tape.time(r), side, tape.size(r));
                flow.window(tape.time(r));
                if (entries == 0 || times[entries - 1] != tape.time(r) || sides[entries - 1] != side) {
                    times[entries] = tape.time(r);
                    sides[entries] = side;
                    entries++;
                }
                while (times[oldest] < tape.time(r) - TacticFeatures.FLOW_WINDOW_NANOS) {
                    oldest++;
                }
                busiest = Math.max(busiest, entries - oldest);
            }
            assertEquals(0, flow.dropped(), "prints dropped early");
            assertTrue(busiest > 10 && busiest < TradeFlow.DEFAULT_CAPACITY, day.symbol() + "'s busiest window: "
                    + busiest + " distinct prints, ring " + TradeFlow.DEFAULT_CAPACITY);
        }
    }
}
