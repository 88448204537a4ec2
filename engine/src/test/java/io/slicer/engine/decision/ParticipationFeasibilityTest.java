package io.slicer.engine.decision;

import io.slicer.engine.market.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParticipationFeasibilityTest {
    /** The seed-iql order: 500 shares, 30 steps of 800 expected volume, 5% limit; at step {@code slice}. */
    private static DecisionContext seedIqlAt(final int slice, final long remaining) {
        return new DecisionContext().beginOrder(Side.SELL, 500, 100.0, 30, 0.02)
                .slice(slice).remaining(remaining)
                .expectedSliceVolume(800).expectedRemainingVolume(800.0 * (30 - slice))
                .participationLimit(0.05);
    }

    @Test
    void floorLeavesOnlyWhatTheCapAbsorbsOnHaircutVolumeLater() {
        // Two steps left, 60 shares: the last step can absorb 0.05 * 0.5 * 800 = 20, so 40 must go now.
        assertEquals(40, ParticipationFeasibility.floorShares(seedIqlAt(28, 60), 0.5));
        // Three steps left: 0.05 * 0.5 * 1600 = 40 later, so 20 now.
        assertEquals(20, ParticipationFeasibility.floorShares(seedIqlAt(27, 60), 0.5));
        // With the full expected volume (haircut 1) two later steps absorb 80: no floor.
        assertEquals(0, ParticipationFeasibility.floorShares(seedIqlAt(27, 60), 1.0));
    }

    @Test
    void noFloorEarlyInTheDayWithoutALimitOrWithoutVolumeAhead() {
        assertEquals(0, ParticipationFeasibility.floorShares(seedIqlAt(0, 500), 0.5), "580 absorbable later");
        assertEquals(0, ParticipationFeasibility.floorShares(seedIqlAt(28, 60).participationLimit(Double.NaN), 0.5));
        assertEquals(0, ParticipationFeasibility.floorShares(seedIqlAt(28, 60).expectedRemainingVolume(Double.NaN),
                0.5));
        assertEquals(60, ParticipationFeasibility.floorShares(seedIqlAt(29, 60), 0.5), "the last step sweeps");
    }

    @Test
    void raisesAShareCountToTheFloorAndLeavesTheActionFieldsAlone() {
        final SliceDecision d = new SliceDecision().shares(10).action(2, 0.25);
        assertTrue(ParticipationFeasibility.apply(seedIqlAt(28, 60), d, 0.5));
        assertEquals(40, d.shares());
        assertEquals(2, d.actionIndex());
        assertEquals(0.25, d.actionValue());
        final SliceDecision enough = new SliceDecision().shares(45);
        assertFalse(ParticipationFeasibility.apply(seedIqlAt(28, 60), enough, 0.5));
        assertEquals(45, enough.shares());
    }

    @Test
    void raisesAParticipationRateToTradeTheFloorOnHaircutVolumeButNeverAboveTheLimit() {
        // 30 left, two steps: floor 10, which on 0.5 * 800 = 400 shares of volume needs a 2.5% rate.
        final SliceDecision low = new SliceDecision().shares(30).participationCap(0.01);
        assertTrue(ParticipationFeasibility.apply(seedIqlAt(28, 30), low, 0.5));
        assertEquals(0.025, low.participationCap(), 1e-12);
        assertEquals(30, low.shares());
        // 60 left: the floor of 40 would need 10%; the rate stops at the 5% limit.
        final SliceDecision capped = new SliceDecision().shares(60).participationCap(0.01);
        assertTrue(ParticipationFeasibility.apply(seedIqlAt(28, 60), capped, 0.5));
        assertEquals(0.05, capped.participationCap(), 1e-12);
        // A policy already above the needed rate keeps its own rate.
        final SliceDecision high = new SliceDecision().shares(30).participationCap(0.04);
        assertFalse(ParticipationFeasibility.apply(seedIqlAt(28, 30), high, 0.5));
        assertEquals(0.04, high.participationCap(), 1e-12);
    }
}
