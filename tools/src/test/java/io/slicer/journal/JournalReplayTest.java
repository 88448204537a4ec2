package io.slicer.journal;

import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.DecisionDecoder;
import io.slicer.journal.sbe.MessageHeaderDecoder;
import io.slicer.journal.sbe.QuoteDecoder;
import io.slicer.policy.PolicyModel;
import io.slicer.tools.day.DayRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalReplayTest {
    @TempDir
    Path tmp;

    private Path journal;
    private DayRunner.Outcome outcome;

    @BeforeEach
    void journalADay() {
        journal = tmp.resolve("journal");
        outcome = DayRunner.run(journal, tmp.resolve("oms.log"), 11, 0, second -> {
        });
    }

    private ReplaySummary replay() {
        try (JournalReplayer replayer = new JournalReplayer(journal)) {
            return replayer.run();
        }
    }

    private Path cycleFile() throws Exception {
        return JournalFiles.onlyCycleFile(JournalDirectory.queue(journal));
    }

    @Test
    void cleanDayReplaysBitForBit() {
        final ReplaySummary summary = replay();
        assertTrue(summary.matched(), () -> summary.divergence().describe());
        assertEquals(outcome.inputs(), summary.inputs());
        assertEquals(outcome.children(), summary.childrenSent());
        assertEquals(1, summary.sessions());
        assertTrue(summary.childrenSent() > 0);
        assertTrue(summary.decisions() >= summary.childrenSent(), "decisions: " + summary.decisions());
        // A SESSION, the inputs and outputs, a SEAL.
        assertEquals(summary.records(), 2 + summary.inputs() + summary.decisions() + summary.transitions()
                + summary.anomalies() + summary.childCancels());
    }

    @Test
    void flippedBitInADecisionIsTheFirstDivergence() throws Exception {
        final List<Long> decisions = JournalFiles.recordOffsets(cycleFile(), RecordType.DECISION);
        final long victim = decisions.get(decisions.size() / 2);
        JournalFiles.editAndReseal(cycleFile(), victim, DecisionDecoder.childQuantityEncodingOffset(), q -> q ^ 64);
        // A forger who recomputes the whole chain too: the replay still finds the decision the inputs do not give.
        JournalFiles.rechain(cycleFile(), null);

        final ReplaySummary summary = replay();
        assertFalse(summary.matched());
        final Divergence d = summary.divergence();
        assertEquals("Decision.childQuantity", d.field(), d.describe());
        assertTrue(d.kind().startsWith("DECISION differs at message byte " + (MessageHeaderDecoder.ENCODED_LENGTH
                + DecisionDecoder.childQuantityEncodingOffset())), d.describe());
        assertTrue(d.input().startsWith("INPUT #" + d.inputSequence() + " EngineEvent{TIMER"), d.describe());
        assertEquals(summary.decisions() + 1, decisions.indexOf(victim) + 1L);
    }

    @Test
    void flippedBitWithoutResealIsAChecksumErrorThatSaysWhere() throws Exception {
        final List<Long> decisions = JournalFiles.recordOffsets(cycleFile(), RecordType.DECISION);
        JournalFiles.flipBit(cycleFile(), decisions.get(3) + JournalFrame.BODY_OFFSET
                + DecisionDecoder.childLimitPriceEncodingOffset(), 0);

        final JournalCorruptException e = assertThrows(JournalCorruptException.class, this::replay);
        assertTrue(e.getMessage().contains("fails its checksum"), e.getMessage());
        assertTrue(e.validRecords() > 0);
    }

    @Test
    void editedInputIsDetected() throws Exception {
        final List<Long> inputs = JournalFiles.recordOffsets(cycleFile(), RecordType.INPUT);
        // Input 200 is a quote in the middle of the first order: move its bid and ask up by a cent.
        final long quote = inputs.get(200);
        final java.nio.ByteBuffer content = java.nio.ByteBuffer.wrap(Files.readAllBytes(cycleFile()))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        final int templateAt = (int) quote + JournalFrame.MESSAGE_OFFSET + MessageHeaderDecoder.templateIdEncodingOffset();
        assertEquals(QuoteDecoder.TEMPLATE_ID, content.getShort(templateAt));
        JournalFiles.editAndReseal(cycleFile(), quote, QuoteDecoder.bidEncodingOffset(),
                bits -> Double.doubleToRawLongBits(Double.longBitsToDouble(bits) + 0.01));
        JournalFiles.editAndReseal(cycleFile(), quote, QuoteDecoder.askEncodingOffset(),
                bits -> Double.doubleToRawLongBits(Double.longBitsToDouble(bits) + 0.01));
        JournalFiles.rechain(cycleFile(), null);

        final ReplaySummary summary = replay();
        assertFalse(summary.matched());
        assertTrue(summary.divergence().inputSequence() >= 200, summary.divergence().describe());
    }

    @Test
    void replayOfAModelDayDetectsAChangedModelFile() throws Exception {
        final Path model = TestModels.saveTwapMultipleModel(tmp.resolve("model"));
        final Path modelJournal = tmp.resolve("model-journal");
        DayRunner.run(modelJournal, tmp.resolve("model-oms.log"), 5, List.of("dqn:" + model, "pov:0.1"), 0,
                second -> {
                });
        final String sha = ModelArchive.digest(model);
        assertTrue(Files.isDirectory(modelJournal.resolve("models").resolve(sha)));
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(modelJournal))) {
            final JournalRecord first = new JournalRecord();
            assertTrue(reader.next(first));
            final SessionRecord.ModelRef recorded = SessionRecord.read(first).models().get(0);
            assertEquals(sha, recorded.sha256());
            // The model's identity (card and weights, what its seal signs) is in the SESSION record.
            assertEquals(PolicyModel.load(model).identity(), recorded.identity());
        }
        try (JournalReplayer replayer = new JournalReplayer(modelJournal)) {
            final ReplaySummary clean = replayer.run();
            assertTrue(clean.matched(), () -> clean.divergence().describe());
            assertTrue(clean.decisions() > 0);
        }

        final Path archived = modelJournal.resolve("models").resolve(sha).resolve("model.json");
        Files.writeString(archived, Files.readString(archived).replace("journal-test", "journal-tost"));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            try (JournalReplayer replayer = new JournalReplayer(modelJournal)) {
                replayer.run();
            }
        });
        assertTrue(e.getMessage().contains("the journal recorded " + sha), e.getMessage());
        assertNotNull(e.getMessage());
    }
}
