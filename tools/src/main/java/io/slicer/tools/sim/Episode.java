package io.slicer.tools.sim;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.order.TacticChooser;

/**
 * One execution of the scenario's parent order along one random market path. Mutable and reusable; one per thread.
 * Allocation-free after construction.
 *
 * <pre>
 *   reset(seed, i) ; strategy.begin(context())
 *   while (!done()) { decision.clear(); strategy.decide(context(), decision); step(decision); }
 *   result()
 * </pre>
 */
public interface Episode {
    Scenario scenario();

    /** Starts episode {@code episodeIndex} of {@code seed}: the same path for every strategy (common random numbers). */
    void reset(long seed, long episodeIndex);

    boolean done();

    /** The state a strategy decides on; updated by {@link #step}. */
    DecisionContext context();

    /**
     * Executes one slice: trades {@code min(decision.shares(), cap * marketVolume, remaining)} shares (the last
     * slice sweeps everything left, cap or not), applies impact, moves the price and advances the slice.
     */
    void step(SliceDecision decision);

    /**
     * Works every slice's child with {@code tactic} from the next {@link #reset} on (set once per strategy; the
     * default is {@code cross}). Only a market that replays a real queue can rest a child in it: elsewhere a passive
     * tactic is refused with the scenario's name.
     */
    default void tactic(final ChildTactic tactic) {
        if (tactic.passive()) {
            throw new IllegalArgumentException("scenario '" + scenario().name() + "' cannot work tactic '"
                    + tactic.spec() + "': resting children need a queue replay, which only LOBSTER scenarios have "
                    + "(lobster:SYMBOL[:sliceSeconds[:slices]]); use cross here");
        }
    }

    /**
     * Picks every slice's child's tactic with {@code chooser} from the next {@link #reset} on (null: the fixed
     * {@link #tactic}). Only a market that replays a real queue can: elsewhere a chooser is refused.
     */
    default void tacticChooser(final TacticChooser chooser) {
        if (chooser != null) {
            throw new IllegalArgumentException("scenario '" + scenario().name() + "' cannot work tactic '"
                    + chooser.spec() + "': resting children need a queue replay, which only LOBSTER scenarios have "
                    + "(lobster:SYMBOL[:sliceSeconds[:slices]]); use cross here");
        }
    }

    /** Running totals and per-slice record of this episode; valid after {@link #done()} (and during it). */
    EpisodeResult result();

    /**
     * The shares a slice fills, by the rule of {@link #step}: the last slice sweeps {@code remaining}; otherwise
     * the decision's shares (a negative request trades nothing), at most {@code floor(cap * marketVolume)} when the
     * decision carries a participation cap (a negative cap allows nothing), and never more than {@code remaining}.
     * Every episode applies exactly this rule, so a strategy behaves the same in every market.
     */
    static long fillable(final SliceDecision decision, final double marketVolume, final long remaining,
                         final boolean lastSlice) {
        if (lastSlice) {
            return remaining;
        }
        long shares = Math.max(0L, decision.shares());
        if (decision.hasParticipationCap()) {
            shares = Math.min(shares, (long) Math.floor(Math.max(0.0, decision.participationCap()) * marketVolume));
        }
        return Math.min(shares, remaining);
    }
}
