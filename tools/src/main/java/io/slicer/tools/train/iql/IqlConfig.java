package io.slicer.tools.train.iql;

import io.slicer.engine.decision.ActionMapping;

/**
 * Implicit Q-Learning (Kostrikov, Nair and Levine, 2022) hyper-parameters, with a participation constraint handled
 * by a Lagrange multiplier. Immutable; start from a preset, override by name and {@link Builder#build build}:
 * {@code IqlConfig.twapMultiple().steps(20_000).participationCap(Double.NaN).build()}.
 *
 * <p>The behaviour-cloning warm start, the dual step cadence and the validation cadence are shares of
 * {@code steps}, so a preset run for fewer or more steps keeps its shape.
 */
public final class IqlConfig {
    /** Gradient steps of the {@link #demo} preset, the demo's IQL budget. */
    public static final int DEMO_STEPS = 40_000;

    private static final int[] HIDDEN = {32, 32};
    private static final int BATCH = 64;
    private static final double LEARNING_RATE = 1e-3;
    /** Discount: 1, because an execution has a fixed horizon and time left is a feature. */
    private static final double GAMMA = 1.0;
    /** Upper clip of the advantage weights exp(beta * A), the paper's 100. */
    private static final double WEIGHT_CLIP = 100.0;
    /** Target Q networks' averaging rate. */
    private static final double POLYAK = 0.005;
    private static final double GRAD_CLIP = 10.0;
    /** Projected dual ascent step of the multiplier per unit of measured violation. */
    private static final double DUAL_STEP = 0.5;
    /** The multiplier's upper bound. */
    private static final double LAMBDA_MAX = 100.0;
    /** The warm start is a tenth of the run, at most this many steps. */
    private static final int MAX_BC_STEPS = 500;
    private static final int STEPS_PER_BC_STEP = 10;
    private static final int STEPS_PER_DUAL_STEP = 50;
    private static final int STEPS_PER_VALIDATION = 25;

    private final ActionMapping.Unit unit;
    private final double low;
    private final double high;
    private final int steps;
    private final double expectile;
    private final double beta;
    private final int bcSteps;
    private final double riskAversion;
    private final double participationCap;
    private final int dualEvery;
    private final int validationEpisodes;
    private final int validationEvery;
    private final int datasetEpisodes;
    private final double behaviourNoise;

    private IqlConfig(final Builder b) {
        if (!(b.high > b.low)) {
            throw new IllegalArgumentException("action range must have high > low, got [" + b.low + ", " + b.high
                    + "]");
        }
        if (b.steps < 1) {
            throw new IllegalArgumentException("need steps >= 1, got " + b.steps);
        }
        unit = b.unit;
        low = b.low;
        high = b.high;
        steps = b.steps;
        expectile = b.expectile;
        beta = b.beta;
        bcSteps = Math.min(MAX_BC_STEPS, Math.max(1, b.steps / STEPS_PER_BC_STEP));
        riskAversion = b.riskAversion;
        participationCap = b.participationCap;
        dualEvery = Math.max(1, b.steps / STEPS_PER_DUAL_STEP);
        validationEpisodes = b.validationEpisodes;
        validationEvery = Math.max(1, b.steps / STEPS_PER_VALIDATION);
        datasetEpisodes = b.datasetEpisodes;
        behaviourNoise = b.behaviourNoise;
    }

    /** Participation actions in [0, pMax]; the other values are the builder's defaults. */
    public static Builder participation(final double pMax) {
        return new Builder(ActionMapping.Unit.PARTICIPATION, 0.0, pMax);
    }

    /** Multiples of the TWAP rate in [0, 3]: the unit for reaching the closed-form optimum. */
    public static Builder twapMultiple() {
        return new Builder(ActionMapping.Unit.TWAP_MULTIPLE, 0.0, 3.0);
    }

    /**
     * The demo's budget, about 30 s of one core: TWAP multiples, 4,000 behaviour episodes with noise 0.8 (log them
     * with {@link BehaviourPolicy#ADAPTIVE}), 40,000 gradient steps, sharp extraction (expectile 0.95, beta 20).
     * A NaN {@link Builder#participationCap} trains without the Lagrangian.
     */
    public static Builder demo() {
        return twapMultiple()
                .steps(DEMO_STEPS)
                .datasetEpisodes(4_000)
                .expectile(0.95)
                .beta(20.0)
                .behaviourNoise(0.8);
    }

