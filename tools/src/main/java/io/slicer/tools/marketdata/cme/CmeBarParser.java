package io.slicer.tools.marketdata.cme;

import io.slicer.tools.marketdata.PlausibilityFilter;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;

/**
 * Validates the decompressed lines of a CME 1-minute bar file one at a time and collects the bars into growing
 * primitive arrays. The first malformed line stops the read with a {@link CmeFormatException}; nothing is repaired
 * or skipped, because a silently dropped or reordered bar would shift every volume profile built from the file. A
 * well-formed bar whose prices the {@link PlausibilityFilter} refuses (beyond the band from the last accepted close,
 * e.g. a bar at ten times the price) is left out and counted, as a minute without trades would be.
 * Not thread-safe; one parser per file.
 */
final class CmeBarParser {
    private static final String HEADER = "timestamp_utc,open,high,low,close,volume";
    private static final int FIELDS = 6;
    private static final int TIMESTAMP = 0;
    private static final int OPEN = 1;
    private static final int HIGH = 2;
    private static final int LOW = 3;
    private static final int CLOSE = 4;
    private static final int VOLUME = 5;
    private static final String[] NAMES = HEADER.split(",");
    private static final String TIMESTAMP_PATTERN = "yyyy-MM-dd HH:mm:ss";
    // STRICT so that 2024-02-30 is an error rather than quietly becoming 2024-02-29.
    private static final DateTimeFormatter TIMESTAMP_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    // A month of 1-minute bars is about 30,000 rows; start near that to grow at most a few times.
    private static final int INITIAL_CAPACITY = 1 << 15;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final String fileName;
    private long lineNumber;
    private int size;
    private long[] endEpochSecond = new long[INITIAL_CAPACITY];
    private double[] open = new double[INITIAL_CAPACITY];
    private double[] high = new double[INITIAL_CAPACITY];
    private double[] low = new double[INITIAL_CAPACITY];
    private double[] close = new double[INITIAL_CAPACITY];
    private long[] volume = new long[INITIAL_CAPACITY];
    private String previousTimestamp;
    private long previousEnd = Long.MIN_VALUE;
    private final PlausibilityFilter filter = new PlausibilityFilter();

    CmeBarParser(final String fileName) {
        this.fileName = fileName;
    }

    /** Lines accepted so far, header included: the line a broken stream broke off after. */
    long linesRead() {
        return lineNumber;
    }

    void accept(final String line) {
        final long number = lineNumber + 1;
        if (number == 1) {
            if (!HEADER.equals(line)) {
                throw new CmeFormatException(fileName, 1, "expected header '" + HEADER + "', found '" + line + "'");
            }
        } else {
            acceptBar(line, number);
        }
        lineNumber = number;
    }

    private void acceptBar(final String line, final long number) {
        if (line.isEmpty()) {
            throw error(number, "expected " + FIELDS + " fields, found an empty line");
        }
        final String[] f = line.split(",", -1);
        if (f.length != FIELDS) {
            throw error(number, "expected " + FIELDS + " fields, found " + f.length);
        }
        final long end = endEpochSecond(f[TIMESTAMP], number);
        final double o = price(f, OPEN, number);
        final double h = price(f, HIGH, number);
        final double l = price(f, LOW, number);
        final double c = price(f, CLOSE, number);
        if (h < l) {
            throw error(number, "high " + f[HIGH] + " is below low " + f[LOW]);
        }
        requireWithinRange(f, OPEN, o, l, h, number);
        requireWithinRange(f, CLOSE, c, l, h, number);
        final long v = volume(f[VOLUME], number);
        previousEnd = end;
        previousTimestamp = f[TIMESTAMP];
        if (!filter.bar(end * NANOS_PER_SECOND, l, h, c, v)) {
            return;
        }
        if (size == endEpochSecond.length) {
            grow();
        }
        endEpochSecond[size] = end;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        size++;
    }

