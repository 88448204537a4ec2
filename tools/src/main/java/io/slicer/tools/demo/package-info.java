/**
 * The stages of {@code slicer demo}: the training budgets ({@link DemoTraining}), trained models cached between runs
 * under a {@link CodeVersion} fingerprint ({@link ModelCache}), one day through the real engine replayed bit for bit
 * ({@link DemoEngineDay}), and the {@link KillSwitchSurvey} of how often ordinary days halt.
 * <p>Depends on {@link io.slicer.tools.train} (and its DQN and IQL trainers), {@link io.slicer.tools.eval},
 * {@link io.slicer.tools.day}, {@link io.slicer.tools.sim}, the journal, policy inference and the engine's decision
 * types. Used only by {@link io.slicer.tools.cli}.
 */
package io.slicer.tools.demo;
