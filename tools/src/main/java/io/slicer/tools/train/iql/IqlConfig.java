package io.slicer.tools.train.iql;

import io.slicer.engine.decision.ActionMapping;

/**
 * Implicit Q-Learning (Kostrikov, Nair and Levine, 2022) hyper-parameters, with a participation constraint handled
 * by a Lagrange multiplier.
 *
 * @param unit              the actor's action unit; its continuous range is [low, high]
 * @param expectile         tau of the value function's expectile loss (0.7)
 * @param beta              inverse temperature of the advantage weights exp(beta * A) (3)
 * @param weightClip        upper clip of the advantage weights (100)
 * @param bcSteps           behaviour-cloning warm start: the actor's first steps use weight 1
 * @param polyak            target Q networks' averaging rate
 * @param participationCap  the constraint, executed / market volume per slice; NaN for none
 * @param dualStep          projected dual ascent step of the multiplier per unit of measured violation
 * @param lambdaMax         the multiplier's upper bound
 * @param dualEvery         gradient steps between multiplier updates (each rolls the greedy actor out on validation
 *                          episodes and measures participation as traded)
 * @param datasetEpisodes   behaviour episodes logged on the training seed
 * @param behaviourNoise    relative noise of the behaviour policies
 */
public record IqlConfig(ActionMapping.Unit unit, double low, double high, int[] hidden, int batch, int steps,
                        double learningRate, double gamma, double expectile, double beta, double weightClip,
                        int bcSteps, double polyak, double gradClip, double riskAversion, double participationCap,
                        double dualStep, double lambdaMax, int dualEvery, int validationEpisodes,
                        int validationEvery, int datasetEpisodes, double behaviourNoise) {

    public IqlConfig {
        if (!(high > low)) {
            throw new IllegalArgumentException("action range must have high > low, got [" + low + ", " + high + "]");
        }
        if (steps < 1 || batch < 1) {
            throw new IllegalArgumentException("need steps >= 1 and batch >= 1, got " + steps + ", " + batch);
        }
        hidden = hidden.clone();
    }

    /** Defaults for a scenario: participation actions in [0, pMax], the paper's tau, beta and weight clip. */
    public static IqlConfig participation(final double pMax, final int steps, final double cap,
                                          final double riskAversion) {
        return new IqlConfig(ActionMapping.Unit.PARTICIPATION, 0.0, pMax, new int[] {32, 32}, 64, steps, 1e-3, 1.0,
                0.7, 3.0, 100.0, 500, 0.005, 10.0, riskAversion, cap, 0.5, 100.0, Math.max(1, steps / 50), 50,
                Math.max(1, steps / 25), 2000, 0.3);
    }

    /** Multiples of the TWAP rate in [0, 3]: the unit for reaching the closed-form optimum. */
    public static IqlConfig twapMultiple(final int steps, final double cap, final double riskAversion) {
        return new IqlConfig(ActionMapping.Unit.TWAP_MULTIPLE, 0.0, 3.0, new int[] {32, 32}, 64, steps, 1e-3, 1.0,
                0.7, 3.0, 100.0, 500, 0.005, 10.0, riskAversion, cap, 0.5, 100.0, Math.max(1, steps / 50), 50,
                Math.max(1, steps / 25), 2000, 0.3);
    }

    public IqlConfig withSteps(final int n) {
        return new IqlConfig(unit, low, high, hidden, batch, n, learningRate, gamma, expectile, beta, weightClip,
                Math.min(bcSteps, Math.max(1, n / 10)), polyak, gradClip, riskAversion, participationCap, dualStep,
                lambdaMax, Math.max(1, n / 50), validationEpisodes, Math.max(1, n / 25), datasetEpisodes,
                behaviourNoise);
    }

    public IqlConfig withDataset(final int episodes, final int validation) {
        return new IqlConfig(unit, low, high, hidden, batch, steps, learningRate, gamma, expectile, beta, weightClip,
                bcSteps, polyak, gradClip, riskAversion, participationCap, dualStep, lambdaMax, dualEvery, validation,
                validationEvery, episodes, behaviourNoise);
    }

    /**
     * The demo's budget, about 30 s of one core: TWAP multiples, 4,000 behaviour episodes with noise 0.8 (log them
     * with {@link BehaviourPolicy#ADAPTIVE}), 40,000 gradient steps, sharp extraction (expectile 0.95, beta 20).
     * {@code cap} NaN trains without the Lagrangian.
     */
    public static IqlConfig demo(final double cap, final double riskAversion) {
        return twapMultiple(40_000, cap, riskAversion).withSteps(40_000).withDataset(4_000, 50)
                .withExtraction(0.95, 20.0).withBehaviourNoise(0.8);
    }

    /** Sharper policy extraction: expectile and advantage temperature (the paper's locomotion values are 0.7, 3). */
    public IqlConfig withExtraction(final double tau, final double inverseTemperature) {
        return new IqlConfig(unit, low, high, hidden, batch, steps, learningRate, gamma, tau, inverseTemperature,
                weightClip, bcSteps, polyak, gradClip, riskAversion, participationCap, dualStep, lambdaMax, dualEvery,
                validationEpisodes, validationEvery, datasetEpisodes, behaviourNoise);
    }

    public IqlConfig withBehaviourNoise(final double noise) {
        return new IqlConfig(unit, low, high, hidden, batch, steps, learningRate, gamma, expectile, beta, weightClip,
                bcSteps, polyak, gradClip, riskAversion, participationCap, dualStep, lambdaMax, dualEvery,
                validationEpisodes, validationEvery, datasetEpisodes, noise);
    }

    public boolean constrained() {
        return !Double.isNaN(participationCap);
    }
}
