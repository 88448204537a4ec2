package io.slicer.tools.train;

import io.slicer.engine.decision.ActionMapping;
import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.decision.ParticipationFeasibility;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.order.MarketImpact;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.EpisodeResult;
import io.slicer.tools.sim.Scenario;

/**
 * The reinforcement-learning view of one simulated episode: features in, action in its unit, reward out. Features
 * always come from {@link ExecutionFeatures#build} on the episode's own {@link DecisionContext}, the same function the
 * evaluation harness and the live engine call, so a trained policy sees in production exactly what it trained on.
 *
 * <p>Reward of a step (see {@link RewardSpec}): minus the step's impact cost (half-spread, temporary impact and our
 * own earlier permanent impact on this slice's fills, dollars), minus the expected market move on the shares
 * {@code x} still held ({@code s * drift * tau * x}), minus the Almgren-Chriss variance penalty
 * {@code lambda * sigma^2 * x^2}, all divided by a cost scale so returns are O(1).
 *
 * <p>Why the expected rather than the realised market move: IS = impact + timing, and timing is
 * {@code sum_k x_k (U_{k+1} - U_k)}, the market's own moves on what we still held. The moves are independent of
 * everything a policy can see, so for every policy timing has mean {@code s * drift * tau * sum x_k}: the expected
 * return is exactly minus the expected IS (plus the risk term), while the realised moves would add noise a hundred
 * times the size of the impact differences a policy is learning (liquid-stock: 115 bps of timing risk against
 * 8.4 bps of cost). {@link RewardSpec#realisedTiming()} switches to the raw IS for markets where moves are
 * predictable.
 *
 * <p>Allocation-free after construction.
 */
public final class ExecutionEnv {
    private final Scenario scenario;
    private final Episode episode;
    private final RewardSpec reward;
    private final SliceDecision decision = new SliceDecision();
    private final float[] features = new float[ExecutionFeatures.COUNT];
    private final double sigma2;
    private final double driftPerSlice;
    private final double notionalPerBp;
    private boolean lastForced;

    public ExecutionEnv(final Scenario scenario, final RewardSpec reward) {
        this.scenario = scenario;
        this.episode = scenario.newEpisode();
        this.reward = reward;
        this.sigma2 = scenario.terms().sigmaPerSlice() * scenario.terms().sigmaPerSlice();
        final MarketImpact impact = scenario.terms().impact();
        this.driftPerSlice = scenario.terms().side().sign() * impact.drift() * impact.sliceLength();
        this.notionalPerBp = scenario.terms().quantity() * scenario.terms().arrivalPrice() / 1e4;
    }

    public Scenario scenario() {
        return scenario;
    }

    public void reset(final long seed, final long episodeIndex) {
        episode.reset(seed, episodeIndex);
    }

    public boolean done() {
        return episode.done();
    }

    public DecisionContext context() {
        return episode.context();
    }

    public EpisodeResult result() {
        return episode.result();
    }

    /** Writes the current raw (unnormalised) features into {@code dst[off .. off + COUNT)}. */
    public void observe(final double[] dst, final int off) {
        ExecutionFeatures.build(episode.context(), features);
        for (int i = 0; i < ExecutionFeatures.COUNT; i++) {
            dst[off + i] = features[i];
        }
    }

    /**
     * Executes action {@code value} in {@code unit} for one slice and returns the scaled reward. The action goes
     * through the same {@link ParticipationFeasibility} floor as in {@link io.slicer.engine.strategy.PolicyStrategy},
     * so a policy learns in the market it will trade in.
     */
    public double step(final ActionMapping.Unit unit, final double value) {
        decision.clear();
        ActionMapping.apply(unit, value, episode.context(), decision);
        lastForced = episode.context().isLastSlice()
                || ParticipationFeasibility.apply(episode.context(), decision);
        return step(decision);
    }

    /** Executes an already-formed decision (behaviour policies, schedules) and returns the scaled reward. */
    public double step(final SliceDecision d) {
        final EpisodeResult r = episode.result();
        final double before = reward.realisedTiming() ? r.isCost() : impactDollars(r);
        episode.step(d);
        final long held = episode.done() ? 0 : episode.context().remaining();
        final double cost = reward.realisedTiming()
                ? r.isCost() - before
                : impactDollars(r) - before + driftPerSlice * held;
        final double risk = reward.riskAversion() * sigma2 * (double) held * held;
        return -(cost + risk) / reward.costScale();
    }

    private double impactDollars(final EpisodeResult r) {
        return (r.impactBps() + r.opportunityBps()) * notionalPerBp;
    }

    /**
     * Whether the last {@link #step(ActionMapping.Unit, double)} was not the policy's own choice: the last slice's
     * sweep, or the participation feasibility floor raised it.
     */
    public boolean lastStepForced() {
        return lastForced;
    }

    /** Shares actually traded in the slice that just ended (after caps and clamps). */
    public long lastExecuted() {
        return episode.context().executedLastSlice();
    }

    /** Market volume of the slice that just ended. */
    public double lastMarketVolume() {
        return episode.context().lastSliceMarketVolume();
    }
}
