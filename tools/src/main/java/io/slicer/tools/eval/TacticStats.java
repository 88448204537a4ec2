package io.slicer.tools.eval;

/**
 * How a strategy's children worked the book, and its shortfall's split, over all paired episodes: each measure's
 * mean and its paired difference from the baseline on the same parent orders ({@link Measure#vsBaseline()}: this
 * strategy minus the baseline, so a positive passive-share difference means more passive fills).
 *
 * <p>Per parent order (bps are of its arrival notional, so they add up with its shortfall):
 * <ul>
 *   <li>passive share: shares filled resting in the book / shares executed (0 for {@code cross});</li>
 *   <li>spread capture: sum over fills of shares x side x (far touch when that part was sent - price), bps; a
 *       resting fill at the bid of a one-tick book captures the tick, a crossing child pays its impact beyond the
 *       touch (negative);</li>
 *   <li>adverse selection 1 s / 10 s: sum over passive fills of shares x side x (mid before the fill - mid 1 s /
 *       10 s later), bps; positive when the price moved against us after we were filled, 0 without passive
 *       fills;</li>
 *   <li>impact, timing, opportunity: the shortfall's split ({@link io.slicer.tools.sim.EpisodeResult}).</li>
 * </ul>
 */
public record TacticStats(Measure passiveShare, Measure spreadCaptureBps, Measure adverseSelection1sBps,
                          Measure adverseSelection10sBps, Measure impactBps, Measure timingBps,
                          Measure opportunityBps) {

    /** A measure's mean over the episodes and its paired difference from the baseline (this minus baseline). */
    public record Measure(double mean, PairedComparison vsBaseline) {
        static Measure of(final double[] strategy, final double[] baseline) {
            // compare(a, b) is mean(a - b): the strategy first gives this minus the baseline.
            return new Measure(StrategyStats.mean(strategy), PairedStatistics.compare(strategy, baseline));
        }
    }

    static TacticStats of(final EpisodeSamples s, final EpisodeSamples baseline) {
        return new TacticStats(
                Measure.of(s.passiveShare(), baseline.passiveShare()),
                Measure.of(s.spreadCaptureBps(), baseline.spreadCaptureBps()),
                Measure.of(s.adverseSelectionBps(0), baseline.adverseSelectionBps(0)),
                Measure.of(s.adverseSelectionBps(1), baseline.adverseSelectionBps(1)),
                Measure.of(s.impactBps(), baseline.impactBps()),
                Measure.of(s.timingBps(), baseline.timingBps()),
                Measure.of(s.opportunityBps(), baseline.opportunityBps()));
    }
}
