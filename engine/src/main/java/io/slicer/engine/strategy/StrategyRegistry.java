package io.slicer.engine.strategy;

import io.slicer.policy.PolicyModel;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one registry of strategy specs, {@code NAME} or {@code NAME:ARGUMENT}, as written on the command line, in an
 * engine's set-up and in a journal's SESSION. The command line, the engine builder and journal recovery all resolve
 * specs through an instance of this class.
 * <ul>
 *   <li>{@code twap}: exact equal slices.</li>
 *   <li>{@code vwap}: slices proportional to the order's expected volume profile.</li>
 *   <li>{@code pov}, {@code pov:RATE}, {@code pov:RATE:CAP}: participation RATE (default 0.10), hard cap CAP
 *       (default: the order's participation limit if it is at least RATE, else 2 * RATE, at most 1).</li>
 *   <li>{@code ac}, {@code ac:LAMBDA}: Almgren-Chriss for risk aversion LAMBDA (default: the risk-aversion option).</li>
 *   <li>{@code twap-seed}, {@code vwap-seed}: the seed notebook's versions, for reproduction only.</li>
 *   <li>{@code twap-iql-seed}: the constrained-IQL seed's baseline, for reproduction only.</li>
 *   <li>{@code dqn:DIR}, {@code iql:DIR} ({@link #standard()} only): a model directory, run by
 *       {@link PolicyStrategy}; its card must name the matching algorithm.</li>
 * </ul>
 * Other modules add families with {@link #with}: the journal resolves {@code policy:<sha256>} from its model archive,
 * the tools the dynamic-programming optimum {@code dp}. Immutable: {@code with} returns a new registry, so no
 * registration anywhere changes what another caller resolves.
 */
public final class StrategyRegistry {
    /** Turns the part after {@code NAME:} (null when absent) and the risk-aversion option into a factory. */
    @FunctionalInterface
    public interface Family {
        StrategyFactory factory(String argument, double riskAversion);
    }

    private static final StrategyRegistry SCHEDULES = new StrategyRegistry(new TreeMap<>())
            .with(Twap.NAME, (arg, lambda) -> {
                noArgument(Twap.NAME, arg);
                return terms -> new Twap(terms.slices());
            })
            .with(Vwap.NAME, (arg, lambda) -> {
                noArgument(Vwap.NAME, arg);
                return terms -> new Vwap(terms.expectedVolumeProfile());
            })
            .with(Pov.NAME, StrategyRegistry::pov)
            .with("ac", (arg, lambda) -> {
                final double l = arg == null ? lambda : number("ac", arg, "risk aversion lambda");
                return terms -> new AlmgrenChrissStrategy(AlmgrenChriss.of(terms, l), l);
            })
            .with(TwapSeed.NAME, (arg, lambda) -> {
                noArgument(TwapSeed.NAME, arg);
                return terms -> new TwapSeed();
            })
            .with(SeedIqlBaseline.NAME, (arg, lambda) -> {
                noArgument(SeedIqlBaseline.NAME, arg);
                return terms -> new SeedIqlBaseline();
            })
            .with(VwapSeed.NAME, (arg, lambda) -> {
                noArgument(VwapSeed.NAME, arg);
                return terms -> new VwapSeed(terms.slices());
            });

    private static final StrategyRegistry STANDARD = SCHEDULES
            .with("dqn", (arg, lambda) -> modelDirectory("dqn", arg))
            .with("iql", (arg, lambda) -> modelDirectory("iql", arg));

    private final Map<String, Family> families;

    private StrategyRegistry(final Map<String, Family> families) {
        this.families = families;
    }

    /** The classic schedules and the seeds' baselines. */
    public static StrategyRegistry schedules() {
        return SCHEDULES;
    }

    /** The schedules plus learned models from their directories ({@code dqn:DIR}, {@code iql:DIR}). */
    public static StrategyRegistry standard() {
        return STANDARD;
    }

    /** This registry plus {@code prefix}; a prefix can be registered once. */
    public StrategyRegistry with(final String prefix, final Family family) {
        if (prefix.isEmpty() || prefix.indexOf(':') >= 0) {
            throw new IllegalArgumentException("strategy prefix must be non-empty and contain no ':', found '" + prefix
                    + "'");
        }
        if (families.containsKey(prefix)) {
            throw new IllegalArgumentException("strategy prefix '" + prefix + "' is already registered");
        }
        final Map<String, Family> more = new TreeMap<>(families);
        more.put(prefix, family);
        return new StrategyRegistry(Collections.unmodifiableMap(more));
    }

    /** Known prefixes, sorted. */
    public Set<String> names() {
        return families.keySet();
    }

    /** A factory for {@code spec}; {@code riskAversion} is used by specs that take lambda from the options. */
    public StrategyFactory factory(final String spec, final double riskAversion) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty strategy name; expected one of " + names()
                    + " (optionally NAME:ARGUMENT)");
        }
        final int colon = spec.indexOf(':');
        final String prefix = colon < 0 ? spec : spec.substring(0, colon);
        final String argument = colon < 0 ? null : spec.substring(colon + 1);
        final Family family = families.get(prefix);
        if (family == null) {
            throw new IllegalArgumentException("unknown strategy '" + spec + "', expected one of " + names()
                    + " (optionally NAME:ARGUMENT)");
        }
        return family.factory(argument, riskAversion);
    }

    /** A factory for {@code spec} with risk aversion 0. */
    public StrategyFactory factory(final String spec) {
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
        return terms -> {
            double hardCap = explicitCap;
            if (Double.isNaN(hardCap)) {
                final double desk = terms.participationLimit();
                hardCap = !Double.isNaN(desk) && desk >= r ? desk : Math.min(1.0, 2 * r);
            }
            return new Pov(r, hardCap, terms.expectedVolumeProfile());
        };
    }

    /** A model directory written by {@code slicer train}: loaded and validated once, shared by every order. */
    private static StrategyFactory modelDirectory(final String algorithm, final String dir) {
        if (dir == null || dir.isBlank()) {
            throw new IllegalArgumentException("strategy '" + algorithm + "' needs a model directory: " + algorithm
                    + ":DIR");
        }
        final PolicyModel model = PolicyModel.load(Path.of(dir));
        final String trained = model.card().provenance() == null ? null : model.card().provenance().algorithm();
        if (trained != null && !trained.equals(algorithm)) {
            throw new IllegalArgumentException(dir + ": model was trained by '" + trained + "', not '" + algorithm
                    + "'; use " + trained + ":" + dir);
        }
        return PolicyStrategy.factory(algorithm + ":" + dir, model);
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
