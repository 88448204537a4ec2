package io.slicer.tools.marketdata.lobster;

import java.io.Closeable;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Streams a {@link LobsterDay} row by row: message k together with the book after it. Every row's syntax is validated
 * before it is exposed, and the first malformed row stops the read with {@link LobsterFormatException} naming file
 * and line (the CLI prints it as one line and exits 2):
 * <ul>
 *   <li>an empty message file (a day with no rows is not a day);</li>
 *   <li>field count (6 per message, 4 per book level), integer and decimal-seconds syntax (so {@code NaN} fails);</li>
 *   <li>event type 1..7; direction 1 or -1; order id and sizes not negative, event sizes positive;</li>
 *   <li>event prices positive (a halt row, type 7, carries -1, 0 or 1 as documented by LOBSTER);</li>
 *   <li>book prices positive or the side-empty dummy (then size 0); a quoted side has a positive size;</li>
 *   <li>message and orderbook files have the same number of rows.</li>
 * </ul>
 * A well-formed row with implausible values (stamped before the previous row, a crossed book, a price far from the
 * last one) is passed on as read: judging it is the engine's {@link io.slicer.engine.event.MarketDataCheck}, which
 * the live engine applies to every quote and trade the day's driver plays into it, and which
 * {@link LobsterBars} applies through {@link io.slicer.tools.marketdata.PlausibilityFilter}.
 *
 * <p>Allocation-free after construction (per row); not thread-safe.
 */
public final class LobsterReader implements Closeable {
    private final LobsterDay day;
    private final CsvLineCursor messages;
    private final CsvLineCursor book;
    private final int bookFields;
    private final LobsterMessage message = new LobsterMessage();
    private final LobsterBook top = new LobsterBook();
    private long rows;

    private LobsterReader(final LobsterDay day) throws IOException {
        this.day = day;
        this.bookFields = LobsterFormat.BOOK_FIELDS_PER_LEVEL * day.level();
        this.messages = new CsvLineCursor(new FileInputStream(day.messageFile().toFile()),
                day.messageFile().getFileName().toString(), LobsterFormat.MESSAGE_FIELDS);
        CsvLineCursor opened = null;
        try {
            opened = new CsvLineCursor(new FileInputStream(day.orderbookFile().toFile()),
                    day.orderbookFile().getFileName().toString(), bookFields);
        } finally {
            if (opened == null) {
                messages.close();
            }
        }
        this.book = opened;
    }

    public static LobsterReader open(final LobsterDay day) {
        try {
            return new LobsterReader(day);
        } catch (final IOException e) {
            throw new UncheckedIOException(day.messageFile() + ": cannot open LOBSTER day", e);
        }
    }

    /**
     * Replays the whole day into {@code listener} as trades and top-of-book changes (see {@link TickListener}).
     * Halt rows and book events that leave the top unchanged produce no callback.
     *
     * @return the number of rows read
     */
    public static long replay(final LobsterDay day, final TickListener listener) {
        try (LobsterReader reader = open(day)) {
            reader.replayRemaining(listener);
            return reader.rows();
        }
    }

    /**
     * Replays the rows not yet read into {@code listener}: each execution as a trade, then the top of book when it
     * differs from the last one this call reported (the first row always reports it). Allocation-free.
     */
    public void replayRemaining(final TickListener listener) {
        long askT = Long.MIN_VALUE;
        long askS = -1;
        long bidT = Long.MIN_VALUE;
        long bidS = -1;
        while (next()) {
            final LobsterMessage m = message;
            final LobsterBook b = top;
            if (m.isExecution()) {
                listener.onTrade(m.timeNanos(), m.price(), m.size(), m.aggressorSign());
            }
            if (!b.sameLevelOneAs(askT, askS, bidT, bidS)) {
                askT = b.askTicks();
                askS = b.askSize();
                bidT = b.bidTicks();
                bidS = b.bidSize();
                listener.onQuote(m.timeNanos(), b.bid(), b.bidSize(), b.ask(), b.askSize());
            }
        }
    }

    public LobsterDay day() {
        return day;
    }

    /** The current message; a reused view. */
    public LobsterMessage message() {
        return message;
    }

    /** The book after the current message; a reused view. */
    public LobsterBook book() {
        return top;
    }

    /** Rows read so far (the current row's 1-based line number in both files). */
    public long rows() {
        return rows;
    }

