package io.slicer.tools.eval;

import io.slicer.engine.strategy.StrategyFactory;

import java.util.Objects;

/**
 * A strategy under evaluation: the name it is reported under (the command-line spec, e.g. {@code ac:2e-6} or
 * {@code dqn:models/dqn}) and the factory that makes one fresh instance per worker thread.
 */
public record NamedStrategy(String name, StrategyFactory factory) {
    public NamedStrategy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        if (name.isBlank()) {
            throw new IllegalArgumentException("strategy name must not be blank");
        }
    }
}
