package io.slicer.tools.sim;

/**
 * An episode of a seed's environment that also keeps the seed's own accounting beside Slicer's IS, so a seed's claim
 * can be checked in the units it was made in. {@code evaluate} reports these for every strategy when the scenario's
 * episodes have them. Values are those of the episode so far; read them when it is done.
 */
public interface SeedMeasuredEpisode {
    /** The seed's execution cost of the episode, as its notebook sums it (not IS), in the instrument's currency. */
    double seedCost();

    /** The seed's constraint measure: the episode mean of |p|, the action the strategy asked for. */
    double seedMeanAbsAction();

    /** The same episode mean taken on what was traded: shares filled / market volume, per step. */
    double seedMeanTradedParticipation();

    /** The limit the seed holds {@link #seedMeanAbsAction()} to. */
    double seedParticipationLimit();
}
