/**
 * Paired transaction-cost evaluation: {@link PairedEvaluation} runs every {@link NamedStrategy} on the same episodes
 * (common random numbers), with identical bits for any thread count, into an {@link EvaluationReport} of
 * {@link StrategyEvaluation}s ({@link StrategyStats}, {@link PairedComparison} against the baseline);
 * {@link EvaluationStrategies} resolves specs and {@link EvaluationJson} writes {@code slicer evaluate --json}.
 * <p>Depends on {@link io.slicer.tools.sim}, {@link io.slicer.tools.dp} and the engine's decision, market, order and
 * strategy types. Used by {@link io.slicer.tools.report}, {@link io.slicer.tools.train}, {@link io.slicer.tools.demo}
 * and {@link io.slicer.tools.cli}.
 */
package io.slicer.tools.eval;
