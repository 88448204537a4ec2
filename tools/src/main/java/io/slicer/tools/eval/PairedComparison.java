package io.slicer.tools.eval;

/**
 * A strategy against the baseline on the same episodes. {@code savings} is mean(baseline - strategy) of the
 * per-episode values, so a positive number means the strategy cost less than the baseline.
 *
 * @param savings      mean paired difference (baseline - strategy)
 * @param ciLow        lower end of the 95% confidence interval of the mean difference (t-distribution, n - 1 df)
 * @param ciHigh       upper end
 * @param pairedP      two-sided p-value of the paired t-test (H0: mean difference = 0); NaN when every
 *                     difference is the same (e.g. the baseline against itself)
 * @param welchP       two-sided p-value of Welch's unequal-variance t-test on the two samples as if unpaired; it
 *                     ignores the common random numbers and so shows how much pairing buys
 * @param stdDifference sample standard deviation of the paired differences
 */
public record PairedComparison(double savings, double ciLow, double ciHigh, double pairedP, double welchP,
                               double stdDifference) {

    /** True when the confidence interval lies entirely above zero. */
    public boolean significantlyCheaper() {
        return ciLow > 0;
    }

    /** True when the confidence interval lies entirely below zero. */
    public boolean significantlyDearer() {
        return ciHigh < 0;
    }
}
