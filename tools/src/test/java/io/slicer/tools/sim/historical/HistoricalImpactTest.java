package io.slicer.tools.sim.historical;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HistoricalImpactTest {

    @Test
    void rateImpactIgnoresTheBarsVolume() {
        assertEquals(1.0, HistoricalImpact.RATE.scale(10, 1000), 0.0);
        assertEquals(1.0, HistoricalImpact.RATE.scale(5000, 1000), 0.0);
    }

    @Test
    void participationImpactIsInverseInTheBarsVolumeAndEqualOnAnAverageBar() {
        assertEquals(1.0, HistoricalImpact.PARTICIPATION.scale(1000, 1000), 0.0);
        assertEquals(2.0, HistoricalImpact.PARTICIPATION.scale(500, 1000), 0.0);
        assertEquals(0.25, HistoricalImpact.PARTICIPATION.scale(4000, 1000), 0.0);
    }

    @Test
    void aNearlyEmptyBarIsChargedAsATenthOfAnAverageOne() {
        assertEquals(10.0, HistoricalImpact.PARTICIPATION.scale(0, 1000), 0.0);
        assertEquals(10.0, HistoricalImpact.PARTICIPATION.scale(37, 1000), 0.0);
    }
}
