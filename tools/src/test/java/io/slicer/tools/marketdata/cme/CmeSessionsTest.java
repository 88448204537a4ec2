package io.slicer.tools.marketdata.cme;

import io.slicer.tools.marketdata.BarSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CmeSessionsTest {
    private static final double TICK = 0.00005;

    @TempDir
    Path dir;

    private static long epoch(final String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    @Test
    void januaryHas23SessionsOf23HoursFromTheChicagoEveningOpen() {
        final List<CmeSessions.Session> sessions = CmeSessions.sessions(CmeTestData.sixE());
        assertEquals(23, sessions.size());
        final CmeSessions.Session first = sessions.get(0);
        assertEquals(LocalDate.of(2024, 1, 2), first.tradeDate());
        assertEquals(epoch("2024-01-01T23:00:00Z"), first.openEpochSecond());
        assertEquals(epoch("2024-01-02T22:00:00Z"), first.closeEpochSecond());
        // Monday's session opens on Sunday evening.
        final CmeSessions.Session monday = sessions.stream()
                .filter(s -> s.tradeDate().equals(LocalDate.of(2024, 1, 8))).findFirst().orElseThrow();
        assertEquals(epoch("2024-01-07T23:00:00Z"), monday.openEpochSecond());
        for (final CmeSessions.Session s : sessions) {
            assertEquals(1380, s.minutes(), s.tradeDate().toString());
        }
    }

    @Test
    void theUnfinishedSessionAtTheEndOfTheFileIsNotFull() {
        final List<CmeSessions.Session> full = CmeSessions.fullSessions(CmeTestData.sixE());
        assertEquals(22, full.size());
        assertEquals(LocalDate.of(2024, 1, 31), full.get(full.size() - 1).tradeDate());
    }

    @Test
    void fiveMinuteBarsKeepEveryContractAndChainTheirPrices() {
        final CmeMinuteBars minutes = CmeTestData.sixE();
        final List<CmeSessions.Session> full = CmeSessions.fullSessions(minutes);
        final BarSeries bars = CmeSessions.bars(minutes, full, 300, TICK, "6EH4 full sessions");
        assertEquals(276 * full.size(), bars.size());
        long minuteVolume = 0;
        for (final CmeSessions.Session s : full) {
            for (int row = s.firstRow(); row <= s.lastRow(); row++) {
                minuteVolume += minutes.volume(row);
            }
        }
        assertEquals(minuteVolume, bars.totalVolume());
        for (int k = 0; k + 1 < bars.size(); k++) {
            if ((k + 1) % 276 != 0) {
                assertEquals(bars.midAtEnd(k), bars.midAtStart(k + 1), 0.0, "bar " + k);
            }
        }
        assertEquals(minutes.open(full.get(0).firstRow()), bars.midAtStart(0), 0.0);
        assertEquals(TICK, bars.spreadAtStart(0), 0.0);
    }

    @Test
    void aQuietMinuteKeepsThePriceAndAddsNoVolume() throws IOException {
        final CmeMinuteBars minutes = CmeTestData.bars(dir,
                "2024-01-01 23:01:00,1.1000,1.1002,1.1000,1.1001,10",
                // 23:02 and 23:03 have no trades: absent from the file
                "2024-01-01 23:04:00,1.1003,1.1005,1.1003,1.1004,20",
                "2024-01-02 21:59:00,1.1010,1.1010,1.1010,1.1010,5",
                "2024-01-02 22:00:00,1.1011,1.1012,1.1011,1.1012,7");
        final List<CmeSessions.Session> sessions = CmeSessions.fullSessions(minutes);
        assertEquals(1, sessions.size());
        final BarSeries bars = CmeSessions.bars(minutes, sessions, 120, TICK, "made up");
        assertEquals(690, bars.size());
        // Bar 0 is 23:00-23:02: the first minute. Bar 1 is 23:02-23:04: only the 23:04 minute, ending at its close.
        assertEquals(1.1000, bars.midAtStart(0), 0.0);
        assertEquals(10, bars.volume(0));
        assertEquals(1.1001, bars.midAtStart(1), 0.0);
        assertEquals(20, bars.volume(1));
        assertEquals(1.1004, bars.midAtEnd(1), 0.0);
        // Nothing until 21:58: the price is carried, the volume is 0.
        assertEquals(0, bars.volume(500));
        assertEquals(1.1004, bars.midAtStart(500), 0.0);
        assertEquals(12, bars.volume(689));
        assertEquals(1.1012, bars.midAtEnd(689), 0.0);
        assertEquals((1.1010 * 5 + (1.1012 + 1.1011 + 1.1012) / 3 * 7) / 12, bars.vwap(689), 1e-12);
    }

    @Test
    void aBarInTheDailyBreakIsRefusedWithItsTime() throws IOException {
        final CmeMinuteBars minutes = CmeTestData.bars(dir,
                "2024-01-02 21:59:00,1.1000,1.1000,1.1000,1.1000,1",
                "2024-01-02 22:30:00,1.1000,1.1000,1.1000,1.1000,1");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CmeSessions.sessions(minutes));
        assertEquals("6EH4.XCME_1min_bars_test.csv.gz: the minute ending 2024-01-02T22:30:00Z lies in the daily"
                + " break (16:00-17:00 Chicago), when the market is closed", e.getMessage());
    }

    @Test
    void sessionsFollowChicagoTimeAcrossTheSpringDaylightSavingChange() throws IOException {
        // 10 March 2024: Chicago moves to CDT (UTC-5), so Monday 11 March opens Sunday 22:00 UTC, closes 21:00 UTC.
        final CmeMinuteBars minutes = CmeTestData.bars(dir,
                "2024-03-08 21:00:00,1.0900,1.0900,1.0900,1.0900,1",
                "2024-03-08 22:00:00,1.0901,1.0901,1.0901,1.0901,1",
                "2024-03-10 22:01:00,1.0902,1.0902,1.0902,1.0902,1",
                "2024-03-11 21:00:00,1.0903,1.0903,1.0903,1.0903,1");
        final List<CmeSessions.Session> sessions = CmeSessions.sessions(minutes);
        assertEquals(2, sessions.size());
        assertEquals(LocalDate.of(2024, 3, 8), sessions.get(0).tradeDate());
        assertEquals(epoch("2024-03-08T22:00:00Z"), sessions.get(0).closeEpochSecond(), "CST close");
        final CmeSessions.Session monday = sessions.get(1);
        assertEquals(LocalDate.of(2024, 3, 11), monday.tradeDate());
        assertEquals(epoch("2024-03-10T22:00:00Z"), monday.openEpochSecond());
        assertEquals(epoch("2024-03-11T21:00:00Z"), monday.closeEpochSecond());
        assertEquals(1380, monday.minutes());
        // Friday has no bar near its open in this made-up file, so only Monday is full.
        assertEquals(List.of(monday), CmeSessions.fullSessions(minutes));
    }

    @Test
    void aBarOnTheWeekendIsRefusedRatherThanMovedToMonday() throws IOException {
        final CmeMinuteBars minutes = CmeTestData.bars(dir,
                "2024-01-05 21:59:00,1.1000,1.1000,1.1000,1.1000,1",
                "2024-01-05 23:30:00,1.1000,1.1000,1.1000,1.1000,1");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CmeSessions.sessions(minutes));
        assertEquals("6EH4.XCME_1min_bars_test.csv.gz: the minute ending 2024-01-05T23:30:00Z lies in the weekend"
                + " (Friday 16:00 to Sunday 17:00 Chicago), when the market is closed", e.getMessage());
    }

    @Test
    void aSessionThatStartsLateIsNotFull() throws IOException {
        final CmeMinuteBars minutes = CmeTestData.bars(dir,
                "2024-01-02 01:00:00,1.1000,1.1000,1.1000,1.1000,1",
                "2024-01-02 22:00:00,1.1000,1.1000,1.1000,1.1000,1");
        assertEquals(1, CmeSessions.sessions(minutes).size());
        assertTrue(CmeSessions.fullSessions(minutes).isEmpty());
    }

    @Test
    void aDecisionBarMustDivideTheSessionInWholeMinutes() {
        final CmeMinuteBars minutes = CmeTestData.sixE();
        final List<CmeSessions.Session> full = CmeSessions.fullSessions(minutes);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CmeSessions.bars(minutes, full, 90, TICK, "6EH4"));
        assertEquals("6EH4: a decision bar of 90 s must be whole minutes dividing the 1380-minute session",
                e.getMessage());
    }
}
