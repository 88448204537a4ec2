package io.slicer.tools.sim;

import io.slicer.engine.market.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EpisodeResultTest {

    @Test
    void buyShortfallSplitsIntoImpactTimingAndOpportunity() {
        final EpisodeResult r = new EpisodeResult(2, 1.0);
        r.begin(Side.BUY, 1_000, 100.0, 0.10);
        // Slice 0: 400 shares at 100.05, mid 100.00, unaffected 100.00; market 4,000 at 100.00.
        r.record(400, 100.05, 100.00, 100.00, 4_000, 100.00);
        // Slice 1: 500 shares at 101.10, mid 101.02 of which 0.02 is our own permanent impact.
        r.record(500, 101.10, 101.02, 101.00, 4_000, 101.00);
        r.finish(102.0); // 100 shares never filled, valued at the final mid

        final double notional = 1_000 * 100.0;
        assertEquals((400 * 0.05 + 500 * 0.08) / notional * 1e4, r.temporaryImpactBps(), 1e-9);
        assertEquals(500 * 0.02 / notional * 1e4, r.permanentImpactBps(), 1e-9);
        assertEquals(500 * 1.00 / notional * 1e4, r.timingBps(), 1e-9);
        assertEquals(100 * 2.00 / notional * 1e4, r.opportunityBps(), 1e-9);
        assertEquals(400 * 0.05 + 500 * 1.10 + 100 * 2.0, r.isCost(), 1e-9);
        assertEquals(900.0 / 8_000, r.meanParticipation(), 1e-12);
        assertEquals(0.125, r.maxParticipation(), 1e-12);
        assertEquals(1, r.capBreaches()); // 500 > 10% of 4,000
    }

    @Test
    void sellShortfallIsPositiveWhenPriceFalls() {
        final EpisodeResult r = new EpisodeResult(1, 1.0);
        r.begin(Side.SELL, 100, 50.0, Double.NaN);
        r.record(100, 49.5, 49.6, 49.6, 1_000, 49.6);
        r.finish(49.6);
        assertEquals(100 * 0.5 / (100 * 50.0) * 1e4, r.isBps(), 1e-9);
        assertEquals(0, r.capBreaches());
        // Our average 49.5 against a market VWAP of 49.6: 0.1 worse for a seller.
        assertEquals(0.1 / 49.6 * 1e4, r.vwapSlippageBps(), 1e-9);
    }
}
