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
 * @param nStep              steps summed into one replayed transition before bootstrapping (1: plain one-step
 *                           targets); longer sums carry a regime's cost back to the decision that caused it faster
 * @param learningRateEnd    the learning rate falls linearly from {@code learningRate} to this over the episodes
 * @param averaging          Polyak rate of a running average of the online network's weights (0: none); when on,
 *                           each validation also scores the average, and the best of either is returned, because
 *                           the online network's greedy policy swings from one snapshot to the next
 */
public record DqnConfig(String actionMapName, ActionMapping.Unit unit, double[] actionValues, int[] hidden,
                        int episodes, int warmupEpisodes, int batch, int bufferCapacity, double learningRate,
                        double gamma, int targetUpdateEvery, double epsilonStart, double epsilonEnd,
                        double epsilonDecayShare, double huberDelta, double gradClip, double riskAversion,
                        int validationEpisodes, int validationEvery, int nStep, double learningRateEnd,
                        double averaging) {

    public static final double[] SEED_FRACTIONS = {0.05, 0.10, 0.15, 0.25, 0.50};
    public static final double[] TWAP_MULTIPLES = {0.0, 0.25, 0.5, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0, 3.0};

    public DqnConfig {
        if (episodes < 1 || batch < 1 || bufferCapacity < batch) {
            throw new IllegalArgumentException("need episodes >= 1 and buffer >= batch >= 1; got episodes=" + episodes
                    + " batch=" + batch + " buffer=" + bufferCapacity);
        }
        if (nStep < 1) {
            throw new IllegalArgumentException("n-step must be at least 1, got " + nStep);
        }
        actionValues = actionValues.clone();
        hidden = hidden.clone();
    }

    /** The seed notebook's action map and network size (500 episodes, batch 32, buffer 20,000). */
    public static DqnConfig seedNotebook(final int episodes, final double riskAversion) {
        return new DqnConfig("seed-fractions", ActionMapping.Unit.FRACTION_OF_REMAINING, SEED_FRACTIONS,
                new int[] {64, 32}, episodes, Math.max(1, episodes / 25), 32, 20_000, 1e-3, 1.0, 200, 1.0, 0.02,
                0.6, 1.0, 10.0, riskAversion, 100, Math.max(1, episodes / 20), 1, 1e-3, 0.0);
    }

    /** Multiples of the TWAP rate: the map for reaching the closed-form optimum and for regime-dependent markets. */
    public static DqnConfig twapGrid(final int episodes, final double riskAversion) {
        return new DqnConfig("twap-multiples", ActionMapping.Unit.TWAP_MULTIPLE, TWAP_MULTIPLES,
                new int[] {64, 64}, episodes, Math.max(1, episodes / 25), 64, 100_000, 5e-4, 1.0, 500, 1.0, 0.02,
                0.6, 1.0, 10.0, riskAversion, 200, Math.max(1, episodes / 25), 1, 5e-4, 0.0);
    }

    /**
     * The TWAP-multiple grid tuned (on training-seed validation episodes only) for markets whose liquidity regime
     * must be read from volume: a learning rate decaying to a fifth, a weight average scored next to the online
     * network, and 1,000 validation episodes every 1/60 of the run, so the snapshot returned is chosen on a tight
     * estimate.
     */
    public static DqnConfig regimeGrid(final int episodes, final double riskAversion) {
        return new DqnConfig("twap-multiples", ActionMapping.Unit.TWAP_MULTIPLE, TWAP_MULTIPLES,
                new int[] {64, 64}, episodes, Math.max(1, episodes / 25), 64, 100_000, 5e-4, 1.0, 500, 1.0, 0.02,
                0.6, 1.0, 10.0, riskAversion, 1000, Math.max(1, episodes / 60), 1, 1e-4, 1e-3);
    }

    /**
     * The demo's budget, about 30 s of one core: the regime preset on a 32-32 network for 4,500 episodes (a smaller
     * network trains three times as many episodes in the same time, which matters more here than width), validated
     * on 200 training-seed episodes every 180.
     */
    public static DqnConfig demo(final double riskAversion) {
        return regimeGrid(4500, riskAversion).withValidation(200, 180).withHidden(32, 32);
    }

    public DqnConfig withEpisodes(final int n) {
        return new DqnConfig(actionMapName, unit, actionValues, hidden, n, Math.max(1, n / 25), batch, bufferCapacity,
                learningRate, gamma, targetUpdateEvery, epsilonStart, epsilonEnd, epsilonDecayShare, huberDelta,
                gradClip, riskAversion, validationEpisodes, Math.max(1, n / 25), nStep, learningRateEnd, averaging);
    }

    public DqnConfig withValidation(final int episodesPerCheck, final int every) {
        return new DqnConfig(actionMapName, unit, actionValues, hidden, episodes, warmupEpisodes, batch,
                bufferCapacity, learningRate, gamma, targetUpdateEvery, epsilonStart, epsilonEnd, epsilonDecayShare,
                huberDelta, gradClip, riskAversion, episodesPerCheck, every, nStep, learningRateEnd, averaging);
    }

    public DqnConfig withNStep(final int n) {
        return new DqnConfig(actionMapName, unit, actionValues, hidden, episodes, warmupEpisodes, batch,
                bufferCapacity, learningRate, gamma, targetUpdateEvery, epsilonStart, epsilonEnd, epsilonDecayShare,
                huberDelta, gradClip, riskAversion, validationEpisodes, validationEvery, n, learningRateEnd, averaging);
    }

    public DqnConfig withLearningRates(final double start, final double end) {
        return new DqnConfig(actionMapName, unit, actionValues, hidden, episodes, warmupEpisodes, batch,
                bufferCapacity, start, gamma, targetUpdateEvery, epsilonStart, epsilonEnd, epsilonDecayShare,
                huberDelta, gradClip, riskAversion, validationEpisodes, validationEvery, nStep, end, averaging);
    }

    public DqnConfig withHidden(final int... widths) {
        return new DqnConfig(actionMapName, unit, actionValues, widths, episodes, warmupEpisodes, batch,
                bufferCapacity, learningRate, gamma, targetUpdateEvery, epsilonStart, epsilonEnd, epsilonDecayShare,
                huberDelta, gradClip, riskAversion, validationEpisodes, validationEvery, nStep, learningRateEnd, averaging);
    }

    public DqnConfig withAveraging(final double rate) {
        return new DqnConfig(actionMapName, unit, actionValues, hidden, episodes, warmupEpisodes, batch,
                bufferCapacity, learningRate, gamma, targetUpdateEvery, epsilonStart, epsilonEnd, epsilonDecayShare,
                huberDelta, gradClip, riskAversion, validationEpisodes, validationEvery, nStep, learningRateEnd, rate);
    }

    public DqnConfig withActions(final String name, final double[] values) {
        return new DqnConfig(name, unit, values, hidden, episodes, warmupEpisodes, batch,
                bufferCapacity, learningRate, gamma, targetUpdateEvery, epsilonStart, epsilonEnd, epsilonDecayShare,
                huberDelta, gradClip, riskAversion, validationEpisodes, validationEvery, nStep, learningRateEnd, averaging);
    }
}
