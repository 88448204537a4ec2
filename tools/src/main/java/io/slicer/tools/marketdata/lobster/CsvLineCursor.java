package io.slicer.tools.marketdata.lobster;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Walks a comma-separated file one line at a time and parses fields in place from a reused byte buffer, so a
 * million-row day costs no per-row garbage. Only the numeric shapes LOBSTER writes are accepted: signed integers and
 * unsigned decimal seconds. Every problem is reported with the file name and the 1-based line.
 *
 * <p>Allocation-free after construction while lines stay within the line buffer (it grows once for a longer line);
 * errors allocate their message. Not thread-safe.
 */
final class CsvLineCursor implements Closeable {
    private static final int READ_BUFFER = 1 << 16;
    private static final int MAX_INTEGER_DIGITS = 18;
    private static final int MAX_FRACTION_DIGITS = 9;

    private final InputStream in;
    private final String fileName;
    private final byte[] buffer = new byte[READ_BUFFER];
    private int position;
    private int limit;
    private boolean endOfStream;

    private byte[] line = new byte[256];
    private int lineLength;
    private final int[] fieldStart;
    private final int[] fieldEnd;
    private int fieldCount;
    private long lineNumber;

    CsvLineCursor(final InputStream in, final String fileName, final int expectedFields) {
        this.in = in;
        this.fileName = fileName;
        this.fieldStart = new int[expectedFields];
        this.fieldEnd = new int[expectedFields];
    }

    String fileName() {
        return fileName;
    }

    /** Moves to the next line; false at the end of the file. A final line without a newline still counts. */
    boolean next() {
        lineLength = 0;
        boolean sawAnything = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!sawAnything) {
                    return false;
                }
                break;
            }
            final byte b = buffer[position++];
            sawAnything = true;
            if (b == '\n') {
                break;
            }
            if (lineLength == line.length) {
                final byte[] longer = new byte[line.length * 2];
                System.arraycopy(line, 0, longer, 0, lineLength);
                line = longer;
            }
            line[lineLength++] = b;
        }
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        lineNumber++;
        split();
        return true;
    }

    private boolean fill() {
        if (endOfStream) {
            return false;
        }
        try {
            final int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                endOfStream = true;
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (final IOException e) {
            throw new UncheckedIOException(fileName + ":" + (lineNumber + 1) + ": read failed", e);
        }
    }

    private void split() {
        fieldCount = 0;
        if (lineLength == 0) {
            return;
        }
        int start = 0;
        for (int i = 0; i <= lineLength; i++) {
            if (i == lineLength || line[i] == ',') {
                if (fieldCount < fieldStart.length) {
                    fieldStart[fieldCount] = start;
                    fieldEnd[fieldCount] = i;
                }
                fieldCount++;
                start = i + 1;
            }
        }
    }

    /** Fails unless the line has exactly {@code expected} fields. */
    void requireFields(final int expected) {
        if (fieldCount != expected) {
            throw error(lineLength == 0
                    ? "expected " + expected + " fields, found an empty line"
                    : "expected " + expected + " fields, found " + fieldCount);
        }
    }

    /** A signed decimal integer (no sign other than a leading '-', no blanks, at most 18 digits). */
    long longField(final int field, final String name) {
        int i = fieldStart[field];
        final int end = fieldEnd[field];
        final boolean negative = i < end && line[i] == '-';
        if (negative) {
            i++;
        }
        if (i == end || end - i > MAX_INTEGER_DIGITS) {
            throw error(name + " (field " + (field + 1) + "): expected an integer, found '" + text(field) + "'");
        }
        long value = 0;
        for (; i < end; i++) {
            final int d = line[i] - '0';
            if (d < 0 || d > 9) {
                throw error(name + " (field " + (field + 1) + "): expected an integer, found '" + text(field) + "'");
            }
            value = value * 10 + d;
        }
        return negative ? -value : value;
    }

    /** Non-negative decimal seconds ({@code 34200.017459617}) as integer nanoseconds; at most 9 decimals. */
    long secondsAsNanos(final int field, final String name) {
        int i = fieldStart[field];
        final int end = fieldEnd[field];
        long seconds = 0;
        int integerDigits = 0;
        while (i < end && line[i] != '.') {
            final int d = line[i] - '0';
            if (d < 0 || d > 9 || ++integerDigits > 9) {
                throw badSeconds(field, name);
            }
            seconds = seconds * 10 + d;
            i++;
        }
        long nanos = 0;
        int fractionDigits = 0;
        if (i < end) {
            i++;
            if (i == end) {
                throw badSeconds(field, name);
            }
            for (; i < end; i++) {
                final int d = line[i] - '0';
                if (d < 0 || d > 9 || ++fractionDigits > MAX_FRACTION_DIGITS) {
                    throw badSeconds(field, name);
                }
                nanos = nanos * 10 + d;
            }
        }
        if (integerDigits == 0) {
            throw badSeconds(field, name);
        }
        for (int k = fractionDigits; k < MAX_FRACTION_DIGITS; k++) {
            nanos *= 10;
        }
        return seconds * LobsterFormat.NANOS_PER_SECOND + nanos;
    }

    private LobsterFormatException badSeconds(final int field, final String name) {
        return error(name + " (field " + (field + 1) + "): expected seconds after midnight like 34200.017459617,"
                + " found '" + text(field) + "'");
    }

    /** The raw text of a field; allocates, for error messages. */
    String text(final int field) {
        return new String(line, fieldStart[field], fieldEnd[field] - fieldStart[field], StandardCharsets.US_ASCII);
    }

    LobsterFormatException error(final String problem) {
        return new LobsterFormatException(fileName, lineNumber, problem);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (final IOException e) {
            throw new UncheckedIOException(fileName + ": close failed", e);
        }
    }
}