    /** Advances both files by one row and validates it; false when both files end together. */
    public boolean next() {
        final boolean hasMessage = messages.next();
        final boolean hasBook = book.next();
        if (hasMessage != hasBook) {
            final CsvLineCursor shorter = hasMessage ? book : messages;
            final CsvLineCursor longer = hasMessage ? messages : book;
            throw new LobsterFormatException(shorter.fileName(), rows + 1, "file ends after " + rows
                    + " rows but " + longer.fileName() + " has more: message and orderbook rows must pair up");
        }
        if (!hasMessage) {
            if (rows == 0) {
                throw new LobsterFormatException(messages.fileName(), 1, "expected at least one row of "
                        + LobsterFormat.MESSAGE_FIELDS + " fields, found an empty file");
            }
            return false;
        }
        rows++;
        readMessage();
        readBook();
        return true;
    }

    private void readMessage() {
        final CsvLineCursor c = messages;
        c.requireFields(LobsterFormat.MESSAGE_FIELDS);
        final long time = c.secondsAsNanos(LobsterFormat.MSG_TIME, "time");
        final long type = c.longField(LobsterFormat.MSG_TYPE, "type");
        if (type < LobsterFormat.TYPE_SUBMISSION || type > LobsterFormat.TYPE_HALT) {
            throw c.error("type (field 2): expected an event type 1..7, found " + type);
        }
        final long orderId = c.longField(LobsterFormat.MSG_ORDER_ID, "order id");
        if (orderId < 0) {
            throw c.error("order id (field 3): expected a non-negative id, found " + orderId);
        }
        final long size = c.longField(LobsterFormat.MSG_SIZE, "size");
        final long price = c.longField(LobsterFormat.MSG_PRICE, "price");
        final long direction = c.longField(LobsterFormat.MSG_DIRECTION, "direction");
        if (direction != 1 && direction != -1) {
            throw c.error("direction (field 6): expected 1 (buy) or -1 (sell), found " + direction);
        }
        if (type == LobsterFormat.TYPE_HALT) {
            if (price < -1 || price > 1 || size != 0) {
                throw c.error("halt (type 7): expected price -1, 0 or 1 and size 0, found price " + price
                        + " and size " + size);
            }
        } else {
            if (size <= 0) {
                throw c.error("size (field 4): expected a positive number of shares, found " + size);
            }
            if (price <= 0 || price >= LobsterFormat.EMPTY_ASK) {
                throw c.error("price (field 5): expected a positive price in 1/10000 dollars, found " + price);
            }
        }
        message.timeNanos = time;
        message.type = (int) type;
        message.orderId = orderId;
        message.size = size;
        message.priceTicks = price;
        message.direction = (int) direction;
    }

    private void readBook() {
        final CsvLineCursor c = book;
        c.requireFields(bookFields);
        final long askPrice = c.longField(LobsterFormat.BOOK_ASK_PRICE, "ask price");
        final long askSize = c.longField(LobsterFormat.BOOK_ASK_SIZE, "ask size");
        final long bidPrice = c.longField(LobsterFormat.BOOK_BID_PRICE, "bid price");
        final long bidSize = c.longField(LobsterFormat.BOOK_BID_SIZE, "bid size");
        checkSide(c, "ask", askPrice, askSize, LobsterFormat.EMPTY_ASK);
        checkSide(c, "bid", bidPrice, bidSize, LobsterFormat.EMPTY_BID);
        top.askTicks = askPrice;
        top.askSize = askSize;
        top.bidTicks = bidPrice;
        top.bidSize = bidSize;
    }

    private static void checkSide(final CsvLineCursor c, final String side, final long price, final long size,
                                  final long emptyDummy) {
        if (price == emptyDummy) {
            if (size != 0) {
                throw c.error(side + " side is empty (dummy price " + price + ") but its size is " + size
                        + ", expected 0");
            }
            return;
        }
        if (price <= 0 || price >= LobsterFormat.EMPTY_ASK) {
            throw c.error(side + " price: expected a positive price in 1/10000 dollars or the empty-side dummy "
                    + emptyDummy + ", found " + price);
        }
        if (size <= 0) {
            throw c.error(side + " size: expected a positive size at a quoted price, found " + size);
        }
    }

    @Override
    public void close() {
        try {
            messages.close();
        } finally {
            book.close();
        }
    }
}
