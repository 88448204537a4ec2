package io.slicer.tools.marketdata.lobster;

import io.slicer.tools.marketdata.BarSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LobsterBarsTest {

    /** The same aggregation written the obvious way (String.split, doubles), to check the streaming one against. */
    private static final class NaiveBars {
        final long[] volume;
        final double[] notional;
        final double[] midAtStart;

        NaiveBars(final LobsterDay day, final int seconds) throws IOException {
            final List<String> msg = Files.readAllLines(day.messageFile());
            final List<String> book = Files.readAllLines(day.orderbookFile());
            final double start = day.startMillis() / 1000.0;
            final int n = (int) Math.ceil((day.endMillis() - day.startMillis()) / 1000.0 / seconds);
            volume = new long[n];
            notional = new double[n];
            midAtStart = new double[n];
            java.util.Arrays.fill(midAtStart, Double.NaN);
            double mid = Double.NaN;
            for (int i = 0; i < msg.size(); i++) {
                final String[] m = msg.get(i).split(",");
                final String[] b = book.get(i).split(",");
                final int bar = (int) Math.floor((new java.math.BigDecimal(m[0]).doubleValue() - start) / seconds);
                for (int k = 0; k <= bar; k++) {
                    if (Double.isNaN(midAtStart[k]) && k > 0) {
                        midAtStart[k] = mid;
                    }
                }
                final int type = Integer.parseInt(m[1]);
                if (type == 4 || type == 5) {
                    volume[bar] += Long.parseLong(m[3]);
                    notional[bar] += Long.parseLong(m[3]) * Long.parseLong(m[4]) / 10_000.0;
                }
                mid = (Long.parseLong(b[0]) + Long.parseLong(b[2])) / 20_000.0;
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"AMZN, 60, 390, 810755", "AMZN, 300, 78, 810755", "AMZN, 900, 26, 810755",
            "GOOG, 60, 390, 706125", "GOOG, 300, 78, 706125"})
    void barsCoverTheSessionAndSumToTheDaysTradedVolume(final String symbol, final int seconds, final int bars,
                                                        final long dayVolume) {
        final BarSeries series = LobsterBars.of(LobsterTestData.day(symbol), seconds);
        assertEquals(bars, series.size());
        // Day volume: type 4 + 5 sizes summed with awk over the message file.
        assertEquals(dayVolume, series.totalVolume());
        assertEquals(34_200L * LobsterFormat.NANOS_PER_SECOND, series.startNanos(0));
        assertEquals(57_600L * LobsterFormat.NANOS_PER_SECOND, series.endNanos(bars - 1));
    }

    @Test
    void everyBarMatchesTheObviousAggregation() throws IOException {
        final LobsterDay day = LobsterTestData.amzn();
        final BarSeries series = LobsterBars.of(day, 60);
        final NaiveBars naive = new NaiveBars(day, 60);
        for (int k = 0; k < series.size(); k++) {
            assertEquals(naive.volume[k], series.volume(k), "volume of bar " + k);
            assertEquals(naive.notional[k], series.notional(k), 1e-6, "notional of bar " + k);
            if (k > 0) {
                assertEquals(naive.midAtStart[k], series.midAtStart(k), 1e-9, "mid at start of bar " + k);
            }
        }
    }

    @Test
    void openingBarTakesTheFirstQuoteAndEachBarEndsWhereTheNextStarts() {
        final BarSeries series = LobsterBars.of(LobsterTestData.amzn(), 300);
        // First orderbook row: ask 223.95, bid 223.18.
        assertEquals((223.95 + 223.18) / 2, series.midAtStart(0), 1e-9);
        assertEquals(0.77, series.spreadAtStart(0), 1e-9);
        for (int k = 0; k + 1 < series.size(); k++) {
            assertEquals(series.midAtStart(k + 1), series.midAtEnd(k));
        }
        // Last orderbook row: ask 220.64, bid 220.51.
        assertEquals((220.64 + 220.51) / 2, series.midAtEnd(series.size() - 1), 1e-9);
    }

    @Test
    void barVwapLiesWithinTheDaysPriceRangeAndQuietBarsHaveNone() {
        final BarSeries series = LobsterBars.of(LobsterTestData.goog(), 60);
        for (int k = 0; k < series.size(); k++) {
            if (series.volume(k) == 0) {
                assertTrue(Double.isNaN(series.vwap(k)));
                assertEquals(0, series.tradeCount(k));
            } else {
                assertTrue(series.vwap(k) > 560 && series.vwap(k) < 581, "GOOG quoted between $563.75 and $580.23 all day: bar " + k);
                assertTrue(Math.abs(series.signedVolume(k)) <= series.volume(k));
            }
        }
    }
}
