package io.slicer.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;
import io.slicer.tools.sim.SimRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedCostEvaluationTest {
    private static final long SEED = 11;
    private static final int EPISODES = 6;

    /** One episode of the seed's environment under its own "TWAP", computed here from the formulas alone. */
    private static double[] seedBaselineByHand(final long seed, final long episode) {
        final SimRandom r = new SimRandom();
        r.reseed(seed, episode);
        double x = 500;
        double mid = 100;
        double vol = 0.02;
        double cost = 0;
        double absAction = 0;
        double traded = 0;
        int t = 0;
        while (t < 30 && x > 0) {
            final double volume = 800 * (1 + 0.1 * r.nextGaussian());
            final double z = r.nextGaussian();
            final double p = Math.min(0.2, x / (30 - t));
            final double v = t == 29 ? x : Math.min(Math.floor(p * volume), x);
            final double exec = mid - 1e-4 * v;
            final double next = mid - 1e-5 * v + vol * z;
            cost += (next + 1e-5 * v) * v - v * exec;
            absAction += p;
            traded += v / volume;
            vol = 0.98 * vol + 0.02 * Math.abs(next - exec);
            mid = next;
            x -= v;
            t++;
        }
        return new double[] {cost, absAction / t, traded / t};
    }

    private static EvaluationReport evaluate(final String scenarioName, final String strategies) {
        final Scenario s = Scenarios.byName(scenarioName);
        return PairedEvaluation.run(s, EvaluationStrategies.resolveAll(s, strategies, 0.0),
                new EvaluationConfig(EPISODES, SEED, 0.0, 2));
    }

    @Test
    void theSeedsBaselineCostsWhatItsStepCostsSumTo() {
        final EvaluationReport report = evaluate("seed-iql", "twap,twap-iql-seed");
        final EpisodeSamples samples = report.strategy("twap-iql-seed").orElseThrow().samples();
        double sum = 0;
        for (int i = 0; i < EPISODES; i++) {
            final double[] hand = seedBaselineByHand(SEED, i);
            assertEquals(hand[0], samples.seedCost()[i], 1e-9, "seed cost of episode " + i);
            assertEquals(hand[1], samples.seedMeanAbsAction()[i], 1e-12, "mean |p| of episode " + i);
            assertEquals(hand[2], samples.seedMeanTradedParticipation()[i], 1e-12, "mean traded of episode " + i);
            sum += hand[0];
        }
        final SeedMeasures m = report.strategy("twap-iql-seed").orElseThrow().stats().seed();
        assertEquals(sum / EPISODES, m.cost().mean(), 1e-9);
        assertEquals(EPISODES, m.actionOverLimitEpisodes(), "a mean |p| of about 0.2 fails the seed's own 0.05");
        assertEquals(0.05, m.limit(), 0.0);
    }

    @Test
    void exactTwapsActionIsTheRateItsSharesAreOfTheStepsVolume() {
        final EvaluationReport report = evaluate("seed-iql", "twap");
        final EpisodeSamples s = report.strategy("twap").orElseThrow().samples();
        for (int i = 0; i < EPISODES; i++) {
            assertEquals(s.seedMeanTradedParticipation()[i], s.seedMeanAbsAction()[i], 1e-15,
                    "TWAP states shares, no rate: its action is what it trades");
            assertTrue(s.seedMeanAbsAction()[i] < 0.05, "16.7 of ~800 a step is about 2%");
        }
        assertEquals(0, report.strategy("twap").orElseThrow().stats().seed().actionOverLimitEpisodes());
    }

    @Test
    void jsonReportsTheSeedCostBesideIsWithAPairedInterval() {
        final EvaluationReport report = evaluate("seed-iql", "twap,twap-iql-seed");
        final JsonNode strategies = EvaluationJson.toTree(report).get("strategies");
        final JsonNode baseline = strategies.get(1);
        assertEquals("twap-iql-seed", baseline.get("name").asText());
        final SeedMeasures m = report.strategy("twap-iql-seed").orElseThrow().stats().seed();
        assertEquals(m.cost().mean(), baseline.get("seedCostMean").asDouble(), 0.0);
        assertEquals(m.savingsVsBaseline().ciLow(), baseline.get("seedCostSavingsVsBaseline").get("ciLow").asDouble(),
                0.0);
        final double[] twap = report.strategy("twap").orElseThrow().samples().seedCost();
        final double[] seed = report.strategy("twap-iql-seed").orElseThrow().samples().seedCost();
        double diff = 0;
        for (int i = 0; i < EPISODES; i++) {
            diff += twap[i] - seed[i];
        }
        assertEquals(diff / EPISODES, baseline.get("seedCostSavingsVsBaseline").get("mean").asDouble(), 1e-12);
        assertEquals(0.2, baseline.get("seedConstraint").get("meanAbsAction").asDouble(), 1e-3);
        assertTrue(baseline.has("isDollars"));
    }

    @Test
    void scenariosOfNoSeedCarryNoSeedFields() {
        final EvaluationReport report = evaluate("ac-2000", "twap");
        assertNull(report.strategies().get(0).stats().seed());
        assertFalse(EvaluationJson.toTree(report).get("strategies").get(0).has("seedCostMean"));
    }
}
