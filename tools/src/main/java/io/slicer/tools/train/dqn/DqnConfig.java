package io.slicer.tools.train.dqn;

import io.slicer.engine.decision.ActionMapping;

/**
 * Double DQN hyper-parameters. Two action maps ship: {@link #seedNotebook} (the DQN notebook seed's five fractions
 * of remaining shares and its 64-32 network) and {@link #twapGrid} (a finer grid of multiples of the TWAP rate, on
 * which {@code m = 1} everywhere is exact TWAP, so the risk-neutral optimum of a linear-impact market is reachable).
 *
 * @param gamma              discount; 1 because an execution has a fixed horizon and time left is a feature
 * @param targetUpdateEvery  gradient steps between hard copies of the online network into the target network
 * @param epsilonDecayShare  share of the episodes over which epsilon falls linearly from start to end
 * @param warmupEpisodes     uniformly random episodes that fill the replay buffer and fix the input normalisation
 * @param validationEvery    episodes between greedy evaluations on validation episodes (the learning curve); the best
 *                           validated network is the one returned
 */
public record DqnConfig(String actionMapName, ActionMapping.Unit unit, double[] actionValues, int[] hidden,
                        int episodes, int warmupEpisodes, int batch, int bufferCapacity, double learningRate,
                        double gamma, int targetUpdateEvery, double epsilonStart, double epsilonEnd,
                        double epsilonDecayShare, double huberDelta, double gradClip, double riskAversion,
                        int validationEpisodes, int validationEvery) {

    public static final double[] SEED_FRACTIONS = {0.05, 0.10, 0.15, 0.25, 0.50};
    public static final double[] TWAP_MULTIPLES = {0.0, 0.25, 0.5, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0, 3.0};

    public DqnConfig {
        if (episodes < 1 || batch < 1 || bufferCapacity < batch) {
            throw new IllegalArgumentException("need episodes >= 1 and buffer >= batch >= 1; got episodes=" + episodes
                    + " batch=" + batch + " buffer=" + bufferCapacity);
        }
        actionValues = actionValues.clone();
        hidden = hidden.clone();
    }

    /** The seed notebook's action map and network size (500 episodes, batch 32, buffer 20,000). */
    public static DqnConfig seedNotebook(final int episodes, final double riskAversion) {
        return new DqnConfig("seed-fractions", ActionMapping.Unit.FRACTION_OF_REMAINING, SEED_FRACTIONS,
                new int[] {64, 32}, episodes, Math.max(1, episodes / 25), 32, 20_000, 1e-3, 1.0, 200, 1.0, 0.02,
                0.6, 1.0, 10.0, riskAversion, 100, Math.max(1, episodes / 20));
    }

    /** Multiples of the TWAP rate: the map for reaching the closed-form optimum and for regime-dependent markets. */
    public static DqnConfig twapGrid(final int episodes, final double riskAversion) {
        return new DqnConfig("twap-multiples", ActionMapping.Unit.TWAP_MULTIPLE, TWAP_MULTIPLES,
                new int[] {64, 64}, episodes, Math.max(1, episodes / 25), 64, 100_000, 5e-4, 1.0, 500, 1.0, 0.02,
                0.6, 1.0, 10.0, riskAversion, 200, Math.max(1, episodes / 25));
    }

    public DqnConfig withEpisodes(final int n) {
        return new DqnConfig(actionMapName, unit, actionValues, hidden, n, Math.max(1, n / 25), batch, bufferCapacity,
                learningRate, gamma, targetUpdateEvery, epsilonStart, epsilonEnd, epsilonDecayShare, huberDelta,
                gradClip, riskAversion, validationEpisodes, Math.max(1, n / 25));
    }

    public DqnConfig withValidation(final int episodesPerCheck, final int every) {
        return new DqnConfig(actionMapName, unit, actionValues, hidden, episodes, warmupEpisodes, batch,
                bufferCapacity, learningRate, gamma, targetUpdateEvery, epsilonStart, epsilonEnd, epsilonDecayShare,
                huberDelta, gradClip, riskAversion, episodesPerCheck, every);
    }
}
