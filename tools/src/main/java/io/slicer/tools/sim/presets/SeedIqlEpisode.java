package io.slicer.tools.sim.presets;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.EpisodeResult;
import io.slicer.tools.sim.SeedMeasuredEpisode;
import io.slicer.tools.sim.SimulatedEpisode;

/**
 * One episode of the constrained-IQL seed's environment (../shared/reference/seed-iql-environment.md), step for step:
 * <pre>
 *   V_t   = 800 * (1 + 0.1 * Z1)
 *   v     = x at the last step (t = T-1), else min(shares asked, floor(p * V_t) for a cap p, x), at least 0
 *   exec  = mid - eta * v
 *   mid'  = mid - gamma * v + vol_est * Z2
 *   cost  = (mid' + gamma * v) * v - v * exec        (= eta v^2 + vol_est Z2 v)
 *   vol_est = 0.98 vol_est + 0.02 |mid' - exec|
 *   ofi     = 0.95 ofi + 0.05 (v - (V_t - v))
 * </pre>
 * Z1 then Z2 every step. The episode ends when t reaches T or x reaches 0. A participation policy expresses
 * "participate at rate p" as a decision for all remaining shares with participation cap p.
 *
 * <p>Two documented differences from the seed:
 * <ul>
 *   <li>Whole shares. The seed sells the real number p * V_t; we sell floor(p * V_t), as an exchange would. The
 *       last step sweeps the rest, so the total is the same.</li>
 *   <li>Cost. {@link #seedCost()} is the seed's cost, sum of the step costs above, in dollars. It is not IS: it
 *       charges no permanent impact and marks each fill against the next mid. {@link EpisodeResult#isCost()} is
 *       the IS against the arrival mid, and the two differ by exactly
 *       {@code IS - seedCost = sum_t v_t (P0 - mid'_t - gamma v_t)} (pinned by a test).</li>
 * </ul>
 * The seed's constraint is the episode mean of |p|, the action, over the steps taken ({@link #seedMeanAbsAction()});
 * what was traded is {@link #seedMeanTradedParticipation()}, the same mean of v / V_t. A strategy that states a
 * participation cap has that cap as its action (the seed's p); one that states only shares has the rate those shares
 * are of the step's volume.
 * The volatility estimate goes into the context's volatility; the seed's ofi is the context's execution flow
 * imbalance, which {@code endSlice} updates exactly as the seed does (the live engine runs the same update). The seed's
 * vol_est is part of its state and drives its price step, so this preset keeps it rather than the engine's
 * {@link io.slicer.engine.market.SliceVolatilityEstimator} that the other simulators feed: a policy trained here
 * sees the seed's estimator, and through the live engine (which runs the shared one) a different
 * {@code volatility_ratio}.
 *
 * <p>Mutable, one thread. Allocation-free after construction.
 */
public final class SeedIqlEpisode extends SimulatedEpisode<SeedIqlScenario> implements SeedMeasuredEpisode {
    private int slice;
    private long remaining;
    private double mid;
    private double unaffectedMid;
    private double volEstimate;
    private double stepCost;
    private double totalCost;
    private double absActionSum;
    private double tradedParticipationSum;

    SeedIqlEpisode(final SeedIqlScenario scenario) {
        super(scenario);
    }

    @Override
    public void reset(final long seed, final long episodeIndex) {
        open(seed, episodeIndex);
        slice = 0;
        remaining = SeedIqlScenario.SHARES;
        mid = SeedIqlScenario.MID;
        unaffectedMid = SeedIqlScenario.MID;
        volEstimate = SeedIqlScenario.SIGMA0;
        stepCost = 0.0;
        totalCost = 0.0;
        absActionSum = 0.0;
        tradedParticipationSum = 0.0;
        context.market(mid, 0.0, volEstimate);
        context.expectedSliceVolume(SeedIqlScenario.MEAN_VOLUME)
                .expectedRemainingVolume(SeedIqlScenario.MEAN_VOLUME * SeedIqlScenario.SLICES);
    }

    @Override
    public void step(final SliceDecision decision) {
        if (done()) {
            throw stepAfterEnd("step " + slice + ", " + remaining + " shares left");
        }
        final double volume = SeedIqlScenario.MEAN_VOLUME * (1 + SeedIqlScenario.VOLUME_NOISE * random.nextGaussian());
        final double z = random.nextGaussian();

        final long v = Episode.fillable(decision, volume, remaining, slice >= SeedIqlScenario.SLICES - 1);
        absActionSum += Math.abs(decision.hasParticipationCap() ? decision.participationCap()
                : decision.shares() / volume);
        tradedParticipationSum += v / volume;

        final double executionPrice = mid - SeedIqlScenario.ETA * v;
        result.record(v, executionPrice, mid, unaffectedMid, volume, mid);
        final double nextMid = mid - SeedIqlScenario.GAMMA * v + volEstimate * z;
        unaffectedMid += volEstimate * z;
        stepCost = (nextMid + SeedIqlScenario.GAMMA * v) * v - v * executionPrice;
        totalCost += stepCost;
        volEstimate = SeedIqlScenario.VOL_DECAY * volEstimate
                + SeedIqlScenario.VOL_GAIN * Math.abs(nextMid - executionPrice);
        mid = nextMid;
        remaining -= v;
        slice++;

        context.endSlice(v, volume, SeedIqlScenario.MEAN_VOLUME);
        context.market(mid, 0.0, volEstimate);
        context.expectedSliceVolume(SeedIqlScenario.MEAN_VOLUME)
                .expectedRemainingVolume(SeedIqlScenario.MEAN_VOLUME * Math.max(0, SeedIqlScenario.SLICES - slice));
        if (slice >= SeedIqlScenario.SLICES || remaining == 0) {
            finish(mid);
        }
    }

    /** The seed's execution cost so far: the sum of its step costs, dollars. */
    @Override
    public double seedCost() {
        return totalCost;
    }

    /** The seed's constraint measure: mean over the steps taken of |p|, the action. */
    @Override
    public double seedMeanAbsAction() {
        return slice == 0 ? 0.0 : absActionSum / slice;
    }

    /** The same mean of what was traded: v / V_t per step. */
    @Override
    public double seedMeanTradedParticipation() {
        return slice == 0 ? 0.0 : tradedParticipationSum / slice;
    }

    /** The seed's participation limit its constraint holds the mean |p| to. */
    @Override
    public double seedParticipationLimit() {
        return SeedIqlScenario.PARTICIPATION_LIMIT;
    }

    /** The seed's cost of the last step (its reward is minus this). */
    public double lastStepCost() {
        return stepCost;
    }

    public double mid() {
        return mid;
    }

    public double volatilityEstimate() {
        return volEstimate;
    }

    /** The seed's ofi: the context's execution flow imbalance, updated by {@code endSlice} as the engine does. */
    public double orderFlowImbalance() {
        return context.executionFlowImbalance();
    }

    /** The market volume of the last step. */
    public double lastVolume() {
        return context.lastSliceMarketVolume();
    }
}
