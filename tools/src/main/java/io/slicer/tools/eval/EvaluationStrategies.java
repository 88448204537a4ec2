package io.slicer.tools.eval;

import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.tools.dp.DpPolicy;
import io.slicer.tools.dp.DpSolution;
import io.slicer.tools.dp.DpSolver;
import io.slicer.tools.sim.LinearImpactScenario;
import io.slicer.tools.sim.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The strategy specs every command resolves, against the scenario it runs: the engine's one
 * {@link StrategyRegistry} ({@link StrategyRegistry#standard()}: schedules, seeds' baselines, {@code dqn:DIR},
 * {@code iql:DIR}, {@code model:DIR}), the seed's published actor {@code seed-iql-checkpoint}
 * ({@link SeedIqlCheckpoint}) plus the dynamic-programming optimum {@code dp} / {@code dp:GRID} of a linear-impact scenario,
 * solved once per risk aversion and grid ({@link DpSolver}; grid default {@link DpSolver#defaultGrid}).
 */
public final class EvaluationStrategies {
    private EvaluationStrategies() {
    }

    /** The standard registry plus {@code dp} for {@code scenario}. */
    public static StrategyRegistry registry(final Scenario scenario) {
        final ConcurrentHashMap<String, DpSolution> solved = new ConcurrentHashMap<>();
        return StrategyRegistry.standard().with(SeedIqlCheckpoint.NAME, (arg, lambda) -> {
            if (arg != null) {
                throw new IllegalArgumentException("strategy '" + SeedIqlCheckpoint.NAME + "' takes no argument, found '"
                        + SeedIqlCheckpoint.NAME + ":" + arg + "'");
            }
            return SeedIqlCheckpoint.factory();
        }).with("dp", (arg, lambda) -> {
            final int explicitGrid = arg == null ? -1 : grid(arg);
            if (!(scenario instanceof LinearImpactScenario linear)) {
                throw new IllegalArgumentException("dp solves linear-impact scenarios only; '"
                        + (scenario == null ? "(none)" : scenario.name()) + "' is not one");
            }
            final int grid = explicitGrid > 0 ? explicitGrid : DpSolver.defaultGrid(linear.params().slices());
            final DpSolution solution = solved.computeIfAbsent(lambda + "/" + grid,
                    k -> DpSolver.solve(linear.params(), grid, lambda));
            return terms -> new DpPolicy(solution);
        });
    }

    /** {@code spec} on {@code scenario}, reported under the spec. */
    public static NamedStrategy resolve(final Scenario scenario, final String spec, final double riskAversion) {
        return workable(scenario, new NamedStrategy(spec, registry(scenario).factory(spec, riskAversion)));
    }

    /** {@code named}, once the scenario's market has said it can work the strategy's child tactic. */
    private static NamedStrategy workable(final Scenario scenario, final NamedStrategy named) {
        if (scenario != null) {
            scenario.newEpisode().tactic(named.factory().tactic());
            if (named.factory().tacticChooser() != null) {
                scenario.newEpisode().tacticChooser(named.factory().tacticChooser().copy());
            }
        }
        return named;
    }

    /** A comma-separated list such as {@code twap,vwap,pov:0.1,ac} on {@code scenario}. */
    public static List<NamedStrategy> resolveAll(final Scenario scenario, final String specs,
                                                 final double riskAversion) {
        final StrategyRegistry registry = registry(scenario);
        final List<NamedStrategy> out = new ArrayList<>();
        for (final String spec : specs.split(",", -1)) {
            final String trimmed = spec.trim();
            out.add(workable(scenario, new NamedStrategy(trimmed, registry.factory(trimmed, riskAversion))));
        }
        return out;
    }

    private static int grid(final String arg) {
        try {
            final int g = Integer.parseInt(arg);
            if (g < 1 || g > 100_000) {
                throw new NumberFormatException();
            }
            return g;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("strategy 'dp:" + arg + "': expected an inventory grid size 1..100000");
        }
    }
}
