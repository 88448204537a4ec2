package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.tools.marketdata.cme.CmeMinuteBars;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The bad-input catalogue for market data read from files. Malformed LOBSTER rows and CME bars stop the read with
 * one line naming {@code file:line} (through {@code slicer run}: exit 2, one line on stderr, no stack trace);
 * well-formed but implausible LOBSTER rows reach the live engine, which halts the order with a journaled reason; a
 * CME bar at ten times the price is left out by the plausibility filter and counted. The live engine's own cases
 * (bad quotes and trades as events) are in the engine's {@code BadMarketDataTest}.
 */
class BadMarketDataCatalogueTest {
    private static final String MESSAGE = "AMZN_2012-06-21_34200000_57600000_message_1.csv";
    private static final String ORDERBOOK = "AMZN_2012-06-21_34200000_57600000_orderbook_1.csv";
    private static final List<String> MESSAGES = List.of(
            "34200.017459617,5,0,1,2238200,-1",
            "34200.18960767,1,11885113,21,2238100,1",
            "34200.190226476,4,11885113,21,2238100,1",
            "34200.190226476,1,11534792,100,2237500,1",
            "34200.372779672,5,0,100,2238400,-1");
    private static final List<String> BOOKS = List.of(
            "2239500,100,2231800,100",
            "2239500,100,2238100,21",
            "2239500,100,2231800,100",
            "2239500,100,2237500,100",
            "2239500,100,2237500,100");

    private static final String CME_FILE = "6EH4.XCME_1min_bars_20240101_20240131.csv.gz";
    private static final List<String> CME_LINES = List.of(
            "timestamp_utc,open,high,low,close,volume",
            "2024-01-01 23:01:00,1.1076,1.10785,1.1076,1.1078,205",
            "2024-01-01 23:02:00,1.10775,1.1078,1.1077,1.10775,86",
            "2024-01-01 23:03:00,1.10775,1.10775,1.1077,1.1077,41",
            "2024-01-01 23:04:00,1.1077,1.1078,1.1077,1.1078,12");

    @TempDir
    Path dir;

    /** A LOBSTER day's two files, one defect each: the edit, then the one line the CLI must print. */
    static Stream<Arguments> malformedLobsterRows() {
        return Stream.of(
                lobster("a message row with 5 fields", (m, b) -> m.set(2, "34200.190226476,4,11885113,21,2238100"),
                        MESSAGE + ":3: expected 6 fields, found 5"),
                lobster("a book row with 5 fields", (m, b) -> b.set(1, "2239500,100,2238100,21,7"),
                        ORDERBOOK + ":2: expected 4 fields, found 5"),
                lobster("an empty line", (m, b) -> b.set(1, ""),
                        ORDERBOOK + ":2: expected 4 fields, found an empty line"),
                lobster("a NaN price", (m, b) -> m.set(1, "34200.18960767,1,11885113,21,NaN,1"),
                        MESSAGE + ":2: price (field 5): expected an integer, found 'NaN'"),
                lobster("a size that is not a number", (m, b) -> m.set(1, "34200.18960767,1,11885113,x21,2238100,1"),
                        MESSAGE + ":2: size (field 4): expected an integer, found 'x21'"),
                lobster("a negative size", (m, b) -> m.set(1, "34200.18960767,1,11885113,-21,2238100,1"),
                        MESSAGE + ":2: size (field 4): expected a positive number of shares, found -21"),
                lobster("an execution of zero shares", (m, b) -> m.set(2, "34200.190226476,4,11885113,0,2238100,1"),
                        MESSAGE + ":3: size (field 4): expected a positive number of shares, found 0"),
                lobster("a negative price", (m, b) -> m.set(3, "34200.190226476,1,11534792,100,-2237500,1"),
                        MESSAGE + ":4: price (field 5): expected a positive price in 1/10000 dollars, found -2237500"),
                lobster("an unknown message type", (m, b) -> m.set(1, "34200.18960767,8,11885113,21,2238100,1"),
                        MESSAGE + ":2: type (field 2): expected an event type 1..7, found 8"),
                lobster("a direction other than 1 or -1", (m, b) -> m.set(1, "34200.18960767,1,11885113,21,2238100,0"),
                        MESSAGE + ":2: direction (field 6): expected 1 (buy) or -1 (sell), found 0"),
                lobster("a clock time instead of seconds", (m, b) -> m.set(0, "9:30:00,5,0,1,2238200,-1"),
                        MESSAGE + ":1: time (field 1): expected seconds after midnight like 34200.017459617, found"
                                + " '9:30:00'"),
                lobster("a negative book price", (m, b) -> b.set(2, "2239500,100,-2231800,100"),
                        ORDERBOOK + ":3: bid price: expected a positive price in 1/10000 dollars or the empty-side"
                                + " dummy -9999999999, found -2231800"),
                lobster("an empty book side with shares", (m, b) -> b.set(1, "9999999999,5,2238100,21"),
                        ORDERBOOK + ":2: ask side is empty (dummy price 9999999999) but its size is 5, expected 0"),
                lobster("an orderbook one row short", (m, b) -> b.remove(4),
                        ORDERBOOK + ":5: file ends after 4 rows but " + MESSAGE + " has more: message and orderbook"
                                + " rows must pair up"),
                lobster("empty files", (m, b) -> {
                    m.clear();
                    b.clear();
                }, MESSAGE + ":1: expected at least one row of 6 fields, found an empty file"));
    }

