/**
 * What every trainer shares: the reinforcement-learning view of an episode ({@link ExecutionEnv}, rewards by
 * {@link RewardSpec} scaled by {@link CostScale}), {@link FeatureStatistics} and the {@link Normalizer} they become,
 * the {@link ReplayBuffer}, the train/validation/evaluation seed split ({@link TrainingSeeds}),
 * {@link ModelExport}, which turns a {@link TrainedPolicy} into a policy-inference model, and {@link TrainingDefaults},
 * the per-scenario settings a trainer starts from when no tuning flag is given. Features come from the
 * engine's {@link io.slicer.engine.decision.ExecutionFeatures}, so a policy trains on what it will see live.
 * <p>Depends on {@link io.slicer.tools.sim}, {@link io.slicer.tools.eval}, {@link io.slicer.tools.train.nn},
 * {@link io.slicer.engine.decision} and {@link io.slicer.policy}. Used by the DQN and IQL trainers, the demo and the
 * command line.
 */
package io.slicer.tools.train;