    /** The actor's action unit; its continuous range is [{@link #low}, {@link #high}]. */
    public ActionMapping.Unit unit() {
        return unit;
    }

    public double low() {
        return low;
    }

    public double high() {
        return high;
    }

    public int[] hidden() {
        return HIDDEN.clone();
    }

    public int batch() {
        return BATCH;
    }

    public int steps() {
        return steps;
    }

    public double learningRate() {
        return LEARNING_RATE;
    }

    public double gamma() {
        return GAMMA;
    }

    public double expectile() {
        return expectile;
    }

    public double beta() {
        return beta;
    }

    public double weightClip() {
        return WEIGHT_CLIP;
    }

    /** Behaviour-cloning warm start: the actor's first steps use weight 1. */
    public int bcSteps() {
        return bcSteps;
    }

    public double polyak() {
        return POLYAK;
    }

    public double gradClip() {
        return GRAD_CLIP;
    }

    public double riskAversion() {
        return riskAversion;
    }

    /** The constraint, executed / market volume per slice; NaN for none. */
    public double participationCap() {
        return participationCap;
    }

    public double dualStep() {
        return DUAL_STEP;
    }

    public double lambdaMax() {
        return LAMBDA_MAX;
    }

    /**
     * Gradient steps between multiplier updates (each rolls the greedy actor out on validation episodes and
     * measures participation as traded).
     */
    public int dualEvery() {
        return dualEvery;
    }

    public int validationEpisodes() {
        return validationEpisodes;
    }

    public int validationEvery() {
        return validationEvery;
    }

    public int datasetEpisodes() {
        return datasetEpisodes;
    }

    public double behaviourNoise() {
        return behaviourNoise;
    }

    public boolean constrained() {
        return !Double.isNaN(participationCap);
    }

    /** Starts from the paper's tau and beta (its locomotion values), unconstrained and risk-neutral. */
    public static final class Builder {
        private final ActionMapping.Unit unit;
        private final double low;
        private final double high;
        private int steps = 100_000;
        private double expectile = 0.7;
        private double beta = 3.0;
        private double riskAversion;
        private double participationCap = Double.NaN;
        private int validationEpisodes = 50;
        private int datasetEpisodes = 2_000;
        private double behaviourNoise = 0.3;

        private Builder(final ActionMapping.Unit unit, final double low, final double high) {
            this.unit = unit;
            this.low = low;
            this.high = high;
        }

        /** Gradient steps; the warm start, the dual step and the validation cadence scale with them. */
        public Builder steps(final int n) {
            steps = n;
            return this;
        }

        /** Tau of the value function's expectile loss (default 0.7). */
        public Builder expectile(final double tau) {
            expectile = tau;
            return this;
        }

        /** Inverse temperature of the advantage weights exp(beta * A) (default 3). */
        public Builder beta(final double inverseTemperature) {
            beta = inverseTemperature;
            return this;
        }

        /** Almgren-Chriss lambda per dollar; 0 (the default) minimises expected IS. */
        public Builder riskAversion(final double lambda) {
            riskAversion = lambda;
            return this;
        }

        /** The constraint, executed / market volume per slice; NaN (the default) for none. */
        public Builder participationCap(final double cap) {
            participationCap = cap;
            return this;
        }

        /** Validation episodes (training seed) per check; the dual step rolls out half as many (at least 10). */
        public Builder validationEpisodes(final int n) {
            validationEpisodes = n;
            return this;
        }

        /** Behaviour episodes logged on the training seed. */
        public Builder datasetEpisodes(final int n) {
            datasetEpisodes = n;
            return this;
        }

        /** Relative noise of the behaviour policies. */
        public Builder behaviourNoise(final double noise) {
            behaviourNoise = noise;
            return this;
        }

        /** @throws IllegalArgumentException if the action range is empty or there are no steps */
        public IqlConfig build() {
            return new IqlConfig(this);
        }
    }
}
