package io.slicer.tools.sim.presets;

import io.slicer.engine.market.Side;
import io.slicer.engine.order.MarketImpact;
import io.slicer.engine.order.OrderTerms;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.ScenarioTerms;
import io.slicer.tools.sim.VolumeProfile;

/**
 * {@code seed-iql}: the constrained-IQL seed's environment (../shared/seeds/004_*, restated in
 * ../shared/reference/seed-iql-environment.md): sell X = 500 shares in T = 30 steps, mean market volume V = 800 per
 * step, mid 100, initial volatility estimate 0.02, eta = 1e-4, gamma = 1e-5, participation limit 0.05. See
 * {@link SeedIqlEpisode} for the step and for how its cost relates to IS.
 */
public final class SeedIqlScenario implements Scenario {
    public static final String NAME = "seed-iql";
    public static final long SHARES = 500L;
    public static final int SLICES = 30;
    public static final double MEAN_VOLUME = 800.0;
    public static final double VOLUME_NOISE = 0.1;
    public static final double MID = 100.0;
    public static final double SIGMA0 = 0.02;
    public static final double ETA = 1e-4;
    public static final double GAMMA = 1e-5;
    public static final double PARTICIPATION_LIMIT = 0.05;
    /** The seed's action bound p_max: its policies' participation lies in [-0.2, 0.2]. */
    public static final double ACTION_BOUND = 0.2;
    public static final double VOL_DECAY = 0.98;
    /** Written as the seed writes it: 1 - 0.98 is not 0.02 in binary floating point. */
    public static final double VOL_GAIN = 0.02;

    /**
     * Built once from the seed's constants: the scenario is immutable. Impact is per share per step, no spread; the
     * volatility is the initial estimate (the price step's standard deviation is the moving estimate itself).
     */
    private final OrderTerms terms = ScenarioTerms.of(ScenarioTerms.simulatedEquity(NAME), Side.SELL, SHARES, SLICES,
            MID, SIGMA0, VolumeProfile.flat(SLICES, MEAN_VOLUME * SLICES), PARTICIPATION_LIMIT,
            MarketImpact.of(GAMMA, ETA, 0.0, 1.0));

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
        return "The constrained-IQL seed's environment: sell 500 in 30 steps, V = 800(1 + 0.1 N), mid 100, "
                + "vol_est 0.02, eta 1e-4, gamma 1e-5, participation limit 0.05, cost in dollars";
    }

    @Override
    public SeedIqlEpisode newEpisode() {
        return new SeedIqlEpisode(this);
    }
}
