package io.slicer.engine.strategy;

import io.slicer.engine.order.OrderTerms;

/**
 * Makes a fresh {@link SliceStrategy} for one parent order from its {@link OrderTerms}: one instance per order and
 * thread, never shared. The simulator and the live engine call the same factories with terms they each build.
 */
@FunctionalInterface
public interface StrategyFactory {
    SliceStrategy create(OrderTerms terms);
}
