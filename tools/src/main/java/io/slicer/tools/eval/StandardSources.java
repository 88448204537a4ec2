package io.slicer.tools.eval;

import java.util.List;

/** The scenario and strategy families built into Slicer, in the order they are tried. */
final class StandardSources {
    private StandardSources() {
    }

    static List<ScenarioResolver.Source> scenarios() {
        return List.of();
    }

    static List<StrategyResolver.Source> strategies() {
        return List.of();
    }
}
