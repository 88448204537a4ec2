package io.slicer.tools.marketdata.cme;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Small gzipped bar files in the 6E layout, each with one defect; every failure names file, line and the value. */
class CmeMalformedFileTest {
    private static final String FILE = "6EH4.XCME_1min_bars_20240101_20240131.csv.gz";
    private static final String HEADER = "timestamp_utc,open,high,low,close,volume";
    // The first three bars of the real file, unchanged.
    private static final String BAR_1 = "2024-01-01 23:01:00,1.1076,1.10785,1.1076,1.1078,205";
    private static final String BAR_2 = "2024-01-01 23:02:00,1.10775,1.1078,1.1077,1.10775,86";
    private static final String BAR_3 = "2024-01-01 23:03:00,1.10775,1.10775,1.1077,1.1077,41";
    // The gzip trailer: CRC-32 then uncompressed length, 4 bytes each.
    private static final int GZIP_TRAILER = 8;

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>(List.of(HEADER, BAR_1, BAR_2, BAR_3));

    private static byte[] gzip(final String text) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private byte[] gzippedLines() throws IOException {
        return gzip(String.join("\n", lines) + "\n");
    }

    private Path write(final byte[] content) throws IOException {
        return Files.write(dir.resolve(FILE), content);
    }

    private String failure(final byte[] content) throws IOException {
        final Path file = write(content);
        return assertThrows(CmeFormatException.class, () -> CmeMinuteBars.read(file)).getMessage();
    }

    private String failure() throws IOException {
        return failure(gzippedLines());
    }

    @Test
    void wellFormedSampleReadsEveryBarWithItsValues() throws IOException {
        final CmeMinuteBars bars = CmeMinuteBars.read(write(gzippedLines()));
        assertEquals("6EH4", bars.symbol());
        assertEquals(3, bars.size());
        assertEquals(Instant.parse("2024-01-01T23:02:00Z").getEpochSecond(), bars.endEpochSecond(1));
        assertEquals(1.10775, bars.open(1));
        assertEquals(1.1078, bars.high(1));
        assertEquals(1.1077, bars.low(1));
        assertEquals(1.10775, bars.close(1));
        assertEquals(86, bars.volume(1));
        assertEquals(41, bars.volume(2));
    }

    @Test
    void windowsLineEndingsAndAMissingFinalNewlineAreAccepted() throws IOException {
        final CmeMinuteBars bars = CmeMinuteBars.read(write(gzip(String.join("\r\n", lines))));
        assertEquals(3, bars.size());
        assertEquals(41, bars.volume(2));
    }

    @Test
    void exceptionCarriesFileNameAndLine() throws IOException {
        lines.set(3, "2024-01-01 23:03:00,1.10775,1.10775,1.1077,1.1077");
        final Path file = write(gzippedLines());
        final CmeFormatException e = assertThrows(CmeFormatException.class, () -> CmeMinuteBars.read(file));
        assertEquals(FILE, e.file());
        assertEquals(4, e.line());
    }

    @Test
    void headerWithAnotherColumnNameIsRejected() throws IOException {
        lines.set(0, "timestamp,open,high,low,close,volume");
        assertEquals(FILE + ":1: expected header 'timestamp_utc,open,high,low,close,volume', found"
                + " 'timestamp,open,high,low,close,volume'", failure());
    }

    @Test
    void fileStartingWithABarInsteadOfTheHeaderIsRejected() throws IOException {
        lines.remove(0);
        assertEquals(FILE + ":1: expected header 'timestamp_utc,open,high,low,close,volume', found '" + BAR_1 + "'",
                failure());
    }

    @Test
    void emptyFileHasNoHeader() throws IOException {
        assertEquals(FILE + ":1: expected header 'timestamp_utc,open,high,low,close,volume', found an empty file",
                failure(gzip("")));
    }

    @Test
    void headerWithoutBarsIsRejected() throws IOException {
        assertEquals(FILE + ":2: expected at least one bar after the header, found none", failure(gzip(HEADER + "\n")));
    }

    @Test
    void missingFieldNamesTheLine() throws IOException {
        lines.set(3, "2024-01-01 23:03:00,1.10775,1.10775,1.1077,1.1077");
        assertEquals(FILE + ":4: expected 6 fields, found 5", failure());
    }

    @Test
    void extraFieldNamesTheLine() throws IOException {
        lines.set(2, BAR_2 + ",");
        assertEquals(FILE + ":3: expected 6 fields, found 7", failure());
    }

    @Test
    void emptyLineBetweenBarsIsRejected() throws IOException {
        lines.add(2, "");
        assertEquals(FILE + ":3: expected 6 fields, found an empty line", failure());
    }

