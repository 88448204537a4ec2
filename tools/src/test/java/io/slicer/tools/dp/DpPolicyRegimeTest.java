package io.slicer.tools.dp;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.SliceStrategy;
import io.slicer.engine.strategy.Twap;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.MarketParams;
import io.slicer.tools.sim.presets.StochasticLiquidity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DpPolicyRegimeTest {
    private static double meanImpactBps(final SliceStrategy s, final int episodes) {
        final Episode ep = StochasticLiquidity.scenario().newEpisode();
        final SliceDecision d = new SliceDecision();
        double sum = 0;
        for (int i = 0; i < episodes; i++) {
            ep.reset(31, i);
            s.begin(ep.context());
            while (!ep.done()) {
                s.decide(ep.context(), d.clear());
                ep.step(d);
            }
            sum += ep.result().impactBps();
        }
        return sum / episodes;
    }

    @Test
    void regimeAwareOptimumCostsAboutElevenBpsWhereTwapCostsTwelve() {
        final MarketParams p = StochasticLiquidity.params();
        final DpSolution s = DpSolver.solve(p, DpSolver.defaultGrid(p.slices()), 0.0);
        final double bps = s.expectedCost() / (p.quantity() * p.arrivalPrice()) * 1e4;
        assertEquals(10.96, bps, 0.05, "the scenario documents 10.96 bps for the DP optimum");
        final double dp = meanImpactBps(new DpPolicy(s), 400);
        final double twap = meanImpactBps(new Twap(p.slices()), 400);
        assertTrue(dp < twap - 0.5, "dp " + dp + " bps vs twap " + twap + " bps");
    }
}
