package io.slicer.tools.eval;

import io.slicer.tools.sim.EpisodeResult;
import io.slicer.tools.sim.SeedMeasuredEpisode;

import java.util.Arrays;

/**
 * Per-episode numbers of one strategy, indexed by episode. Workers write disjoint index ranges; statistics read
 * them in index order after every worker has finished, so the result does not depend on the thread count.
 */
public final class EpisodeSamples {
    private final double[] isBps;
    private final double[] isDollars;
    private final double[] impactBps;
    private final double[] temporaryImpactBps;
    private final double[] permanentImpactBps;
    private final double[] timingBps;
    private final double[] opportunityBps;
    private final double[] vwapSlippageBps;
    private final double[] meanParticipation;
    private final double[] maxParticipation;
    private final int[] capBreaches;
    private final long[] unfilledShares;
    private final double[] seedCost;
    private final double[] seedMeanAbsAction;
    private final double[] seedMeanTradedParticipation;
    private double seedParticipationLimit = Double.NaN;
    private final double[] passiveShare;
    private final double[] spreadCaptureBps;
    private final double[][] adverseSelectionBps;

    EpisodeSamples(final int episodes) {
        isBps = new double[episodes];
        isDollars = new double[episodes];
        impactBps = new double[episodes];
        temporaryImpactBps = new double[episodes];
        permanentImpactBps = new double[episodes];
        timingBps = new double[episodes];
        opportunityBps = new double[episodes];
        vwapSlippageBps = new double[episodes];
        meanParticipation = new double[episodes];
        maxParticipation = new double[episodes];
        capBreaches = new int[episodes];
        unfilledShares = new long[episodes];
        seedCost = new double[episodes];
        seedMeanAbsAction = new double[episodes];
        seedMeanTradedParticipation = new double[episodes];
        passiveShare = new double[episodes];
        spreadCaptureBps = new double[episodes];
        adverseSelectionBps = new double[2][episodes];
    }

    void record(final int episode, final EpisodeResult r) {
        isBps[episode] = r.isBps();
        isDollars[episode] = r.isCurrency();
        impactBps[episode] = r.impactBps();
        temporaryImpactBps[episode] = r.temporaryImpactBps();
        permanentImpactBps[episode] = r.permanentImpactBps();
        timingBps[episode] = r.timingBps();
        opportunityBps[episode] = r.opportunityBps();
        vwapSlippageBps[episode] = r.vwapSlippageBps();
        meanParticipation[episode] = r.meanParticipation();
        maxParticipation[episode] = r.maxParticipation();
        capBreaches[episode] = r.capBreaches();
        unfilledShares[episode] = r.quantity() - r.executed();
        passiveShare[episode] = r.passiveShare();
        spreadCaptureBps[episode] = r.spreadCaptureBps();
        adverseSelectionBps[0][episode] = r.adverseSelectionBps(0);
        adverseSelectionBps[1][episode] = r.adverseSelectionBps(1);
    }

    /** Passive fill share per episode. A copy. */
    public double[] passiveShare() {
        return passiveShare.clone();
    }

    /** Spread capture per episode, bps of arrival notional. A copy. */
    public double[] spreadCaptureBps() {
        return spreadCaptureBps.clone();
    }

    /** Adverse selection per episode, bps of arrival notional: horizon 0 is 1 s, 1 is 10 s. A copy. */
    public double[] adverseSelectionBps(final int horizon) {
        return adverseSelectionBps[horizon].clone();
    }

    /** Records the seed's own accounting of episode {@code episode} (scenarios of a seed's environment only). */
    void recordSeed(final int episode, final SeedMeasuredEpisode e) {
        seedCost[episode] = e.seedCost();
        seedMeanAbsAction[episode] = e.seedMeanAbsAction();
        seedMeanTradedParticipation[episode] = e.seedMeanTradedParticipation();
        seedParticipationLimit = e.seedParticipationLimit();
    }

    /** True when the episodes came from a seed's environment and {@link #seedCost()} and the rest hold its numbers. */
    public boolean seedMeasured() {
        return !Double.isNaN(seedParticipationLimit);
    }

    /** The seed's own cost per episode (its notebook's sum of step costs, not IS). A copy. */
    public double[] seedCost() {
        return seedCost.clone();
    }

    /** The seed's constraint measure per episode: mean of |p|, the action. A copy. */
    public double[] seedMeanAbsAction() {
        return seedMeanAbsAction.clone();
    }

    /** The same mean per episode on what was traded: shares / market volume per step. A copy. */
    public double[] seedMeanTradedParticipation() {
        return seedMeanTradedParticipation.clone();
    }

    /** The limit the seed holds the mean |p| to; NaN when not {@link #seedMeasured()}. */
    public double seedParticipationLimit() {
        return seedParticipationLimit;
    }

    public int episodes() {
        return isBps.length;
    }

    /** Implementation shortfall per episode, bps (positive = cost). A copy. */
    public double[] isBps() {
        return isBps.clone();
    }

    public double[] isDollars() {
        return isDollars.clone();
    }

    public double[] impactBps() {
        return impactBps.clone();
    }

    public double[] temporaryImpactBps() {
        return temporaryImpactBps.clone();
    }

    public double[] permanentImpactBps() {
        return permanentImpactBps.clone();
    }

    public double[] timingBps() {
        return timingBps.clone();
    }

    public double[] opportunityBps() {
        return opportunityBps.clone();
    }

    public double[] vwapSlippageBps() {
        return vwapSlippageBps.clone();
    }

    public double[] meanParticipation() {
        return meanParticipation.clone();
    }

    public double[] maxParticipation() {
        return maxParticipation.clone();
    }

    public int[] capBreaches() {
        return capBreaches.clone();
    }

    public long[] unfilledShares() {
        return unfilledShares.clone();
    }

    /** IS of one episode without copying the array. */
    public double isBps(final int episode) {
        return isBps[episode];
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof EpisodeSamples s
                && Arrays.equals(isBps, s.isBps) && Arrays.equals(isDollars, s.isDollars)
                && Arrays.equals(impactBps, s.impactBps) && Arrays.equals(timingBps, s.timingBps)
                && Arrays.equals(opportunityBps, s.opportunityBps)
                && Arrays.equals(vwapSlippageBps, s.vwapSlippageBps)
                && Arrays.equals(meanParticipation, s.meanParticipation)
                && Arrays.equals(maxParticipation, s.maxParticipation)
                && Arrays.equals(capBreaches, s.capBreaches) && Arrays.equals(unfilledShares, s.unfilledShares)
                && Arrays.equals(seedCost, s.seedCost) && Arrays.equals(seedMeanAbsAction, s.seedMeanAbsAction)
                && Arrays.equals(seedMeanTradedParticipation, s.seedMeanTradedParticipation)
                && Arrays.equals(passiveShare, s.passiveShare) && Arrays.equals(spreadCaptureBps, s.spreadCaptureBps)
                && Arrays.deepEquals(adverseSelectionBps, s.adverseSelectionBps);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(isBps);
    }
}
