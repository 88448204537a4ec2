package io.slicer.tools.sim.presets;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.decision.SliceVolumeForecast;
import io.slicer.engine.market.SliceVolatilityEstimator;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.EpisodeResult;
import io.slicer.tools.sim.SimulatedEpisode;

/**
 * One episode of the seed notebook's {@code ExecutionEnvironment.step}, line for line (numpy's evaluation order kept):
 * <pre>
 *   n      = shares asked (>= 0, at most what remains); the last slice takes everything left
 *   exec   = price + eta * n                          (temporary impact; no spread)
 *   price  = price + gamma * n                        (permanent impact, before the noise)
 *   drift  = (mean + std * Z1) * price                (np.random.normal(mean, std) * price)
 *   noise  = ((sigma * Z2) * price) * Z3              (np.random.normal(0, sigma) * price * np.random.randn())
 *   price  = price + (drift + noise)
 *   cost  += (exec - P0) * n                          (IS against P0, the seed's total_cost)
 * </pre>
 * Z1, Z2, Z3 are drawn in that order every slice. The action map (fractions of the remaining shares, integer
 * truncation, the one-share minimum) belongs to the strategies ({@code twap-seed}, {@code vwap-seed}, the DQN's
 * action map), as it does in the seed: the episode trades the integer shares it is given.
 *
 * <p>Result accounting: {@link #seedCost()} is the seed's running {@code total_cost}; {@link EpisodeResult#isCost()}
 * equals it up to floating-point summation order. The result's "unaffected" price follows the seed's recursion with
 * our trades removed, so the permanent impact line includes the noise's compounding on our own impact.
 *
 * <p>Volatility: the seed's observation carries the constant sigma ("assumed constant here, but could be dynamic");
 * our policies observe {@link io.slicer.engine.decision.ExecutionFeatures}, not the seed's vector, and the context's
 * estimate is the live engine's {@link SliceVolatilityEstimator} at its default decay on the price path (our impact
 * included), started from the seed's volatility per slice (sigma * P0): a policy trained here sees the estimate the
 * engine will compute. It changes nothing of the seed's dynamics or cost.
 *
 * <p>Mutable, one thread. Allocation-free after construction.
 */
public final class SeedNotebookEpisode extends SimulatedEpisode<SeedNotebookScenario> {
    private final SliceVolatilityEstimator volatility = new SliceVolatilityEstimator();
    /** The nominal volume of each slice; deterministic in the seed's market, so its forecast is exact. */
    private final SliceVolumeForecast volume;

    private int slice;
    private long remaining;
    private double price;
    private double unaffectedPrice;
    private double totalCost;

    SeedNotebookEpisode(final SeedNotebookScenario scenario) {
        super(scenario);
        this.volume = new SliceVolumeForecast(scenario.terms().expectedVolumeProfile());
    }

    @Override
    public void reset(final long seed, final long episodeIndex) {
        open(seed, episodeIndex);
        slice = 0;
        remaining = SeedNotebookScenario.SHARES;
        price = SeedNotebookScenario.P0;
        unaffectedPrice = SeedNotebookScenario.P0;
        totalCost = 0.0;
        volatility.start(scenario().terms().sigmaPerSlice()).onBoundary(price);
        context.market(price, 0.0, volatility.estimate());
        volume.publish(context, 0);
    }

    @Override
    public void step(final SliceDecision decision) {
        if (done()) {
            throw stepAfterEnd("slice " + slice + ", " + remaining + " shares left");
        }
        final double z1 = random.nextGaussian();
        final double z2 = random.nextGaussian();
        final double z3 = random.nextGaussian();
        final double v = volume.slice(slice);

        final long shares = Episode.fillable(decision, v, remaining, slice == SeedNotebookScenario.SLICES - 1);

        final double executionPrice = price + SeedNotebookScenario.ETA * shares;
        result.record(shares, executionPrice, price, unaffectedPrice, v, price);
        totalCost += (executionPrice - SeedNotebookScenario.P0) * shares;

        price += SeedNotebookScenario.GAMMA * shares;
        price += marketMove(price, z1, z2, z3);
        unaffectedPrice += marketMove(unaffectedPrice, z1, z2, z3);

        remaining -= shares;
        slice++;
        context.endSlice(shares, v, v);
        context.market(price, 0.0, volatility.onBoundary(price).estimate());
        volume.publish(context, slice);
        if (remaining <= 0 || slice >= SeedNotebookScenario.SLICES) {
            finish(price);
        }
    }

    private static double marketMove(final double p, final double z1, final double z2, final double z3) {
        final double drift = (SeedNotebookScenario.DRIFT_MEAN + SeedNotebookScenario.DRIFT_STD * z1) * p;
        final double noise = SeedNotebookScenario.SIGMA * z2 * p * z3;
        return drift + noise;
    }

    /** The seed's running total_cost: sum of (exec - P0) * n, dollars. */
    public double seedCost() {
        return totalCost;
    }

    /** The seed's IS in bps: total_cost / (Q P0) * 1e4. */
    public double seedIsBps() {
        return totalCost / (SeedNotebookScenario.SHARES * SeedNotebookScenario.P0) * 10000;
    }

    public double price() {
        return price;
    }
}
