package io.slicer.tools.marketdata.lobster;

import io.slicer.tools.marketdata.BarSeries;
import io.slicer.tools.marketdata.PlausibilityFilter;

/**
 * Cuts a LOBSTER day into a {@link BarSeries}: bars of equal length from the session start (the last bar ends at the session end and is
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
 *   <li>rows outside the session window move the book but add no volume;</li>
 *   <li>a row the {@link PlausibilityFilter} refuses (out of time order, a crossed book, a price beyond the band from
 *       the last accepted one) is left out entirely and counted in {@link BarSeries#rejected()}.</li>
 * </ul>
 * Volumes are NASDAQ-only, as in the LOBSTER data.
 */
public final class LobsterBars {
    private LobsterBars() {
    }

    /** Reads {@code day} (validating every row) and aggregates it into bars of {@code sliceSeconds}. */
    public static BarSeries of(final LobsterDay day, final int sliceSeconds) {
        if (sliceSeconds <= 0) {
            throw new IllegalArgumentException("bar length must be positive, found " + sliceSeconds + " s");
        }
        final long length = sliceSeconds * LobsterFormat.NANOS_PER_SECOND;
        final long sessionStart = day.startNanos();
        final long sessionEnd = day.endNanos();
        final int count = (int) ((sessionEnd - sessionStart + length - 1) / length);
        final BarSeries.Builder bars = BarSeries.builder(day.symbol(), day.label(), sliceSeconds, count);
        for (int k = 0; k < count; k++) {
            bars.startNanos[k] = sessionStart + k * length;
            bars.endNanos[k] = Math.min(bars.startNanos[k] + length, sessionEnd);
        }
        double mid = Double.NaN;
        double spread = Double.NaN;
        double firstMid = Double.NaN;
        double firstSpread = Double.NaN;
        int opened = 0;
        final PlausibilityFilter filter = new PlausibilityFilter();
        try (LobsterReader reader = LobsterReader.open(day)) {
            final LobsterMessage m = reader.message();
            final LobsterBook b = reader.book();
            while (reader.next()) {
                final long t = m.timeNanos();
                if (!plausible(filter, m, b)) {
                    continue;
                }
                final int bar = t < sessionStart || t >= sessionEnd ? -1 : (int) ((t - sessionStart) / length);
                while (bar >= 0 && opened <= bar) {
                    open(bars, opened++, mid, spread);
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
            open(bars, opened++, mid, spread);
        }
        closeBars(bars, firstMid, firstSpread, mid);
        bars.rejected = filter.rejected();
        return bars.build();
    }

    /** The row's quote (when two-sided) and trade (when an execution) both pass; a refused row counts once. */
    /** The row passes the day's plausibility check (its book if two-sided, its execution if one); shared by the tape. */
    static boolean plausible(final PlausibilityFilter filter, final LobsterMessage m, final LobsterBook b) {
        final long t = m.timeNanos();
        return (!b.isTwoSided() || filter.quote(t, b.bid(), b.ask(), b.bidSize(), b.askSize()))
                && (!m.isExecution() || filter.trade(t, m.price(), m.size()));
    }

    private static void open(final BarSeries.Builder bars, final int bar, final double mid, final double spread) {
        bars.midAtStart[bar] = mid;
        bars.spreadAtStart[bar] = spread;
    }

    /** Gives the bars that started before the first quote the first quote, and each bar its end mid. */
    private static void closeBars(final BarSeries.Builder bars, final double firstMid, final double firstSpread,
                                  final double lastMid) {
        final double[] start = bars.midAtStart;
        for (int k = 0; k < start.length && Double.isNaN(start[k]); k++) {
            start[k] = firstMid;
            bars.spreadAtStart[k] = firstSpread;
        }
        for (int k = 0; k + 1 < start.length; k++) {
            bars.midAtEnd[k] = start[k + 1];
        }
        bars.midAtEnd[start.length - 1] = lastMid;
    }
}
