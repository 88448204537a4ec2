package io.slicer.tools.sim;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.SliceStrategy;

/**
 * Runs one episode of a strategy: the loop of {@link Episode}'s Javadoc. Allocation-free (the decision object is
 * the caller's).
 */
public final class EpisodeRunner {
    private EpisodeRunner() {
    }

    /** Runs episode {@code episodeIndex} of {@code seed} and returns the episode's (reused) result. */
    public static EpisodeResult run(final Episode episode, final SliceStrategy strategy, final SliceDecision decision,
                                    final long seed, final long episodeIndex) {
        episode.reset(seed, episodeIndex);
        strategy.begin(episode.context());
        while (!episode.done()) {
            decision.clear();
            strategy.decide(episode.context(), decision);
            episode.step(decision);
        }
        return episode.result();
    }
}
