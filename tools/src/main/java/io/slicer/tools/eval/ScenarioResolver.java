package io.slicer.tools.eval;

import io.slicer.engine.sim.Scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a scenario name from the command line into a {@link Scenario}. Every command that takes
 * {@code --scenario} goes through {@link #standard()}, so a new family of scenarios (e.g. the historical
 * {@code lobster:...} replays) plugs in by adding one {@link Source} to {@link #standard()}.
 */
public final class ScenarioResolver {
    /** One family of scenario names. */
    public interface Source {
        /** True when {@code name} belongs to this family (it may still be invalid). */
        boolean handles(String name);

        /** The scenario, or an {@link IllegalArgumentException} saying what was expected. */
        Scenario resolve(String name);

        /** Names (or name patterns) this family accepts, for error messages and help. */
        List<String> names();

        /**
         * A family recognised by its prefix, e.g. {@code prefixed("lobster:", "lobster:SYMBOL[:sec[:periods]]",
         * spec -> HistoricalScenarios.parse(spec, root))}.
         */
        static Source prefixed(final String prefix, final String pattern,
                               final java.util.function.Function<String, Scenario> build) {
            return new Source() {
                @Override
                public boolean handles(final String name) {
                    return name.startsWith(prefix);
                }

                @Override
                public Scenario resolve(final String name) {
                    return build.apply(name);
                }

                @Override
                public List<String> names() {
                    return List.of(pattern);
                }
            };
        }
    }

    private final List<Source> sources;

    public ScenarioResolver(final List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The scenarios every command knows. */
    public static ScenarioResolver standard() {
        return new ScenarioResolver(StandardSources.scenarios());
    }

    public Scenario resolve(final String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("--scenario is empty; expected one of " + known());
        }
        for (final Source s : sources) {
            if (s.handles(name)) {
                return s.resolve(name);
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + name + "'; expected one of " + known());
    }

    /** Every accepted name or pattern, in source order. */
    public List<String> known() {
        final List<String> all = new ArrayList<>();
        for (final Source s : sources) {
            all.addAll(s.names());
        }
        return all;
    }
}
