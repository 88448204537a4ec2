package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main job end to end on tiny budgets: every stage runs, the JSON says what happened, the cache is reused. */
class DemoCommandTest {

    private static int run(final StringWriter out, final StringWriter err, final String... args) {
        final picocli.CommandLine cli = SlicerCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void demoTrainsEvaluatesTradesReplaysAndReportsAsOneJsonDocument(@TempDir final Path tmp) throws Exception {
        final Path models = tmp.resolve("models");
        final Path report = tmp.resolve("report");
        final String[] args = {"demo", "--json", "--episodes", "200", "--dqn-episodes", "20", "--iql-steps", "200",
                "--models", models.toString(), "--out", report.toString()};
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, args), err.toString());

        final JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertEquals("slicer.demo.v1", doc.get("schema").asText());
        assertEquals("stochastic-liquidity", doc.get("scenario").asText());
        final List<String> names = new ArrayList<>();
        doc.get("evaluation").get("strategies").forEach(s -> names.add(s.get("name").asText()));
        assertEquals(List.of("twap", "vwap", "pov", "ac:2e-8", "dp", "dqn", "iql"), names);
        assertEquals(200, doc.get("evaluation").get("episodes").asInt());
        final JsonNode day = doc.get("engineDay");
        assertTrue(day.get("replayMatched").asBoolean(), day.toString());
        assertEquals(500_000, day.get("quantity").asLong());
        // The engine trades the simulator's episode: same policy, same path, same shortfall.
        if (day.get("filled").asLong() == 500_000) {
            assertEquals(day.get("simulatedSamePolicyIsBps").asDouble(), day.get("isBps").asDouble(), 1e-9);
        }
        final JsonNode real = doc.get("realDay");
        assertTrue(real.has("skipped") || real.get("strategies").size() == 3, real.toString());
        assertTrue(Files.isRegularFile(report.resolve("README.md")));
        assertTrue(Files.isRegularFile(report.resolve("evaluation").resolve("report.md")));

        // A second run reuses both cached models instead of training again.
        final StringWriter again = new StringWriter();
        final StringWriter againErr = new StringWriter();
        assertEquals(0, run(again, againErr, args), againErr.toString());
        assertTrue(againErr.toString().contains("DQN: reused"), againErr.toString());
        assertTrue(againErr.toString().contains("IQL: reused"), againErr.toString());
        assertEquals(doc.get("models"), new ObjectMapper().readTree(again.toString()).get("models"));
    }

    @Test
    void demoRefusesTheEvaluationSeedForTraining() {
        final StringWriter err = new StringWriter();
        assertEquals(SlicerCli.EXIT_USAGE, run(new StringWriter(), err, "demo", "--seed", "9000001"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
