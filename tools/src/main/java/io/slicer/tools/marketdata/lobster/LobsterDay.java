package io.slicer.tools.marketdata.lobster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One LOBSTER trading day of one symbol: the message/orderbook file pair and what their names say, e.g.
 * {@code AMZN_2012-06-21_34200000_57600000_message_1.csv} is AMZN on 2012-06-21, 09:30:00 to 16:00:00
 * (milliseconds after midnight), book level 1.
 */
public record LobsterDay(String symbol, LocalDate date, long startMillis, long endMillis, int level,
                         Path messageFile, Path orderbookFile) {
    private static final Pattern MESSAGE_NAME =
            Pattern.compile("([A-Za-z0-9.^-]+)_(\\d{4}-\\d{2}-\\d{2})_(\\d+)_(\\d+)_message_(\\d+)\\.csv");

    public LobsterDay {
        if (endMillis <= startMillis) {
            throw new IllegalArgumentException(messageFile.getFileName() + ": session end " + endMillis
                    + " ms is not after its start " + startMillis + " ms");
        }
        if (level < 1) {
            throw new IllegalArgumentException(messageFile.getFileName() + ": book level must be >= 1, found " + level);
        }
    }

    /** True when {@code file}'s name follows LOBSTER's message-file pattern. */
    public static boolean isMessageFile(final Path file) {
        return MESSAGE_NAME.matcher(file.getFileName().toString()).matches();
    }

    /** Reads the descriptor from a message file's name; the orderbook file must sit next to it. */
    public static LobsterDay ofMessageFile(final Path messageFile) {
        final String name = messageFile.getFileName().toString();
        final Matcher m = MESSAGE_NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException(name + ": expected a LOBSTER message file name like "
                    + "AMZN_2012-06-21_34200000_57600000_message_1.csv");
        }
        final LocalDate date;
        try {
            date = LocalDate.parse(m.group(2));
        } catch (final DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": '" + m.group(2) + "' is not a calendar date", e);
        }
        final String orderbookName = name.substring(0, m.start(5) - "message_".length())
                + "orderbook_" + m.group(5) + ".csv";
        final Path orderbook = messageFile.resolveSibling(orderbookName);
        if (!Files.isRegularFile(orderbook)) {
            throw new IllegalArgumentException(name + ": orderbook file " + orderbookName + " not found next to it");
        }
        return new LobsterDay(m.group(1), date, Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                Integer.parseInt(m.group(5)), messageFile, orderbook);
    }

    /** Session start in nanoseconds after midnight. */
    public long startNanos() {
        return startMillis * 1_000_000L;
    }

    /** Session end in nanoseconds after midnight. */
    public long endNanos() {
        return endMillis * 1_000_000L;
    }

    /** e.g. {@code AMZN 2012-06-21}. */
    public String label() {
        return symbol + " " + date;
    }
}
