package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.market.Side;
import io.slicer.engine.risk.RiskVerdict;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.StrategyRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.slicer.engine.core.CoreFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The I-would path when the participation cap has no room left in the slice: a TWAP buy of 10,000 in three ten-second
 * slices from t = 10 s, I-would at 100.05 with the ask at 100.01 (always touched), a 10% cap on the OMS's expected
 * 30,000 a slice. The boundary takes the cap's 3,000; between boundaries the cap leaves nothing.
 */
class WouldCapEngineTest {
    private final EngineEvent e = new EngineEvent();

    /** The order of the class comment, entered with the ask already inside its I-would price. */
    private CoreFixture cappedTwapWithTouchedIWould() {
        final CoreFixture f = new CoreFixture(b -> b.participationCap(0.1).minChild(100),
                List.of(RegisteredStrategy.schedule("twap", StrategyRegistry.schedules().factory("twap"))));
        f.quote(SECOND, 99.99, 100.01);
        f.core.onEvent(e.newOrder(0, 1, 0, Side.BUY, 10_000, 10 * SECOND, 40 * SECOND, 3, 0, Double.NaN, 100.05,
                Double.NaN, 0.05, 30_000));
        return f;
    }

    @Test
    void aTouchedIWouldWithNoRoomUnderTheCapJournalsOneEmptyDecisionNotOnePerTimer() {
        final CoreFixture f = cappedTwapWithTouchedIWould();
        f.tick(10);
        assertEquals(1, f.sink.children.size());
        assertEquals(3_000, f.sink.children.get(0).quantity(), "the cap's share of the expected slice volume");
        f.fillAll(10 * SECOND + 1, 100.01);
        for (int s = 11; s < 20; s++) {
            // Prints inside the slice: volume the next boundary's cap sees, not the I-would's (it sizes on slice 0's
            // expectation).
            f.trade(s * SECOND, 100.01, 3_000).tick(s);
        }
        final long empty = f.journal.decisions.stream()
                .filter(d -> d.slice() == 0 && d.verdict() == RiskVerdict.NOTHING_TO_SEND).count();
        assertEquals(1, f.sink.children.size(), "nothing more fits under the cap in slice 0");
        assertEquals(1, empty, "empty decisions journaled in slice 0 after the boundary: " + f.journal.decisions);
        f.tick(20);
        assertEquals(2, f.sink.children.size(), "the next boundary decides as before");
        assertEquals(2_700, f.sink.children.get(1).quantity(), "10% of the 27,000 printed in slice 0");
    }

    @Test
    void anAmendThatMakesRoomUnderTheCapIsDecidedAtTheNextTimer() {
        final CoreFixture f = cappedTwapWithTouchedIWould();
        f.tick(10).fillAll(10 * SECOND + 1, 100.01).tick(11).tick(12);
        final int decided = f.journal.decisions.size();
        // The OMS now expects twice the volume: the cap has room for 3,000 more in slice 0.
        f.core.onEvent(e.amendOrder(12 * SECOND + 1, 1, Double.NaN, Double.NaN, 60_000, Double.NaN));
        f.tick(13);
        assertEquals(decided + 1, f.journal.decisions.size());
        assertEquals(2, f.sink.children.size(), f.journal.decisions.toString());
        assertEquals(3_000, f.sink.children.get(1).quantity());
    }
}
