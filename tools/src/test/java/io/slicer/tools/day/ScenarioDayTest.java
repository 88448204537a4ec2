package io.slicer.tools.day;

import io.slicer.engine.order.OrderStatus;
import io.slicer.journal.EngineRecords;
import io.slicer.journal.JournalDirectory;
import io.slicer.journal.JournalReader;
import io.slicer.journal.JournalRecord;
import io.slicer.journal.JournalReplayer;
import io.slicer.journal.ReplaySummary;
import io.slicer.journal.RingJournal;
import io.slicer.journal.TestModels;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.DecisionDecoder;
import io.slicer.tools.sim.EpisodeResult;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioDayTest {
    private static final long SEED = 20_260_611L;

    @TempDir
    Path tmp;

    private ScenarioDay.Result playOnRing(final Scenario scenario, final long episode, final String spec,
                                          final Path journal) {
        final ScenarioDay day = new ScenarioDay(scenario, SEED, episode);
        final ScenarioDay.Venue venue = new ScenarioDay.Venue();
        try (RingJournal ring = RingJournal.open(journal, "test", ScenarioDay.settings(scenario, ""), List.of(spec),
                venue)) {
            return day.play(ring, venue);
        }
    }

    private static ReplaySummary replay(final Path journal) {
        try (JournalReplayer replayer = new JournalReplayer(journal)) {
            return replayer.run();
        }
    }

    @Test
    void twapThroughTheRingFillsTheOrderAtTheSimulatorsTwapCostAndReplaysBitForBit() {
        final Scenario scenario = Scenarios.byName("stochastic-liquidity");
        final Path journal = tmp.resolve("twap");
        final ScenarioDay.Result day = playOnRing(scenario, 3, "twap", journal);
        final EpisodeResult simulated = new ScenarioDay(scenario, SEED, 3).simulateTwap();

        assertEquals(500_000, day.filled());
        assertEquals(OrderStatus.FILLED, day.status());
        assertEquals(26, day.children());
        assertEquals(26, day.decisions());
        assertEquals(0, day.sweptBySimulator());
        // Same slices, same path: the simulator's own accounting of the engine's trades is the simulator's TWAP.
        assertEquals(simulated.isBps(), day.isBps(), 1e-9);
        assertEquals(simulated.temporaryImpactBps(), day.temporaryImpactBps(), 1e-9);
        assertEquals(simulated.vwapSlippageBps(), day.vwapSlippageBps(), 1e-9);
        // The engine's running IS of its fills is the same number, summed in another order.
        assertEquals(day.isBps(), day.engineIsBps(), 1e-6);

        final ReplaySummary replay = replay(journal);
        assertTrue(replay.matched(), () -> replay.divergence().describe());
        assertEquals(day.inputs(), replay.inputs());
        assertEquals(day.decisions(), replay.decisions());
        assertEquals(day.children(), replay.childrenSent());
        // The day counts the records it journaled; closing the ring adds the SEAL.
        assertEquals(day.journalRecords() + 1, replay.records());
    }

    @Test
    void aPolicyModelThroughTheRingTradesExactlyAsInTheSimulatorAndReplaysBitForBit() {
        final Scenario scenario = Scenarios.byName("liquid-stock");
        final Path model = TestModels.saveTwapMultipleModel(tmp.resolve("model"));
        final String spec = "dqn:" + model;
        final Path journal = tmp.resolve("dqn");
        final ScenarioDay.Result day = playOnRing(scenario, 5, spec, journal);
        final EpisodeResult simulated = new ScenarioDay(scenario, SEED, 5).simulate(spec);

        assertEquals(500_000, day.filled());
        assertEquals("", day.haltReason());
        assertEquals(simulated.executed(), day.filled());
        // The engine builds the policy's features from what it observed (quotes, prints, fills, the OMS's expected
        // volume per slice) and they are the simulator's: the same actions, the same trades, the same cost.
        assertEquals(simulated.isBps(), day.isBps(), 1e-9, "engine day " + day.summary());
        assertEquals(simulated.temporaryImpactBps(), day.temporaryImpactBps(), 1e-9);
        final ReplaySummary replay = replay(journal);
        assertTrue(replay.matched(), () -> replay.divergence().describe());
        assertEquals(day.decisions(), replay.decisions());
    }

    /** Decided child quantity per slice, from the journal's DECISION records. */
    private static long[] sliceQuantities(final Path journal, final int slices) {
        final long[] out = new long[slices];
        final JournalRecord r = new JournalRecord();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journal))) {
            while (reader.next(r)) {
                if (r.type() == RecordType.DECISION) {
                    final DecisionDecoder d = new EngineRecords().decision(r);
                    out[d.slice()] += d.childQuantity();
                }
            }
        }
        return out;
    }

    @Test
    void aPolicyHeldBackByTheFeasibilityFloorTradesTheSimulatorsSlicesToTheBit() {
        // Stochastic liquidity: a U-shaped volume curve and a 10% desk cap the simulator tells the policy (soft).
        // The model always asks for nothing; the floor (remaining - 10% x 50% x volume after this slice) decides
        // every slice, so engine and simulator agree only if the engine is told the simulator's limit and exact
        // remaining volume, at the slice they apply to.
        final Scenario scenario = Scenarios.byName("stochastic-liquidity");
        final Path model = TestModels.saveHoldBackModel(tmp.resolve("hold-back"));
        final String spec = "dqn:" + model;
        final Path journal = tmp.resolve("floor");
        final ScenarioDay day = new ScenarioDay(scenario, SEED, 7);
        final ScenarioDay.Venue venue = new ScenarioDay.Venue();
        final ScenarioDay.Result played;
        // The simulator has no kill switch: checking IS only on a full fill keeps the engine day running.
        try (RingJournal ring = RingJournal.open(journal, "test",
                ScenarioDay.settings(scenario, "isKill=2/5/1"), List.of(spec), venue)) {
            played = day.play(ring, venue);
        }
        final EpisodeResult simulated = day.simulate(spec);

        final int slices = scenario.terms().slices();
        final long[] simulatedShares = new long[slices];
        for (int k = 0; k < simulated.slicesRecorded(); k++) {
            simulatedShares[k] = simulated.shares(k);
        }
        int raised = 0;
        for (int k = 0; k < slices - 1; k++) {
            raised += simulatedShares[k] > 0 ? 1 : 0;
        }
        assertTrue(raised >= 5, "the floor raised " + raised + " slices before the last sweep: "
                + java.util.Arrays.toString(simulatedShares));
        assertArrayEquals(simulatedShares, sliceQuantities(journal, slices), "shares per slice");
        assertEquals("", played.haltReason());
        assertEquals(simulated.executed(), played.filled());
        assertEquals(0, played.sweptBySimulator());
        assertEquals(Double.doubleToLongBits(simulated.isBps()), Double.doubleToLongBits(played.isBps()),
                () -> "engine day " + played.summary() + ", simulator " + simulated.isBps());
        final ReplaySummary replay = replay(journal);
        assertTrue(replay.matched(), () -> replay.divergence().describe());
        assertEquals(played.decisions(), replay.decisions());
    }

    @Test
    void aScenarioDayRefusesARecoveredJournalBecauseItPlaysItsEpisodeFromTheStart() {
        final Scenario scenario = Scenarios.byName("liquid-stock");
        final Path journal = tmp.resolve("again");
        final ScenarioDay.Result first = playOnRing(scenario, 0, "twap", journal);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> playOnRing(scenario, 0, "twap", journal));
        assertTrue(e.getMessage().contains("already holds records (" + first.inputs() + " inputs recovered)"),
                e.getMessage());
        // The refused restart recovered the journal and added only its restart SESSION: it still replays.
        final ReplaySummary replay = replay(journal);
        assertTrue(replay.matched(), () -> replay.divergence().describe());
        assertEquals(2, replay.sessions());
        assertEquals(first.inputs(), replay.inputs());
    }
}
