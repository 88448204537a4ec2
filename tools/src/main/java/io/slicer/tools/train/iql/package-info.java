/**
 * Offline Implicit Q-Learning with a Lagrangian participation constraint: {@link DatasetGenerator} logs noisy
 * {@link BehaviourPolicy} schedules into an {@link OfflineDataset} (layout in {@link DatasetDescriptor}), and
 * {@link IqlTrainer} learns an actor from it, configured by {@link IqlConfig} presets.
 * <p>Depends on {@link io.slicer.tools.train}, {@link io.slicer.tools.train.nn}, {@link io.slicer.tools.sim} and the
 * engine's decision types. Used by the demo and the command line.
 */
package io.slicer.tools.train.iql;
