package io.slicer.tools.marketdata.lobster;

import io.slicer.tools.marketdata.BarSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small hand-written days in LOBSTER layout, each with one defect, read to the end. */
class LobsterMalformedRowTest {
    private static final String MESSAGE = "AMZN_2012-06-21_34200000_57600000_message_1.csv";
    private static final String ORDERBOOK = "AMZN_2012-06-21_34200000_57600000_orderbook_1.csv";

    @TempDir
    Path dir;

    private final List<String> messages = new ArrayList<>(List.of(
            "34200.017459617,5,0,1,2238200,-1",
            "34200.18960767,1,11885113,21,2238100,1",
            "34200.190226476,4,11885113,21,2238100,1",
            "34200.190226476,1,11534792,100,2237500,1"));
    private final List<String> books = new ArrayList<>(List.of(
            "2239500,100,2231800,100",
            "2239500,100,2238100,21",
            "2239500,100,2231800,100",
            "2239500,100,2237500,100"));

    private LobsterDay write() throws IOException {
        Files.write(dir.resolve(MESSAGE), messages);
        Files.write(dir.resolve(ORDERBOOK), books);
        return LobsterDay.ofMessageFile(dir.resolve(MESSAGE));
    }

    private String failure() throws IOException {
        final LobsterDay day = write();
        return assertThrows(LobsterFormatException.class, () -> {
            try (LobsterReader reader = LobsterReader.open(day)) {
                while (reader.next()) {
                    reader.book();
                }
            }
        }).getMessage();
    }

    @Test
    void wellFormedSampleReadsToTheEnd() throws IOException {
        final LobsterDay day = write();
        try (LobsterReader reader = LobsterReader.open(day)) {
            int rows = 0;
            while (reader.next()) {
                rows++;
            }
            assertEquals(4, rows);
        }
    }

    @Test
    void missingFieldIsRejectedWithFileAndLine() throws IOException {
        messages.set(2, "34200.190226476,4,11885113,21,2238100");
        assertEquals(MESSAGE + ":3: expected 6 fields, found 5", failure());
    }

    @Test
    void emptyLineIsRejectedWithFileAndLine() throws IOException {
        books.set(1, "");
        assertEquals(ORDERBOOK + ":2: expected 4 fields, found an empty line", failure());
    }

    @Test
    void nanPriceIsRejectedWithFileAndLine() throws IOException {
        messages.set(1, "34200.18960767,1,11885113,21,NaN,1");
        assertEquals(MESSAGE + ":2: price (field 5): expected an integer, found 'NaN'", failure());
    }

    @Test
    void negativePriceIsRejectedWithFileAndLine() throws IOException {
        messages.set(3, "34200.190226476,1,11534792,100,-2237500,1");
        assertEquals(MESSAGE + ":4: price (field 5): expected a positive price in 1/10000 dollars, found -2237500",
                failure());
    }

    @Test
    void outOfOrderRowIsPassedOnForTheMarketDataCheckAndLeftOutOfTheBars() throws IOException {
        messages.set(2, "34200.0,4,11885113,21,2238100,1");
        assertEquals(4, readToTheEnd());
        final BarSeries bars = LobsterBars.of(write(), 60);
        assertEquals(1, bars.rejected());
        assertEquals(1, bars.totalVolume(), "only the first row's hidden share: the out-of-order execution adds none");
    }

    @Test
    void unknownEventTypeIsRejectedWithFileAndLine() throws IOException {
        messages.set(1, "34200.18960767,8,11885113,21,2238100,1");
        assertEquals(MESSAGE + ":2: type (field 2): expected an event type 1..7, found 8", failure());
    }

    @Test
    void badDirectionIsRejectedWithFileAndLine() throws IOException {
        messages.set(1, "34200.18960767,1,11885113,21,2238100,0");
        assertEquals(MESSAGE + ":2: direction (field 6): expected 1 (buy) or -1 (sell), found 0", failure());
    }

    @Test
    void malformedTimeIsRejectedWithFileAndLine() throws IOException {
        messages.set(0, "9:30:00,5,0,1,2238200,-1");
        assertEquals(MESSAGE + ":1: time (field 1): expected seconds after midnight like 34200.017459617, found"
                + " '9:30:00'", failure());
    }

