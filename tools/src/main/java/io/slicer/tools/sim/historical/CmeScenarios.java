package io.slicer.tools.sim.historical;

import io.slicer.engine.market.Instrument;
import io.slicer.tools.marketdata.BarSeries;
import io.slicer.tools.marketdata.cme.CmeMinuteBars;
import io.slicer.tools.marketdata.cme.CmeSessions;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Historical scenarios over the CME minute bars in the shared data folder, split in time so a policy can be trained
 * on earlier sessions and judged on later ones it never saw:
 * {@code cme:SYMBOL:train|test[:sliceSeconds[:slices]][:participation]}, e.g. {@code cme:6EH4:test},
 * {@code cme:6EH4:train:300:12} or {@code cme:6EH4:test:participation}. The last token makes temporary impact
 * linear in our share of each bar's real volume ({@link HistoricalImpact#PARTICIPATION}) instead of in our rate.
 *
 * <p>Orders start between {@link #DAY_START} and the 16:00 close, Chicago time (07:00-16:00, the hours in which a desk
 * would work an order of this size: overnight 5-minute bars often trade a few contracts), one order per bar of that
 * window and session.
 *
 * <p>The full sessions ({@link CmeSessions#fullSessions}) in date order: the last third (rounded up) is the test
 * split, the rest the training split. Everything a strategy or the simulator is told comes from the training
 * sessions only, for both splits: the impact coefficients and volatility ({@link ImpactCalibration} over the training
 * bars, one session = one day; the file has no trade signs, so gamma is Almgren et al.'s linear form), the expected
 * volume of each bar (the mean volume of the same bar of the session over the training sessions), and the parent
 * quantity (the target participation of the training sessions' mean volume over N bars). Only the price and volume
 * path differs between the splits. The quoted spread is one tick, the smallest price step in the file.
 */
public final class CmeScenarios {
    public static final String PREFIX = "cme:";
    public static final String PATTERN = "cme:SYMBOL:train|test[:sliceSeconds[:slices]][:participation]";
    /** The spec's last token that selects {@link HistoricalImpact#PARTICIPATION}. */
    public static final String PARTICIPATION = "participation";
    /** Orders start no earlier than this, Chicago time: the liquid European-afternoon and US hours. */
    public static final LocalTime DAY_START = LocalTime.of(7, 0);
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    /** Which sessions a scenario replays. */
    public enum Split {
        TRAIN, TEST
    }

    private CmeScenarios() {
    }

    /** True when {@code spec} names a CME scenario (starts with {@value #PREFIX}). */
    public static boolean isCme(final String spec) {
        return spec.startsWith(PREFIX);
    }

    /** Checks the spec's form and numbers; the data is not read. */
    public static HistoricalParams parseParams(final String spec, final HistoricalParams base) {
        String[] parts = parts(spec);
        split(spec, parts[2]);
        HistoricalImpact impact = HistoricalImpact.RATE;
        if (parts.length > 3 && parts[parts.length - 1].equals(PARTICIPATION)) {
            impact = HistoricalImpact.PARTICIPATION;
            parts = Arrays.copyOf(parts, parts.length - 1);
        }
        int sliceSeconds = base.sliceSeconds();
        int slices = base.slices();
        if (parts.length > 3) {
            sliceSeconds = HistoricalScenarios.positive(spec, parts[3], "slice seconds");
        }
        if (parts.length > 4) {
            slices = HistoricalScenarios.positive(spec, parts[4], "slices");
        }
        if (parts.length > 5) {
            throw new IllegalArgumentException("scenario '" + spec + "': expected " + PATTERN);
        }
        return base.withSlices(sliceSeconds, slices).withImpact(impact);
    }

    /** The scenario a spec names, from the minute-bar file under {@code dataRoot}. */
    public static HistoricalScenario parse(final String spec, final Path dataRoot, final HistoricalParams base) {
        final HistoricalParams params = parseParams(spec, base);
        final String[] parts = parts(spec);
        final Path file = CmeMinuteBars.find(dataRoot).orElseThrow(() -> new IllegalArgumentException("scenario '"
                + spec + "': no CME minute-bar file (cme_*/*.csv.gz) under " + dataRoot));
        final CmeMinuteBars minutes = CmeMinuteBars.read(file);
        if (!minutes.symbol().equals(parts[1])) {
            throw new IllegalArgumentException("scenario '" + spec + "': the CME file under " + dataRoot + " is "
                    + minutes.symbol() + ", not " + parts[1]);
        }
        return of(minutes, split(spec, parts[2]), params);
    }

    public static HistoricalScenario parse(final String spec, final Path dataRoot) {
        return parse(spec, dataRoot, HistoricalParams.defaults());
    }

    /** One split of {@code minutes}' full sessions, as described in the class comment. */
    public static HistoricalScenario of(final CmeMinuteBars minutes, final Split split, final HistoricalParams params) {
        final List<CmeSessions.Session> full = CmeSessions.fullSessions(minutes);
        if (full.size() < 2) {
            throw new IllegalArgumentException(minutes.file().getFileName() + ": " + full.size()
                    + " full session(s); a training and a test split need at least 2");
        }
        final int testCount = (full.size() + 2) / 3;
        final List<CmeSessions.Session> train = full.subList(0, full.size() - testCount);
        final List<CmeSessions.Session> test = full.subList(full.size() - testCount, full.size());
        final List<CmeSessions.Session> replayed = split == Split.TRAIN ? train : test;
        final double tick = tick(minutes);
        final String name = PREFIX + minutes.symbol() + ":" + split.name().toLowerCase(Locale.ROOT) + ":"
                + params.sliceSeconds() + ":" + params.slices()
                + (params.impact() == HistoricalImpact.PARTICIPATION ? ":" + PARTICIPATION : "");
        final BarSeries trainBars = CmeSessions.bars(minutes, train, params.sliceSeconds(), tick,
                minutes.symbol() + " training sessions");
        final BarSeries bars = split == Split.TRAIN ? trainBars : CmeSessions.bars(minutes, test,
                params.sliceSeconds(), tick, minutes.symbol() + " test sessions");
        final int perSession = bars.size() / replayed.size();
        if (perSession < params.slices()) {
            throw new IllegalArgumentException(name + ": a session has " + perSession + " bars of "
                    + params.sliceSeconds() + " s, fewer than the order's " + params.slices() + " slices");
        }
        final int[] starts = dayTimeStarts(bars, replayed, perSession, params.slices());
        if (starts.length == 0) {
            throw new IllegalArgumentException(name + ": no order of " + params.slices() + " x "
                    + params.sliceSeconds() + " s fits between " + DAY_START + " and the 16:00 close (Chicago)");
        }
        final double[] perBar = meanVolumeByBarOfSession(trainBars, train.size());
        final double[] expected = new double[bars.size()];
        for (int k = 0; k < expected.length; k++) {
            expected[k] = perBar[k % perSession];
        }
        final long quantity = params.quantity() > 0 ? params.quantity()
                : HistoricalScenario.automaticQuantity(trainBars, params);
        final String market = String.format(Locale.ROOT, "%s CME Globex 1-minute bars, %s split: %d full sessions %s"
                        + " to %s (training %s to %s; spread 1 tick = %s)", minutes.symbol(),
                split.name().toLowerCase(Locale.ROOT), replayed.size(), replayed.get(0).tradeDate(),
                replayed.get(replayed.size() - 1).tradeDate(), train.get(0).tradeDate(),
                train.get(train.size() - 1).tradeDate(), tick);
        return HistoricalScenario.of(name, market, instrument(minutes.symbol(), tick), bars, starts, expected,
                "training-sessions mean",
                ImpactCalibration.of(trainBars, params.referenceParticipation(), train.size()), quantity, params);
    }

    /**
     * The futures contract a CME symbol trades, quoted in {@code tick}s: its contract multiplier comes from the
     * exchange's contract specifications (6E: 125,000 euro, so 125,000 USD per point of the USD/EUR price). A root
     * whose specification is not known here is refused rather than traded with a guessed multiplier.
     */
    static Instrument instrument(final String symbol, final double tick) {
        final String root = symbol.length() > 2 ? symbol.substring(0, symbol.length() - 2) : symbol;
        final double multiplier = switch (root) {
            case "6E" -> 125_000;
            case "6B" -> 62_500;
            case "6J" -> 12_500_000;
            case "ES" -> 50;
            case "NQ" -> 20;
            default -> throw new IllegalArgumentException(symbol + ": no contract specification for CME root '" + root
                    + "' (known: 6E, 6B, 6J, ES, NQ); its contract multiplier is needed for notional and dollar"
                    + " figures");
        };
        return Instrument.future(symbol, tick, multiplier, "USD");
    }

    /** Bars at which an order may start: at or after {@link #DAY_START} Chicago time, ending by the close. */
    private static int[] dayTimeStarts(final BarSeries bars, final List<CmeSessions.Session> sessions,
                                       final int perSession, final int slices) {
        final List<Integer> starts = new ArrayList<>();
        for (int s = 0; s < sessions.size(); s++) {
            final LocalDate date = sessions.get(s).tradeDate();
            for (int j = 0; j + slices <= perSession; j++) {
                final int bar = s * perSession + j;
                final ZonedDateTime t = Instant.ofEpochSecond(bars.startNanos(bar) / 1_000_000_000L).atZone(CHICAGO);
                if (t.toLocalDate().equals(date) && !t.toLocalTime().isBefore(DAY_START)) {
                    starts.add(bar);
                }
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] meanVolumeByBarOfSession(final BarSeries bars, final int sessions) {
        final int perSession = bars.size() / sessions;
        final double[] mean = new double[perSession];
        for (int k = 0; k < bars.size(); k++) {
            mean[k % perSession] += bars.volume(k);
        }
        for (int j = 0; j < perSession; j++) {
            mean[j] /= sessions;
        }
        return mean;
    }

    /** The smallest step between two trade prices in the file, on a 1e-9 grid (prices are decimal strings). */
    static double tick(final CmeMinuteBars minutes) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < minutes.size(); i++) {
            final long open = Math.round(minutes.open(i) * 1e9);
            final long[] others = {Math.round(minutes.high(i) * 1e9), Math.round(minutes.low(i) * 1e9),
                Math.round(minutes.close(i) * 1e9)};
            for (final long p : others) {
                final long d = Math.abs(p - open);
                if (d > 0 && d < best) {
                    best = d;
                }
            }
        }
        if (best == Long.MAX_VALUE) {
            throw new IllegalArgumentException(minutes.file().getFileName() + ": every price is the same, no tick");
        }
        return best / 1e9;
    }

    private static String[] parts(final String spec) {
        final String[] parts = spec.split(":", -1);
        if (!spec.startsWith(PREFIX) || parts.length < 3 || parts.length > 6 || parts[1].isEmpty()) {
            throw new IllegalArgumentException("scenario '" + spec + "': expected " + PATTERN);
        }
        return parts;
    }

    private static Split split(final String spec, final String text) {
        return switch (text) {
            case "train" -> Split.TRAIN;
            case "test" -> Split.TEST;
            default -> throw new IllegalArgumentException("scenario '" + spec + "': split must be train or test, found '"
                    + text + "'");
        };
    }
}
