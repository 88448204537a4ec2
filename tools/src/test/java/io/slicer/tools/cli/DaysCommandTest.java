package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.journal.JournalDirectory;
import io.slicer.journal.JournalReader;
import io.slicer.journal.JournalRecord;
import io.slicer.journal.StrategyChoice;
import io.slicer.journal.format.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code slicer days} with the ledger: a strategy that keeps losing to its TWAP benchmark (POV at 30% dumps into a
 * thin market) is demoted on exactly the Nth day, its next day trades TWAP with the reason journaled, and
 * {@code slicer ledger enable} gives it back its orders.
 */
class DaysCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private JsonNode days(final int n) throws Exception {
        final CliRun r = CliRun.of("days", "--scenario", "stochastic-liquidity", "--strategy", "pov:0.3", "--days",
                String.valueOf(n), "--losing-days", "3", "--ledger", tmp.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        return MAPPER.readTree(r.out());
    }

    private static List<StrategyChoice> choices(final Path journal) {
        final List<StrategyChoice> out = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journal))) {
            final JournalRecord r = new JournalRecord();
            while (reader.next(r)) {
                if (r.type() == RecordType.STRATEGY_CHOICE) {
                    out.add(StrategyChoice.read(r));
                }
            }
        }
        return out;
    }

    @Test
    void aLosingStrategyIsDemotedOnTheThirdDayTradesTwapThenAndIsReEnabledByATrader() throws Exception {
        final JsonNode doc = days(4);
        final JsonNode rows = doc.get("days");
        for (int d = 0; d < 3; d++) {
            final JsonNode row = rows.get(d);
            assertEquals("pov:0.3", row.get("used").asText());
            assertTrue(row.get("isBps").asDouble() > row.get("benchmarkBps").asDouble(), row.toString());
            assertEquals(d + 1, row.get("losingStreak").asInt());
            assertEquals(d == 2, row.get("demoted").asBoolean(), row.toString());
        }
        final JsonNode fourth = rows.get(3);
        assertEquals("twap", fourth.get("used").asText());
        assertTrue(fourth.get("usedBecause").asText().startsWith("DEMOTED_TO_TWAP"), fourth.toString());
        assertTrue(doc.get("demotedNow").asBoolean());
        assertEquals(List.of(), choices(Path.of(rows.get(2).get("journal").asText())));
        final List<StrategyChoice> journaled = choices(Path.of(fourth.get("journal").asText()));
        assertEquals(1, journaled.size());
        assertEquals("pov:0.3", journaled.get(0).requested());
        assertEquals("twap", journaled.get(0).used());
        assertEquals(3, journaled.get(0).losingDays());
        final CliRun replay = CliRun.of("replay", "--journal", fourth.get("journal").asText(), "--json");
        assertTrue(MAPPER.readTree(replay.out()).get("matched").asBoolean(), replay.out());

        final CliRun enable = CliRun.of("ledger", "enable", "--ledger", tmp.toString(), "--strategy", "pov:0.3",
                "--by", "A. Trader", "--reason", "rate cut to 10%");
        assertEquals(0, enable.exitCode(), enable.err());
        final JsonNode after = days(1);
        assertEquals("pov:0.3", after.get("days").get(0).get("used").asText());
        assertEquals(4, after.get("days").get(0).get("day").asInt(), "the ledger's calendar continues");
        assertFalse(after.get("demotedNow").asBoolean());
    }
}
