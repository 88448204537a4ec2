package io.slicer.tools.sim.historical;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.Twap;
import io.slicer.tools.marketdata.BarSeries;
import io.slicer.tools.marketdata.cme.CmeTestData;
import io.slicer.tools.sim.EpisodeResult;
import io.slicer.tools.sim.EpisodeRunner;
import io.slicer.tools.sim.Scenarios;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CmeScenariosTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final int PER_SESSION = 276;

    private static HistoricalScenario split(final CmeScenarios.Split split) {
        return CmeScenarios.of(CmeTestData.sixE(), split, HistoricalParams.defaults());
    }

    @Test
    void malformedSpecsSayWhatWasExpectedBeforeAnyDataIsRead() {
        assertEquals("scenario 'cme:6EH4': expected cme:SYMBOL:train|test[:sliceSeconds[:slices]][:participation]",
                assertThrows(IllegalArgumentException.class, () -> Scenarios.byName("cme:6EH4")).getMessage());
        assertEquals("scenario 'cme:6EH4:validation': split must be train or test, found 'validation'",
                assertThrows(IllegalArgumentException.class, () -> Scenarios.byName("cme:6EH4:validation"))
                        .getMessage());
        assertEquals("scenario 'cme:6EH4:test:0': slice seconds must be a positive integer, found '0'",
                assertThrows(IllegalArgumentException.class, () -> Scenarios.byName("cme:6EH4:test:0"))
                        .getMessage());
    }

    @Test
    void aSymbolTheFileDoesNotHoldIsNamed() {
        final java.nio.file.Path root = CmeTestData.root();
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CmeScenarios.parse("cme:6EZ4:test", root));
        assertTrue(e.getMessage().endsWith("is 6EH4, not 6EZ4"), e.getMessage());
    }

    @Test
    void theTestSplitIsTheLastThirdOfTheFullSessionsAndComesAfterEveryTrainingBar() {
        final HistoricalScenario train = split(CmeScenarios.Split.TRAIN);
        final HistoricalScenario test = split(CmeScenarios.Split.TEST);
        assertEquals("cme:6EH4:train:300:12", train.name());
        assertEquals("cme:6EH4:test:300:12", test.name());
        assertEquals(14 * PER_SESSION, train.bars().size());
        assertEquals(8 * PER_SESSION, test.bars().size());
        final BarSeries trainBars = train.bars();
        assertTrue(trainBars.endNanos(trainBars.size() - 1) <= test.bars().startNanos(0));
    }

    @Test
    void everyOrderStartsAfterSevenChicagoAndEndsInItsOwnSessionByTheClose() {
        for (final CmeScenarios.Split s : CmeScenarios.Split.values()) {
            final HistoricalScenario scenario = split(s);
            final BarSeries bars = scenario.bars();
            final int slices = scenario.slices();
            for (int i = 0; i < scenario.episodeCount(); i++) {
                final int start = scenario.startBar(i);
                assertEquals(start / PER_SESSION, (start + slices - 1) / PER_SESSION, "one session, start " + start);
                final ZonedDateTime t = Instant.ofEpochSecond(bars.startNanos(start) / 1_000_000_000L).atZone(CHICAGO);
                assertTrue(!t.toLocalTime().isBefore(CmeScenarios.DAY_START), "starts at " + t);
                final ZonedDateTime end = Instant.ofEpochSecond(
                        bars.endNanos(start + slices - 1) / 1_000_000_000L).atZone(CHICAGO);
                assertTrue(!end.toLocalTime().isAfter(LocalTime.of(16, 0)) && end.toLocalDate().equals(t.toLocalDate()),
                        "ends at " + end);
            }
            // 07:00 to 15:00 Chicago in 5-minute steps: 97 starts per session.
            assertEquals(97 * bars.size() / PER_SESSION, scenario.episodeCount());
        }
    }

    @Test
    void bothSplitsAreToldOnlyWhatTheTrainingSessionsShow() {
        final HistoricalScenario train = split(CmeScenarios.Split.TRAIN);
        final HistoricalScenario test = split(CmeScenarios.Split.TEST);
        assertEquals(train.quantity(), test.quantity());
        assertEquals(train.calibration(), test.calibration());
        assertEquals("almgren-2005-linear", test.calibration().gammaSource(), "the file does not sign trades");
        final double[] meanTrainVolume = new double[PER_SESSION];
        final BarSeries trainBars = train.bars();
        for (int k = 0; k < trainBars.size(); k++) {
            meanTrainVolume[k % PER_SESSION] += trainBars.volume(k) / 14.0;
        }
        final double[] testExpected = new double[PER_SESSION];
        final double[] secondTestSession = new double[PER_SESSION];
        for (int j = 0; j < PER_SESSION; j++) {
            testExpected[j] = test.expectedVolume(j);
            secondTestSession[j] = test.expectedVolume(PER_SESSION + j);
        }
        assertArrayEquals(meanTrainVolume, testExpected, 1e-9);
        assertArrayEquals(meanTrainVolume, secondTestSession, 1e-9);
    }

    @Test
    void aTwapOrderOnTheTestSplitFillsAtTheRecordedPriceOfItsBars() {
        CmeTestData.root();
        final HistoricalScenario test = (HistoricalScenario) Scenarios.byName("cme:6EH4:test");
        assertEquals(400, test.quantity());
        assertEquals(0.00005, test.halfSpread() * 2, 1e-12, "one 6E tick");
        final long episode = 5;
        final int start = test.startBar(episode);
        final EpisodeResult r = EpisodeRunner.run(test.newEpisode(), new Twap(test.slices()), new SliceDecision(),
                1, episode);
        assertEquals(400, r.executed());
        assertEquals(test.bars().midAtStart(start), r.arrivalPrice(), 0.0, "arrival = the recorded price at the start");
        // Timing cost is the recorded path's drift, the same for any strategy; impact is ours: positive for a buy.
        assertTrue(r.impactBps() > 0, "impact " + r.impactBps());
        assertEquals(r.isBps(), r.impactBps() + r.timingBps() + r.opportunityBps(), 1e-9);
    }

    @Test
    void theParticipationTokenSelectsVolumeDependentImpactAndNamesIt() {
        final HistoricalParams p = CmeScenarios.parseParams("cme:6EH4:test:participation", HistoricalParams.defaults());
        assertEquals(HistoricalImpact.PARTICIPATION, p.impact());
        assertEquals(300, p.sliceSeconds());
        final HistoricalParams q = CmeScenarios.parseParams("cme:6EH4:test:60:30:participation",
                HistoricalParams.defaults());
        assertEquals(HistoricalImpact.PARTICIPATION, q.impact());
        assertEquals(30, q.slices());
        assertEquals(HistoricalImpact.RATE,
                CmeScenarios.parseParams("cme:6EH4:test:60:30", HistoricalParams.defaults()).impact());
        assertEquals("scenario 'cme:6EH4:test:60:30:31': expected "
                        + "cme:SYMBOL:train|test[:sliceSeconds[:slices]][:participation]",
                assertThrows(IllegalArgumentException.class, () -> CmeScenarios.parseParams(
                        "cme:6EH4:test:60:30:31", HistoricalParams.defaults())).getMessage());
        assertEquals("cme:6EH4:test:300:12:participation", CmeScenarios.of(CmeTestData.sixE(),
                CmeScenarios.Split.TEST, HistoricalParams.defaults().withImpact(HistoricalImpact.PARTICIPATION)).name());
    }

    @Test
    void participationImpactScalesTheTemporaryCostByTheBarsVolumeAndNothingElse() {
        // One-slice orders: the whole order trades in its start bar, so the two models differ by exactly one factor.
        final HistoricalParams oneBar = HistoricalParams.defaults().withSlices(300, 1);
        final HistoricalScenario rate = CmeScenarios.of(CmeTestData.sixE(), CmeScenarios.Split.TEST, oneBar);
        final HistoricalScenario share = CmeScenarios.of(CmeTestData.sixE(), CmeScenarios.Split.TEST,
                oneBar.withImpact(HistoricalImpact.PARTICIPATION));
        for (final long episode : new long[]{0, 40, 300}) {
            final EpisodeResult r = EpisodeRunner.run(rate.newEpisode(), new Twap(1), new SliceDecision(), 1, episode);
            final EpisodeResult p = EpisodeRunner.run(share.newEpisode(), new Twap(1), new SliceDecision(), 1,
                    episode);
            final int bar = rate.startBar(episode);
            final double factor = HistoricalImpact.PARTICIPATION.scale(rate.bars().volume(bar),
                    rate.calibration().meanBarVolume());
            // The temporary cost includes the half-spread, which neither model scales.
            final double halfSpreadBps = rate.bars().spreadAtStart(bar) / 2 / r.arrivalPrice() * 1e4;
            assertEquals((r.temporaryImpactBps() - halfSpreadBps) * factor, p.temporaryImpactBps() - halfSpreadBps,
                    1e-9 * r.temporaryImpactBps(), "episode " + episode + ", bar volume " + rate.bars().volume(bar));
            assertEquals(r.permanentImpactBps(), p.permanentImpactBps(), 0.0);
            assertEquals(r.timingBps(), p.timingBps(), 0.0);
        }
    }

    @Test
    void theTickIsTheSmallestPriceStepInTheFile() {
        assertEquals(0.00005, CmeScenarios.tick(CmeTestData.sixE()), 1e-12);
    }
}
