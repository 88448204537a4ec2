/**
 * The dynamic-programming optimum of the linear-impact market, the ground truth learned policies are held to:
 * {@link DpSolver} solves it into a {@link DpSolution} (immutable, shared), and {@link DpPolicy} trades it as a
 * {@link io.slicer.engine.strategy.SliceStrategy} ({@code dp} on the command line), filtering a belief over the hidden
 * liquidity regime; allocation-free after construction.
 * <p>Depends on {@link io.slicer.tools.sim} (market parameters and regimes) and the engine's decision and strategy
 * types. Used by {@link io.slicer.tools.eval}, which registers the {@code dp} spec.
 */
package io.slicer.tools.dp;
