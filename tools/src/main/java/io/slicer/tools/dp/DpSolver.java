package io.slicer.tools.dp;

import io.slicer.tools.sim.MarketParams;
import io.slicer.tools.sim.RegimeChain;

/**
 * Exact dynamic programming for the linear-impact market ({@link MarketParams}), the ground truth the learned
 * policies are held to.
 *
 * <p>State at decision k: remaining inventory x on a grid of {@code Q / grid} shares, and the regime of slice k-1
 * (known, see below). The regime r_k of the slice being traded is drawn after the decision from the chain's row of
 * r_{k-1} (the initial law at k = 0), exactly as the simulator does. Expected stage cost of trading n of x shares
 * (dollars, the IS it adds plus the risk penalty the trainers use):
 * <pre>
 *   c = epsilon n + eta m(r_k) n^2 / tau          half-spread + temporary impact in regime r_k
 *     + gamma n (Q - x)                           our own earlier permanent impact, paid on these shares
 *     + s drift tau (x - n)                       expected market drift on what is still held
 *     + lambda sigma^2 tau (x - n)^2              Almgren-Chriss variance penalty (0 when risk-neutral)
 * </pre>
 * and the last slice sweeps what remains. Bellman: {@code W[k][i][x] = min_n sum_j P(i,j) (c + W[k+1][j][x-n])}.
 *
 * <p>The simulator reveals r_{k-1} only through slice k-1's volume, up to lognormal noise, so {@link DpPolicy}
 * filters a belief over it and chooses {@code argmin_n sum_j b_j (c + W[k+1][j][x-n])}. With noise-free volumes (or
 * well-separated regimes) that is exact; otherwise {@link DpSolution#expectedCost()} is a lower bound on what any
 * policy can achieve (it assumes the previous regime is known) and the executed policy is near-optimal.
 *
 * <p>Without regimes and with lambda = 0 the solution is TWAP; with lambda > 0 it is the (grid-rounded) Almgren-Chriss
 * sinh trajectory. Cost O(N * grid^2 * R^2).
 */
public final class DpSolver {
    /** Default inventory resolution: about Q / 400 shares, see {@link #defaultGrid(int)}. */
    public static final int DEFAULT_GRID = 400;

    /** {@link #DEFAULT_GRID} rounded up to a multiple of the slices, so that exact TWAP lies on the grid. */
    public static int defaultGrid(final int slices) {
        return slices * ((DEFAULT_GRID + slices - 1) / slices);
    }

    private DpSolver() {
    }

    public static DpSolution solve(final MarketParams p, final int grid, final double riskAversion) {
        if (grid < 1) {
            throw new IllegalArgumentException("DP grid must have at least one step, got " + grid);
        }
        if (!(riskAversion >= 0)) {
            throw new IllegalArgumentException("risk aversion must be >= 0, got " + riskAversion);
        }
        final RegimeChain chain = p.regimes();
        final int regimes = chain.size();
        final int slices = p.slices();
        // Row r < regimes: law of r_k given r_{k-1} = r. Row "regimes": the initial law (k = 0).
        final double[][] next = new double[regimes + 1][regimes];
        for (int i = 0; i < regimes; i++) {
            for (int j = 0; j < regimes; j++) {
                next[i][j] = chain.transition(i, j);
            }
        }
        next[regimes] = chain.initial();
        final StageCost cost = new StageCost(p, grid, riskAversion);
        // value[k][i][x]: cost-to-go at decision k, remaining x grid units, belief row i.
        final double[][][] value = new double[slices + 1][regimes + 1][grid + 1];
        final int[][][] policy = new int[slices][regimes + 1][grid + 1];
        final double[] stage = new double[regimes];
        for (int k = slices - 1; k >= 0; k--) {
            for (int i = 0; i <= regimes; i++) {
                final double[] row = next[i];
                for (int x = 0; x <= grid; x++) {
                    if (x == 0) {
                        value[k][i][0] = 0;
                        policy[k][i][0] = 0;
                        continue;
                    }
                    final int lowest = k == slices - 1 ? x : 0;
                    double best = Double.POSITIVE_INFINITY;
                    int bestN = x;
                    for (int n = lowest; n <= x; n++) {
                        double q = 0;
                        for (int j = 0; j < regimes; j++) {
                            if (row[j] == 0) {
                                continue;
                            }
                            stage[j] = cost.of(j, x, n) + value[k + 1][j][x - n];
                            q += row[j] * stage[j];
                        }
                        // Strictly smaller wins: ties go to the smaller trade, a fixed rule for reproducibility.
                        if (q < best) {
                            best = q;
                            bestN = n;
                        }
                    }
                    value[k][i][x] = best;
                    policy[k][i][x] = bestN;
                }
            }
        }
        return new DpSolution(p, grid, riskAversion, next, value, policy, cost);
    }

    /** The expected stage cost in dollars; inventory in grid units. Allocation-free. */
    static final class StageCost {
        private final double unit;
        private final double quantity;
        private final double epsilon;
        private final double tau;
        private final double[] etaOfRegime;
        private final double gamma;
        private final double driftPerSlice;
        private final double riskPerShare2;

        StageCost(final MarketParams p, final int grid, final double riskAversion) {
            this.unit = (double) p.quantity() / grid;
            this.quantity = p.quantity();
            this.epsilon = p.epsilon();
            this.tau = p.sliceLength();
            this.etaOfRegime = new double[p.regimes().size()];
            for (int j = 0; j < etaOfRegime.length; j++) {
                etaOfRegime[j] = p.eta() * p.regimes().etaMultiplier(j);
            }
            this.gamma = p.gamma();
            this.driftPerSlice = p.side().sign() * p.drift() * tau;
            this.riskPerShare2 = riskAversion * p.sigmaPerSlice() * p.sigmaPerSlice();
        }

        double of(final int regime, final int x, final int n) {
            final double shares = n * unit;
            final double held = (x - n) * unit;
            return epsilon * shares + etaOfRegime[regime] * shares * shares / tau
                    + gamma * shares * (quantity - x * unit)
                    + driftPerSlice * held + riskPerShare2 * held * held;
        }
    }
}
