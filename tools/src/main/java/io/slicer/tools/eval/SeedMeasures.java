package io.slicer.tools.eval;

/**
 * One strategy measured the way a seed measured it (the constrained-IQL seed,
 * ../shared/reference/seed-iql-environment.md), beside Slicer's IS, so its claim can be checked in its own units.
 *
 * @param cost                     the seed's cost per episode (its notebook's sum of step costs, where permanent
 *                                 impact cancels; not IS), in the instrument's currency
 * @param savingsVsBaseline        paired comparison of that cost with the baseline's (savings = baseline - this)
 * @param meanAbsAction            mean over episodes of the episode mean of |p|, the action: the seed's constraint
 * @param meanTradedParticipation  mean over episodes of the episode mean of shares / market volume per step
 * @param limit                    the limit the seed holds the mean |p| to
 * @param actionOverLimitEpisodes  episodes whose mean |p| exceeded the limit (the seed's constraint failed)
 * @param tradedOverLimitEpisodes  episodes whose traded mean exceeded the limit
 */
public record SeedMeasures(DistributionSummary cost, PairedComparison savingsVsBaseline, double meanAbsAction,
                           double meanTradedParticipation, double limit, int actionOverLimitEpisodes,
                           int tradedOverLimitEpisodes) {

    /** From the per-episode samples of a seed's scenario, read in episode order. */
    static SeedMeasures of(final EpisodeSamples s, final EpisodeSamples baseline) {
        final double limit = s.seedParticipationLimit();
        final double[] action = s.seedMeanAbsAction();
        final double[] traded = s.seedMeanTradedParticipation();
        return new SeedMeasures(DistributionSummary.of(s.seedCost()),
                PairedStatistics.compare(baseline.seedCost(), s.seedCost()),
                StrategyStats.mean(action), StrategyStats.mean(traded), limit,
                over(action, limit), over(traded, limit));
    }

    private static int over(final double[] x, final double limit) {
        int n = 0;
        for (final double v : x) {
            if (v > limit) {
                n++;
            }
        }
        return n;
    }
}
