package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code slicer run --shadow}: the shadow's estimated IS in the JSON, the live day unchanged, replay bit for bit. */
class ShadowCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private JsonNode run(final Path journal, final String... extra) throws Exception {
        final String[] base = {"run", "--scenario", "stochastic-liquidity", "--strategy", "vwap", "--journal",
                journal.toString(), "--seed", "3", "--json"};
        final String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        final CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return MAPPER.readTree(run.out());
    }

    @Test
    void runWithAShadowReportsItsEstimatedIsAndTradesTheSameDay() throws Exception {
        final JsonNode plain = run(tmp.resolve("plain"));
        final JsonNode shadowed = run(tmp.resolve("shadowed"), "--shadow", "twap");
        assertEquals(plain.get("isBps").asDouble(), shadowed.get("isBps").asDouble(), 0.0, "the live day");
        assertEquals(plain.get("childrenSent").asLong(), shadowed.get("childrenSent").asLong());
        final JsonNode shadow = shadowed.get("shadow");
        assertEquals("twap", shadow.get("strategy").asText());
        assertTrue(shadow.get("note").asText().startsWith("counterfactual estimate"));
        final JsonNode order = shadow.get("orders").get(0);
        assertEquals(26, order.get("slices").asInt(), "one shadow decision per slice");
        assertEquals(500_000, order.get("wouldTrade").asLong());
        final double estimate = shadow.get("estimatedIsBps").asDouble();
        assertEquals(order.get("estimatedIsBps").asDouble(), estimate, 0.0);
        // TWAP's estimate on the observed path lies near the engine's own TWAP benchmark of the same day (both
        // price TWAP's slices with the same impact model; the benchmark also scales impact by realised volume).
        final double benchmark = shadowed.get("engineTwapBenchmarkBps").asDouble();
        assertTrue(Math.abs(estimate - benchmark) < 0.1 * Math.abs(benchmark) + 5, estimate + " vs " + benchmark);

        final CliRun replay = CliRun.of("replay", "--journal", tmp.resolve("shadowed").toString(), "--json");
        final JsonNode summary = MAPPER.readTree(replay.out());
        assertTrue(summary.get("matched").asBoolean(), replay.out());
        assertEquals(26, summary.get("shadowDecisions").asLong());
    }

    @Test
    void aShadowThatIsTheLiveStrategyIsOneLineAndExitTwo() {
        final CliRun run = CliRun.of("run", "--scenario", "stochastic-liquidity", "--strategy", "twap", "--shadow",
                "twap", "--journal", tmp.resolve("j").toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("--shadow twap is the live --strategy itself"), run.err());
    }
}
