package io.slicer.tools.marketdata.lobster;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LobsterReaderTest {
    private static final long NANOS = LobsterFormat.NANOS_PER_SECOND;

    private static final class DayTotals implements TickListener {
        long quotes;
        long trades;
        long volume;
        long buyerInitiatedVolume;
        double firstTradePrice = Double.NaN;
        int firstAggressor;
        long lastTs;

        @Override
        public void onQuote(final long tsNanos, final double bid, final long bidSize, final double ask,
                            final long askSize) {
            quotes++;
            lastTs = tsNanos;
        }

        @Override
        public void onTrade(final long tsNanos, final double price, final long size, final int aggressorSign) {
            if (trades == 0) {
                firstTradePrice = price;
                firstAggressor = aggressorSign;
            }
            trades++;
            volume += size;
            if (aggressorSign > 0) {
                buyerInitiatedVolume += size;
            }
            lastTs = tsNanos;
        }
    }

    private static void assertDay(final LobsterDay day, final long rows, final long firstNanos, final long lastNanos) {
        long count = 0;
        long first = -1;
        long last = -1;
        try (LobsterReader reader = LobsterReader.open(day)) {
            while (reader.next()) {
                if (count++ == 0) {
                    first = reader.message().timeNanos();
                }
                last = reader.message().timeNanos();
            }
            assertEquals(rows, reader.rows());
        }
        assertEquals(rows, count);
        assertEquals(firstNanos, first);
        assertEquals(lastNanos, last);
    }

    @Test
    void amznDayParsesCompletelyFromOpenToClose() {
        // README: 57,515 rows, 09:30:00.017-15:59:59.959 ET; exact stamps are the files' first and last lines.
        assertDay(LobsterTestData.amzn(), 57_515, 34_200 * NANOS + 17_459_617, 57_599 * NANOS + 959_359_650);
    }

    @Test
    void googDayParsesCompletelyFromOpenToClose() {
        // README: 49,482 rows, 09:30:00.015-15:59:59.321 ET.
        assertDay(LobsterTestData.goog(), 49_482, 34_200 * NANOS + 15_105_074, 57_599 * NANOS + 320_718_269);
    }

    @Test
    void finderDescribesBothDaysFromTheirFileNames() {
        final List<LobsterDay> days = LobsterDays.find(LobsterTestData.root());
        assertEquals(List.of("AMZN", "GOOG"), days.stream().map(LobsterDay::symbol).toList());
        final LobsterDay amzn = days.get(0);
        assertEquals(LocalDate.of(2012, 6, 21), amzn.date());
        assertEquals(34_200_000L, amzn.startMillis());
        assertEquals(57_600_000L, amzn.endMillis());
        assertEquals(1, amzn.level());
        assertEquals("AMZN_2012-06-21_34200000_57600000_orderbook_1.csv",
                amzn.orderbookFile().getFileName().toString());
    }

    @Test
    void replayReportsEveryExecutionWithTheAggressorOppositeTheRestingOrder() {
        final DayTotals totals = new DayTotals();
        final long rows = LobsterReader.replay(LobsterTestData.amzn(), totals);
        assertEquals(57_515, rows);
        // 8,974 visible + 2,445 hidden executions totalling 810,755 shares (awk over type 4 and 5 rows).
        assertEquals(11_419, totals.trades);
        assertEquals(810_755, totals.volume);
        // Orderbook rows that differ from the row before (the first counts): awk over the orderbook file.
        assertEquals(55_071, totals.quotes);
        // First row: 34200.017459617,5,0,1,2238200,-1 - a hidden resting sell was lifted, so a buyer-initiated trade.
        assertEquals(223.82, totals.firstTradePrice, 1e-12);
        assertEquals(1, totals.firstAggressor);
        assertEquals(57_599 * NANOS + 959_359_650, totals.lastTs);
    }

    @Test
    void replayAllocatesNothingPerTickAfterWarmUp() {
        final var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        final DayTotals totals = new DayTotals();
        try (LobsterReader reader = LobsterReader.open(LobsterTestData.amzn())) {
            for (int i = 0; i < 2_000 && reader.next(); i++) {
                totals.onQuote(reader.message().timeNanos(), reader.book().bid(), reader.book().bidSize(),
                        reader.book().ask(), reader.book().askSize());
            }
            final long before = threads.getThreadAllocatedBytes(thread);
            reader.replayRemaining(totals);
            final long allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertEquals(57_515, reader.rows());
            assertEquals(0, allocated, "bytes allocated replaying " + (57_515 - 2_000) + " rows");
        }
    }
}
