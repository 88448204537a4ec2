package io.slicer.tools.train;

import io.slicer.engine.decision.ActionMapping;
import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.sim.Episode;
import io.slicer.engine.sim.EpisodeResult;
import io.slicer.engine.sim.Scenario;

/**
 * The reinforcement-learning view of one simulated episode: features in, action in its unit, reward out. Features
 * always come from {@link ExecutionFeatures#build} on the episode's own {@link DecisionContext}, the same function the
 * evaluation harness and the live engine call, so a trained policy sees in production exactly what it trained on.
 *
 * <p>Reward of a step (see {@link RewardSpec}): minus the implementation shortfall the step added (dollars), minus the
 * Almgren-Chriss variance penalty {@code lambda * sigma^2 * x^2} on the shares {@code x} still held after the step,
 * divided by a cost scale so returns are O(1). Summed over an episode the first part is exactly the episode's IS, so
 * the undiscounted return is {@code -(IS + lambda * sum sigma^2 x_k^2) / scale}: the AC mean-variance objective.
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

    public ExecutionEnv(final Scenario scenario, final RewardSpec reward) {
        this.scenario = scenario;
        this.episode = scenario.newEpisode();
        this.reward = reward;
        this.sigma2 = scenario.sigmaPerPeriod() * scenario.sigmaPerPeriod();
    }

    public Scenario scenario() {
        return scenario;
    }

    public RewardSpec rewardSpec() {
        return reward;
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

    /** Executes action {@code value} in {@code unit} for one period and returns the scaled reward. */
    public double step(final ActionMapping.Unit unit, final double value) {
        decision.clear();
        ActionMapping.apply(unit, value, episode.context(), decision);
        return step(decision);
    }

    /** Executes an already-formed decision (behaviour policies, schedules) and returns the scaled reward. */
    public double step(final SliceDecision d) {
        final double before = episode.result().isDollars();
        episode.step(d);
        final double cost = episode.result().isDollars() - before;
        final long held = episode.done() ? 0 : episode.context().remaining();
        final double risk = reward.riskAversion() * sigma2 * (double) held * held;
        return -(cost + risk) / reward.costScale();
    }

    /** Shares actually traded in the period that just ended (after caps and clamps). */
    public long lastExecuted() {
        return episode.context().executedLastPeriod();
    }

    /** Market volume of the period that just ended. */
    public double lastMarketVolume() {
        return episode.context().lastPeriodMarketVolume();
    }
}
