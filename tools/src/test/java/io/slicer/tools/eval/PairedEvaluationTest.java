package io.slicer.tools.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedEvaluationTest {
    private static final ToyScenario TOY = new ToyScenario();
    private static final List<NamedStrategy> STRATEGIES =
            List.of(ToyStrategies.twap(), ToyStrategies.frontLoaded(), ToyStrategies.opportunistic());

    private static EvaluationReport run(final int threads, final int episodes) {
        return PairedEvaluation.run(TOY, STRATEGIES, new EvaluationConfig(episodes, 42, 1e-6, threads, 3),
                "twap", null);
    }

    @Test
    void oneAndThreeThreadsGiveIdenticalJson() {
        final String one = EvaluationJson.render(run(1, 203));
        final String three = EvaluationJson.render(run(3, 203));
        assertEquals(one, three);
        assertEquals(run(1, 203).strategies().get(2).samples(), run(3, 203).strategies().get(2).samples());
    }

    @Test
    void everyStrategySeesTheSameMarketPathInEpisodeI() {
        final EvaluationReport r = run(2, 50);
        // The unaffected path is shared, so the traced mid before slice 0 is the arrival for all, and the
        // timing cost of the same schedule on the same episode is the same however it was run.
        final EpisodeTrace twap = r.strategy("twap").orElseThrow().trace();
        final EpisodeTrace front = r.strategy("front").orElseThrow().trace();
        assertEquals(3, twap.episode());
        assertEquals(ToyScenario.ARRIVAL, twap.midBefore()[0]);
        assertEquals(ToyScenario.ARRIVAL, front.midBefore()[0]);
        final PairedComparison self = PairedEvaluation.run(TOY,
                List.of(ToyStrategies.twap(), renamed(ToyStrategies.twap(), "twap-again")),
                new EvaluationConfig(50, 42, 0, 2), "twap", null).strategies().get(1).stats().vsBaseline();
        assertEquals(0.0, self.savings());
        assertEquals(0.0, self.ciLow());
        assertEquals(0.0, self.ciHigh());
    }

    @Test
    void isSplitsExactlyIntoImpactTimingAndOpportunity() {
        for (final StrategyEvaluation e : run(2, 40).strategies()) {
            final StrategyStats st = e.stats();
            assertEquals(st.isBps().mean(), st.impactBps() + st.timingBps() + st.opportunityBps(), 1e-9, e.name());
            assertEquals(st.impactBps(), st.temporaryImpactBps() + st.permanentImpactBps(), 1e-9, e.name());
        }
    }

    @Test
    void frontLoadingPaysMoreImpactThanTwapOnEveryPath() {
        final EvaluationReport r = run(2, 100);
        final StrategyStats front = r.strategy("front").orElseThrow().stats();
        final StrategyStats twap = r.strategy("twap").orElseThrow().stats();
        assertTrue(front.impactBps() > twap.impactBps());
        // Twice the TWAP rate for three slices, then nothing: 4000 shares a slice, the cap is 25% of ~10,000.
        assertArrayEquals(new double[] {4000, 4000, 4000, 0, 0, 0}, r.strategy("front").orElseThrow().meanSchedule());
        assertArrayEquals(new double[] {2000, 2000, 2000, 2000, 2000, 2000},
                r.strategy("twap").orElseThrow().meanSchedule());
        // 4000 shares breach a 25% cap unless the slice trades over 16,000; 2000 only below 8,000.
        assertTrue(front.capBreachEpisodes() > twap.capBreachEpisodes());
        assertTrue(front.participationMax() > twap.participationMax());
        assertEquals(3, r.strategy("front").orElseThrow().trace().slices(), "done after three slices");
        assertEquals(0.25, front.participationCap());
    }

    @Test
    void objectiveAddsRiskAversionTimesDollarVariance() {
        final EvaluationReport r = PairedEvaluation.run(TOY, STRATEGIES, new EvaluationConfig(60, 42, 1e-4, 2),
                "twap", null);
        for (final StrategyEvaluation e : r.strategies()) {
            final DistributionSummary d = e.stats().isDollars();
            assertEquals(d.mean() + 1e-4 * d.std() * d.std(), e.stats().objectiveDollars(), 1e-6);
        }
    }

    @Test
    void missingBaselineIsAddedFirstAndFlagged() {
        final EvaluationReport r = PairedEvaluation.run(TOY, List.of(ToyStrategies.frontLoaded()),
                new EvaluationConfig(10, 42, 0, 1), "twap", ToyStrategies.twap());
        assertTrue(r.baselineAdded());
        assertEquals("twap", r.strategies().get(0).name());
        assertEquals("front", r.strategies().get(1).name());
    }

    @Test
    void aStrategyListedTwiceIsRejected() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairedEvaluation.run(TOY, List.of(ToyStrategies.twap(), ToyStrategies.twap()),
                        new EvaluationConfig(10, 42, 0, 1), "twap", null));
        assertEquals("strategy 'twap' is listed twice", e.getMessage());
    }

    @Test
    void differentSeedsGiveDifferentPaths() {
        final double a = PairedEvaluation.run(TOY, STRATEGIES, new EvaluationConfig(10, 1, 0, 1), "twap", null)
                .strategies().get(0).stats().isBps().mean();
        final double b = PairedEvaluation.run(TOY, STRATEGIES, new EvaluationConfig(10, 2, 0, 1), "twap", null)
                .strategies().get(0).stats().isBps().mean();
        assertNotEquals(a, b);
    }

    @Test
    void tooFewEpisodesAreRefusedWithTheReason() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EvaluationConfig(1, 42, 0, 1));
        assertEquals("--episodes must be at least 2 (a confidence interval needs two paired episodes), got 1",
                e.getMessage());
    }

    private static NamedStrategy renamed(final NamedStrategy s, final String name) {
        return new NamedStrategy(name, s.factory());
    }
}