    @Test
    void isoTimestampWithTIsRejected() throws IOException {
        lines.set(2, "2024-01-01T23:02:00,1.10775,1.1078,1.1077,1.10775,86");
        assertEquals(FILE + ":3: timestamp_utc (field 1): expected yyyy-MM-dd HH:mm:ss (UTC), found"
                + " '2024-01-01T23:02:00'", failure());
    }

    @Test
    void impossibleCalendarDateIsRejectedNotRolledOver() throws IOException {
        lines.set(3, "2024-02-30 23:03:00,1.10775,1.10775,1.1077,1.1077,41");
        assertEquals(FILE + ":4: timestamp_utc (field 1): expected yyyy-MM-dd HH:mm:ss (UTC), found"
                + " '2024-02-30 23:03:00'", failure());
    }

    @Test
    void timestampWithoutSecondsIsRejected() throws IOException {
        lines.set(2, "2024-01-01 23:02,1.10775,1.1078,1.1077,1.10775,86");
        assertEquals(FILE + ":3: timestamp_utc (field 1): expected yyyy-MM-dd HH:mm:ss (UTC), found"
                + " '2024-01-01 23:02'", failure());
    }

    @Test
    void barEndingOffTheMinuteIsRejected() throws IOException {
        lines.set(2, "2024-01-01 23:02:30,1.10775,1.1078,1.1077,1.10775,86");
        assertEquals(FILE + ":3: timestamp_utc (field 1): expected a bar end on a whole minute (seconds 00), found"
                + " '2024-01-01 23:02:30'", failure());
    }

    @Test
    void outOfOrderTimestampNamesBothTimesAndTheLine() throws IOException {
        lines.set(3, "2024-01-01 23:00:00,1.10775,1.10775,1.1077,1.1077,41");
        assertEquals(FILE + ":4: timestamp_utc 2024-01-01 23:00:00 is before the previous row's 2024-01-01 23:02:00:"
                + " expected strictly increasing bar end times", failure());
    }

    @Test
    void duplicateTimestampNamesBothTimesAndTheLine() throws IOException {
        lines.set(3, "2024-01-01 23:02:00,1.10775,1.10775,1.1077,1.1077,41");
        assertEquals(FILE + ":4: timestamp_utc 2024-01-01 23:02:00 repeats the previous row's 2024-01-01 23:02:00:"
                + " expected strictly increasing bar end times", failure());
    }

    @Test
    void nanPriceIsRejected() throws IOException {
        lines.set(2, "2024-01-01 23:02:00,NaN,1.1078,1.1077,1.10775,86");
        assertEquals(FILE + ":3: open (field 2): expected a finite decimal price > 0, found 'NaN'", failure());
    }

    @Test
    void infinitePriceIsRejected() throws IOException {
        lines.set(2, "2024-01-01 23:02:00,1.10775,Infinity,1.1077,1.10775,86");
        assertEquals(FILE + ":3: high (field 3): expected a finite decimal price > 0, found 'Infinity'", failure());
    }

    @Test
    void priceTooLargeForADoubleIsRejectedAsInfinite() throws IOException {
        final String huge = "1" + "0".repeat(400);
        lines.set(2, "2024-01-01 23:02:00,1.10775," + huge + ",1.1077,1.10775,86");
        assertEquals(FILE + ":3: high (field 3): expected a finite decimal price > 0, found '" + huge + "'",
                failure());
    }

    @Test
    void zeroPriceIsRejected() throws IOException {
        lines.set(2, "2024-01-01 23:02:00,1.10775,1.1078,0.0,1.10775,86");
        assertEquals(FILE + ":3: low (field 4): expected a finite decimal price > 0, found '0.0'", failure());
    }

    @Test
    void negativePriceIsRejected() throws IOException {
        lines.set(2, "2024-01-01 23:02:00,1.10775,1.1078,1.1077,-1.10775,86");
        assertEquals(FILE + ":3: close (field 5): expected a finite decimal price > 0, found '-1.10775'", failure());
    }

    @Test
    void garbagePriceIsRejected() throws IOException {
        lines.set(2, "2024-01-01 23:02:00,1.1O775,1.1078,1.1077,1.10775,86");
        assertEquals(FILE + ":3: open (field 2): expected a finite decimal price > 0, found '1.1O775'", failure());
    }

    @Test
    void blankPriceIsRejected() throws IOException {
        lines.set(2, "2024-01-01 23:02:00,1.10775,1.1078,,1.10775,86");
        assertEquals(FILE + ":3: low (field 4): expected a finite decimal price > 0, found ''", failure());
    }