    @Test
    void negativeBookPriceIsRejectedWithFileAndLine() throws IOException {
        books.set(2, "2239500,100,-2231800,100");
        assertEquals(ORDERBOOK + ":3: bid price: expected a positive price in 1/10000 dollars or the empty-side"
                + " dummy -9999999999, found -2231800", failure());
    }

    @Test
    void crossedBookIsPassedOnForTheMarketDataCheckAndLeftOutOfTheBars() throws IOException {
        books.set(3, "2237000,100,2237500,100");
        assertEquals(4, readToTheEnd());
        assertEquals(1, LobsterBars.of(write(), 60).rejected());
    }

    private int readToTheEnd() throws IOException {
        try (LobsterReader reader = LobsterReader.open(write())) {
            int rows = 0;
            while (reader.next()) {
                rows++;
            }
            return rows;
        }
    }

    @Test
    void orderbookShorterThanMessagesIsRejectedAtTheMissingRow() throws IOException {
        books.remove(3);
        assertEquals(ORDERBOOK + ":4: file ends after 3 rows but " + MESSAGE
                + " has more: message and orderbook rows must pair up", failure());
    }

    @Test
    void messagesShorterThanOrderbookIsRejectedAtTheMissingRow() throws IOException {
        messages.remove(3);
        assertEquals(MESSAGE + ":4: file ends after 3 rows but " + ORDERBOOK
                + " has more: message and orderbook rows must pair up", failure());
    }

    @Test
    void emptyBookSideReadsAsNoQuoteNotAsTheDummyPrice() throws IOException {
        books.set(1, "9999999999,0,2238100,21");
        final LobsterDay day = write();
        final double[] seen = new double[2];
        final long[] askSize = {-1};
        try (LobsterReader reader = LobsterReader.open(day)) {
            reader.next();
            reader.next();
            assertFalse(reader.book().hasAsk());
            assertTrue(reader.book().hasBid());
            assertTrue(Double.isNaN(reader.book().mid()));
        }
        LobsterReader.replay(day, new TickListener() {
            @Override
            public void onQuote(final long tsNanos, final double bid, final long bidSize, final double ask,
                                final long askSize0) {
                if (tsNanos == 34_200_189_607_670L) {
                    seen[0] = bid;
                    seen[1] = ask;
                    askSize[0] = askSize0;
                }
            }

            @Override
            public void onTrade(final long tsNanos, final double price, final long size, final int aggressorSign) {
            }
        });
        assertEquals(223.81, seen[0], 1e-12);
        assertTrue(Double.isNaN(seen[1]));
        assertEquals(0, askSize[0]);
    }

    @Test
    void emptySideWithSharesIsRejected() throws IOException {
        books.set(1, "9999999999,5,2238100,21");
        assertEquals(ORDERBOOK + ":2: ask side is empty (dummy price 9999999999) but its size is 5, expected 0",
                failure());
    }

    @Test
    void tradingHaltRowsAreAccepted() throws IOException {
        messages.add("34201,7,0,0,-1,-1");
        books.add("2239500,100,2237500,100");
        messages.add("34301,7,0,0,1,-1");
        books.add("2239500,100,2237500,100");
        final LobsterDay day = write();
        try (LobsterReader reader = LobsterReader.open(day)) {
            int rows = 0;
            while (reader.next()) {
                rows++;
            }
            assertEquals(6, rows);
            assertEquals(7, reader.message().type());
            assertEquals(34_301L * LobsterFormat.NANOS_PER_SECOND, reader.message().timeNanos());
        }
    }

    @Test
    void messageFileNameWithoutLobsterPatternIsRejected() throws IOException {
        final Path odd = Files.writeString(dir.resolve("amzn.csv"), "");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LobsterDay.ofMessageFile(odd));
        assertEquals("amzn.csv: expected a LOBSTER message file name like "
                + "AMZN_2012-06-21_34200000_57600000_message_1.csv", e.getMessage());
    }

    @Test
    void missingOrderbookFileIsRejected() throws IOException {
        Files.write(dir.resolve(MESSAGE), messages);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LobsterDay.ofMessageFile(dir.resolve(MESSAGE)));
        assertEquals(MESSAGE + ": orderbook file " + ORDERBOOK + " not found next to it", e.getMessage());
    }
}
