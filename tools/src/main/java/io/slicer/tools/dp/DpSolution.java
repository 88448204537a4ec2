package io.slicer.tools.dp;

import io.slicer.tools.sim.MarketParams;

/**
 * A solved {@link DpSolver} problem: the cost-to-go table and the optimal trade for every (slice, belief row,
 * inventory). Immutable and thread-safe; {@link DpPolicy} reads it.
 */
public final class DpSolution {
    private final MarketParams params;
    private final int grid;
    private final double riskAversion;
    private final double[][] next;
    private final double[][][] value;
    private final int[][][] policy;
    private final DpSolver.StageCost cost;

    DpSolution(final MarketParams params, final int grid, final double riskAversion, final double[][] next,
               final double[][][] value, final int[][][] policy, final DpSolver.StageCost cost) {
        this.params = params;
        this.grid = grid;
        this.riskAversion = riskAversion;
        this.next = next;
        this.value = value;
        this.policy = policy;
        this.cost = cost;
    }

    public MarketParams params() {
        return params;
    }

    public int grid() {
        return grid;
    }

    public int regimes() {
        return params.regimes().size();
    }

    public double riskAversion() {
        return riskAversion;
    }

    /** Optimal expected objective from the start (dollars): E[IS] + lambda * sum sigma^2 tau x_k^2, previous regime known. */
    public double expectedCost() {
        return value[0][regimes()][grid];
    }

    /** Cost-to-go at decision {@code k} with {@code x} grid units left, given the previous slice's regime. */
    public double value(final int k, final int previousRegime, final int x) {
        return value[k][previousRegime][x];
    }

    /** Optimal trade (grid units) at decision {@code k}, {@code x} units left, previous regime known (or the initial law at k = 0). */
    public int trade(final int k, final int previousRegime, final int x) {
        return policy[k][k == 0 ? regimes() : previousRegime][x];
    }

    /** P(r_k = j | r_{k-1} = i); row {@link #regimes()} is the initial law. */
    double transition(final int i, final int j) {
        return next[i][j];
    }

    /**
     * The trade minimising expected cost under a belief {@code predicted[j]} = P(r_k = j) for the slice about to be
     * traded. Allocation-free.
     */
    int bestTrade(final int k, final int x, final double[] predicted) {
        if (k >= params.slices() - 1) {
            return x;
        }
        double best = Double.POSITIVE_INFINITY;
        int bestN = x;
        final int r = regimes();
        for (int n = 0; n <= x; n++) {
            double q = 0;
            for (int j = 0; j < r; j++) {
                if (predicted[j] > 0) {
                    q += predicted[j] * (cost.of(j, x, n) + value[k + 1][j][x - n]);
                }
            }
            if (q < best) {
                best = q;
                bestN = n;
            }
        }
        return bestN;
    }
}
