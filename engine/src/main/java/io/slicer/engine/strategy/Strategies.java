package io.slicer.engine.strategy;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registry of strategy specs as written on the command line: {@code NAME} or {@code NAME:ARGUMENT}.
 * <ul>
 *   <li>{@code twap}: exact equal slices.</li>
 *   <li>{@code vwap}: slices proportional to the scenario's expected volume profile.</li>
 *   <li>{@code pov}, {@code pov:RATE}, {@code pov:RATE:CAP}: participation RATE (default 0.10), hard cap CAP
 *       (default: the scenario's participation cap if it is at least RATE, else 2 * RATE, at most 1).</li>
 *   <li>{@code ac}, {@code ac:LAMBDA}: Almgren-Chriss for risk aversion LAMBDA (default: the riskAversion option).</li>
 *   <li>{@code twap-seed}, {@code vwap-seed}: the seed notebook's versions, for reproduction only.</li>
 *   <li>{@code twap-iql-seed}: the constrained-IQL seed's baseline, for reproduction only.</li>
 * </ul>
 * Other modules add their own prefixes (e.g. {@code dqn:DIR}, {@code iql:DIR}) with {@link #register}.
 * Thread-safe.
 */
public final class Strategies {
    /** Turns the part after {@code NAME:} (null when absent) and the risk-aversion option into a factory. */
    @FunctionalInterface
    public interface Parser {
        StrategyFactory parse(String argument, double riskAversion);
    }

    private static final Map<String, Parser> PARSERS = new TreeMap<>();

    static {
        register(Twap.NAME, (arg, lambda) -> {
            noArgument(Twap.NAME, arg);
            return scenario -> new Twap(scenario.periods());
        });
        register(Vwap.NAME, (arg, lambda) -> {
            noArgument(Vwap.NAME, arg);
            return scenario -> new Vwap(scenario.expectedVolumeProfile());
        });
        register(Pov.NAME, Strategies::pov);
        register("ac", (arg, lambda) -> {
            final double l = arg == null ? lambda : number("ac", arg, "risk aversion lambda");
            return scenario -> new AlmgrenChrissStrategy(AlmgrenChriss.of(scenario, l));
        });
        register(TwapSeed.NAME, (arg, lambda) -> {
            noArgument(TwapSeed.NAME, arg);
            return scenario -> new TwapSeed();
        });
        register(SeedIqlBaseline.NAME, (arg, lambda) -> {
            noArgument(SeedIqlBaseline.NAME, arg);
            return scenario -> new SeedIqlBaseline();
        });
        register(VwapSeed.NAME, (arg, lambda) -> {
            noArgument(VwapSeed.NAME, arg);
            return scenario -> new VwapSeed(scenario.periods());
        });
    }

    private Strategies() {
    }

    /** Adds a strategy prefix; a prefix can be registered once. */
    public static synchronized void register(final String prefix, final Parser parser) {
        if (prefix.isEmpty() || prefix.indexOf(':') >= 0) {
            throw new IllegalArgumentException("strategy prefix must be non-empty and contain no ':', found '" + prefix
                    + "'");
        }
        if (PARSERS.containsKey(prefix)) {
            throw new IllegalArgumentException("strategy prefix '" + prefix + "' is already registered");
        }
        PARSERS.put(prefix, parser);
    }

    /** Known prefixes, sorted. */
    public static synchronized Set<String> names() {
        return Collections.unmodifiableSet(new java.util.TreeSet<>(PARSERS.keySet()));
    }

    /** A factory for {@code spec}; {@code riskAversion} is used by specs that take lambda from the options. */
    public static StrategyFactory factory(final String spec, final double riskAversion) {
        final int colon = spec.indexOf(':');
        final String prefix = colon < 0 ? spec : spec.substring(0, colon);
        final String argument = colon < 0 ? null : spec.substring(colon + 1);
        final Parser parser;
        synchronized (Strategies.class) {
            parser = PARSERS.get(prefix);
        }
        if (parser == null) {
            throw new IllegalArgumentException("unknown strategy '" + spec + "', expected one of " + names()
                    + " (optionally NAME:ARGUMENT)");
        }
        return parser.parse(argument, riskAversion);
    }

    /** A factory for {@code spec} with risk aversion 0. */
    public static StrategyFactory factory(final String spec) {
        return factory(spec, 0.0);
    }

    private static StrategyFactory pov(final String arg, final double lambda) {
        double rate = Pov.DEFAULT_RATE;
        double cap = Double.NaN;
        if (arg != null) {
            final String[] parts = arg.split(":", -1);
            if (parts.length > 2) {
                throw new IllegalArgumentException("strategy 'pov:" + arg + "': expected pov, pov:RATE or pov:RATE:CAP");
            }
            rate = number("pov", parts[0], "participation rate");
            if (parts.length == 2) {
                cap = number("pov", parts[1], "hard cap");
            }
        }
        final double r = rate;
        final double explicitCap = cap;
        return scenario -> {
            double hardCap = explicitCap;
            if (Double.isNaN(hardCap)) {
                final double desk = scenario.participationCap();
                hardCap = !Double.isNaN(desk) && desk >= r ? desk : Math.min(1.0, 2 * r);
            }
            return new Pov(r, hardCap, scenario.expectedVolumeProfile());
        };
    }

    private static double number(final String name, final String text, final String what) {
        try {
            final double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("strategy '" + name + ":" + text + "': expected a number for the "
                    + what + ", found '" + text + "'");
        }
    }

    private static void noArgument(final String name, final String arg) {
        if (arg != null) {
            throw new IllegalArgumentException("strategy '" + name + "' takes no argument, found '" + name + ":" + arg
                    + "'");
        }
    }
}
