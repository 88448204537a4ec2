package io.slicer.tools.sim;

import io.slicer.engine.order.OrderTerms;

/**
 * A market in which a parent order is executed over a fixed number of slices: the order's {@link OrderTerms} and
 * the episodes that execute it.
 * Immutable and thread-safe; {@link #newEpisode()} gives each thread its own mutable {@link Episode}.
 *
 * <p>Every random number of episode {@code i} under seed {@code s} comes from {@link EpisodeRandom#of(long, long)},
 * so the path is the same whatever else runs and on any number of threads.
 */
public interface Scenario {
    /** Registry name, e.g. {@code ac-2000}. */
    String name();

    /** One line: what the scenario is and where its numbers come from. */
    String description();

    /**
     * The order this scenario executes and the market inputs a strategy is told about it (volatility, expected volume
     * per slice, impact model, participation limit): the same value the live engine builds from an OMS's order, from
     * which every strategy is made. Its times are a nominal session ({@link ScenarioTerms}).
     */
    OrderTerms terms();

    /** A fresh, reusable episode for one thread. */
    Episode newEpisode();

    /**
     * Rows or bars of historical market data the plausibility filter (the engine's market-data check) refused and
     * left out while the scenario was loaded; 0 for a simulated market.
     */
    default long marketDataRejected() {
        return 0;
    }
}
