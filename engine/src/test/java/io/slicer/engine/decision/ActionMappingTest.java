package io.slicer.engine.decision;

import io.slicer.engine.market.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionMappingTest {
    private final SliceDecision out = new SliceDecision();

    private static DecisionContext order(final long quantity, final int slices) {
        return new DecisionContext().beginOrder(Side.BUY, quantity, 100.0, slices, 0.1);
    }

    @Test
    void fractionOfRemainingTruncatesLikeTheSeed() {
        final DecisionContext ctx = order(500_000, 20);
        ActionMapping.apply(ActionMapping.Unit.FRACTION_OF_REMAINING, 0.15, ctx, out.clear());
        assertEquals(75_000, out.shares());
        assertFalse(out.hasParticipationCap());
        ctx.remaining(19);
        ActionMapping.apply(ActionMapping.Unit.FRACTION_OF_REMAINING, 0.05, ctx, out.clear());
        assertEquals(1, out.shares(), "the seed trades at least one share when f > 0");
        ActionMapping.apply(ActionMapping.Unit.FRACTION_OF_REMAINING, 0.0, ctx, out.clear());
        assertEquals(0, out.shares());
    }

    @Test
    void twapMultipleOfOneIsExactTwapWithRemainderInFirstSlices() {
        final DecisionContext ctx = order(10, 3);
        final long[] slices = new long[3];
        for (int p = 0; p < 3; p++) {
            ActionMapping.apply(ActionMapping.Unit.TWAP_MULTIPLE, 1.0, ctx, out.clear());
            slices[p] = out.shares();
            ctx.endSlice(out.shares(), 1000, 1000);
        }
        assertEquals(4, slices[0]);
        assertEquals(3, slices[1]);
        assertEquals(3, slices[2]);
        assertEquals(0, ctx.remaining());
    }

    @Test
    void twapMultipleScalesTheEvenRateAndNeverExceedsRemaining() {
        final DecisionContext ctx = order(1000, 10);
        ActionMapping.apply(ActionMapping.Unit.TWAP_MULTIPLE, 1.5, ctx, out.clear());
        assertEquals(150, out.shares());
        ActionMapping.apply(ActionMapping.Unit.TWAP_MULTIPLE, 20.0, ctx, out.clear());
        assertEquals(1000, out.shares());
    }

    @Test
    void participationOffersEverythingUnderACap() {
        final DecisionContext ctx = order(500, 30);
        ActionMapping.apply(ActionMapping.Unit.PARTICIPATION, 0.05, ctx, out.clear());
        assertEquals(500, out.shares());
        assertTrue(out.hasParticipationCap());
        assertEquals(0.05, out.participationCap());
        ActionMapping.apply(ActionMapping.Unit.PARTICIPATION, -0.1, ctx, out.clear());
        assertEquals(0, out.shares());
    }

    @Test
    void unknownUnitNamesTheKnownOnes() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActionMapping.Unit.of("shares"));
        assertTrue(e.getMessage().contains("twap_multiple"), e.getMessage());
    }
}
