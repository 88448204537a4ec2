package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.tools.marketdata.lobster.LobsterTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Child tactics through {@code slicer evaluate}: the measures on a real LOBSTER day, and the refusals. */
class TacticEvaluationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path journal;

    @Test
    void crossHasNoPassiveFillsAndJoinRestsOnTheAmznDayWithPairedMeasures() throws IOException {
        LobsterTestData.amzn();
        final CliRun run = CliRun.of("evaluate", "--scenario", "lobster:AMZN:60:10", "--strategies",
                "twap/cross,twap/join,twap/step,vwap/join", "--episodes", "40", "--threads", "2", "--json");
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode doc = MAPPER.readTree(run.out());
        assertEquals("twap/cross", doc.get("baseline").asText());
        final JsonNode s = doc.get("strategies");
        assertEquals(4, s.size());
        final JsonNode cross = s.get(0).get("childTactics");
        assertEquals("cross", cross.get("tactic").asText());
        assertEquals(0.0, cross.get("passiveShare").get("mean").asDouble());
        assertEquals(0.0, cross.get("adverseSelection1sBps").get("mean").asDouble());
        // A crossing child's spread capture is minus its impact beyond the touch.
        assertTrue(cross.get("spreadCaptureBps").get("mean").asDouble() < 0);
        for (int j = 1; j < 4; j++) {
            final JsonNode t = s.get(j).get("childTactics");
            final double share = t.get("passiveShare").get("mean").asDouble();
            assertTrue(share > 0.05 && share < 1, s.get(j).get("name") + " passive share " + share);
            final JsonNode diff = t.get("passiveShare").get("minusBaseline");
            assertEquals(share, diff.get("mean").asDouble(), 1e-12);
            assertTrue(diff.get("ciLow").asDouble() > 0, "passive share CI above cross's 0");
            // Resting saves against the far touch what crossing pays.
            assertTrue(t.get("spreadCaptureBps").get("minusBaseline").get("ciLow").asDouble() > 0);
            final JsonNode split = s.get(j).get("costSplitVsBaselineBps");
            assertEquals(0.0, split.get("opportunity").get("mean").asDouble(), 1e-12);
        }
        final CliRun text = CliRun.of("evaluate", "--scenario", "lobster:AMZN:60:10", "--strategies",
                "twap/cross,twap/join", "--episodes", "4", "--threads", "1");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("passive share"), text.out());
    }

    @Test
    void aSyntheticPresetRestsByTheModelCalibratedOnTheLobsterDays() throws IOException {
        final CliRun run = CliRun.of("evaluate", "--scenario", "liquid-stock", "--strategies",
                "twap,twap/join,twap/step", "--episodes", "20", "--threads", "1", "--json");
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode s = MAPPER.readTree(run.out()).get("strategies");
        assertEquals(0.0, s.get(0).get("childTactics").get("passiveShare").get("mean").asDouble());
        final JsonNode join = s.get(1);
        assertEquals(0.48, join.get("childTactics").get("passiveShare").get("mean").asDouble(), 0.005);
        assertEquals(0.55, s.get(2).get("childTactics").get("passiveShare").get("mean").asDouble(), 0.005);
        assertTrue(join.get("childTactics").get("adverseSelection10sBps").get("mean").asDouble()
                > join.get("childTactics").get("adverseSelection1sBps").get("mean").asDouble());
        // The same paths: resting changes what we pay, not how the market drifted.
        assertEquals(0.0, join.get("costSplitVsBaselineBps").get("timing").get("mean").asDouble(), 1e-12);
        assertTrue(join.get("savingsVsBaselineBps").get("mean").asDouble() > 0);
    }

    @Test
    void aPassiveTacticWithoutAQueueAndAnUnknownTacticAreOneLineErrorsThatWriteNothing() {
        final CliRun bars = CliRun.of("evaluate", "--scenario", "seed-notebook", "--strategies", "twap/join",
                "--episodes", "4");
        assertEquals(2, bars.exitCode(), bars.err());
        assertTrue(bars.err().contains("scenario 'seed-notebook' cannot work tactic 'join'"), bars.err());
        assertEquals(1, bars.err().strip().lines().count(), bars.err());
        final CliRun unknown = CliRun.of("evaluate", "--scenario", "ac-2000", "--strategies", "twap/joint",
                "--episodes", "4");
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertTrue(unknown.err().contains("strategy 'twap/joint': unknown tactic 'joint', expected SPEC/TACTIC with "
                + "TACTIC one of cross, join, step, peg, peg:mid"), unknown.err());
        final CliRun run = CliRun.of("run", "--scenario", "ac-2000", "--strategy", "twap/join", "--journal",
                journal.resolve("j").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("strategy 'twap/join': a resting child needs a venue that queues it"),
                run.err());
        assertFalse(Files.exists(journal.resolve("j")), "nothing written");
    }
}
