package io.slicer.tools.eval;

import io.slicer.engine.sim.Scenario;
import io.slicer.engine.sim.Scenarios;
import io.slicer.engine.strategy.Strategies;

import java.util.ArrayList;
import java.util.List;

/**
 * The scenario and strategy families built into Slicer, in the order they are tried. A new family (historical
 * replays, tools-side policies) is one more entry in the matching list; the engine's own registries come last
 * because their error message lists every name they know.
 */
final class StandardSources {
    private StandardSources() {
    }

    static List<ScenarioResolver.Source> scenarios() {
        return List.of(new ScenarioResolver.Source() {
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
        });
    }

    static List<StrategyResolver.Source> strategies() {
        return List.of(new StrategyResolver.Source() {
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
        });
    }
}