    private long endEpochSecond(final String text, final long number) {
        final LocalDateTime time;
        try {
            time = LocalDateTime.parse(text, TIMESTAMP_FORMAT);
        } catch (final DateTimeParseException e) {
            throw error(number, "timestamp_utc (field 1): expected " + TIMESTAMP_PATTERN + " (UTC), found '"
                    + text + "'");
        }
        // A 1-minute bar covers (end - 60 s, end]; an end off the minute means the file is not what we think it is.
        if (time.getSecond() != 0) {
            throw error(number, "timestamp_utc (field 1): expected a bar end on a whole minute (seconds 00), found '"
                    + text + "'");
        }
        final long end = time.toEpochSecond(ZoneOffset.UTC);
        if (previousEnd != Long.MIN_VALUE) {
            final long previous = previousEnd;
            if (end == previous) {
                throw error(number, "timestamp_utc " + text + " repeats the previous row's " + previousTimestamp
                        + ": expected strictly increasing bar end times");
            }
            if (end < previous) {
                throw error(number, "timestamp_utc " + text + " is before the previous row's " + previousTimestamp
                        + ": expected strictly increasing bar end times");
            }
        }
        return end;
    }

    private double price(final String[] f, final int field, final long number) {
        final String text = f[field];
        // Double.parseDouble alone would also take " 1.1", "1.1d", "0x1p0" and "NaN"; a trade price is plain decimal.
        if (isPlainDecimal(text)) {
            final double value = Double.parseDouble(text);
            if (Double.isFinite(value) && value > 0) {
                return value;
            }
        }
        throw error(number, NAMES[field] + " (field " + (field + 1) + "): expected a finite decimal price > 0, found '"
                + text + "'");
    }

    private static boolean isPlainDecimal(final String text) {
        final int dot = text.indexOf('.');
        final int integerDigits = dot < 0 ? text.length() : dot;
        if (integerDigits == 0 || dot == text.length() - 1) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            final char ch = text.charAt(i);
            if (i != dot && (ch < '0' || ch > '9')) {
                return false;
            }
        }
        return true;
    }

    private void requireWithinRange(final String[] f, final int field, final double value, final double l,
                                    final double h, final long number) {
        if (value < l || value > h) {
            throw error(number, NAMES[field] + " " + f[field] + " is outside [low " + f[LOW] + ", high " + f[HIGH]
                    + "]");
        }
    }

    private long volume(final String text, final long number) {
        boolean digits = !text.isEmpty();
        for (int i = 0; i < text.length() && digits; i++) {
            digits = text.charAt(i) >= '0' && text.charAt(i) <= '9';
        }
        if (digits) {
            try {
                return Long.parseLong(text);
            } catch (final NumberFormatException overflow) {
                // More than Long.MAX_VALUE contracts is as wrong as a letter: same message below.
            }
        }
        throw error(number, "volume (field 6): expected a non-negative integer, found '" + text + "'");
    }

    private void grow() {
        final int capacity = endEpochSecond.length * 2;
        endEpochSecond = Arrays.copyOf(endEpochSecond, capacity);
        open = Arrays.copyOf(open, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        close = Arrays.copyOf(close, capacity);
        volume = Arrays.copyOf(volume, capacity);
    }

    private CmeFormatException error(final long number, final String problem) {
        return new CmeFormatException(fileName, number, problem);
    }

    /** The bars read, in arrays trimmed to size; fails when the file held no header or no bar. */
    CmeMinuteBars finish(final Path file, final String symbol) {
        if (lineNumber == 0) {
            throw error(1, "expected header '" + HEADER + "', found an empty file");
        }
        if (size == 0) {
            throw error(2, filter.rejected() > 0 ? "expected at least one plausible bar, found none of "
                    + filter.rejected() : "expected at least one bar after the header, found none");
        }
        return new CmeMinuteBars(file, symbol, Arrays.copyOf(endEpochSecond, size), Arrays.copyOf(open, size),
                Arrays.copyOf(high, size), Arrays.copyOf(low, size), Arrays.copyOf(close, size),
                Arrays.copyOf(volume, size), filter.rejected());
    }
}
