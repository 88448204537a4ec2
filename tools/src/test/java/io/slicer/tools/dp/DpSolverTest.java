package io.slicer.tools.dp;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.AlmgrenChriss;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.MarketParams;
import io.slicer.tools.sim.presets.Ac2000;
import io.slicer.tools.sim.presets.LiquidStock;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DpSolverTest {
    @Test
    void riskNeutralOptimumInALinearImpactMarketIsTwapAtItsClosedFormCost() {
        final MarketParams p = Ac2000.params();
        final DpSolution s = DpSolver.solve(p, DpSolver.defaultGrid(p.slices()), 0.0);
        // epsilon X + gamma X^2 / 2 + (eta - gamma tau / 2) / tau * N (X / N)^2
        final double x = p.quantity();
        final double tau = p.sliceLength();
        final double expected = p.epsilon() * x + p.gamma() * x * x / 2
                + (p.eta() - p.gamma() * tau / 2) / tau * p.slices() * Math.pow(x / p.slices(), 2);
        assertEquals(expected, s.expectedCost(), 1e-6 * expected);
        final Episode ep = Ac2000.scenario().newEpisode();
        final DpPolicy policy = new DpPolicy(s);
        final SliceDecision d = new SliceDecision();
        ep.reset(11, 0);
        policy.begin(ep.context());
        while (!ep.done()) {
            policy.decide(ep.context(), d.clear());
            assertEquals(200_000, d.shares(), "slice " + ep.context().slice());
            ep.step(d);
        }
    }

    @Test
    void riskAverseOptimumFollowsTheAlmgrenChrissTrajectory() {
        final double lambda = 1e-6;
        final MarketParams p = LiquidStock.params();
        final int grid = 520;
        final DpSolution s = DpSolver.solve(p, grid, lambda);
        final AlmgrenChriss ac = AlmgrenChriss.of(LiquidStock.scenario().terms(), lambda);
        int x = grid;
        for (int k = 0; k < p.slices(); k++) {
            x -= s.trade(k, 0, x);
            final double dpHolding = x * (double) p.quantity() / grid;
            assertEquals(ac.holding(k + 1), dpHolding, 2.0 * p.quantity() / grid, "holding after trade " + k);
        }
        assertEquals(0, x);
    }
}
