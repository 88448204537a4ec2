package io.slicer.tools.sim.historical;

import io.slicer.tools.marketdata.lobster.LobsterDay;
import io.slicer.tools.marketdata.lobster.LobsterDays;
import io.slicer.tools.sim.queue.CancelAttribution;
import io.slicer.tools.sim.queue.QueueModel;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Builds historical scenarios from the LOBSTER days under a data root, by symbol or by a command-line spec
 * {@code lobster:SYMBOL[:sliceSeconds[:slices[:QUEUE]]]} (e.g. {@code lobster:AMZN}, {@code lobster:GOOG:60:30},
 * {@code lobster:AMZN:60:10:risk-averse}, {@code lobster:AMZN:60:10@12:00-16:00} for orders inside those hours only);
 * QUEUE is how passive children's queue treats cancellations
 * ({@link CancelAttribution}: {@code pro-rata}, the default, {@code risk-averse}, {@code power:N}, {@code log}).
 *
 * <p>The expected volume profile takes its shape from another symbol's day on the same date and session when the
 * data root has one (AMZN uses GOOG's and vice versa), otherwise from the replayed day itself; see
 * {@link ExpectedVolumeProfile} for what that does and does not avoid.
 */
public final class HistoricalScenarios {
    public static final String PREFIX = "lobster:";

    private HistoricalScenarios() {
    }

    public static HistoricalScenario amzn(final Path dataRoot, final HistoricalParams params) {
        return forSymbol(dataRoot, "AMZN", params);
    }

    public static HistoricalScenario goog(final Path dataRoot, final HistoricalParams params) {
        return forSymbol(dataRoot, "GOOG", params);
    }

    public static HistoricalScenario forSymbol(final Path dataRoot, final String symbol,
                                               final HistoricalParams params) {
        final List<LobsterDay> days = LobsterDays.find(dataRoot);
        final LobsterDay day = LobsterDays.find(dataRoot, symbol);
        final Optional<LobsterDay> profile = days.stream()
                .filter(d -> !d.symbol().equals(day.symbol()) && d.date().equals(day.date())
                        && d.startMillis() == day.startMillis() && d.endMillis() == day.endMillis())
                .findFirst();
        return profile.isPresent()
                ? HistoricalScenario.fromDay(day, profile.get(), params)
                : HistoricalScenario.fromDay(day, params);
    }

    /** True when {@code spec} names a historical scenario (starts with {@value #PREFIX}). */
    public static boolean isHistorical(final String spec) {
        return spec.startsWith(PREFIX);
    }

    /** Parses {@code lobster:SYMBOL[:sliceSeconds[:slices]]} over {@code base} (its other fields are kept). */
    public static HistoricalParams parseParams(final String spec, final HistoricalParams base) {
        final String[] parts = requireSpec(spec).split(":", -1);
        int sliceSeconds = base.sliceSeconds();
        int slices = base.slices();
        if (parts.length > 2) {
            sliceSeconds = positive(spec, parts[2], "slice seconds");
        }
        if (parts.length > 3) {
            slices = positive(spec, parts[3], "slices");
        }
        return base.withSlices(sliceSeconds, slices);
    }

    /** The symbol of a {@code lobster:SYMBOL[...]} spec. */
    public static String parseSymbol(final String spec) {
        return requireSpec(spec).split(":", -1)[1];
    }

    /** Builds the scenario a spec names from the days under {@code dataRoot}. */
    public static HistoricalScenario parse(final String spec, final Path dataRoot, final HistoricalParams base) {
        final QueueModel queue = parseQueueModel(spec);
        final HistoricalScenario scenario = forSymbol(dataRoot, parseSymbol(spec), parseParams(spec, base));
        final HistoricalScenario queued = queue.equals(QueueModel.defaults()) ? scenario
                : scenario.withQueue(scenario.tape(), queue);
        final int at = spec.indexOf('@');
        if (at < 0) {
            return queued;
        }
        final String window = spec.substring(at + 1);
        final String[] ends = window.split("-", -1);
        if (ends.length != 2) {
            throw new IllegalArgumentException("scenario '" + spec + "': expected a window @HH:MM-HH:MM after the "
                    + "spec, found '@" + window + "'");
        }
        return queued.window(clock(spec, ends[0]), clock(spec, ends[1]), "@" + window);
    }

    /** HH:MM as nanoseconds after midnight. */
    private static long clock(final String spec, final String text) {
        final String[] hm = text.split(":", -1);
        try {
            if (hm.length == 2 && hm[0].length() == 2 && hm[1].length() == 2) {
                final int h = Integer.parseInt(hm[0]);
                final int m = Integer.parseInt(hm[1]);
                if (h >= 0 && h < 24 && m >= 0 && m < 60) {
                    return (h * 60L + m) * 60_000_000_000L;
                }
            }
        } catch (final NumberFormatException e) {
            // reported below with the spec
        }
        throw new IllegalArgumentException("scenario '" + spec + "': expected a time HH:MM in the window, found '"
                + text + "'");
    }

    /** The queue model a spec names after its slices (the default when it names none). */
    public static QueueModel parseQueueModel(final String spec) {
        final String[] parts = requireSpec(spec).split(":", -1);
        if (parts.length <= 4) {
            return QueueModel.defaults();
        }
        final String model = String.join(":", Arrays.copyOfRange(parts, 4, parts.length));
        try {
            return QueueModel.defaults().withCancels(CancelAttribution.parse(model));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("scenario '" + spec + "': " + e.getMessage());
        }
    }

    public static HistoricalScenario parse(final String spec, final Path dataRoot) {
        return parse(spec, dataRoot, HistoricalParams.defaults());
    }

    private static String requireSpec(final String full) {
        // A window @HH:MM-HH:MM (parse applies it) holds colons of its own: the fields are what precedes it.
        final int at = full.indexOf('@');
        final String spec = at < 0 ? full : full.substring(0, at);
        final String[] parts = spec.split(":", -1);
        if (!spec.startsWith(PREFIX) || parts.length < 2 || parts.length > 6 || parts[1].isEmpty()) {
            throw new IllegalArgumentException("scenario '" + spec
                    + "': expected lobster:SYMBOL[:sliceSeconds[:slices[:QUEUE]]][@HH:MM-HH:MM], e.g. lobster:AMZN:300:12");
        }
        return spec;
    }

    static int positive(final String spec, final String text, final String what) {
        try {
            final int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (final NumberFormatException e) {
            // reported below with the spec
        }
        throw new IllegalArgumentException("scenario '" + spec + "': " + what + " must be a positive integer, found '"
                + text + "'");
    }
}
