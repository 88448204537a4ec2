/**
 * Online Double DQN: {@link DqnTrainer} trains on a simulator scenario with epsilon-greedy episodes, a replay buffer
 * and optional n-step returns ({@link NStepWindow}), configured by {@link DqnConfig} presets. Deterministic in its
 * seed.
 * <p>Depends on {@link io.slicer.tools.train}, {@link io.slicer.tools.train.nn}, {@link io.slicer.tools.sim} and the
 * engine's decision types. Used by the demo and the command line.
 */
package io.slicer.tools.train.dqn;
