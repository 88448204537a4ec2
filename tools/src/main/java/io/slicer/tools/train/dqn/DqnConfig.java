package io.slicer.tools.train.dqn;

import io.slicer.engine.decision.ActionMapping;

/**
 * Double DQN hyper-parameters. Immutable; start from a preset, override by name and {@link Builder#build build}:
 * {@code DqnConfig.regimeGrid().episodes(1_500).riskAversion(1e-6).build()}.
 *
 * <p>Two action maps ship: {@link #seedNotebook} (the DQN notebook seed's five fractions of remaining shares and its
 * 64-32 network) and {@link #twapGrid} (a finer grid of multiples of the TWAP rate, on which {@code m = 1} everywhere
 * is exact TWAP, so the risk-neutral optimum of a linear-impact market is reachable). The builder starts from the
 * TWAP grid; the other presets say what they change.
 *
 * <p>The warm-up and the validation cadence are shares of {@code episodes}, so a preset run for fewer or more
 * episodes keeps its shape.
 */
public final class DqnConfig {
    /** Episodes of the {@link #demo} preset, the demo's DQN budget. */
    public static final int DEMO_EPISODES = 4_500;

    private static final double[] SEED_FRACTIONS = {0.05, 0.10, 0.15, 0.25, 0.50};
    private static final double[] TWAP_MULTIPLES = {0.0, 0.25, 0.5, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0, 3.0};

    /** Discount: 1, because an execution has a fixed horizon and time left is a feature. */
    private static final double GAMMA = 1.0;
    /** Epsilon-greedy exploration starts uniformly random and keeps 2% random actions once decayed. */
    private static final double EPSILON_START = 1.0;
    private static final double EPSILON_END = 0.02;
    /** Share of the episodes over which epsilon falls linearly from start to end. */
    private static final double EPSILON_DECAY_SHARE = 0.6;
    private static final double HUBER_DELTA = 1.0;
    private static final double GRAD_CLIP = 10.0;
    /** One episode in this many is a uniformly random warm-up episode (at least one). */
    private static final int EPISODES_PER_WARMUP_EPISODE = 25;

    private final String actionMapName;
    private final ActionMapping.Unit unit;
    private final double[] actionValues;
    private final int[] hidden;
    private final int episodes;
    private final int warmupEpisodes;
    private final int batch;
    private final int bufferCapacity;
    private final double learningRate;
    private final double learningRateEnd;
    private final int targetUpdateEvery;
    private final double riskAversion;
    private final int validationEpisodes;
    private final int validationEvery;
    private final int nStep;
    private final double averaging;

    private DqnConfig(final Builder b) {
        if (b.episodes < 1 || b.batch < 1 || b.bufferCapacity < b.batch) {
            throw new IllegalArgumentException("need episodes >= 1 and buffer >= batch >= 1; got episodes="
                    + b.episodes + " batch=" + b.batch + " buffer=" + b.bufferCapacity);
        }
        if (b.nStep < 1) {
            throw new IllegalArgumentException("n-step must be at least 1, got " + b.nStep);
        }
        if (b.validationEpisodes < 1 || b.validationsPerRun < 1) {
            throw new IllegalArgumentException("need at least one validation episode and one validation per run; got "
                    + b.validationEpisodes + " episodes, " + b.validationsPerRun + " validations");
        }
        actionMapName = b.actionMapName;
        unit = b.unit;
        actionValues = b.actionValues.clone();
        hidden = b.hidden.clone();
        episodes = b.episodes;
        warmupEpisodes = Math.max(1, b.episodes / EPISODES_PER_WARMUP_EPISODE);
        batch = b.batch;
        bufferCapacity = b.bufferCapacity;
        learningRate = b.learningRate;
        learningRateEnd = Double.isNaN(b.learningRateEnd) ? b.learningRate : b.learningRateEnd;
        targetUpdateEvery = b.targetUpdateEvery;
        riskAversion = b.riskAversion;
        validationEpisodes = b.validationEpisodes;
        validationEvery = Math.max(1, b.episodes / b.validationsPerRun);
        nStep = b.nStep;
        averaging = b.averaging;
    }

    /**
     * Multiples of the TWAP rate: the map for reaching the closed-form optimum and for regime-dependent markets
     * (3,000 episodes, batch 64, buffer 100,000). The builder's defaults.
     */
    public static Builder twapGrid() {
        return new Builder();
    }

    /** The seed notebook's action map and network size (500 episodes, batch 32, buffer 20,000). */
    public static Builder seedNotebook() {
        return new Builder()
                .actionMap("seed-fractions", ActionMapping.Unit.FRACTION_OF_REMAINING, SEED_FRACTIONS)
                .hidden(64, 32)
                .episodes(500)
                .batch(32)
                .bufferCapacity(20_000)
                .learningRate(1e-3)
                .targetUpdateEvery(200)
                .validationEpisodes(100)
                .validationsPerRun(20);
    }

    /**
     * The TWAP-multiple grid tuned (on training-seed validation episodes only) for markets whose liquidity regime
     * must be read from volume: 6,000 episodes, a learning rate decaying to a fifth, a weight average scored next to
     * the online network, and 1,000 validation episodes every 1/60 of the run, so the snapshot returned is chosen on a
     * tight estimate.
     */
    public static Builder regimeGrid() {
        return new Builder()
                .episodes(6_000)
                .learningRateEnd(1e-4)
                .averaging(1e-3)
                .validationEpisodes(1_000)
                .validationsPerRun(60);
    }

