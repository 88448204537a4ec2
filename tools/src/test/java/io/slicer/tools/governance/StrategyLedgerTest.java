package io.slicer.tools.governance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The losing-streak rule: demotion at exactly the Nth consecutive losing day, never TWAP, durable, re-enabled. */
class StrategyLedgerTest {
    @TempDir
    Path tmp;

    private static StrategyLedger.Outcome lose(final StrategyLedger l, final String s) {
        return l.recordDay(s, l.nextDay(), Path.of("j" + l.nextDay()), 12.0, 10.0, 5);
    }

    private static StrategyLedger.Outcome win(final StrategyLedger l, final String s) {
        return l.recordDay(s, l.nextDay(), Path.of("j" + l.nextDay()), 9.0, 10.0, 5);
    }

    @Test
    void theRuleDemotesAtExactlyTheFifthConsecutiveLosingDay() {
        final StrategyLedger l = StrategyLedger.open(tmp);
        for (int d = 1; d <= 4; d++) {
            final StrategyLedger.Outcome o = lose(l, "dqn:m");
            assertEquals(d, o.day().streak());
            assertNull(o.demotion(), "day " + d);
            assertTrue(l.demotion("dqn:m").isEmpty());
        }
        final StrategyLedger.Outcome fifth = lose(l, "dqn:m");
        assertEquals(5, fifth.day().streak());
        assertEquals("DEMOTED_TO_TWAP: underperformed its TWAP benchmark 5 consecutive days (through day 4)",
                fifth.demotion());
        assertEquals(fifth.demotion(), l.demotion("dqn:m").orElseThrow());
        assertNull(lose(l, "dqn:m").demotion(), "demoted once, not again");
    }

    @Test
    void aWinningDayResetsTheStreak() {
        final StrategyLedger l = StrategyLedger.open(tmp);
        for (int d = 0; d < 4; d++) {
            lose(l, "vwap");
        }
        assertEquals(0, win(l, "vwap").day().streak());
        for (int d = 0; d < 4; d++) {
            assertNull(lose(l, "vwap").demotion());
        }
        assertEquals(4, l.streak("vwap"));
        assertTrue(l.demotion("vwap").isEmpty());
    }

    @Test
    void twapIsNeverDemoted() {
        final StrategyLedger l = StrategyLedger.open(tmp);
        for (int d = 0; d < 12; d++) {
            assertNull(lose(l, StrategyLedger.TWAP).demotion());
        }
        assertEquals(12, l.streak(StrategyLedger.TWAP));
        assertTrue(l.demotion(StrategyLedger.TWAP).isEmpty());
    }

    @Test
    void theLedgerSurvivesARestartAndATraderReEnablesWithTheReasonRecorded() throws Exception {
        final StrategyLedger l = StrategyLedger.open(tmp);
        for (int d = 0; d < 3; d++) {
            lose(l, "ac:1e-6");
        }
        final StrategyLedger reopened = StrategyLedger.open(tmp);
        assertEquals(3, reopened.streak("ac:1e-6"), "the streak carries across sessions");
        assertEquals(3, reopened.nextDay());
        lose(reopened, "ac:1e-6");
        lose(reopened, "ac:1e-6");
        assertTrue(StrategyLedger.open(tmp).demotion("ac:1e-6").isPresent(), "the demotion is durable");
        assertThrows(IllegalArgumentException.class, () -> reopened.enable("ac:1e-6", "", "why"));
        reopened.enable("ac:1e-6", "A. Trader", "model retrained, shadowed a week");
        final StrategyLedger after = StrategyLedger.open(tmp);
        assertTrue(after.demotion("ac:1e-6").isEmpty());
        assertEquals(0, after.streak("ac:1e-6"));
        assertTrue(Files.readString(tmp.resolve(StrategyLedger.FILE)).contains(
                "{\"event\":\"enabled\",\"strategy\":\"ac:1e-6\",\"by\":\"A. Trader\","
                        + "\"reason\":\"model retrained, shadowed a week\"}"));
        assertThrows(IllegalArgumentException.class, () -> after.enable("ac:1e-6", "A. Trader", "again"),
                "not demoted: nothing to re-enable");
    }

    @Test
    void aDamagedLedgerLineIsOneErrorNamingFileAndLine() throws Exception {
        final StrategyLedger l = StrategyLedger.open(tmp);
        lose(l, "vwap");
        Files.writeString(tmp.resolve(StrategyLedger.FILE), "{\"event\":\"day\"\n",
                java.nio.file.StandardOpenOption.APPEND);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrategyLedger.open(tmp));
        assertTrue(e.getMessage().startsWith(tmp.resolve(StrategyLedger.FILE) + ":2: not a ledger entry"),
                e.getMessage());
    }
}
