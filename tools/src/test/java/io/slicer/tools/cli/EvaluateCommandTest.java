package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.tools.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluateCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void jsonIsOneDocumentWithEveryStrategyAndPairedStatistics() throws IOException {
        final CliRun run = CliRun.of("evaluate", "--scenario", "ac-2000", "--strategies", "twap,ac",
                "--episodes", "24", "--seed", "7", "--threads", "2", "--json");
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode doc = MAPPER.readTree(run.out());
        assertEquals("slicer.evaluation.v1", doc.get("schema").asText());
        assertEquals("ac-2000", doc.get("scenario").get("name").asText());
        assertEquals(24, doc.get("episodes").asInt());
        assertEquals(7, doc.get("seed").asLong());
        assertEquals("twap", doc.get("baseline").asText());
        assertFalse(doc.get("baselineAdded").asBoolean());
        final JsonNode strategies = doc.get("strategies");
        assertEquals(2, strategies.size());
        assertEquals("twap", strategies.get(0).get("name").asText());
        assertEquals("ac", strategies.get(1).get("name").asText());
        assertTrue(strategies.get(0).get("savingsVsBaselineBps").get("pairedPValue").isNull());
        final JsonNode ac = strategies.get(1);
        final double mean = ac.get("savingsVsBaselineBps").get("mean").asDouble();
        assertTrue(ac.get("savingsVsBaselineBps").get("ciLow").asDouble() <= mean);
        assertTrue(ac.get("savingsVsBaselineBps").get("ciHigh").asDouble() >= mean);
        final JsonNode split = ac.get("costSplitBps");
        assertEquals(ac.get("isBps").get("mean").asDouble(), split.get("impact").asDouble()
                + split.get("timing").asDouble() + split.get("opportunity").asDouble(), 1e-9);
        assertEquals(doc.get("scenario").get("slices").asInt(), ac.get("meanSchedule").size());
    }

    @Test
    void everyJsonFieldIsDocumented() throws IOException {
        final CliRun run = CliRun.of("evaluate", "--scenario", "ac-2000", "--strategies", "twap,ac",
                "--episodes", "4", "--json");
        assertEquals(0, run.exitCode(), run.err());
        final Path docs = Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("json-fields.md");
        final String documented = Files.readString(docs, StandardCharsets.UTF_8);
        final List<String> missing = new ArrayList<>();
        collectUndocumented(MAPPER.readTree(run.out()), documented, missing);
        assertEquals(List.of(), missing, "fields missing from docs/json-fields.md");
    }

    @Test
    void oneAndTwoThreadsPrintTheSameBytes() {
        final String[] args = {"evaluate", "--scenario", "ac-2000", "--strategies", "twap,ac", "--episodes", "30",
                "--json", "--threads"};
        final CliRun one = CliRun.of(append(args, "1"));
        final CliRun two = CliRun.of(append(args, "2"));
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(one.out(), two.out());
    }

    @Test
    void twapIsAddedAsTheBaselineWhenNotRequested() throws IOException {
        final CliRun run = CliRun.of("evaluate", "--scenario", "ac-2000", "--strategies", "ac",
                "--episodes", "4", "--json");
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode doc = MAPPER.readTree(run.out());
        assertTrue(doc.get("baselineAdded").asBoolean());
        assertEquals("twap", doc.get("strategies").get(0).get("name").asText());
        final CliRun table = CliRun.of("evaluate", "--scenario", "ac-2000", "--strategies", "ac",
                "--episodes", "4");
        assertTrue(table.out().contains("baseline twap (not requested: added as the baseline)"), table.out());
    }

    @Test
    void tableGoesToStdoutAndProgressToStderr() {
        final CliRun run = CliRun.of("evaluate", "--scenario", "ac-2000", "--strategies", "twap,ac",
                "--episodes", "4");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Scenario ac-2000: "), run.out());
        assertTrue(run.out().contains("savings vs twap"));
        assertTrue(run.err().startsWith("slicer evaluate: 2 strategies x 4 paired episodes of ac-2000"), run.err());
    }

    @Test
    void reportOptionWritesMarkdownAndCharts(@TempDir final Path dir) {
        final Path out = dir.resolve("report");
        final CliRun run = CliRun.of("evaluate", "--scenario", "ac-2000", "--strategies", "twap,ac",
                "--episodes", "6", "--report", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(out.resolve(ReportWriter.MARKDOWN)));
        assertTrue(Files.isRegularFile(out.resolve(ReportWriter.IS_DISTRIBUTION_PNG)));
        assertTrue(Files.isRegularFile(out.resolve(ReportWriter.ADAPTIVE_TRACE_PNG)));
    }

    @Test
    void unknownScenarioIsOneLineAndExitTwo() {
        final CliRun run = CliRun.of("evaluate", "--scenario", "nope", "--episodes", "4");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("slicer evaluate: unknown scenario 'nope'"), run.err());
    }

    @Test
    void unknownStrategyIsOneLineAndExitTwo() {
        final CliRun run = CliRun.of("evaluate", "--scenario", "ac-2000", "--strategies", "twap,magic",
                "--episodes", "4");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("slicer evaluate: unknown strategy 'magic'"), run.err());
    }

    @Test
    void zeroEpisodesIsOneLineAndExitTwo() {
        final CliRun run = CliRun.of("evaluate", "--scenario", "ac-2000", "--episodes", "0");
        assertEquals(2, run.exitCode());
        assertEquals(List.of("slicer evaluate: --episodes must be at least 2, got 0"), run.err().lines().toList());
    }

    @Test
    void nonNumericEpisodesIsOneLineAndExitTwo() {
        final CliRun run = CliRun.of("evaluate", "--scenario", "ac-2000", "--episodes", "many");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("'many'"), run.err());
    }

    @Test
    void zeroThreadsIsOneLineAndExitTwo() {
        final CliRun run = CliRun.of("evaluate", "--scenario", "ac-2000", "--episodes", "4", "--threads", "0");
        assertEquals(2, run.exitCode());
        assertEquals(List.of("slicer evaluate: --threads must be at least 1, got 0"), run.err().lines().toList());
    }

    private static void collectUndocumented(final JsonNode node, final String docs, final List<String> missing) {
        if (node.isArray()) {
            for (final JsonNode element : node) {
                collectUndocumented(element, docs, missing);
            }
            return;
        }
        final Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            final String name = names.next();
            if (!docs.contains(name) && !missing.contains(name)) {
                missing.add(name);
            }
            collectUndocumented(node.get(name), docs, missing);
        }
    }

    private static String[] append(final String[] args, final String last) {
        final String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
