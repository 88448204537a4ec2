package io.slicer.engine.order;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SliceSizerTest {
    private static final double NONE = Double.NaN;
    private final SliceSizer sizer = new SliceSizer(100, 200, 5_000, 0.10);

    @Test
    void roundsDownToWholeLots() {
        assertEquals(1_200, sizer.size(1_299, 1.0, 100_000, false, false, NONE, 1e9));
    }

    @Test
    void neverExceedsWhatIsAvailableCountingChildrenInFlight() {
        assertEquals(700, sizer.size(4_000, 1.0, 700, false, false, NONE, 1e9));
    }

    @Test
    void anOddLotIsSentOnlyWhenItFinishesTheOrder() {
        assertEquals(750, sizer.size(4_000, 1.0, 750, false, false, NONE, 1e9));
        assertEquals(700, sizer.size(700, 1.0, 750, false, false, NONE, 1e9));
    }

    @Test
    void belowTheMinimumChildNothingIsSentUnlessItFinishesTheOrder() {
        assertEquals(0, sizer.size(150, 1.0, 100_000, false, false, NONE, 1e9));
        assertEquals(150, sizer.size(150, 1.0, 150, false, false, NONE, 1e9));
    }

    @Test
    void capsAtTheMaximumChildSize() {
        assertEquals(5_000, sizer.size(9_000, 1.0, 100_000, false, false, NONE, 1e9));
        assertEquals(5_000, sizer.size(9_000, 1.0, 9_000, true, false, NONE, 1e9));
    }

    @Test
    void theStricterParticipationCapAppliesToRealizedVolume() {
        assertEquals(3_000, sizer.size(4_000, 1.0, 100_000, false, false, NONE, 30_000));
        assertEquals(1_500, sizer.size(4_000, 1.0, 100_000, false, false, 0.05, 30_000));
        assertEquals(0, sizer.size(4_000, 1.0, 100_000, false, false, NONE, 0));
    }

    @Test
    void theLastSliceSweepsEverythingAvailableIgnoringTheCap() {
        assertEquals(4_321, sizer.size(10, 1.0, 4_321, true, false, NONE, 0));
    }

    @Test
    void theIWouldPriceAsksForEverythingAvailableWithinTheCap() {
        assertEquals(2_000, sizer.size(300, 1.0, 100_000, false, true, NONE, 20_000));
    }

    @Test
    void urgencyScalesTheStrategysShares() {
        assertEquals(2_400, sizer.size(1_200, 2.0, 100_000, false, false, NONE, 1e9));
        assertEquals(600, sizer.size(1_200, 0.5, 100_000, false, false, NONE, 1e9));
    }

    @Test
    void inconsistentLimitsAreRefusedWithTheirValues() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SliceSizer(100, 500, 400, NONE));
        assertEquals("slice sizing needs lot > 0, 0 <= min child <= max child and max child >= lot; got lot 100, "
                + "min 500, max 400", e.getMessage());
    }
}
