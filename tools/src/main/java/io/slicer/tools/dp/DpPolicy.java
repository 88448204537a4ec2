package io.slicer.tools.dp;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.SliceStrategy;
import io.slicer.tools.sim.MarketParams;
import io.slicer.tools.sim.RegimeChain;

/**
 * The dynamic-programming optimum as a strategy ({@code dp} on the command line). It keeps a Bayesian filter over the
 * hidden liquidity regime, updated from each slice's observed volume ratio (lognormal likelihood around the regime's
 * volume multiplier), predicts the law of the regime about to be traded, and trades the {@link DpSolution}'s
 * expected-cost-minimising number of grid units so that what remains lands on the grid.
 *
 * <p>Per-order state; one instance per order. Allocation-free after construction.
 */
public final class DpPolicy implements SliceStrategy {
    private final DpSolution solution;
    private final MarketParams params;
    private final RegimeChain chain;
    private final int regimes;
    private final double unit;
    private final double[] logMultiplier;
    private final double volumeNoise;
    /** P(r_{k-1} = i | volumes seen so far). */
    private final double[] posterior;
    private final double[] predicted;
    private final double[] scratch;

    public DpPolicy(final DpSolution solution) {
        this.solution = solution;
        this.params = solution.params();
        this.chain = params.regimes();
        this.regimes = chain.size();
        this.unit = (double) params.quantity() / solution.grid();
        this.logMultiplier = new double[regimes];
        for (int r = 0; r < regimes; r++) {
            logMultiplier[r] = Math.log(chain.volumeMultiplier(r));
        }
        this.volumeNoise = params.volumeNoise();
        this.posterior = new double[regimes];
        this.predicted = new double[regimes];
        this.scratch = new double[regimes];
    }

    @Override
    public String name() {
        return "dp";
    }

    @Override
    public void begin(final DecisionContext ctx) {
        if (ctx.parentQuantity() != params.quantity() || ctx.slices() != params.slices()) {
            throw new IllegalArgumentException("dp policy was solved for " + params.quantity() + " shares over "
                    + params.slices() + " slices, order has " + ctx.parentQuantity() + " over " + ctx.slices());
        }
        for (int r = 0; r < regimes; r++) {
            predicted[r] = solution.transition(regimes, r);
            posterior[r] = 0;
        }
    }

    @Override
    public void decide(final DecisionContext ctx, final SliceDecision out) {
        final int k = ctx.slice();
        if (k > 0) {
            observe(ctx);
        }
        final long remaining = ctx.remaining();
        final int x = (int) Math.min(solution.grid(), Math.round(remaining / unit));
        final int n = solution.bestTrade(k, x, predicted);
        final long keep = Math.round((x - n) * unit);
        out.shares(Math.max(0, remaining - keep));
    }

    /** Bayes update of r_{k-1} from slice k-1's volume ratio, then the prediction of r_k. */
    private void observe(final DecisionContext ctx) {
        final double expected = ctx.expectedLastSliceVolume();
        final double ratio = expected > 0 ? ctx.lastSliceMarketVolume() / expected : 1.0;
        // predicted currently holds P(r_{k-1}) before seeing its volume.
        if (regimes == 1) {
            posterior[0] = 1;
        } else if (volumeNoise > 0 && ratio > 0) {
            final double lr = Math.log(ratio) + 0.5 * volumeNoise * volumeNoise;
            double maxLog = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < regimes; r++) {
                final double z = (lr - logMultiplier[r]) / volumeNoise;
                scratch[r] = predicted[r] > 0 ? Math.log(predicted[r]) - 0.5 * z * z : Double.NEGATIVE_INFINITY;
                maxLog = Math.max(maxLog, scratch[r]);
            }
            double sum = 0;
            for (int r = 0; r < regimes; r++) {
                posterior[r] = Math.exp(scratch[r] - maxLog);
                sum += posterior[r];
            }
            for (int r = 0; r < regimes; r++) {
                posterior[r] /= sum;
            }
        } else {
            // Noise-free volumes identify the regime: the multiplier closest to the ratio in log terms.
            final double lr = ratio > 0 ? Math.log(ratio) : Double.NEGATIVE_INFINITY;
            int best = 0;
            for (int r = 1; r < regimes; r++) {
                if (Math.abs(lr - logMultiplier[r]) < Math.abs(lr - logMultiplier[best])) {
                    best = r;
                }
            }
            for (int r = 0; r < regimes; r++) {
                posterior[r] = r == best ? 1 : 0;
            }
        }
        for (int j = 0; j < regimes; j++) {
            double p = 0;
            for (int i = 0; i < regimes; i++) {
                p += posterior[i] * solution.transition(i, j);
            }
            predicted[j] = p;
        }
    }
}
