package io.slicer.tools.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a strategy spec from the command line ({@code twap}, {@code pov:0.1}, {@code ac:2e-6},
 * {@code dqn:models/dqn}, ...) into a {@link NamedStrategy} reported under that spec. Every command that takes
 * strategies goes through {@link #standard()}; a new family plugs in by adding one {@link Source}.
 */
public final class StrategyResolver {
    /** One family of strategy specs. */
    public interface Source {
        /** True when {@code spec} belongs to this family (it may still be invalid). */
        boolean handles(String spec);

        /**
         * The strategy, or an {@link IllegalArgumentException} saying what was expected.
         *
         * @param riskAversion lambda for strategies that take one and were not given one in the spec
         */
        NamedStrategy resolve(String spec, double riskAversion);

        /** Specs (or patterns) this family accepts, for error messages and help. */
        List<String> names();
    }

    private final List<Source> sources;

    public StrategyResolver(final List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The strategies every command knows. */
    public static StrategyResolver standard() {
        return new StrategyResolver(StandardSources.strategies());
    }

    public NamedStrategy resolve(final String spec, final double riskAversion) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty strategy name; expected one of " + known());
        }
        for (final Source s : sources) {
            if (s.handles(spec)) {
                return s.resolve(spec, riskAversion);
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + spec + "'; expected one of " + known());
    }

    /** Resolves a comma-separated list such as {@code twap,vwap,pov:0.1,ac}. */
    public List<NamedStrategy> resolveAll(final String specs, final double riskAversion) {
        final List<NamedStrategy> out = new ArrayList<>();
        for (final String spec : specs.split(",", -1)) {
            out.add(resolve(spec.trim(), riskAversion));
        }
        return out;
    }

    public List<String> known() {
        final List<String> all = new ArrayList<>();
        for (final Source s : sources) {
            all.addAll(s.names());
        }
        return all;
    }
}
