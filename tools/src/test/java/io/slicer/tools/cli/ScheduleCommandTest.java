package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduleCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void jsonHoldsTheTrajectoryAndItsClosedFormCost() throws IOException {
        final CliRun run = CliRun.of("schedule", "--scenario", "ac-2000", "--strategy", "ac",
                "--risk-aversion", "1e-6", "--json");
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode doc = MAPPER.readTree(run.out());
        final int slices = doc.get("slices").asInt();
        final long quantity = doc.get("quantity").asLong();
        final JsonNode holdings = doc.get("holdings");
        assertEquals(slices + 1, holdings.size());
        assertEquals(quantity, holdings.get(0).asDouble(), 1e-6);
        assertEquals(0.0, holdings.get(slices).asDouble(), 1e-6);
        long sum = 0;
        for (final JsonNode n : doc.get("shares")) {
            sum += n.asLong();
        }
        assertEquals(quantity, sum);
        assertEquals(1.0 / doc.get("kappa").asDouble(), doc.get("halfLife").asDouble(), 1e-9);
        assertEquals(doc.get("expectedCost").asDouble() + 1e-6 * doc.get("variance").asDouble(),
                doc.get("objective").asDouble(), 1e-6 * Math.abs(doc.get("objective").asDouble()));
        // The optimum is no worse than TWAP on its own objective, and risk aversion front-loads it.
        assertTrue(doc.get("objective").asDouble() <= doc.get("twap").get("objective").asDouble());
        assertTrue(doc.get("trades").get(0).asDouble() > doc.get("trades").get(slices - 1).asDouble());
    }

    @Test
    void zeroRiskAversionIsTheStraightLine() throws IOException {
        final CliRun run = CliRun.of("schedule", "--scenario", "ac-2000", "--risk-aversion", "0", "--json");
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode doc = MAPPER.readTree(run.out());
        assertTrue(doc.get("halfLife").isNull());
        final JsonNode trades = doc.get("trades");
        for (final JsonNode n : trades) {
            assertEquals(trades.get(0).asDouble(), n.asDouble(), 1e-6);
        }
    }

    @Test
    void tableShowsOneRowPerSlice() throws IOException {
        final CliRun run = CliRun.of("schedule", "--scenario", "ac-2000");
        assertEquals(0, run.exitCode(), run.err());
        final int slices = MAPPER.readTree(CliRun.of("schedule", "--scenario", "ac-2000", "--json").out())
                .get("slices").asInt();
        final List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(1).startsWith("Almgren-Chriss, lambda 1.000e-06"), lines.get(1));
        final int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("slice")).findFirst().orElseThrow());
        assertEquals(header + 2 + slices, lines.size());
    }

    @Test
    void aStrategyWithoutClosedFormIsOneLineAndExitTwo() {
        final CliRun run = CliRun.of("schedule", "--scenario", "ac-2000", "--strategy", "vwap");
        assertEquals(2, run.exitCode());
        assertEquals(List.of("slicer schedule: --strategy 'vwap' has no closed-form schedule; expected 'ac'"),
                run.err().lines().toList());
    }

    @Test
    void unknownScenarioIsOneLineAndExitTwo() {
        final CliRun run = CliRun.of("schedule", "--scenario", "nope");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("slicer schedule: unknown scenario 'nope'"), run.err());
    }
}