    private static Arguments lobster(final String name, final RowEdit edit, final String line) {
        return Arguments.of(name, edit, line);
    }

    /** Edits the message and orderbook rows of the sample day. */
    interface RowEdit {
        void apply(List<String> messages, List<String> books);
    }

    private Path lobsterDay(final RowEdit edit) throws IOException {
        final List<String> m = new ArrayList<>(MESSAGES);
        final List<String> b = new ArrayList<>(BOOKS);
        edit.apply(m, b);
        final Path data = Files.createDirectories(dir.resolve("data"));
        Files.write(data.resolve(MESSAGE), m);
        Files.write(data.resolve(ORDERBOOK), b);
        return data;
    }

    private CliRun run(final Path data) {
        return CliRun.of("run", "--lobster", "AMZN", "--data", data.toString(), "--strategy", "twap", "--journal",
                dir.resolve("journal").toString(), "--json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedLobsterRows")
    void aMalformedLobsterRowIsOneLineNamingFileAndLineWithExit2(final String name, final RowEdit edit,
                                                                 final String line) throws IOException {
        final CliRun r = run(lobsterDay(edit));
        assertEquals(2, r.exitCode(), name + ": " + r.err());
        assertEquals("slicer run: " + line + System.lineSeparator(), r.err(), name);
    }

    static Stream<Arguments> implausibleLobsterRows() {
        return Stream.of(
                Arguments.of("a row stamped before the previous one",
                        (RowEdit) (m, b) -> m.set(3, "34200.0,1,11534792,100,2237500,1"), 1),
                Arguments.of("a crossed book", (RowEdit) (m, b) -> b.set(3, "2237000,100,2237500,100"), 1),
                Arguments.of("a trade at ten times the price",
                        (RowEdit) (m, b) -> m.set(2, "34200.190226476,4,11885113,21,22381000,1"), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implausibleLobsterRows")
    void anImplausibleLobsterRowHaltsTheLiveOrderWithAJournaledReason(final String name, final RowEdit edit,
                                                                      final int refused) throws IOException {
        final CliRun r = run(lobsterDay(edit));
        assertEquals(0, r.exitCode(), name + ": " + r.err());
        final JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("HALTED", doc.get("status").asText(), name);
        assertEquals("BAD_MARKET_DATA", doc.get("haltReason").asText(), name);
        assertEquals(refused, doc.get("marketDataRefused").asLong(), name);
        final CliRun replay = CliRun.of("replay", "--journal", dir.resolve("journal").toString(), "--json");
        assertEquals(0, replay.exitCode(), replay.out());
        final JsonNode summary = new ObjectMapper().readTree(replay.out());
        assertEquals(refused, summary.get("anomalies").asLong());
        assertEquals(1, summary.get("transitions").asLong(), "the halt, journaled and replayed");
    }

    @Test
    void aSoundLobsterDayIsNotHalted() throws IOException {
        final CliRun r = run(lobsterDay((m, b) -> { }));
        assertEquals(0, r.exitCode(), r.err());
        final JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("OPEN", doc.get("status").asText());
        assertEquals(0, doc.get("marketDataRefused").asLong());
    }

    /** A CME bar file, one defect each: the edit, then the one-line error. */
    static Stream<Arguments> malformedCmeBars() {
        return Stream.of(
                cme("a bar with 5 fields", l -> l.set(2, "2024-01-01 23:02:00,1.10775,1.1078,1.1077,1.10775"),
                        CME_FILE + ":3: expected 6 fields, found 5"),
                cme("a NaN price", l -> l.set(2, "2024-01-01 23:02:00,NaN,1.1078,1.1077,1.10775,86"),
                        CME_FILE + ":3: open (field 2): expected a finite decimal price > 0, found 'NaN'"),
                cme("a zero price", l -> l.set(2, "2024-01-01 23:02:00,1.10775,1.1078,0,1.10775,86"),
                        CME_FILE + ":3: low (field 4): expected a finite decimal price > 0, found '0'"),
                cme("a negative volume", l -> l.set(2, "2024-01-01 23:02:00,1.10775,1.1078,1.1077,1.10775,-86"),
                        CME_FILE + ":3: volume (field 6): expected a non-negative integer, found '-86'"),
                cme("a bar stamped before the previous one",
                        l -> l.set(3, "2024-01-01 23:00:00,1.10775,1.10775,1.1077,1.1077,41"),
                        CME_FILE + ":4: timestamp_utc 2024-01-01 23:00:00 is before the previous row's 2024-01-01"
                                + " 23:02:00: expected strictly increasing bar end times"),
                cme("a repeated bar time", l -> l.set(3, "2024-01-01 23:02:00,1.10775,1.10775,1.1077,1.1077,41"),
                        CME_FILE + ":4: timestamp_utc 2024-01-01 23:02:00 repeats the previous row's 2024-01-01"
                                + " 23:02:00: expected strictly increasing bar end times"),
                cme("a high below the low", l -> l.set(2, "2024-01-01 23:02:00,1.10775,1.1070,1.1077,1.10775,86"),
                        CME_FILE + ":3: high 1.1070 is below low 1.1077"),
                cme("a close outside the bar's range",
                        l -> l.set(2, "2024-01-01 23:02:00,1.10775,1.1078,1.1077,1.1090,86"),
                        CME_FILE + ":3: close 1.1090 is outside [low 1.1077, high 1.1078]"),
                cme("a wrong header", l -> l.set(0, "time,open,high,low,close,volume"),
                        CME_FILE + ":1: expected header 'timestamp_utc,open,high,low,close,volume', found"
                                + " 'time,open,high,low,close,volume'"),
                cme("an empty file", List::clear,
                        CME_FILE + ":1: expected header 'timestamp_utc,open,high,low,close,volume', found an empty"
                                + " file"));
    }

    private static Arguments cme(final String name, final Consumer<List<String>> edit, final String line) {
        return Arguments.of(name, edit, line);
    }

    private Path cmeFile(final Consumer<List<String>> edit) throws IOException {
        final List<String> lines = new ArrayList<>(CME_LINES);
        edit.accept(lines);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(lines.isEmpty() ? new byte[0]
                    : (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Files.write(dir.resolve(CME_FILE), bytes.toByteArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCmeBars")
    void aMalformedCmeBarIsOneLineNamingFileAndLine(final String name, final Consumer<List<String>> edit,
                                                    final String line) throws IOException {
        final Path file = cmeFile(edit);
        // An IllegalArgumentException: the CLI prints its message as one line and exits 2.
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CmeMinuteBars.read(file));
        assertEquals(line, e.getMessage(), name);
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aCmeBarAtTenTimesThePriceIsLeftOutAndCounted() throws IOException {
        final CmeMinuteBars bars = CmeMinuteBars.read(cmeFile(l -> l.set(2,
                "2024-01-01 23:02:00,11.0775,11.078,11.077,11.0775,86")));
        assertEquals(1, bars.rejected());
        assertEquals(3, bars.size());
        assertEquals(1.1077, bars.close(1), 0.0, "the bar after the spike is judged against the last sound close");
        final CmeMinuteBars sound = CmeMinuteBars.read(cmeFile(l -> { }));
        assertEquals(0, sound.rejected());
        assertEquals(4, sound.size());
    }
}
