package io.slicer.engine.core;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.market.Side;
import io.slicer.engine.strategy.SliceStrategy;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.engine.strategy.Twap;
import io.slicer.tools.marketdata.cme.CmeTestData;
import io.slicer.tools.marketdata.lobster.LobsterTestData;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;
import io.slicer.tools.sim.historical.CmeScenarios;
import io.slicer.tools.sim.historical.HistoricalParams;
import io.slicer.tools.sim.historical.HistoricalScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-feature-definition promise including its input: a simulator episode's {@code volatility_ratio} at every
 * slice is, to the bit, what the live engine computes at that slice boundary from the quotes of the same mid path
 * (the mid the episode shows, our own permanent impact included), under the engine's default settings.
 */
class SimulatorVolatilityMatchesEngineTest {
    private static final long SEED = 20_260_611L;
    private static final int VOLATILITY_RATIO = ExecutionFeatures.NAMES.indexOf("volatility_ratio");
    private static final long SECOND = CoreFixture.SECOND;

    /** What the episode showed at each decision: the mid and spread quoted, and the policy's feature. */
    private record Boundary(double mid, double spread, float volatilityRatio) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"liquid-stock", "stochastic-liquidity", "ac-2000", "seed-notebook"})
    void theEpisodesVolatilityRatioIsTheEnginesAtEverySliceBoundary(final String name) {
        assertEpisodeMatchesEngine(Scenarios.byName(name), 3);
    }

    @Test
    void aLobsterReplaysVolatilityRatioIsTheEnginesAtEverySliceBoundary() {
        final HistoricalScenario scenario = HistoricalScenario.fromDay(LobsterTestData.amzn(),
                HistoricalParams.defaults().withSlices(300, 12).withOrder(Side.BUY, 20_000));
        assertEpisodeMatchesEngine(scenario, 4);
    }

    @Test
    void aCmeSessionsVolatilityRatioIsTheEnginesAtEverySliceBoundary() {
        final HistoricalScenario scenario = CmeScenarios.of(CmeTestData.sixE(), CmeScenarios.Split.TEST,
                HistoricalParams.defaults());
        assertEpisodeMatchesEngine(scenario, 200);
    }

    private static void assertEpisodeMatchesEngine(final Scenario scenario, final long episodeIndex) {
        final List<Boundary> simulated = simulate(scenario, episodeIndex);
        final List<RecordingJournal.DecisionRecordCopy> live = liveDecisions(scenario, simulated);

        assertEquals(simulated.size(), live.size(), "one engine decision per simulated slice");
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < simulated.size(); k++) {
            assertEquals(k, live.get(k).slice());
            final float expected = simulated.get(k).volatilityRatio();
            assertEquals(expected, live.get(k).features()[VOLATILITY_RATIO], 0f,
                    scenario.name() + ": volatility_ratio at slice " + k);
            min = Math.min(min, expected);
            max = Math.max(max, expected);
        }
        assertEquals(1f, simulated.get(0).volatilityRatio(), 0f, "the estimate starts at the reference volatility");
        // The feature moves in training now (it was the constant 1 when the simulator fed the true sigma).
        assertTrue(max - min > 1e-3, scenario.name() + ": volatility_ratio stays in [" + min + ", " + max + "]");
    }

    /** TWAP through the episode alone, recording what each decision saw. */
    private static List<Boundary> simulate(final Scenario scenario, final long episodeIndex) {
        final Episode episode = scenario.newEpisode();
        episode.reset(SEED, episodeIndex);
        final SliceStrategy twap = StrategyRegistry.standard().factory(Twap.NAME).create(scenario.terms());
        final DecisionContext ctx = episode.context();
        twap.begin(ctx);
        final SliceDecision decision = new SliceDecision();
        final float[] features = new float[ExecutionFeatures.COUNT];
        final List<Boundary> seen = new ArrayList<>();
        while (!episode.done()) {
            ExecutionFeatures.build(ctx, features);
            seen.add(new Boundary(ctx.mid(), ctx.spread(), features[VOLATILITY_RATIO]));
            twap.decide(ctx, decision.clear());
            episode.step(decision);
        }
        return seen;
    }

    /** The engine at its default settings, quoted the episode's mid +/- half its spread at each slice boundary. */
    private static List<RecordingJournal.DecisionRecordCopy> liveDecisions(final Scenario scenario,
                                                                         final List<Boundary> path) {
        final CoreFixture f = new CoreFixture(b -> { }, SlicerCoreDeterminismTest.strategies());
        final EngineEvent e = new EngineEvent();
        final int slices = scenario.terms().slices();
        final long start = 10 * SECOND;
        f.quote(0, path.get(0).mid() - path.get(0).spread() * 0.5, path.get(0).mid() + path.get(0).spread() * 0.5);
        f.core.onEvent(e.newOrder(0, 1, 0, scenario.terms().side(), scenario.terms().quantity(), start, start + 10L * slices * SECOND,
                slices, 0, Double.NaN, Double.NaN, Double.NaN, scenario.terms().sigmaPerSlice(), 0));
        for (int k = 0; k < path.size(); k++) {
            final long t = start + 10L * k * SECOND;
            final Boundary b = path.get(k);
            f.quote(t, b.mid() - b.spread() * 0.5, b.mid() + b.spread() * 0.5);
            f.timer(t);
        }
        return f.journal.decisions;
    }
}
