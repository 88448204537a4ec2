package io.slicer.engine.sim;

import io.slicer.engine.market.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenariosTest {
    @Test
    void ac2000HasThePapersParameters() {
        final Scenario s = Scenarios.byName("ac-2000");
        assertEquals(Side.SELL, s.side());
        assertEquals(1_000_000, s.quantity());
        assertEquals(5, s.periods());
        assertEquals(50.0, s.arrivalPrice());
        assertEquals(1.0, s.periodLength());
        assertEquals(0.95, s.sigmaPerPeriod(), 1e-15);
        assertEquals(2.5e-7, s.permanentImpact());
        assertEquals(2.5e-6, s.temporaryImpact());
        assertEquals(0.0625, s.halfSpread());
    }

    @Test
    void liquidStockIsALargeCapDayOfTwentySixBars() {
        final Scenario s = Scenarios.byName("liquid-stock");
        assertEquals(Side.BUY, s.side());
        assertEquals(500_000, s.quantity());
        assertEquals(26, s.periods());
        assertEquals(1.0 / 26, s.periodLength(), 1e-15);
        assertEquals(2.0 / Math.sqrt(26), s.sigmaPerPeriod(), 1e-12);
        double adv = 0;
        for (final double v : s.expectedVolumeProfile()) {
            adv += v;
        }
        assertEquals(15e6, adv, 1e-3);
        final double[] profile = s.expectedVolumeProfile();
        assertTrue(profile[0] > 2.5 * profile[13] && profile[25] > 2.5 * profile[12], "U-shaped intraday volume");
    }

    @Test
    void unknownScenarioNamesTheKnownOnes() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenarios.byName("nasdaq-crash"));
        assertTrue(e.getMessage().contains("nasdaq-crash") && e.getMessage().contains("ac-2000")
                && e.getMessage().contains("liquid-stock"), e.getMessage());
    }
}
