package io.slicer.tools.sim.historical;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.market.Side;
import io.slicer.engine.testing.AllocationMeter;
import io.slicer.tools.marketdata.BarSeries;
import io.slicer.tools.marketdata.lobster.LobsterDay;
import io.slicer.tools.marketdata.lobster.LobsterTestData;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.EpisodeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoricalScenarioTest {
    private static final HistoricalParams FOUR_MINUTES =
            HistoricalParams.defaults().withSlices(60, 4).withOrder(Side.BUY, 4_000);

    /** Runs TWAP (exact equal slices of Q / N) through an episode; returns its result. */
    private static EpisodeResult twap(final Episode episode, final long seed, final long index) {
        episode.reset(seed, index);
        final SliceDecision decision = new SliceDecision();
        final long slice = episode.scenario().terms().quantity() / episode.scenario().terms().slices();
        while (!episode.done()) {
            decision.clear().shares(slice);
            episode.step(decision);
        }
        return episode.result();
    }

    @Test
    void twapShortfallEqualsTheHandComputationOverTheOpeningBars() {
        final HistoricalScenario scenario = HistoricalScenario.fromDay(LobsterTestData.amzn(), FOUR_MINUTES);
        final BarSeries bars = scenario.bars();
        final EpisodeResult result = twap(scenario.newEpisode(), 1, 0);

        final double eta = scenario.temporaryImpact();
        final double gamma = scenario.permanentImpact();
        final double arrival = bars.midAtStart(0);
        double cost = 0;
        for (int k = 0; k < 4; k++) {
            final double price = bars.midAtStart(k) + gamma * 1_000 * k + bars.spreadAtStart(k) / 2
                    + eta * 1_000 / 60.0;
            cost += 1_000 * (price - arrival);
        }
        assertEquals(4_000, result.executed());
        assertEquals(arrival, result.arrivalPrice());
        assertEquals(cost, result.isCost(), 1e-9);
        assertEquals(cost / (4_000 * arrival) * 1e4, result.isBps(), 1e-9);
        double marketNotional = 0;
        long marketVolume = 0;
        for (int k = 0; k < 4; k++) {
            marketNotional += bars.notional(k);
            marketVolume += bars.volume(k);
        }
        final double ours = (cost + 4_000 * arrival) / 4_000;
        final double marketVwap = marketNotional / marketVolume;
        assertEquals((ours - marketVwap) / marketVwap * 1e4, result.vwapSlippageBps(), 1e-9);
    }

    @Test
    void episodesStartAtDifferentBarsAndRepeatBitForBit() {
        final HistoricalScenario scenario = HistoricalScenario.fromDay(LobsterTestData.amzn(),
                HistoricalParams.defaults().withStartStride(5));
        assertEquals(78 - 12 + 1, scenario.episodeCount());
        assertEquals(0, scenario.startBar(0));
        assertEquals(5, scenario.startBar(1));
        assertEquals(5 * 14 % 67, scenario.startBar(14));

        final double first = twap(scenario.newEpisode(), 7, 0).isBps();
        final double second = twap(scenario.newEpisode(), 7, 1).isBps();
        assertNotEquals(first, second);

        final EpisodeResult a = twap(scenario.newEpisode(), 7, 9);
        final double aBps = a.isBps();
        final double aVwap = a.vwapSlippageBps();
        final EpisodeResult b = twap(scenario.newEpisode(), 123, 9);
        assertEquals(Double.doubleToRawLongBits(aBps), Double.doubleToRawLongBits(b.isBps()));
        assertEquals(Double.doubleToRawLongBits(aVwap), Double.doubleToRawLongBits(b.vwapSlippageBps()));
    }

    @Test
    void twapOverEveryStartTimeSplitsShortfallIntoImpactAndTiming() {
        final HistoricalScenario scenario = HistoricalScenario.fromDay(LobsterTestData.amzn(),
                HistoricalParams.defaults());
        final Episode episode = scenario.newEpisode();
        final int n = scenario.episodeCount();
        final double halfSpreadFloorBps = 0.005 / 250 * 1e4;
        double sumIs = 0;
        double sumSqIs = 0;
        double sumVwap = 0;
        for (int i = 0; i < n; i++) {
            final EpisodeResult r = twap(episode, 42, i);
            assertEquals(r.impactBps() + r.timingBps() + r.opportunityBps(), r.isBps(), 1e-9);
            assertEquals(0.0, r.opportunityBps());
            // Every fill pays at least half a cent of spread (AMZN quoted at least a penny wide) plus impact.
            assertTrue(r.impactBps() > halfSpreadFloorBps, "impact " + r.impactBps() + " bps in episode " + i);
            sumIs += r.isBps();
            sumSqIs += r.isBps() * r.isBps();
            sumVwap += r.vwapSlippageBps();
        }
        final double mean = sumIs / n;
        final double sd = Math.sqrt((sumSqIs - n * mean * mean) / (n - 1));
        System.out.printf("%s TWAP over %d start times: IS %.2f bps (sd %.2f), VWAP slippage %.2f bps%n",
                scenario.name(), n, mean, sd, sumVwap / n);
    }

    @Test
    void contextCarriesTheRealMarketAtEachDecision() {
        final HistoricalScenario scenario = HistoricalScenario.fromDay(LobsterTestData.goog(), FOUR_MINUTES);
        final BarSeries bars = scenario.bars();
        final Episode episode = scenario.newEpisode();
        episode.reset(0, 100);
        final int start = scenario.startBar(100);
        final DecisionContext ctx = episode.context();
        assertEquals(bars.midAtStart(start), ctx.arrivalPrice());
        assertEquals(bars.spreadAtStart(start), ctx.spread());
        assertEquals(scenario.sigmaPerSlice(), ctx.referenceVolatility());
        assertEquals(scenario.expectedVolume(start), ctx.expectedSliceVolume());
        episode.step(new SliceDecision().shares(500));
        assertEquals(1, ctx.slice());
        assertEquals(500, ctx.executedLastSlice());
        assertEquals(bars.volume(start), ctx.lastSliceMarketVolume());
        assertEquals(bars.midAtStart(start + 1) + scenario.permanentImpact() * 500, ctx.mid(), 1e-9);
        assertEquals(bars.spreadAtStart(start + 1), ctx.spread());
        assertEquals((double) bars.signedVolume(start) / bars.volume(start), ctx.orderFlowImbalance(), 1e-15);
    }

    @Test
    void participationCapLimitsASliceButNotTheFinalSweep() {
        final HistoricalScenario scenario = HistoricalScenario.fromDay(LobsterTestData.amzn(),
                HistoricalParams.defaults().withSlices(60, 3).withOrder(Side.SELL, 20_000));
        final Episode episode = scenario.newEpisode();
        episode.reset(0, 30);
        final long volume = scenario.bars().volume(30);
        episode.step(new SliceDecision().shares(20_000).participationCap(0.1));
        assertEquals((long) Math.floor(0.1 * volume), episode.context().executedLastSlice());
        episode.step(new SliceDecision());
        episode.step(new SliceDecision().shares(1).participationCap(0.1));
        assertTrue(episode.done());
        assertEquals(20_000, episode.result().executed());
        assertThrows(IllegalStateException.class, () -> episode.step(new SliceDecision()));
    }

    @Test
    void negativeSliceTradesNothingAndAFilledOrderStops() {
        final HistoricalScenario scenario = HistoricalScenario.fromDay(LobsterTestData.amzn(), FOUR_MINUTES);
        final Episode episode = scenario.newEpisode();
        episode.reset(0, 0);
        episode.step(new SliceDecision().shares(-5));
        assertEquals(0, episode.context().executedLastSlice());
        episode.step(new SliceDecision().shares(4_000));
        assertTrue(episode.done());
        assertEquals(2, episode.result().slicesRecorded());
        assertEquals(4_000, episode.result().executed());
        final BarSeries bars = scenario.bars();
        // Market VWAP covers only the slices the order was working.
        final double marketVwap = (bars.notional(0) + bars.notional(1)) / (bars.volume(0) + bars.volume(1));
        final double ours = bars.midAtStart(1) + bars.spreadAtStart(1) / 2 + scenario.temporaryImpact() * 4_000 / 60;
        assertEquals((ours - marketVwap) / marketVwap * 1e4, episode.result().vwapSlippageBps(), 1e-9);
        final IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> episode.step(new SliceDecision()));
        assertEquals("lobster:AMZN:60:4: step() after the episode ended (slice 2 of 4, 0 shares left);"
                + " call reset() first", e.getMessage());
    }

    @Test
    void automaticQuantityIsTheTargetShareOfHorizonVolume() {
        final HistoricalScenario scenario = HistoricalScenario.fromDay(LobsterTestData.amzn(),
                HistoricalParams.defaults());
        // 810,755 shares over 78 bars; 12 bars hold 124,732 on average; 5% is 6,237 -> 62 lots of 100.
        assertEquals(6_200, scenario.quantity());
    }

    private static double runEpisodes(final Episode episode, final SliceDecision decision, final int count) {
        double sink = 0;
        for (int i = 0; i < count; i++) {
            episode.reset(1, i);
            while (!episode.done()) {
                episode.step(decision.clear().shares(500));
            }
            sink += episode.result().isCost();
        }
        return sink;
    }

    @Test
    void episodeAllocatesNothingAfterWarmUp() {
        final HistoricalScenario scenario = HistoricalScenario.fromDay(LobsterTestData.amzn(),
                HistoricalParams.defaults());
        final Episode episode = scenario.newEpisode();
        final SliceDecision decision = new SliceDecision();
        final double[] sink = new double[1];
        AllocationMeter.assertAllocationFree("1,000 episodes", 5,
                () -> sink[0] += runEpisodes(episode, decision, 1_000));
        assertTrue(Double.isFinite(sink[0]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AMZN", "GOOG"})
    void calibrationFromTheDayIsPositiveAndSpreadSized(final String symbol) {
        final LobsterDay day = LobsterTestData.day(symbol);
        final HistoricalScenario scenario = HistoricalScenarios.forSymbol(LobsterTestData.root(), symbol,
                HistoricalParams.defaults());
        final ImpactCalibration c = scenario.calibration();
        System.out.printf("%s %s%n  sigma/bar %.5f $, half-spread %.5f $, mean bar volume %.1f, day volume %d,"
                        + " kyle lambda %.4g $/sh (R2 %.3f), eta %.4g, gamma %.4g (%s),"
                        + " temp impact at 10%% of a bar %.5f $/sh, Q %d%n",
                day.label(), scenario.description(), c.sigmaPerSlice(), c.halfSpread(), c.meanBarVolume(),
                c.dailyVolume(), c.kyleLambda(), c.kyleLambdaR2(), c.eta(), c.gamma(), c.gammaSource(),
                c.temporaryImpactAt(0.10), scenario.quantity());
        assertTrue(c.sigmaPerSlice() > 0);
        assertTrue(c.eta() > 0);
        assertTrue(c.gamma() > 0);
        assertTrue(c.halfSpread() > 0.005 && c.halfSpread() < 1.0, "half-spread " + c.halfSpread());
        assertEquals(symbol.equals("AMZN") ? "GOOG" : "AMZN", scenario.profileSource());
        final double[] profile = scenario.expectedVolumeProfile();
        assertEquals(12, profile.length);
        double sum = 0;
        for (final double v : profile) {
            sum += v;
        }
        // Average over start times of 12 consecutive bars of a profile that sums to the day: about 12/78 of it.
        assertEquals(c.dailyVolume() * 12.0 / 78, sum, c.dailyVolume() * 0.05);
    }
}
