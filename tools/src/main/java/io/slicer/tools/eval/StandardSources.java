package io.slicer.tools.eval;

import io.slicer.engine.marketdata.lobster.LobsterDays;
import io.slicer.engine.sim.Scenario;
import io.slicer.engine.sim.Scenarios;
import io.slicer.engine.sim.historical.HistoricalScenarios;
import io.slicer.engine.strategy.Strategies;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario and strategy families built into Slicer, in the order they are tried. A new family is one more
 * entry in the matching list, before the engine's registry: that one comes last because it accepts every name
 * and its error message lists every name it knows.
 */
final class StandardSources {
    private StandardSources() {
    }

    static List<ScenarioResolver.Source> scenarios() {
        return List.of(
                ScenarioResolver.Source.prefixed(HistoricalScenarios.PREFIX,
                        "lobster:SYMBOL[:periodSeconds[:periods]]", StandardSources::historical),
                new SimulatedScenarios());
    }

    static List<StrategyResolver.Source> strategies() {
        // Learned models and the DP optimum live in tools, above the engine's registry: add them before resolving.
        io.slicer.tools.train.LearnedStrategies.register();
        return List.of(new RegisteredStrategies());
    }

    /** A replay of a LOBSTER day from the shared data folder ($SLICER_SHARED_DATA or shared/data above here). */
    private static Scenario historical(final String spec) {
        final Path root = LobsterDays.sharedDataRoot().orElseThrow(() -> new IllegalArgumentException("scenario '"
                + spec + "' needs the LOBSTER data: set " + LobsterDays.DATA_ROOT_ENV
                + " to the shared data folder (none found, and no shared/data above the working directory)"));
        return HistoricalScenarios.parse(spec, root);
    }

    /** The simulator's named scenarios ({@link Scenarios}). */
    static final class SimulatedScenarios implements ScenarioResolver.Source {
        @Override
        public boolean handles(final String name) {
            return true;
        }

        @Override
        public Scenario resolve(final String name) {
            return Scenarios.byName(name);
        }

        @Override
        public List<String> names() {
            return new ArrayList<>(Scenarios.names());
        }
    }

    /** The engine's strategy registry ({@link Strategies}), including what other modules registered there. */
    static final class RegisteredStrategies implements StrategyResolver.Source {
        @Override
        public boolean handles(final String spec) {
            return true;
        }

        @Override
        public NamedStrategy resolve(final String spec, final double riskAversion) {
            return new NamedStrategy(spec, Strategies.factory(spec, riskAversion));
        }

        @Override
        public List<String> names() {
            return new ArrayList<>(Strategies.names());
        }
    }
}