    /**
     * The demo's budget, about 30 s of one core: the regime preset on a 32-32 network for 4,500 episodes (a smaller
     * network trains three times as many episodes in the same time, which matters more here than width), validated
     * on 200 training-seed episodes every 1/25 of the run.
     */
    public static Builder demo() {
        return regimeGrid()
                .episodes(DEMO_EPISODES)
                .hidden(32, 32)
                .validationEpisodes(200)
                .validationsPerRun(25);
    }

    public String actionMapName() {
        return actionMapName;
    }

    public ActionMapping.Unit unit() {
        return unit;
    }

    /** The action grid in {@link #unit}; the trainer's own array, read on every step, so not copied. */
    public double[] actionValues() {
        return actionValues;
    }

    public int[] hidden() {
        return hidden;
    }

    public int episodes() {
        return episodes;
    }

    /** Uniformly random episodes that fill the replay buffer and fix the input normalisation. */
    public int warmupEpisodes() {
        return warmupEpisodes;
    }

    public int batch() {
        return batch;
    }

    public int bufferCapacity() {
        return bufferCapacity;
    }

    public double learningRate() {
        return learningRate;
    }

    /** The learning rate falls linearly from {@link #learningRate} to this over the episodes. */
    public double learningRateEnd() {
        return learningRateEnd;
    }

    public double gamma() {
        return GAMMA;
    }

    /** Gradient steps between hard copies of the online network into the target network. */
    public int targetUpdateEvery() {
        return targetUpdateEvery;
    }

    public double epsilonStart() {
        return EPSILON_START;
    }

    public double epsilonEnd() {
        return EPSILON_END;
    }

    public double epsilonDecayShare() {
        return EPSILON_DECAY_SHARE;
    }

    public double huberDelta() {
        return HUBER_DELTA;
    }

    public double gradClip() {
        return GRAD_CLIP;
    }

    public double riskAversion() {
        return riskAversion;
    }

    public int validationEpisodes() {
        return validationEpisodes;
    }

    /**
     * Episodes between greedy evaluations on validation episodes (the learning curve); the best validated network
     * is the one returned.
     */
    public int validationEvery() {
        return validationEvery;
    }

    public int nStep() {
        return nStep;
    }

    public double averaging() {
        return averaging;
    }

    /** Starts from the TWAP grid's values; every preset is one of these with a few of them changed. */
    public static final class Builder {
        private String actionMapName = "twap-multiples";
        private ActionMapping.Unit unit = ActionMapping.Unit.TWAP_MULTIPLE;
        private double[] actionValues = TWAP_MULTIPLES;
        private int[] hidden = {64, 64};
        private int episodes = 3_000;
        private int batch = 64;
        private int bufferCapacity = 100_000;
        private double learningRate = 5e-4;
        private double learningRateEnd = Double.NaN;
        private int targetUpdateEvery = 500;
        private double riskAversion;
        private int validationEpisodes = 200;
        private int validationsPerRun = 25;
        private int nStep = 1;
        private double averaging;

        private Builder() {
        }

        /** The actions the network scores, in {@code unit}; {@code name} is recorded in the model's provenance. */
        public Builder actionMap(final String name, final ActionMapping.Unit unit, final double... values) {
            actionMapName = name;
            this.unit = unit;
            actionValues = values;
            return this;
        }

        /** Hidden layer widths, input side first. */
        public Builder hidden(final int... widths) {
            hidden = widths;
            return this;
        }

        /** Training episodes after the warm-up; the warm-up and the validation cadence scale with them. */
        public Builder episodes(final int n) {
            episodes = n;
            return this;
        }

        /** Transitions per minibatch; one minibatch step per environment step. */
        public Builder batch(final int n) {
            batch = n;
            return this;
        }

        /** Transitions the replay ring holds before the oldest are overwritten; at least one batch. */
        public Builder bufferCapacity(final int n) {
            bufferCapacity = n;
            return this;
        }

        /** Adam's learning rate at the first episode; it stays there unless {@link #learningRateEnd} is set. */
        public Builder learningRate(final double rate) {
            learningRate = rate;
            return this;
        }

        /** The learning rate at the last episode, reached linearly (default: the start rate, no decay). */
        public Builder learningRateEnd(final double rate) {
            learningRateEnd = rate;
            return this;
        }

        /** Gradient steps between hard copies of the online network into the target network. */
        public Builder targetUpdateEvery(final int steps) {
            targetUpdateEvery = steps;
            return this;
        }

        /** Almgren-Chriss lambda per dollar; 0 (the default) minimises expected IS. */
        public Builder riskAversion(final double lambda) {
            riskAversion = lambda;
            return this;
        }

        /** Validation episodes (training seed) per greedy evaluation. */
        public Builder validationEpisodes(final int n) {
            validationEpisodes = n;
            return this;
        }

        /** Greedy evaluations over the run, evenly spaced (the last episode is always evaluated too). */
        public Builder validationsPerRun(final int n) {
            validationsPerRun = n;
            return this;
        }

        /**
         * Steps summed into one replayed transition before bootstrapping (default 1: plain one-step targets);
         * longer sums carry a regime's cost back to the decision that caused it faster.
         */
        public Builder nStep(final int n) {
            nStep = n;
            return this;
        }

        /**
         * Polyak rate of a running average of the online network's weights (default 0: none); when on, each
         * validation also scores the average, and the best of either is returned, because the online network's
         * greedy policy swings from one snapshot to the next.
         */
        public Builder averaging(final double rate) {
            averaging = rate;
            return this;
        }

        /** @throws IllegalArgumentException if the sizes cannot train (no episodes, a buffer smaller than a batch) */
        public DqnConfig build() {
            return new DqnConfig(this);
        }
    }
}
