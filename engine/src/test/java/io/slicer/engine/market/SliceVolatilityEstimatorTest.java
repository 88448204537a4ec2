package io.slicer.engine.market;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SliceVolatilityEstimatorTest {

    @Test
    void ewmaOfSquaredMidChangePerSliceOnAHandComputedPath() {
        final SliceVolatilityEstimator v = new SliceVolatilityEstimator(0.5).start(2.0);
        assertEquals(4.0, v.variance(), 0.0);
        assertEquals(2.0, v.estimate(), 0.0);

        v.onBoundary(100.0);                 // the first mid only anchors the next change
        assertEquals(4.0, v.variance(), 0.0);

        v.onBoundary(103.0);                 // 0.5 * 4 + 0.5 * 3^2
        assertEquals(6.5, v.variance(), 0.0);
        assertEquals(Math.sqrt(6.5), v.estimate(), 0.0);

        v.onBoundary(101.0, 2);              // two slices: (-2)^2 / 2 = 2 per slice; 0.5 * 6.5 + 0.5 * 2
        assertEquals(4.25, v.variance(), 0.0);

        v.onBoundary(101.0);                 // no change: 0.5 * 4.25
        assertEquals(2.125, v.variance(), 0.0);
        assertEquals(Math.sqrt(2.125), v.estimate(), 0.0);
    }

    @Test
    void defaultDecayIsRiskMetricsAndWeighsANewChangeBySixPercent() {
        final SliceVolatilityEstimator v = new SliceVolatilityEstimator().start(0.25);
        assertEquals(0.94, v.decay(), 0.0);
        v.onBoundary(50.0).onBoundary(51.0);
        assertEquals(0.94 * 0.0625 + 0.06 * 1.0, v.variance(), 1e-15);
        assertEquals(Math.sqrt(0.94 * 0.0625 + 0.06 * 1.0), v.estimate(), 1e-15);
    }

    @Test
    void decayOneKeepsTheReferenceAndDecayZeroIsTheLastChangeAlone() {
        final SliceVolatilityEstimator keep = new SliceVolatilityEstimator(1.0).start(0.3);
        final SliceVolatilityEstimator last = new SliceVolatilityEstimator(0.0).start(0.3);
        for (final double mid : new double[] {10.0, 10.5, 9.0, 12.0}) {
            keep.onBoundary(mid);
            last.onBoundary(mid);
        }
        assertEquals(0.3, keep.estimate(), 0.0);
        assertEquals(3.0, last.estimate(), 0.0);
    }

    @Test
    void startForgetsThePreviousOrdersLastMid() {
        final SliceVolatilityEstimator v = new SliceVolatilityEstimator(0.5).start(1.0);
        v.onBoundary(100.0).onBoundary(104.0);
        assertEquals(8.5, v.variance(), 0.0);
        v.start(1.0).onBoundary(50.0);       // 50 is a new order's first mid, not a change of -54
        assertEquals(1.0, v.variance(), 0.0);
    }

    @Test
    void aDecayOutsideZeroToOneIsRefusedWithTheValue() {
        for (final double bad : new double[] {-0.1, 1.5, Double.NaN}) {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SliceVolatilityEstimator(bad));
            assertTrue(e.getMessage().contains("[0, 1], got " + bad), e.getMessage());
        }
    }
}