    @Test
    void paddedOrSuffixedPriceThatParseDoubleWouldTakeIsRejected() throws IOException {
        lines.set(2, "2024-01-01 23:02:00, 1.10775,1.1078,1.1077,1.10775,86");
        assertEquals(FILE + ":3: open (field 2): expected a finite decimal price > 0, found ' 1.10775'", failure());
        lines.set(2, "2024-01-01 23:02:00,1.10775d,1.1078,1.1077,1.10775,86");
        assertEquals(FILE + ":3: open (field 2): expected a finite decimal price > 0, found '1.10775d'", failure());
    }

    @Test
    void highBelowLowIsRejected() throws IOException {
        lines.set(2, "2024-01-01 23:02:00,1.10775,1.1077,1.1078,1.10775,86");
        assertEquals(FILE + ":3: high 1.1077 is below low 1.1078", failure());
    }

    @Test
    void openAboveHighIsRejected() throws IOException {
        lines.set(2, "2024-01-01 23:02:00,1.1079,1.1078,1.1077,1.10775,86");
        assertEquals(FILE + ":3: open 1.1079 is outside [low 1.1077, high 1.1078]", failure());
    }

    @Test
    void closeBelowLowIsRejected() throws IOException {
        lines.set(2, "2024-01-01 23:02:00,1.10775,1.1078,1.1077,1.1076,86");
        assertEquals(FILE + ":3: close 1.1076 is outside [low 1.1077, high 1.1078]", failure());
    }

    @Test
    void negativeVolumeIsRejected() throws IOException {
        lines.set(3, "2024-01-01 23:03:00,1.10775,1.10775,1.1077,1.1077,-41");
        assertEquals(FILE + ":4: volume (field 6): expected a non-negative integer, found '-41'", failure());
    }

    @Test
    void fractionalVolumeIsRejected() throws IOException {
        lines.set(3, "2024-01-01 23:03:00,1.10775,1.10775,1.1077,1.1077,41.0");
        assertEquals(FILE + ":4: volume (field 6): expected a non-negative integer, found '41.0'", failure());
    }

    @Test
    void volumeBeyondLongRangeIsRejected() throws IOException {
        lines.set(3, "2024-01-01 23:03:00,1.10775,1.10775,1.1077,1.1077,9223372036854775808");
        assertEquals(FILE + ":4: volume (field 6): expected a non-negative integer, found '9223372036854775808'",
                failure());
    }

    @Test
    void gzipCutInsideItsTrailerIsRejectedAfterEveryLineParsed() throws IOException {
        // All rows inflate, but the CRC and length that vouch for them are gone: the file is still refused.
        final byte[] whole = gzippedLines();
        assertEquals(FILE + ": truncated or corrupt gzip stream after line 4",
                failure(Arrays.copyOf(whole, whole.length - GZIP_TRAILER)));
    }

    @Test
    void gzipCutInsideItsCompressedDataIsRejected() throws IOException {
        final byte[] whole = gzippedLines();
        final Path file = write(Arrays.copyOf(whole, whole.length - GZIP_TRAILER - 4));
        final CmeFormatException e = assertThrows(CmeFormatException.class, () -> CmeMinuteBars.read(file));
        // The decoder reads ahead, so a stream this small breaks before the first line is handed over.
        assertEquals(FILE + ": truncated or corrupt gzip stream after line 0", e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void gzipWithAWrongChecksumIsRejected() throws IOException {
        final byte[] bytes = gzippedLines();
        bytes[bytes.length - GZIP_TRAILER] ^= 1;
        assertEquals(FILE + ": truncated or corrupt gzip stream after line 4", failure(bytes));
    }

    @Test
    void plainCsvNamedGzIsRejected() throws IOException {
        assertEquals(FILE + ": truncated or corrupt gzip stream after line 0",
                failure((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void zeroByteFileIsRejectedAsATruncatedGzip() throws IOException {
        assertEquals(FILE + ": truncated or corrupt gzip stream after line 0", failure(new byte[0]));
    }

    @Test
    void missingFileIsAnIoErrorNamingThePath() {
        final Path absent = dir.resolve(FILE);
        final UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> CmeMinuteBars.read(absent));
        assertEquals(absent + ": cannot read CME bar file", e.getMessage());
    }

    @Test
    void fileNameWithoutASymbolIsRejected() throws IOException {
        final Path file = Files.write(dir.resolve(".csv.gz"), gzippedLines());
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CmeMinuteBars.read(file));
        assertEquals(file + ": expected a file name like 6EH4.XCME_1min_bars_20240101_20240131.csv.gz (symbol before"
                + " the first '.'), found '.csv.gz'", e.getMessage());
    }
}
