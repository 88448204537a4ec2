package io.slicer.tools.marketdata.lobster;

import io.slicer.tools.marketdata.PlausibilityFilter;

import java.util.Arrays;

/**
 * A LOBSTER day held in memory row by row, for replays that need every message rather than bars: each row is one
 * message (time, type, size, price, direction) and the level-1 book after it. Rows the {@link PlausibilityFilter}
 * refuses are left out, exactly as {@link LobsterBars} leaves them out, so a queue replay and the bars it runs
 * beside see the same market. Prices are integer ticks of {@link LobsterFormat#PRICE_SCALE}; an empty book side keeps
 * LOBSTER's dummy price. Immutable after {@link #of}; thread-safe to read.
 */
public final class LobsterTape {
    private final String label;
    private final long[] time;
    private final int[] type;
    private final long[] size;
    private final long[] price;
    private final int[] direction;
    private final long[] askTicks;
    private final long[] askSize;
    private final long[] bidTicks;
    private final long[] bidSize;
    private final int rows;

    private LobsterTape(final String label, final int capacity) {
        this.label = label;
        this.time = new long[capacity];
        this.type = new int[capacity];
        this.size = new long[capacity];
        this.price = new long[capacity];
        this.direction = new int[capacity];
        this.askTicks = new long[capacity];
        this.askSize = new long[capacity];
        this.bidTicks = new long[capacity];
        this.bidSize = new long[capacity];
        this.rows = capacity;
    }

    /** Reads and validates {@code day} (malformed rows end in {@link LobsterFormatException} naming file and line). */
    public static LobsterTape of(final LobsterDay day) {
        int capacity = 1 << 14;
        long[][] longs = new long[7][capacity];
        int[][] ints = new int[2][capacity];
        int n = 0;
        final PlausibilityFilter filter = new PlausibilityFilter();
        try (LobsterReader reader = LobsterReader.open(day)) {
            final LobsterMessage m = reader.message();
            final LobsterBook b = reader.book();
            while (reader.next()) {
                final long t = m.timeNanos();
                if (!LobsterBars.plausible(filter, m, b)) {
                    continue;
                }
                if (n == capacity) {
                    capacity *= 2;
                    for (int f = 0; f < longs.length; f++) {
                        longs[f] = Arrays.copyOf(longs[f], capacity);
                    }
                    for (int f = 0; f < ints.length; f++) {
                        ints[f] = Arrays.copyOf(ints[f], capacity);
                    }
                }
                longs[0][n] = t;
                longs[1][n] = m.size;
                longs[2][n] = m.priceTicks;
                longs[3][n] = b.askTicks();
                longs[4][n] = b.askSize();
                longs[5][n] = b.bidTicks();
                longs[6][n] = b.bidSize();
                ints[0][n] = m.type();
                ints[1][n] = m.direction();
                n++;
            }
        }
        final LobsterTape tape = new LobsterTape(day.label(), n);
        System.arraycopy(longs[0], 0, tape.time, 0, n);
        System.arraycopy(longs[1], 0, tape.size, 0, n);
        System.arraycopy(longs[2], 0, tape.price, 0, n);
        System.arraycopy(longs[3], 0, tape.askTicks, 0, n);
        System.arraycopy(longs[4], 0, tape.askSize, 0, n);
        System.arraycopy(longs[5], 0, tape.bidTicks, 0, n);
        System.arraycopy(longs[6], 0, tape.bidSize, 0, n);
        System.arraycopy(ints[0], 0, tape.type, 0, n);
        System.arraycopy(ints[1], 0, tape.direction, 0, n);
        return tape;
    }

    /** e.g. {@code AMZN 2012-06-21}. */
    public String label() {
        return label;
    }

    public int rows() {
        return rows;
    }

    /** The first row stamped at or after {@code nanos} ({@link #rows()} when none is). */
    public int firstAtOrAfter(final long nanos) {
        int lo = 0;
        int hi = rows;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (time[mid] < nanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Nanoseconds after midnight. */
    public long time(final int row) {
        return time[row];
    }

    /** LOBSTER event type 1..7 ({@link LobsterFormat}). */
    public int type(final int row) {
        return type[row];
    }

    public long size(final int row) {
        return size[row];
    }

    /** The message's price in ticks of 1/10000 dollar. */
    public long price(final int row) {
        return price[row];
    }

    /** Side of the limit order the message is about: 1 buy, -1 sell (for executions: the resting order's side). */
    public int direction(final int row) {
        return direction[row];
    }

    public long askTicks(final int row) {
        return askTicks[row];
    }

    public long askSize(final int row) {
        return askSize[row];
    }

    public long bidTicks(final int row) {
        return bidTicks[row];
    }

    public long bidSize(final int row) {
        return bidSize[row];
    }

    /** The mid after {@code row}, dollars; NaN unless both sides are quoted. */
    public double mid(final int row) {
        return twoSided(row) ? (askTicks[row] + bidTicks[row]) / (2 * LobsterFormat.PRICE_SCALE) : Double.NaN;
    }

    /** The spread after {@code row}, dollars; NaN unless both sides are quoted. */
    public double spread(final int row) {
        return twoSided(row) ? (askTicks[row] - bidTicks[row]) / LobsterFormat.PRICE_SCALE : Double.NaN;
    }

    /** Both sides quoted after {@code row}. */
    public boolean twoSided(final int row) {
        return askTicks[row] != LobsterFormat.EMPTY_ASK && bidTicks[row] != LobsterFormat.EMPTY_BID;
    }
}
