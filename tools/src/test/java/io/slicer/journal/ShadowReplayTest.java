package io.slicer.journal;

import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.MessageHeaderDecoder;
import io.slicer.journal.sbe.ShadowDecisionDecoder;
import io.slicer.tools.day.ScenarioDay;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shadow decisions are journaled beside the live ones and replay checks them bit for bit. */
class ShadowReplayTest {
    @TempDir
    Path tmp;

    private Path journal;
    private ScenarioDay.Result day;

    @BeforeEach
    void journalADayWithAShadow() {
        final Scenario scenario = Scenarios.byName("stochastic-liquidity");
        journal = tmp.resolve("journal");
        final ScenarioDay.Venue venue = new ScenarioDay.Venue();
        try (RingJournal ring = RingJournal.open(journal, "test",
                ScenarioDay.settings(scenario, "").set("shadowStrategy", "1"), List.of("vwap", "twap"), venue)) {
            day = new ScenarioDay(scenario, 7, 1).play(ring, venue);
        }
    }

    private ReplaySummary replay() {
        try (JournalReplayer replayer = new JournalReplayer(journal)) {
            return replayer.run();
        }
    }

    @Test
    void shadowDecisionsAreJournaledAndReplayBitForBit() throws Exception {
        final ReplaySummary summary = replay();
        assertTrue(summary.matched(), () -> summary.divergence().describe());
        assertEquals(day.decisions(), summary.shadowDecisions(), "one shadow decision beside each live one");
        // A SESSION, the inputs and outputs, a SEAL.
        assertEquals(summary.records(), 2 + summary.inputs() + summary.decisions() + summary.shadowDecisions()
                + summary.transitions() + summary.anomalies() + summary.childCancels());
        final Path cycle = JournalFiles.onlyCycleFile(JournalDirectory.queue(journal));
        assertEquals(day.decisions(), JournalFiles.recordOffsets(cycle, RecordType.SHADOW).size());
    }

    @Test
    void anEditedShadowPriceIsTheFirstDivergence() throws Exception {
        final Path cycle = JournalFiles.onlyCycleFile(JournalDirectory.queue(journal));
        final List<Long> shadows = JournalFiles.recordOffsets(cycle, RecordType.SHADOW);
        JournalFiles.editAndReseal(cycle, shadows.get(5), ShadowDecisionDecoder.estimatedPriceEncodingOffset(),
                bits -> Double.doubleToRawLongBits(Double.longBitsToDouble(bits) + 0.01));
        // A forger who recomputes the whole hash chain too: the replay still finds the shadow decision.
        JournalFiles.rechain(cycle, null);
        final ReplaySummary summary = replay();
        assertFalse(summary.matched());
        assertEquals("ShadowDecision.estimatedPrice", summary.divergence().field(), summary.divergence().describe());
        assertTrue(summary.divergence().kind().startsWith("SHADOW differs at message byte "
                + (MessageHeaderDecoder.ENCODED_LENGTH + ShadowDecisionDecoder.estimatedPriceEncodingOffset())));
        assertEquals(5, summary.shadowDecisions());
    }
}
