package io.slicer.tools.train;

/**
 * How a step's cost becomes a reward.
 *
 * @param costScale    dollars per reward unit: the expected IS of exact TWAP on training seeds, so a whole episode's
 *                     return is about -1 and no network has to learn large numbers
 * @param riskAversion Almgren-Chriss lambda (per dollar): 0 is risk-neutral (minimise expected IS); otherwise each
 *                     step also pays {@code lambda * sigma^2 * x^2} for the shares x still held, whose sum is the
 *                     variance of IS for a deterministic schedule
 * @param realisedTiming true: reward is the raw IS a step added, market moves included; false (default): the
 *                     market's moves enter at their expectation (see {@link ExecutionEnv})
 */
public record RewardSpec(double costScale, double riskAversion, boolean realisedTiming) {
    public RewardSpec(final double costScale, final double riskAversion) {
        this(costScale, riskAversion, false);
    }

    public RewardSpec {
        if (!(costScale > 0) || Double.isInfinite(costScale)) {
            throw new IllegalArgumentException("cost scale must be a positive number of dollars, got " + costScale);
        }
        if (!(riskAversion >= 0) || Double.isInfinite(riskAversion)) {
            throw new IllegalArgumentException("risk aversion must be >= 0, got " + riskAversion);
        }
    }
}
