package io.slicer.engine.strategy;


import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.market.Side;
import io.slicer.tools.sim.Scenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeedIqlBaselineTest {

    @Test
    void turnsTheEvenShareOfInventoryIntoAParticipationRate() {
        // The seed's behaviour policy without noise: p = (x / X) / (T - t + 1).
        final DecisionContext ctx = new DecisionContext().beginOrder(Side.SELL, 500, 100.0, 30, 0.02);
        final SliceDecision out = new SliceDecision();
        new SeedIqlBaseline().decide(ctx, out.clear());
        assertEquals(500, out.shares());
        assertEquals(1.0 / 31, out.participationCap(), 1e-15);

        ctx.endSlice(200, 800, 800);                     // 300 of 500 left, 29 slices left
        new SeedIqlBaseline().decide(ctx, out.clear());
        assertEquals(0.6 / 30, out.participationCap(), 1e-15);
    }

    @Test
    void isRegisteredForReproducingTheSeed() {
        final SliceStrategy s = StrategyRegistry.standard().factory("twap-iql-seed").create(Scenarios.byName("seed-iql").terms());
        assertEquals(SeedIqlBaseline.NAME, s.name());
    }
}
