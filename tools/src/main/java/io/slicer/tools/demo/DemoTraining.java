package io.slicer.tools.demo;

import io.slicer.engine.sim.Scenario;
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
 * which the DP optimum is the reference. The presets and what they measured on stochastic-liquidity are in
 * docs/results/training.md ({@link DqnConfig#demo}, {@link IqlConfig#demo}).
 */
public final class DemoTraining {
    private final Scenario scenario;
    private final long seed;

    public DemoTraining(final Scenario scenario, final long seed) {
        this.scenario = scenario;
        this.seed = seed;
    }

    public TrainedPolicy dqn(final TrainingProgress progress) {
        return new DqnTrainer(scenario, DqnConfig.demo(0.0), seed).train(progress);
    }

    /**
     * Constrained by the scenario's participation cap (Lagrangian on the periods the policy chooses). On
     * stochastic-liquidity that cap is infeasible in a drought and this policy does not beat TWAP; with
     * {@code Double.NaN} for the cap the same preset does (docs/results/training.md, demo section).
     */
    public TrainedPolicy iql(final TrainingProgress progress) {
        final IqlTrainer trainer = new IqlTrainer(scenario, IqlConfig.demo(scenario.participationCap(), 0.0), seed);
        return trainer.train(trainer.generateDataset(BehaviourPolicy.ADAPTIVE), progress);
    }
}
