package io.slicer.engine.sim;

import io.slicer.engine.sim.presets.Ac2000;
import io.slicer.engine.sim.presets.LiquidStock;
import io.slicer.engine.sim.presets.SeedIqlScenario;
import io.slicer.engine.sim.presets.SeedNotebookScenario;
import io.slicer.engine.sim.presets.StochasticLiquidity;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The registry of named scenarios, as used on the command line ({@code --scenario NAME}). */
public final class Scenarios {
    private static final Map<String, Supplier<Scenario>> REGISTRY = new TreeMap<>();

    static {
        REGISTRY.put(Ac2000.NAME, Ac2000::scenario);
        REGISTRY.put(LiquidStock.NAME, LiquidStock::scenario);
        REGISTRY.put(StochasticLiquidity.NAME, StochasticLiquidity::scenario);
        REGISTRY.put(SeedNotebookScenario.NAME, SeedNotebookScenario::new);
        REGISTRY.put(SeedIqlScenario.NAME, SeedIqlScenario::new);
    }

    private Scenarios() {
    }

    /** The scenario called {@code name}; an unknown name is an error that lists the known ones. */
    public static Scenario byName(final String name) {
        final Supplier<Scenario> s = REGISTRY.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown scenario '" + name + "', expected one of " + names());
        }
        return s.get();
    }

    /** Known scenario names, sorted. */
    public static java.util.Set<String> names() {
        return Collections.unmodifiableSet(REGISTRY.keySet());
    }
}
