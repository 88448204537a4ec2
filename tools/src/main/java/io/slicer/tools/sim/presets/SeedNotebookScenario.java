package io.slicer.tools.sim.presets;

import io.slicer.engine.market.Side;
import io.slicer.engine.order.MarketImpact;
import io.slicer.engine.order.OrderTerms;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.ScenarioTerms;
import io.slicer.tools.sim.VolumeProfile;

/**
 * {@code seed-notebook}: the DQN seed notebook's {@code ExecutionEnvironment} (../shared/seeds/000_*), reproduced
 * exactly so that its claims can be checked: buy Q = 500,000 shares from P0 = $150 in T = 20 slices, sigma = 0.015,
 * gamma = 5e-5 and eta = 5e-4 per share, drift N(0, 0.0001) of the price per slice. Its dynamics are not the linear
 * model's (see {@link SeedNotebookEpisode}), so it has its own episode class.
 *
 * <p>The seed has no market volume. For participation statistics only, we give it a nominal U-shaped day of
 * 10 million shares (the order is 5% of it); no price depends on it, and its volume ratio is always 1.
 */
public final class SeedNotebookScenario implements Scenario {
    public static final String NAME = "seed-notebook";
    public static final long SHARES = 500_000L;
    public static final int SLICES = 20;
    public static final double P0 = 150.0;
    public static final double SIGMA = 0.015;
    public static final double GAMMA = 5e-5;
    public static final double ETA = 5e-4;
    public static final double DRIFT_MEAN = 0.0;
    public static final double DRIFT_STD = 0.0001;
    public static final double NOMINAL_DAILY_VOLUME = 10_000_000.0;

    /**
     * Built once from the seed's constants: the scenario is immutable. The seed quotes impact per share per slice
     * (tau = 1), has no spread and no participation limit. The volatility is the standard deviation of the seed's
     * noise term N(0, sigma) * P * N(0, 1) at P0: sigma * P0 = $2.25 (the product of two independent standard
     * normals has variance 1; its distribution is not normal).
     */
    private final OrderTerms terms = ScenarioTerms.of(ScenarioTerms.simulatedEquity(NAME), Side.BUY, SHARES, SLICES,
            P0, SIGMA * P0, VolumeProfile.uShape(SLICES, NOMINAL_DAILY_VOLUME, VolumeProfile.US_EQUITY_CURVATURE),
            Double.NaN, MarketImpact.of(GAMMA, ETA, 0.0, 1.0));

    @Override
    public OrderTerms terms() {
        return terms;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "The DQN seed notebook's ExecutionEnvironment as written: buy 500k at $150 in 20 slices, "
                + "noise N(0,0.015)*P*N(0,1), gamma 5e-5, eta 5e-4 per share, no spread";
    }

    @Override
    public SeedNotebookEpisode newEpisode() {
        return new SeedNotebookEpisode(this);
    }
}
