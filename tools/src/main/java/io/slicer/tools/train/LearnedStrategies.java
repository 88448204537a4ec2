package io.slicer.tools.train;

import io.slicer.engine.sim.LinearImpactScenario;
import io.slicer.engine.strategy.PolicyStrategy;
import io.slicer.engine.strategy.Strategies;
import io.slicer.policy.PolicyModel;
import io.slicer.tools.dp.DpPolicy;
import io.slicer.tools.dp.DpSolution;
import io.slicer.tools.dp.DpSolver;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds the learned and optimal strategies to the {@link Strategies} registry:
 * <ul>
 *   <li>{@code dqn:DIR}, {@code iql:DIR}: a model directory written by {@code slicer train}, run by
 *       {@link PolicyStrategy}; the model is loaded and validated once, its card must name the matching algorithm;</li>
 *   <li>{@code dp}, {@code dp:GRID}: the {@link DpSolver} optimum (grid: {@link DpSolver#defaultGrid}) for the scenario at the evaluation's risk aversion,
 *       solved once per (scenario, lambda, grid);</li>
 * </ul>
 */
public final class LearnedStrategies {
    private static boolean registered;

    private LearnedStrategies() {
    }

    /** Idempotent. */
    public static synchronized void register() {
        if (registered) {
            return;
        }
        registered = true;
        Strategies.register("dqn", (arg, lambda) -> model("dqn", arg));
        Strategies.register("iql", (arg, lambda) -> model("iql", arg));
        Strategies.register("dp", (arg, lambda) -> {
            final int explicitGrid = arg == null ? -1 : parseGrid(arg);
            final ConcurrentHashMap<String, DpSolution> solved = new ConcurrentHashMap<>();
            return scenario -> {
                if (!(scenario instanceof LinearImpactScenario l)) {
                    throw new IllegalArgumentException("dp solves linear-impact scenarios only; '" + scenario.name()
                            + "' is not one");
                }
                final int grid = explicitGrid > 0 ? explicitGrid : DpSolver.defaultGrid(scenario.periods());
                return new DpPolicy(solved.computeIfAbsent(scenario.name(),
                        k -> DpSolver.solve(l.params(), grid, lambda)));
            };
        });
    }

    private static int parseGrid(final String arg) {
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

    private static io.slicer.engine.strategy.StrategyFactory model(final String algorithm, final String dir) {
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
}
