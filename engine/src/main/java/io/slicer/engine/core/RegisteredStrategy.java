package io.slicer.engine.core;

import io.slicer.engine.risk.TrainingDomain;
import io.slicer.engine.strategy.StrategyFactory;

import java.util.Objects;

/**
 * A strategy the engine can run, as registered at build time. A new order names it by index. {@code domain} is the
 * learned policy's training domain (null for schedules): the kill switch halts an order whose features leave it.
 */
public record RegisteredStrategy(String name, StrategyFactory factory, TrainingDomain domain) {
    public RegisteredStrategy {
        Objects.requireNonNull(name, "strategy name");
        Objects.requireNonNull(factory, "strategy factory of " + name);
    }

    public static RegisteredStrategy schedule(final String name, final StrategyFactory factory) {
        return new RegisteredStrategy(name, factory, null);
    }
}
