package io.slicer.tools.demo;

import io.slicer.tools.sim.Scenario;
import io.slicer.tools.train.TrainedPolicy;
import io.slicer.tools.train.TrainingProgress;
import io.slicer.tools.train.dqn.DqnConfig;
import io.slicer.tools.train.dqn.DqnTrainer;
import io.slicer.tools.train.iql.BehaviourPolicy;
import io.slicer.tools.train.iql.IqlConfig;
import io.slicer.tools.train.iql.IqlTrainer;

/**
 * The demo's training budgets: small enough that the whole demo stays within a few minutes on two cores, large
 * enough that the policies are worth evaluating. Both minimise expected cost (risk-neutral), the objective under
 * which the DP optimum is the reference. The presets ({@link DqnConfig#demo}, {@link IqlConfig#demo}) and what they
 * measured on stochastic-liquidity are in docs/results/training.md; at the default budgets this trains exactly those
 * presets.
 */
public final class DemoTraining {
    /** DQN episodes on the simulator ({@link DqnConfig#demo}'s). */
    public static final int DQN_EPISODES = DqnConfig.DEMO_EPISODES;
    /** IQL gradient steps on the offline dataset ({@link IqlConfig#demo}'s). */
    public static final int IQL_STEPS = IqlConfig.DEMO_STEPS;

    private final Scenario scenario;
    private final long seed;
    private final int dqnEpisodes;
    private final int iqlSteps;

    public DemoTraining(final Scenario scenario, final long seed, final int dqnEpisodes, final int iqlSteps) {
        this.scenario = scenario;
        this.seed = seed;
        this.dqnEpisodes = dqnEpisodes;
        this.iqlSteps = iqlSteps;
    }

    /** Cache key of the DQN: algorithm and budget (the seed and code version are added by the cache). */
    public String dqnKey() {
        return "dqn-" + dqnEpisodes + "ep";
    }

    /** Cache key of the IQL policy. */
    public String iqlKey() {
        return "iql-" + iqlSteps + "steps";
    }

    public TrainedPolicy dqn(final TrainingProgress progress) {
        final DqnConfig config = DqnConfig.demo().episodes(dqnEpisodes).build();
        return new DqnTrainer(scenario, config, seed).train(progress);
    }

    /**
     * Constrained by the scenario's participation cap (Lagrangian on the slices the policy chooses). On
     * stochastic-liquidity that cap is infeasible in a drought and this policy does not beat TWAP; with
     * {@code Double.NaN} for the cap the same preset does (docs/results/training.md, demo section).
     */
    public TrainedPolicy iql(final TrainingProgress progress) {
        final IqlConfig config = IqlConfig.demo().participationCap(scenario.terms().participationLimit())
                .steps(iqlSteps).build();
        final IqlTrainer trainer = new IqlTrainer(scenario, config, seed);
        return trainer.train(trainer.generateDataset(BehaviourPolicy.ADAPTIVE), progress);
    }
}
