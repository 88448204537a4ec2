package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.tools.marketdata.lobster.LobsterTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code slicer train tactic} on half an hour of the AMZN day, and the chooser it writes run by {@code evaluate}
 * on the next half hour as {@code twap/learned:DIR}, and traded live by {@code run} once approved.
 */
class LearnedTacticTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private CliRun train(final String dir, final long seed) {
        return CliRun.of("train", "tactic", "--scenario", "lobster:AMZN:60:10@10:00-10:30", "--seed",
                Long.toString(seed), "--episodes", "5", "--out", tmp.resolve(dir).toString(), "--json", "--quiet");
    }

    @Test
    void aTinyTrainingRunIsDeterministicForASeedAndSealed() throws IOException {
        LobsterTestData.amzn();
        final CliRun a = train("a", 7);
        assertEquals(0, a.exitCode(), a.err());
        final JsonNode doc = MAPPER.readTree(a.out());
        // Orders starting 10:00 to 10:20, ten one-minute children each.
        assertEquals(210, doc.get("children").asInt());
        assertEquals("tactic-dqn", doc.get("algorithm").asText());
        assertTrue(doc.get("meanCostBps").get("cross").asDouble() > doc.get("meanCostBps").get("join").asDouble(),
                a.out());
        final CliRun b = train("b", 7);
        assertEquals(0, b.exitCode(), b.err());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/model.safetensors")),
                Files.readAllBytes(tmp.resolve("b/model.safetensors")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/model.json")),
                Files.readAllBytes(tmp.resolve("b/model.json")));
        assertTrue(Files.exists(tmp.resolve("a/model.seal")));
        final CliRun c = train("c", 8);
        assertEquals(0, c.exitCode(), c.err());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("a/model.safetensors")),
                Files.readAllBytes(tmp.resolve("c/model.safetensors"))), "another seed draws other weights");
    }

    @Test
    void theLearnedTacticTradesLiveOnlyWhenApprovedAndItsJournalReplaysBitForBit() throws IOException {
        LobsterTestData.amzn();
        final CliRun t = train("live", 7);
        assertEquals(0, t.exitCode(), t.err());
        final Path model = tmp.resolve("live");
        final String approvals = tmp.resolve("approvals.jsonl").toString();
        final String learned = "twap/learned:" + model;
        final CliRun refused = CliRun.of("run", "--lobster", "AMZN", "--strategy", learned, "--journal",
                tmp.resolve("refused").toString(), "--approvals", approvals);
        assertEquals(2, refused.exitCode(), refused.out());
        assertTrue(refused.err().contains("learned:" + model) && refused.err().contains("is not approved for live"
                + " trading"), refused.err());
        assertFalse(refused.err().contains("\tat "), refused.err());
        final CliRun approve = CliRun.of("model", "approve", "--model", model.toString(), "--by", "A. Trader",
                "--reason", "out-of-sample evaluation", "--date", "2026-12-05", "--approvals", approvals);
        assertEquals(0, approve.exitCode(), approve.err());

        final String journal = tmp.resolve("journal").toString();
        final CliRun run = CliRun.of("run", "--lobster", "AMZN", "--strategy", learned, "--journal", journal,
                "--approvals", approvals, "--json");
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode doc = MAPPER.readTree(run.out());
        assertTrue(doc.get("childrenSent").asInt() >= 12, run.out());
        final CliRun replay = CliRun.of("replay", "--journal", journal, "--json");
        assertEquals(0, replay.exitCode(), replay.err());
        final JsonNode replayed = MAPPER.readTree(replay.out());
        assertTrue(replayed.get("matched").asBoolean(), replay.out());
        assertEquals(doc.get("decisions").asInt(), replayed.get("decisions").asInt(), replay.out());
    }

    @Test
    void theLearnedTacticIsEvaluatedOutOfSampleAgainstAFixedBaselineAndRefusedElsewhere() throws IOException {
        LobsterTestData.amzn();
        final CliRun t = train("m", 7);
        assertEquals(0, t.exitCode(), t.err());
        final String learned = "twap/learned:" + tmp.resolve("m");
        final CliRun run = CliRun.of("evaluate", "--scenario", "lobster:AMZN:60:10@10:30-11:00", "--strategies",
                "twap/step,twap/cross," + learned, "--baseline", "twap/step", "--episodes", "21", "--threads", "1",
                "--json");
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode doc = MAPPER.readTree(run.out());
        assertEquals("twap/step", doc.get("baseline").asText());
        final JsonNode s = doc.get("strategies").get(2);
        assertEquals(learned, s.get("name").asText());
        assertEquals("learned", s.get("childTactics").get("tactic").asText());
        final double share = s.get("childTactics").get("passiveShare").get("mean").asDouble();
        assertTrue(share >= 0 && share <= 1, "passive share " + share);

        final CliRun bars = CliRun.of("evaluate", "--scenario", "liquid-stock", "--strategies", learned,
                "--episodes", "4");
        assertEquals(2, bars.exitCode(), bars.out());
        assertTrue(bars.err().contains("cannot work tactic 'learned:"), bars.err());

        final CliRun outsideLobster = CliRun.of("run", "--scenario", "liquid-stock", "--strategy", learned,
                "--journal", tmp.resolve("bars").toString());
        assertEquals(2, outsideLobster.exitCode(), outsideLobster.out());
        assertTrue(outsideLobster.err().contains("a resting child needs a venue that queues it"),
                outsideLobster.err());
        final CliRun nowhere = CliRun.of("run", "--lobster", "AMZN", "--strategy",
                "twap/learned:" + tmp.resolve("nowhere"), "--journal", tmp.resolve("nowhere-journal").toString());
        assertEquals(2, nowhere.exitCode(), nowhere.out());
        assertEquals(1, nowhere.err().lines().filter(l -> !l.startsWith("warning: ")).count(), nowhere.err());
        assertTrue(nowhere.err().contains("no such model directory"), nowhere.err());
        assertFalse(Files.exists(tmp.resolve("nowhere-journal")), "nothing is written for a refused strategy");

        final CliRun notInList = CliRun.of("evaluate", "--scenario", "lobster:AMZN:60:10@10:30-11:00",
                "--strategies", "twap/cross", "--baseline", "twap/step", "--episodes", "4");
        assertEquals(2, notInList.exitCode(), notInList.out());
        assertTrue(notInList.err().contains("--baseline 'twap/step' is not among --strategies"), notInList.err());

        final CliRun halfWindow = CliRun.of("evaluate", "--scenario", "lobster:AMZN:60:10@10:00", "--strategies",
                "twap/cross", "--episodes", "4");
        assertEquals(2, halfWindow.exitCode(), halfWindow.out());
        assertTrue(halfWindow.err().contains("expected a window @HH:MM-HH:MM after the spec, found '@10:00'"),
                halfWindow.err());
        final CliRun evening = CliRun.of("evaluate", "--scenario", "lobster:AMZN:60:10@20:00-21:00", "--strategies",
                "twap/cross", "--episodes", "4");
        assertEquals(2, evening.exitCode(), evening.out());
        assertTrue(evening.err().contains("no order of 10 slices fits between 20:00-21:00"), evening.err());

        final CliRun slicing = CliRun.of("evaluate", "--scenario", "lobster:AMZN:60:10@10:30-11:00",
                "--strategies", "twap/learned:" + tmp.resolve("nowhere"), "--episodes", "4");
        assertEquals(2, slicing.exitCode(), slicing.out());
        assertTrue(slicing.err().contains("no such model directory"), slicing.err());
    }
}
