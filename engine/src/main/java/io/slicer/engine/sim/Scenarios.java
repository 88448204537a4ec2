package io.slicer.engine.sim;

import io.slicer.engine.sim.presets.Ac2000;
import io.slicer.engine.sim.presets.LiquidStock;
import io.slicer.engine.sim.presets.SeedIqlScenario;
import io.slicer.engine.sim.presets.SeedNotebookScenario;
import io.slicer.engine.sim.presets.StochasticLiquidity;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The registry of named scenarios, as used on the command line ({@code --scenario NAME}): the synthetic presets
 * ({@code ac-2000}, {@code liquid-stock}, {@code stochastic-liquidity}, {@code seed-notebook}, {@code seed-iql}),
 * plus families other modules register by prefix ({@code PREFIX:ARGUMENT}, e.g. a historical replay), with
 * {@link #registerPrefix}. Thread-safe.
 */
public final class Scenarios {
    private static final Map<String, Supplier<Scenario>> PRESETS = new TreeMap<>();
    private static final Map<String, Function<String, Scenario>> PREFIXES = new TreeMap<>();

    static {
        PRESETS.put(Ac2000.NAME, Ac2000::scenario);
        PRESETS.put(LiquidStock.NAME, LiquidStock::scenario);
        PRESETS.put(StochasticLiquidity.NAME, StochasticLiquidity::scenario);
        PRESETS.put(SeedNotebookScenario.NAME, SeedNotebookScenario::new);
        PRESETS.put(SeedIqlScenario.NAME, SeedIqlScenario::new);
    }

    private Scenarios() {
    }

    /** The scenario called {@code name}; an unknown name is an error that lists the known ones. */
    public static Scenario byName(final String name) {
        final Supplier<Scenario> preset;
        final Function<String, Scenario> family;
        final int colon = name.indexOf(':');
        synchronized (Scenarios.class) {
            preset = PRESETS.get(name);
            family = colon > 0 ? PREFIXES.get(name.substring(0, colon)) : null;
        }
        if (preset != null) {
            return preset.get();
        }
        if (family != null) {
            return family.apply(name.substring(colon + 1));
        }
        throw new IllegalArgumentException("unknown scenario '" + name + "', expected one of " + names()
                + (prefixes().isEmpty() ? "" : " or PREFIX:ARGUMENT with a prefix in " + prefixes()));
    }

    /** Adds a family of scenarios named {@code prefix:ARGUMENT}; a prefix can be registered once. */
    public static synchronized void registerPrefix(final String prefix, final Function<String, Scenario> factory) {
        if (prefix.isEmpty() || prefix.indexOf(':') >= 0 || PRESETS.containsKey(prefix)) {
            throw new IllegalArgumentException("scenario prefix must be non-empty, contain no ':' and not be a preset "
                    + "name, found '" + prefix + "'");
        }
        if (PREFIXES.containsKey(prefix)) {
            throw new IllegalArgumentException("scenario prefix '" + prefix + "' is already registered");
        }
        PREFIXES.put(prefix, factory);
    }

    /** The preset scenario names, sorted. */
    public static synchronized Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(PRESETS.keySet()));
    }

    /** Registered scenario prefixes, sorted. */
    public static synchronized Set<String> prefixes() {
        return Collections.unmodifiableSet(new TreeSet<>(PREFIXES.keySet()));
    }
}
