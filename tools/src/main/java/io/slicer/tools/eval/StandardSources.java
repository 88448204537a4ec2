package io.slicer.tools.eval;

import io.slicer.engine.strategy.Strategies;

import java.util.ArrayList;
import java.util.List;

/**
 * The strategy families built into Slicer, in the order they are tried. A new family is one more entry in the
 * list, before the engine's registry: that one comes last because it accepts every name and its error message lists
 * every name it knows. (Scenario names all resolve in the engine's {@link io.slicer.engine.sim.Scenarios}.)
 */
final class StandardSources {
    private StandardSources() {
    }

    static List<StrategyResolver.Source> strategies() {
        // Learned models and the DP optimum live in tools, above the engine's registry: add them before resolving.
        io.slicer.tools.train.LearnedStrategies.register();
        return List.of(new RegisteredStrategies());
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
