package io.slicer.tools.sim;

import io.slicer.engine.market.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenariosTest {
    @Test
    void ac2000HasThePapersParameters() {
        final Scenario s = Scenarios.byName("ac-2000");
        assertEquals(Side.SELL, s.terms().side());
        assertEquals(1_000_000, s.terms().quantity());
        assertEquals(5, s.terms().slices());
        assertEquals(50.0, s.terms().arrivalPrice());
        assertEquals(1.0, s.terms().impact().sliceLength());
        assertEquals(0.95, s.terms().sigmaPerSlice(), 1e-15);
        assertEquals(2.5e-7, s.terms().impact().permanent());
        assertEquals(2.5e-6, s.terms().impact().temporary());
        assertEquals(0.0625, s.terms().impact().halfSpread());
    }

    @Test
    void liquidStockIsALargeCapDayOfTwentySixBars() {
        final Scenario s = Scenarios.byName("liquid-stock");
        assertEquals(Side.BUY, s.terms().side());
        assertEquals(500_000, s.terms().quantity());
        assertEquals(26, s.terms().slices());
        assertEquals(1.0 / 26, s.terms().impact().sliceLength(), 1e-15);
        assertEquals(2.0 / Math.sqrt(26), s.terms().sigmaPerSlice(), 1e-12);
        double adv = 0;
        for (final double v : s.terms().expectedVolumeProfile()) {
            adv += v;
        }
        assertEquals(15e6, adv, 1e-3);
        final double[] profile = s.terms().expectedVolumeProfile();
        assertTrue(profile[0] > 2.5 * profile[13] && profile[25] > 2.5 * profile[12], "U-shaped intraday volume");
    }

    @Test
    void unknownScenarioNamesTheKnownOnes() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenarios.byName("nasdaq-crash"));
        assertTrue(e.getMessage().contains("nasdaq-crash") && e.getMessage().contains("ac-2000")
                && e.getMessage().contains("liquid-stock"), e.getMessage());
    }

    @Test
    void everyPresetIsRegistered() {
        assertEquals(java.util.Set.of("ac-2000", "liquid-stock", "stochastic-liquidity", "seed-notebook", "seed-iql"),
                Scenarios.names());
        for (final String name : Scenarios.names()) {
            assertEquals(name, Scenarios.byName(name).name());
        }
    }

    @Test
    void historicalReplaysResolveThroughTheSameRegistry() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                io.slicer.tools.marketdata.lobster.LobsterDays.sharedDataRoot().isPresent(),
                "LOBSTER data not found ($SLICER_SHARED_DATA): skipping");
        final Scenario s = Scenarios.byName("lobster:AMZN:300:12");
        assertEquals(12, s.terms().slices());
        assertTrue(s.name().startsWith("lobster:AMZN"), s.name());
    }

    @Test
    void aMalformedHistoricalSpecSaysWhatWasExpectedEvenWithoutData() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenarios.byName("lobster:"));
        assertTrue(e.getMessage().contains("expected lobster:SYMBOL[:sliceSeconds[:slices[:QUEUE]]]"), e.getMessage());
    }

    @Test
    void liquidStockTwapWithoutNoiseCostsTheClosedFormEightPointFourBps() {
        final LinearImpactScenario s = ((LinearImpactScenario) Scenarios.byName("liquid-stock")).withoutNoise();
        final Episode e = s.newEpisode();
        final EpisodeResult r = EpisodeRunner.run(e, new io.slicer.engine.strategy.Twap(26),
                new io.slicer.engine.decision.SliceDecision(), 1, 1);
        final io.slicer.engine.strategy.AlmgrenChriss ac = io.slicer.engine.strategy.AlmgrenChriss.of(s.terms(), 0);
        final double expected = ac.expectedCost(io.slicer.engine.strategy.Twap.schedule(500_000, 26));
        assertEquals(expected, r.isCost(), 1e-6);
        // 3.75 bps permanent (gamma X / 2) + 1 bp half-spread + 3.61 bps temporary ((eta - gamma tau / 2) X / T).
        assertEquals(8.356, r.isBps(), 0.001);
    }

    @Test
    void sigmaPerSliceIsTheStandardDeviationOfOneSlicesPriceStep() {
        for (final String name : new String[] {"ac-2000", "liquid-stock", "stochastic-liquidity"}) {
            final LinearImpactScenario s = (LinearImpactScenario) Scenarios.byName(name);
            final LinearImpactEpisode e = s.newEpisode();
            final io.slicer.engine.decision.SliceDecision d = new io.slicer.engine.decision.SliceDecision();
            double sum = 0;
            double sumSq = 0;
            int n = 0;
            for (int i = 0; i < 4000; i++) {
                e.reset(3, i);
                double before = e.unaffectedMid();
                while (!e.done()) {
                    e.step(d.clear());
                    final double move = e.unaffectedMid() - before;
                    before = e.unaffectedMid();
                    sum += move;
                    sumSq += move * move;
                    n++;
                }
            }
            final double sd = Math.sqrt(sumSq / n - (sum / n) * (sum / n));
            // Relative standard error of a sample sd: 1 / sqrt(2n) < 1.2% here.
            assertEquals(s.terms().sigmaPerSlice(), sd, 0.05 * s.terms().sigmaPerSlice(), name);
            assertEquals(s.params().sigma() * Math.sqrt(s.params().sliceLength()), s.terms().sigmaPerSlice(), 1e-15, name);
        }
    }
}
