package io.slicer.engine.strategy;

import io.slicer.engine.sim.Scenario;

/** Makes a fresh {@link SliceStrategy} for a scenario: one per thread or per order, never shared. */
@FunctionalInterface
public interface StrategyFactory {
    SliceStrategy create(Scenario scenario);
}
