package io.slicer.tools.sim;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.order.OrderTerms;

/**
 * What every seeded simulator's {@link Episode} does the same way, whatever its market: the random stream the market
 * draws from, the decision context the strategy reads, the order's cost accounting, and the episode's lifecycle
 * (opened by {@code reset}, ended by the last slice or the last share). A subclass writes its market: its
 * {@link #reset} calls {@link #open} and then sets what the context observes at arrival; its {@link #step} records the
 * slice into {@link #result} and calls {@link #finish} when the order ends.
 *
 * <p>Mutable, one thread. Allocation-free after construction.
 *
 * @param <S> the scenario whose episodes these are
 */
public abstract class SimulatedEpisode<S extends Scenario> implements Episode {
    /** The market's draws: reseeded by {@link #open}, drawn by the subclass's step in a fixed order. */
    protected final SimRandom random = new SimRandom();
    /** What the strategy decides on; the subclass updates it after each slice. */
    protected final DecisionContext context = new DecisionContext();
    /** The episode's fills and costs. */
    protected final EpisodeResult result;
    private final S scenario;
    private boolean done = true;

    /** An episode of {@code scenario}'s order: its slices and its instrument's contract multiplier size the result. */
    protected SimulatedEpisode(final S scenario) {
        this.scenario = scenario;
        this.result = new EpisodeResult(scenario.terms().slices(), scenario.terms().instrument().multiplier());
    }

    @Override
    public final S scenario() {
        return scenario;
    }

    @Override
    public final boolean done() {
        return done;
    }

    @Override
    public final DecisionContext context() {
        return context;
    }

    @Override
    public final EpisodeResult result() {
        return result;
    }

    /**
     * Starts episode {@code episodeIndex} of {@code seed} for the scenario's order: reseeds the market's stream, and
     * opens the context (reference volatility, the terms' sigma per slice) and the cost accounting under the terms'
     * participation limit (NaN: none).
     */
    protected final void open(final long seed, final long episodeIndex) {
        final OrderTerms terms = scenario.terms();
        random.reseed(seed, episodeIndex);
        done = false;
        context.beginOrder(terms.side(), terms.quantity(), terms.arrivalPrice(), terms.slices(), terms.sigmaPerSlice())
                .participationLimit(terms.participationLimit());
        result.begin(terms.side(), terms.quantity(), terms.arrivalPrice(), terms.participationLimit());
    }

    /** The order has ended (last slice stepped, or nothing left): any unfilled shares are valued at {@code finalMid}. */
    protected final void finish(final double finalMid) {
        done = true;
        result.finish(finalMid);
    }

    /**
     * The error for a {@code step()} after the order ended; {@code position} says where it stood, e.g.
     * {@code "slice 3, 10 shares left"}. Built only when thrown, so a step allocates nothing.
     */
    protected final IllegalStateException stepAfterEnd(final String position) {
        return new IllegalStateException(scenario.name() + ": step() after the episode ended (" + position
                + "); call reset() first");
    }
}
