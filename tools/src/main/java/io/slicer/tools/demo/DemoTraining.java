package io.slicer.tools.demo;

import io.slicer.engine.sim.Scenario;
import io.slicer.tools.train.TrainedPolicy;
import io.slicer.tools.train.TrainingProgress;
import io.slicer.tools.train.dqn.DqnConfig;
import io.slicer.tools.train.dqn.DqnTrainer;
import io.slicer.tools.train.iql.IqlConfig;
import io.slicer.tools.train.iql.IqlTrainer;

/**
 * The demo's training budgets: small enough that the whole demo stays within a few minutes on two cores, large
 * enough that the policies are worth evaluating. Both minimise expected cost (risk-neutral), the objective under
 * which the DP optimum is the reference.
 */
public final class DemoTraining {
    /** DQN episodes on the simulator. */
    public static final int DQN_EPISODES = 1_500;
    /** IQL gradient steps on the offline dataset. */
    public static final int IQL_STEPS = 20_000;
    /** Behaviour episodes logged into IQL's offline dataset. */
    public static final int IQL_DATASET_EPISODES = 2_000;
    /** Validation episodes per IQL check (training seed, never the evaluation seed). */
    public static final int IQL_VALIDATION_EPISODES = 50;

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
        return new DqnTrainer(scenario, DqnConfig.twapGrid(dqnEpisodes, 0.0), seed).train(progress);
    }

    public TrainedPolicy iql(final TrainingProgress progress) {
        final IqlConfig config = IqlConfig.twapMultiple(iqlSteps, scenario.participationCap(), 0.0)
                .withSteps(iqlSteps)
                .withDataset(IQL_DATASET_EPISODES, IQL_VALIDATION_EPISODES);
        final IqlTrainer trainer = new IqlTrainer(scenario, config, seed);
        return trainer.train(trainer.generateDataset(), progress);
    }
}
