package io.slicer.tools.marketdata.cme;

import io.slicer.tools.marketdata.BarSeries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * CME Globex trading sessions in a file of minute bars, and their aggregation into decision bars.
 *
 * <p>The CME FX futures session for trade date D runs from 17:00 Chicago time on the business day before D to 16:00
 * on D (23:00 to 22:00 UTC in winter), with a one-hour daily break; Sunday's 17:00 open starts Monday's session.
 * Session boundaries are computed in {@code America/Chicago}, so they stay right across daylight-saving changes.
 * A bar in the daily break or the weekend is an error: the file would not be what it claims.
 *
 * <p>A session is <em>full</em> when it has a traded minute within {@value #EDGE_MINUTES} minutes of both its open and
 * its close; holiday sessions that close early (Martin Luther King Day) and the unfinished session at the end of the
 * file are not, and are left out: a desk would not schedule a normal-day order into them.
 *
 * <p>Decision bars lie on each session's grid from its open. The file holds trade prices only, so a bar's "mid" is
 * the last trade price at its start (the first minute's open before any close), its end price the last close inside
 * it, its VWAP the volume-weighted typical price (high + low + close) / 3 of its minutes, and its quoted spread the
 * constant {@code spread} given (no quotes in the file). Trade direction is unknown: signed volume is 0. Minutes
 * without trades are absent from the file and count as minutes with no volume and an unchanged price.
 */
public final class CmeSessions {
    /** A traded minute this close to both ends makes a session full. */
    public static final int EDGE_MINUTES = 30;
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final LocalTime OPEN = LocalTime.of(17, 0);
    private static final LocalTime CLOSE = LocalTime.of(16, 0);
    private static final long NANOS = 1_000_000_000L;

    /** One session: trade date, [open, close) in UTC epoch seconds, and the file rows (minute bars) inside it. */
    public record Session(LocalDate tradeDate, long openEpochSecond, long closeEpochSecond, int firstRow,
                          int lastRow) {
        public int minutes() {
            return (int) ((closeEpochSecond - openEpochSecond) / 60);
        }
    }

    private CmeSessions() {
    }

    /** Every session with at least one bar, in time order; a bar inside the daily break is an error. */
    public static List<Session> sessions(final CmeMinuteBars bars) {
        final List<Session> out = new ArrayList<>();
        LocalDate date = null;
        int first = -1;
        for (int i = 0; i < bars.size(); i++) {
            final long barStart = bars.endEpochSecond(i) - 60;
            final LocalDate d = tradeDate(bars, i, barStart);
            if (!d.equals(date)) {
                if (date != null) {
                    out.add(session(date, first, i - 1));
                }
                date = d;
                first = i;
            }
        }
        if (date != null) {
            out.add(session(date, first, bars.size() - 1));
        }
        return out;
    }

    /** The full sessions (see the class comment). */
    public static List<Session> fullSessions(final CmeMinuteBars bars) {
        final List<Session> full = new ArrayList<>();
        for (final Session s : sessions(bars)) {
            final long firstStart = bars.endEpochSecond(s.firstRow()) - 60;
            final long lastEnd = bars.endEpochSecond(s.lastRow());
            if (firstStart - s.openEpochSecond() < EDGE_MINUTES * 60L
                    && s.closeEpochSecond() - lastEnd < EDGE_MINUTES * 60L) {
                full.add(s);
            }
        }
        return full;
    }

    /**
     * Decision bars of {@code sliceSeconds} over {@code sessions} (all of the same length), back to back in the
     * given order: bar {@code s * perSession + j} is bar {@code j} of session {@code s}.
     */
    public static BarSeries bars(final CmeMinuteBars minutes, final List<Session> sessions, final int sliceSeconds,
                                 final double spread, final String label) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException(label + ": no sessions");
        }
        final int sessionSeconds = sessions.get(0).minutes() * 60;
        if (sliceSeconds <= 0 || sliceSeconds % 60 != 0 || sessionSeconds % sliceSeconds != 0) {
            throw new IllegalArgumentException(label + ": a decision bar of " + sliceSeconds + " s must be whole"
                    + " minutes dividing the " + sessionSeconds / 60 + "-minute session");
        }
        final int perSession = sessionSeconds / sliceSeconds;
        final BarSeries.Builder b = BarSeries.builder(minutes.symbol(), label, sliceSeconds,
                perSession * sessions.size());
        int bar = 0;
        for (final Session s : sessions) {
            if (s.minutes() * 60 != sessionSeconds) {
                throw new IllegalArgumentException(label + ": session " + s.tradeDate() + " lasts " + s.minutes()
                        + " minutes, not " + sessionSeconds / 60 + " like the first");
            }
            int row = s.firstRow();
            double last = minutes.open(row);
            for (int j = 0; j < perSession; j++, bar++) {
                final long start = s.openEpochSecond() + (long) j * sliceSeconds;
                final long end = start + sliceSeconds;
                b.startNanos[bar] = start * NANOS;
                b.endNanos[bar] = end * NANOS;
                b.midAtStart[bar] = last;
                b.spreadAtStart[bar] = spread;
                for (; row <= s.lastRow() && minutes.endEpochSecond(row) <= end; row++) {
                    final long v = minutes.volume(row);
                    final double typical = (minutes.high(row) + minutes.low(row) + minutes.close(row)) / 3.0;
                    b.volume[bar] += v;
                    b.notional[bar] += typical * v;
                    b.trades[bar] += v > 0 ? 1 : 0;
                    last = minutes.close(row);
                }
                b.midAtEnd[bar] = last;
            }
        }
        b.rejected = minutes.rejected();
        return b.build();
    }

    private static Session session(final LocalDate date, final int first, final int last) {
        // Monday's session opens on Sunday evening, every other one on the evening before.
        final ZonedDateTime close = ZonedDateTime.of(date, CLOSE, CHICAGO);
        final ZonedDateTime open = ZonedDateTime.of(date.minusDays(1), OPEN, CHICAGO);
        return new Session(date, open.toEpochSecond(), close.toEpochSecond(), first, last);
    }

    private static LocalDate tradeDate(final CmeMinuteBars bars, final int row, final long barStartEpochSecond) {
        final ZonedDateTime t = Instant.ofEpochSecond(barStartEpochSecond).atZone(CHICAGO);
        final LocalTime time = t.toLocalTime();
        if (!time.isBefore(CLOSE) && time.isBefore(OPEN)) {
            throw new IllegalArgumentException(bars.file().getFileName() + ": the minute ending "
                    + Instant.ofEpochSecond(barStartEpochSecond + 60) + " lies in the daily break (16:00-17:00"
                    + " Chicago), when the market is closed");
        }
        // An evening (after the 17:00 open) belongs to the next day's session; Sunday evening opens Monday's.
        final LocalDate d = time.isBefore(CLOSE) ? t.toLocalDate() : t.toLocalDate().plusDays(1);
        if (d.getDayOfWeek().getValue() >= 6) {
            throw new IllegalArgumentException(bars.file().getFileName() + ": the minute ending "
                    + Instant.ofEpochSecond(barStartEpochSecond + 60) + " lies in the weekend (Friday 16:00 to Sunday"
                    + " 17:00 Chicago), when the market is closed");
        }
        return d;
    }
}
