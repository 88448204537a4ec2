package io.slicer.tools.sim.presets;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.SliceStrategy;
import io.slicer.engine.strategy.Twap;
import io.slicer.tools.sim.EpisodeRunner;
import io.slicer.tools.sim.LinearImpactEpisode;
import io.slicer.tools.sim.LinearImpactScenario;
import io.slicer.tools.sim.MarketParams;
import io.slicer.tools.sim.RegimeChain;
import io.slicer.tools.sim.SimRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StochasticLiquidityTest {
    private static final double THRESHOLD = Math.sqrt(1.7 * 0.3);

    @Test
    void oneStepWithoutNoiseScalesVolumeAndImpactByTheDrawnRegime() {
        final LinearImpactScenario s = StochasticLiquidity.scenario().withoutNoise();
        final LinearImpactEpisode e = s.newEpisode();
        e.reset(6, 2);
        e.step(new SliceDecision().shares(19_231));
        final SimRandom r = new SimRandom();
        r.reseed(6, 2);
        final int regime = r.nextDouble() < 0.5 ? 0 : 1;
        assertEquals(regime, e.lastRegime());
        final double m = regime == 0 ? 1.7 : 0.3;
        assertEquals(15e6 * 1926 / 29276 * m, e.context().lastSliceMarketVolume(), 1e-6);
        assertEquals(100 + 0.01 + 7.5e-8 / m * 19_231 * 26, e.result().executionPrice(0), 1e-10);
        assertEquals(100 + 1.5e-7 * 19_231, e.mid(), 1e-10);
    }

    @Test
    void regimesPersistAndVolumeRatioRevealsThem() {
        final LinearImpactEpisode e = StochasticLiquidity.scenario().newEpisode();
        final SliceDecision d = new SliceDecision();
        int transitions = 0;
        int stays = 0;
        int classified = 0;
        int correct = 0;
        int liquid = 0;
        int slices = 0;
        for (int i = 0; i < 4000; i++) {
            e.reset(99, i);
            int previous = -1;
            while (!e.done()) {
                e.step(d.clear());
                final int regime = e.lastRegime();
                final DecisionContext c = e.context();
                final double ratio = c.lastSliceMarketVolume() / c.expectedLastSliceVolume();
                correct += (ratio > THRESHOLD ? 0 : 1) == regime ? 1 : 0;
                classified++;
                liquid += regime == 0 ? 1 : 0;
                slices++;
                if (previous >= 0) {
                    transitions++;
                    stays += previous == regime ? 1 : 0;
                }
                previous = regime;
            }
        }
        assertEquals(0.9, (double) stays / transitions, 0.005);
        assertEquals(0.5, (double) liquid / slices, 0.02);
        assertTrue((double) correct / classified > 0.999, "one bar's volume identifies its regime");
    }

    @Test
    void regimeChainExposesWhatADynamicProgramNeeds() {
        final RegimeChain chain = StochasticLiquidity.scenario().params().regimes();
        assertEquals(2, chain.size());
        assertEquals(0.9, chain.transition(0, 0));
        assertEquals(0.1, chain.transition(1, 0), 1e-15);
        assertEquals(1.7, chain.volumeMultiplier(0));
        assertEquals(1 / 0.3, chain.etaMultiplier(1));
        assertEquals(0.5, chain.initial()[1]);
        assertEquals("drought", chain.name(1));
    }

    @Test
    void regimeAwareDynamicProgramBeatsTwapByTheComputedMargin() {
        final LinearImpactScenario s = StochasticLiquidity.scenario();
        final LinearImpactEpisode e = s.newEpisode();
        final Twap twap = new Twap(s.terms().slices());
        final RegimeDp dp = new RegimeDp(s.params());
        final SliceDecision d = new SliceDecision();
        final int n = 20_000;
        double twapSum = 0;
        double dpSum = 0;
        double diffSum = 0;
        double diffSq = 0;
        for (int i = 0; i < n; i++) {
            // Impact (spread, temporary and permanent) is what a schedule controls; timing has mean zero for any
            // policy that cannot see the future, and leaving it out keeps the comparison's noise small.
            final double t = EpisodeRunner.run(e, twap, d, 2024, i).impactBps();
            final double p = EpisodeRunner.run(e, dp, d, 2024, i).impactBps();
            twapSum += t;
            dpSum += p;
            diffSum += t - p;
            diffSq += (t - p) * (t - p);
        }
        final double twapMean = twapSum / n;
        final double dpMean = dpSum / n;
        final double diff = diffSum / n;
        final double se = Math.sqrt((diffSq / n - diff * diff) / n);
        // The closed-form expectations of the Javadoc: TWAP 11.96 bps, DP optimum 10.96 bps.
        assertEquals(11.959, twapMean, 0.1);
        assertEquals(10.963, dpMean, 0.1);
        assertTrue(diff - 4 * se > 0.8, "DP saves " + diff + " +- " + se + " bps");
    }

    /**
     * The exact risk-neutral optimum of the Javadoc's dynamic program, inferring the previous regime from the
     * previous bar's volume ratio.
     */
    static final class RegimeDp implements SliceStrategy {
        private final double[][] a;
        private final double[] coming;
        private final double comingAtStart;
        private final double[][] transition;
        private final double[] initial;

        RegimeDp(final MarketParams p) {
            final RegimeChain chain = p.regimes();
            final int regimes = chain.size();
            final int slices = p.slices();
            final double tau = p.sliceLength();
            transition = chain.transition();
            initial = chain.initial();
            final double[] c = new double[regimes];
            for (int r = 0; r < regimes; r++) {
                c[r] = p.eta() * chain.etaMultiplier(r) / tau - p.gamma() / 2;
            }
            coming = new double[regimes];
            double start = 0;
            for (int r = 0; r < regimes; r++) {
                for (int q = 0; q < regimes; q++) {
                    coming[r] += transition[r][q] * c[q];
                }
                start += initial[r] * c[r];
            }
            comingAtStart = start;
            a = new double[slices][regimes];
            a[slices - 1] = coming.clone();
            for (int k = slices - 2; k >= 1; k--) {
                for (int r = 0; r < regimes; r++) {
                    final double b = continuation(k, transition[r]);
                    a[k][r] = coming[r] * b / (coming[r] + b);
                }
            }
        }

        private double continuation(final int k, final double[] law) {
            double b = 0;
            for (int q = 0; q < law.length; q++) {
                b += law[q] * a[k + 1][q];
            }
            return b;
        }

        @Override
        public String name() {
            return "regime-dp";
        }

        @Override
        public void decide(final DecisionContext ctx, final SliceDecision out) {
            final int k = ctx.slice();
            if (k >= ctx.slices() - 1) {
                out.shares(ctx.remaining());
                return;
            }
            final double aComing;
            final double b;
            if (k == 0) {
                aComing = comingAtStart;
                b = continuation(0, initial);
            } else {
                final int previous = ctx.lastSliceMarketVolume() / ctx.expectedLastSliceVolume() > THRESHOLD ? 0 : 1;
                aComing = coming[previous];
                b = continuation(k, transition[previous]);
            }
            out.shares(Math.round(b / (aComing + b) * ctx.remaining()));
        }
    }
}
