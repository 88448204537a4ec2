package io.slicer.tools.sim.presets;

import io.slicer.engine.market.Side;
import io.slicer.tools.sim.LinearImpactScenario;
import io.slicer.tools.sim.MarketParams;
import io.slicer.tools.sim.RegimeChain;
import io.slicer.tools.sim.VolumeProfile;

/**
 * {@code ac-2000}: the worked example of Almgren and Chriss (2000), "Optimal execution of portfolio transactions",
 * J. Risk 3(2), section 4 ("Construction of the efficient frontier ... example").
 *
 * <p>Sell X = 10^6 shares of a stock at S0 = $50 over T = 5 days in N = 5 slices (tau = 1 day). 30% annual
 * volatility over 250 days gives sigma = 0.3 * 50 / sqrt(250) = 0.95 $/share/day^(1/2); expected return alpha = 0.
 * Bid-ask spread 1/8 gives epsilon = 0.0625. The paper's median daily volume is 5 million shares: permanent impact
 * gamma = 2.5e-7 (trading 10% of daily volume moves the price by one spread) and temporary impact eta = 2.5e-6
 * (each 1% of daily volume traded in a day costs one spread).
 *
 * <p>The paper has no volume model: market volume is its constant 5 million shares a day, without noise. It only
 * serves participation statistics.
 */
public final class Ac2000 {
    public static final String NAME = "ac-2000";
    public static final long SHARES = 1_000_000L;
    public static final double S0 = 50.0;
    public static final double DAYS = 5.0;
    public static final int SLICES = 5;
    public static final double SIGMA = 0.95;
    public static final double EPSILON = 0.0625;
    public static final double GAMMA = 2.5e-7;
    public static final double ETA = 2.5e-6;
    public static final double DAILY_VOLUME = 5_000_000.0;

    private Ac2000() {
    }

    public static MarketParams params() {
        return new MarketParams(NAME,
                "Almgren & Chriss (2000) worked example: sell 1M shares at $50 over 5 days, sigma 0.95 $/day^0.5, "
                        + "epsilon 1/16, gamma 2.5e-7, eta 2.5e-6",
                Side.SELL, SHARES, SLICES, S0, DAYS, SIGMA, 0.0, GAMMA, ETA, EPSILON,
                VolumeProfile.flat(SLICES, DAILY_VOLUME * DAYS), 0.0, Double.NaN, RegimeChain.none());
    }

    public static LinearImpactScenario scenario() {
        return new LinearImpactScenario(params());
    }
}
