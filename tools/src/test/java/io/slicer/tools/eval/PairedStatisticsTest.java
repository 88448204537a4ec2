package io.slicer.tools.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedStatisticsTest {
    // Episode i of both samples shares a market path. Differences baseline - candidate: 1, 0, 2, 1, -1.
    private static final double[] BASELINE = {10, 12, 14, 16, 13};
    private static final double[] CANDIDATE = {9, 12, 12, 15, 14};

    @Test
    void savingsIsTheMeanPairedDifferenceWithATIntervalOnFourDegreesOfFreedom() {
        final PairedComparison c = PairedStatistics.compare(BASELINE, CANDIDATE);
        // mean = 3/5; sd = sqrt((0.16 + 0.36 + 1.96 + 0.16 + 2.56) / 4) = sqrt(1.3)
        assertEquals(0.6, c.savings(), 1e-12);
        assertEquals(Math.sqrt(1.3), c.stdDifference(), 1e-12);
        // t(0.975, 4) = 2.7764451051977934; half width = t * sqrt(1.3) / sqrt(5)
        final double half = 2.7764451051977934 * Math.sqrt(1.3) / Math.sqrt(5);
        assertEquals(0.6 - half, c.ciLow(), 1e-9);
        assertEquals(0.6 + half, c.ciHigh(), 1e-9);
        assertEquals(-0.815714776982272, c.ciLow(), 1e-9);
    }

    @Test
    void pairedAndWelchPValuesMatchTheTextbookTests() {
        final PairedComparison c = PairedStatistics.compare(BASELINE, CANDIDATE);
        // t = 0.6 / (sqrt(1.3) / sqrt(5)) = 1.1767 on 4 df, two-sided (scipy.stats.ttest_rel)
        assertEquals(0.3045587846805348, c.pairedP(), 1e-9);
        // Welch: means 13 and 12.4, variances 5 and 5.3 (scipy.stats.ttest_ind(equal_var=False))
        assertEquals(0.6869225492807751, c.welchP(), 1e-9);
        assertTrue(!c.significantlyCheaper() && !c.significantlyDearer());
    }

    @Test
    void identicalSamplesSaveNothingAndHaveNoPairedPValue() {
        final PairedComparison c = PairedStatistics.compare(BASELINE, BASELINE.clone());
        assertEquals(0.0, c.savings());
        assertEquals(0.0, c.ciLow());
        assertEquals(0.0, c.ciHigh());
        assertTrue(Double.isNaN(c.pairedP()));
        assertEquals(1.0, c.welchP(), 1e-12);
    }

    @Test
    void aConstantImprovementIsSignificantEvenWhenTheSamplesOverlap() {
        final double[] shifted = {9.5, 11.5, 13.5, 15.4, 12.5};
        final PairedComparison c = PairedStatistics.compare(BASELINE, shifted);
        assertTrue(c.significantlyCheaper());
        assertTrue(c.pairedP() < 1e-4, "paired p " + c.pairedP());
        assertTrue(c.welchP() > 0.5, "Welch p " + c.welchP());
    }

    @Test
    void percentilesInterpolateBetweenClosestRanksLikeNumpy() {
        // sorted: 1 1 2 3 4 5 6 9; h = 7p + 1
        final DistributionSummary d = DistributionSummary.of(new double[] {3, 1, 4, 1, 5, 9, 2, 6});
        assertEquals(3.875, d.mean(), 1e-12);
        assertEquals(2.748376143938713, d.std(), 1e-12);
        assertEquals(3.5, d.median(), 1e-12);       // h = 4.5: 3 + 0.5 * (4 - 3)
        assertEquals(1.0, d.p5(), 1e-12);           // h = 1.35: 1 + 0.35 * (1 - 1)
        assertEquals(7.95, d.p95(), 1e-12);         // h = 7.65: 6 + 0.65 * (9 - 6)
        assertEquals(1.0, d.min());
        assertEquals(9.0, d.max());
    }

    @Test
    void unequalLengthsAreRejectedWithBothCounts() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairedStatistics.compare(BASELINE, new double[] {1, 2}));
        assertEquals("paired samples differ in length: baseline has 5 episodes, candidate 2", e.getMessage());
    }
}
