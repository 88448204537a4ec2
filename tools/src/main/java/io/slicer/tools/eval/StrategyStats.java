package io.slicer.tools.eval;

/**
 * Aggregate TCA numbers of one strategy over all paired episodes. Costs are positive when they hurt.
 *
 * @param isBps                IS distribution, bps of arrival notional
 * @param isDollars            IS distribution, dollars
 * @param objectiveDollars     mean-variance objective E[IS$] + lambda * Var[IS$] (sample variance)
 * @param vsBaseline           paired comparison of IS bps against the baseline (savings = baseline - this)
 * @param vsBaselineDollars    the same in dollars
 * @param impactBps            mean impact cost (temporary impact + half-spread + own permanent impact)
 * @param temporaryImpactBps   mean temporary impact + half-spread
 * @param permanentImpactBps   mean cost of our own earlier trades' permanent impact
 * @param timingBps            mean cost of the market's own drift while we traded
 * @param opportunityBps       mean cost of shares left unfilled, valued at the final mid
 * @param vwapSlippageBps      mean (our average price - market VWAP), bps, positive = worse than VWAP
 * @param participationMean    mean over episodes of (our shares / market volume) for the whole episode
 * @param participationMaxMean mean over episodes of the largest single-slice participation
 * @param participationMax     largest single-slice participation seen in any episode (as traded)
 * @param participationCap     the scenario's cap the breaches are counted against, NaN when it has none
 * @param capBreachEpisodes    episodes in which at least one slice traded above the cap
 * @param capBreachSlices     slices above the cap, summed over all episodes
 * @param unfilledEpisodes     episodes that ended with shares unfilled
 * @param seed                 the seed's own accounting, for a scenario of a seed's environment; null otherwise
 * @param tactics              how the children worked the book and the shortfall's split, with paired differences
 */
public record StrategyStats(
        DistributionSummary isBps,
        DistributionSummary isDollars,
        double objectiveDollars,
        PairedComparison vsBaseline,
        PairedComparison vsBaselineDollars,
        double impactBps,
        double temporaryImpactBps,
        double permanentImpactBps,
        double timingBps,
        double opportunityBps,
        double vwapSlippageBps,
        double participationMean,
        double participationMaxMean,
        double participationMax,
        double participationCap,
        int capBreachEpisodes,
        long capBreachSlices,
        int unfilledEpisodes,
        SeedMeasures seed,
        TacticStats tactics) {

    /** Computes every statistic from the per-episode samples, reading them in episode order. */
    public static StrategyStats of(final EpisodeSamples s, final EpisodeSamples baseline, final double riskAversion,
                                   final double participationCap) {
        final DistributionSummary dollars = DistributionSummary.of(s.isDollars());
        final double[] maxParticipation = s.maxParticipation();
        double participationMax = 0;
        for (final double p : maxParticipation) {
            participationMax = Math.max(participationMax, p);
        }
        int breachEpisodes = 0;
        long breachSlices = 0;
        for (final int b : s.capBreaches()) {
            if (b > 0) {
                breachEpisodes++;
            }
            breachSlices += b;
        }
        int unfilled = 0;
        for (final long u : s.unfilledShares()) {
            if (u != 0) {
                unfilled++;
            }
        }
        return new StrategyStats(
                DistributionSummary.of(s.isBps()),
                dollars,
                dollars.mean() + riskAversion * dollars.variance(),
                PairedStatistics.compare(baseline.isBps(), s.isBps()),
                PairedStatistics.compare(baseline.isDollars(), s.isDollars()),
                mean(s.impactBps()),
                mean(s.temporaryImpactBps()),
                mean(s.permanentImpactBps()),
                mean(s.timingBps()),
                mean(s.opportunityBps()),
                mean(s.vwapSlippageBps()),
                mean(s.meanParticipation()),
                mean(maxParticipation),
                participationMax,
                participationCap,
                breachEpisodes,
                breachSlices,
                unfilled,
                s.seedMeasured() ? SeedMeasures.of(s, baseline) : null,
                TacticStats.of(s, baseline));
    }

    /** Plain left-to-right sum: the same bits on every run. */
    static double mean(final double[] x) {
        double sum = 0;
        for (final double v : x) {
            sum += v;
        }
        return sum / x.length;
    }
}
