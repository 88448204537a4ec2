package io.slicer.engine.sim;

import io.slicer.engine.market.Side;

/**
 * A market in which a parent order is executed over a fixed number of periods, plus the parent order itself.
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

    Side side();

    /** Parent quantity Q in shares. */
    long quantity();

    /** Number of decision periods N. */
    int periods();

    /** Arrival (decision) price P0. */
    double arrivalPrice();

    /** Price volatility per period, currency per share (the random walk's step standard deviation). */
    double sigmaPerPeriod();

    /** Length of one period in the unit the impact coefficients are quoted in (AC's tau). */
    double periodLength();

    /** Linear permanent impact gamma: the price moves gamma * n per share traded, for good. */
    double permanentImpact();

    /** Linear temporary impact eta (per unit of trading rate n / tau). */
    double temporaryImpact();

    /** Half-spread / fixed cost epsilon per share. */
    double halfSpread();

    /** Expected market volume of each period, in shares (length {@link #periods()}). A copy. */
    double[] expectedVolumeProfile();

    /** Participation cap the desk imposes on this scenario (fraction of market volume), or NaN for none. */
    double participationCap();

    /** A fresh, reusable episode for one thread. */
    Episode newEpisode();
}
