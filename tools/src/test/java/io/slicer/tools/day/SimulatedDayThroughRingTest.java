package io.slicer.tools.day;

import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.port.DecisionRecord;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.RiskVerdict;
import io.slicer.engine.risk.TradingState;
import io.slicer.tools.example.FakeOmsExample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full simulated day (liquid-stock: 500,000 shares, 26 fifteen-minute slices, 23,400 seconds of quotes, trades and
 * timers) through the real ring, with the example's fake OMS and simulated venue.
 */
class SimulatedDayThroughRingTest {
    /** Renders every decision, halt and anomaly; the order events arrive in is the engine's. */
    private static final class Lines implements EngineJournal {
        final List<String> lines = new ArrayList<>();
        int accepted;
        int halts;
        int anomalies;

        @Override
        public void onDecision(final DecisionRecord r) {
            lines.add(r + Arrays.toString(r.features()));
            if (r.verdict() == RiskVerdict.ACCEPTED) {
                accepted++;
            }
        }

        @Override
        public void onTransition(final long sequence, final long timestamp, final HaltScope scope, final long id,
                                 final TradingState state, final boolean twapFallback, final HaltReason reason,
                                 final double detail, final int detailIndex) {
            lines.add("halt " + scope + " " + id + " " + reason);
            halts++;
        }

        @Override
        public void onAnomaly(final long sequence, final long timestamp, final InputAnomaly anomaly,
                              final long orderId, final long childId) {
            lines.add("anomaly " + anomaly);
            anomalies++;
        }
    }

    @Test
    void twapFillsTheWholeParentOrderByTheEndOfTheDay() {
        final Lines journal = new Lines();
        final OrderProgress p = FakeOmsExample.run("twap", 3, false, journal);
        assertEquals(OrderStatus.FILLED, p.status(), p + " " + journal.lines.subList(0, Math.min(5, journal.lines.size())));
        assertEquals(500_000, p.filled());
        assertEquals(0, p.inFlight());
        assertTrue(journal.accepted >= 26, "at least one child per slice, got " + journal.accepted);
        assertEquals(0, journal.anomalies, journal.lines.toString());
        assertEquals(1, journal.halts, "only the end-of-day halt of everything");
        assertTrue(Double.isFinite(p.shortfallBps()) && Math.abs(p.shortfallBps()) < 500, "IS " + p.shortfallBps());
        assertEquals(p.shortfallBps(), p.twapShortfallBps(), 5.0,
                "a TWAP order tracks its own TWAP benchmark within a few bps");
    }

    @Test
    void theSameDayThroughTheRingTwiceGivesTheSameDecisions() {
        final Lines first = new Lines();
        final Lines second = new Lines();
        final OrderProgress p = FakeOmsExample.run("dqn-demo", 1, false, first);
        FakeOmsExample.run("dqn-demo", 1, false, second);
        assertEquals(OrderStatus.FILLED, p.status(), p.toString());
        assertTrue(first.accepted >= 26, "children sent: " + first.accepted);
        assertEquals(first.lines, second.lines);
    }
}
