package io.slicer.engine.marketdata.lobster;

/**
 * A LOBSTER day cut into bars of equal length from the session start (the last bar ends at the session end and is
 * shorter when the session is not a whole number of bars). Per bar: the top of book at its start, the mid at its end,
 * and the trades inside it. Immutable.
 *
 * <p>Conventions, chosen so a bar never sees its own future:
 * <ul>
 *   <li>bar {@code k} covers {@code [start_k, start_k + length)}; a row stamped exactly at a boundary belongs to the
 *       bar that starts there;</li>
 *   <li>the book at a bar's start is the book after the last row stamped before it; the first bar of the day, which
 *       starts before any quote, takes the day's first two-sided quote;</li>
 *   <li>a one-sided book keeps the last two-sided mid and spread (LOBSTER writes empty sides as dummy prices);</li>
 *   <li>volume and notional count visible (type 4) and hidden (type 5) executions only; bars without trades are kept
 *       with volume 0 and NaN VWAP, because a quiet minute is still a minute in which an order must wait;</li>
 *   <li>rows outside the session window move the book but add no volume.</li>
 * </ul>
 * Volumes are NASDAQ-only, as in the LOBSTER data.
 */
public final class BarSeries {
    private final LobsterDay day;
    private final int periodSeconds;
    private final long[] startNanos;
    private final double[] midAtStart;
    private final double[] spreadAtStart;
    private final double[] midAtEnd;
    private final long[] volume;
    private final double[] notional;
    private final long[] signedVolume;
    private final int[] trades;

    private BarSeries(final LobsterDay day, final int periodSeconds, final int count) {
        this.day = day;
        this.periodSeconds = periodSeconds;
        this.startNanos = new long[count];
        this.midAtStart = new double[count];
        this.spreadAtStart = new double[count];
        this.midAtEnd = new double[count];
        this.volume = new long[count];
        this.notional = new double[count];
        this.signedVolume = new long[count];
        this.trades = new int[count];
    }

    /** Reads {@code day} (validating every row) and aggregates it into bars of {@code periodSeconds}. */
    public static BarSeries of(final LobsterDay day, final int periodSeconds) {
        if (periodSeconds <= 0) {
            throw new IllegalArgumentException("bar length must be positive, found " + periodSeconds + " s");
        }
        final long length = periodSeconds * LobsterFormat.NANOS_PER_SECOND;
        final long sessionStart = day.startNanos();
        final long sessionEnd = day.endNanos();
        final int count = (int) ((sessionEnd - sessionStart + length - 1) / length);
        final BarSeries bars = new BarSeries(day, periodSeconds, count);
        for (int k = 0; k < count; k++) {
            bars.startNanos[k] = sessionStart + k * length;
        }
        double mid = Double.NaN;
        double spread = Double.NaN;
        double firstMid = Double.NaN;
        double firstSpread = Double.NaN;
        int opened = 0;
        try (LobsterReader reader = LobsterReader.open(day)) {
            final LobsterMessage m = reader.message();
            final LobsterBook b = reader.book();
            while (reader.next()) {
                final long t = m.timeNanos();
                final int bar = t < sessionStart || t >= sessionEnd ? -1 : (int) ((t - sessionStart) / length);
                while (bar >= 0 && opened <= bar) {
                    bars.open(opened++, mid, spread);
                }
                if (bar >= 0 && m.isExecution()) {
                    bars.volume[bar] += m.size();
                    bars.notional[bar] += m.size() * m.price();
                    bars.signedVolume[bar] += m.aggressorSign() * m.size();
                    bars.trades[bar]++;
                }
                if (b.isTwoSided()) {
                    mid = b.mid();
                    spread = b.spread();
                    if (Double.isNaN(firstMid)) {
                        firstMid = mid;
                        firstSpread = spread;
                    }
                }
            }
        }
        if (Double.isNaN(mid)) {
            throw new IllegalArgumentException(day.messageFile().getFileName()
                    + ": no two-sided quote in the whole day, cannot form bars");
        }
        while (opened < count) {
            bars.open(opened++, mid, spread);
        }
        bars.closeBars(firstMid, firstSpread, mid);
        return bars;
    }

    private void open(final int bar, final double mid, final double spread) {
        midAtStart[bar] = mid;
        spreadAtStart[bar] = spread;
    }

    /** Gives the bars that started before the first quote the first quote, and each bar its end mid. */
    private void closeBars(final double firstMid, final double firstSpread, final double lastMid) {
        for (int k = 0; k < midAtStart.length && Double.isNaN(midAtStart[k]); k++) {
            midAtStart[k] = firstMid;
            spreadAtStart[k] = firstSpread;
        }
        for (int k = 0; k + 1 < midAtStart.length; k++) {
            midAtEnd[k] = midAtStart[k + 1];
        }
        midAtEnd[midAtStart.length - 1] = lastMid;
    }

    public LobsterDay day() {
        return day;
    }

    public int periodSeconds() {
        return periodSeconds;
    }

    public int size() {
        return startNanos.length;
    }

    public long startNanos(final int bar) {
        return startNanos[bar];
    }

    public long endNanos(final int bar) {
        return Math.min(startNanos[bar] + periodSeconds * LobsterFormat.NANOS_PER_SECOND, day.endNanos());
    }

    public double midAtStart(final int bar) {
        return midAtStart[bar];
    }

    public double spreadAtStart(final int bar) {
        return spreadAtStart[bar];
    }

    public double midAtEnd(final int bar) {
        return midAtEnd[bar];
    }

    /** Shares traded on the exchange in the bar (visible + hidden executions). */
    public long volume(final int bar) {
        return volume[bar];
    }

    /** Sum of price * size of the bar's trades, dollars. */
    public double notional(final int bar) {
        return notional[bar];
    }

    /** Buyer-initiated minus seller-initiated shares in the bar. */
    public long signedVolume(final int bar) {
        return signedVolume[bar];
    }

    public int tradeCount(final int bar) {
        return trades[bar];
    }

    /** The bar's volume-weighted trade price, NaN when it had no trades. */
    public double vwap(final int bar) {
        return volume[bar] > 0 ? notional[bar] / volume[bar] : Double.NaN;
    }

    public long totalVolume() {
        long total = 0;
        for (final long v : volume) {
            total += v;
        }
        return total;
    }
}
