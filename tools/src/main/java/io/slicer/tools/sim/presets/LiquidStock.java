package io.slicer.tools.sim.presets;

import io.slicer.engine.market.Side;
import io.slicer.tools.sim.LinearImpactScenario;
import io.slicer.tools.sim.MarketParams;
import io.slicer.tools.sim.RegimeChain;
import io.slicer.tools.sim.VolumeProfile;

/**
 * {@code liquid-stock}: buy 500,000 shares of a liquid US large cap over one day in 26 fifteen-minute bars.
 *
 * <p>Calibration (our choice of a typical large cap; each number's source):
 * <ul>
 *   <li>Price $100, daily volatility 2% (large caps typically run 1.5-2.5% a day): sigma = $2.00/share/day^(1/2),
 *       so $0.392 per 15-minute bar.</li>
 *   <li>Average daily volume 15 million shares; the order is 3.3% of ADV. Volume follows the U-shaped intraday
 *       curve of {@link VolumeProfile} with lognormal noise of log-sd 0.25 per bar.</li>
 *   <li>Spread 2 bps ($0.02, one or two ticks): epsilon = half-spread = $0.01.</li>
 *   <li>Impact from Almgren, Thum, Hauptmann and Li (2005), "Direct estimation of equity market impact", Risk 18(7):
 *       temporary J = 0.142 sigma (X / (V T))^(3/5) and permanent I = 0.314 sigma (X / V) (Theta / V)^(1/4). For
 *       X/V = 1/30, T = 1 day, sigma = 2% and a turnover Theta/V = 150 days: J = 3.69 bps and I = 7.33 bps. We
 *       linearise at this order size: gamma X = I P0 gives gamma = 1.5e-7 $/share^2 (a 7.5 bp permanent move), and
 *       eta X / T = J P0 gives eta = 7.5e-8 $/share per share/day (3.75 bps on a one-day TWAP).</li>
 *   <li>Expected IS of TWAP: gamma X / 2 (3.75 bps) + epsilon (1 bp) + (eta - gamma tau / 2) X / T (3.61 bps)
 *       = 8.4 bps; its timing risk is about 2% * sqrt(1/3) = 115 bps one standard deviation.</li>
 *   <li>The desk's participation cap: 10% of market volume.</li>
 * </ul>
 * As in Almgren-Chriss, eta is the same in every bar: the intraday volume curve sets participation, not cost. So
 * exact TWAP is the risk-neutral optimum here, and VWAP pays for concentrating on the open and close (8.8 against
 * 8.4 bps of impact in 20,000 simulated days). Risk aversion worth looking at is of the order eta~ / sigma^2 =
 * 1.8e-8 per dollar (kappa T about 1); lambda = 1e-6 already trades most of the order in the first hour.
 */
public final class LiquidStock {
    public static final String NAME = "liquid-stock";
    public static final long SHARES = 500_000L;
    public static final int SLICES = 26;
    public static final double PRICE = 100.0;
    public static final double SIGMA = 2.0;
    public static final double ADV = 15_000_000.0;
    public static final double VOLUME_NOISE = 0.25;
    public static final double EPSILON = 0.01;
    public static final double GAMMA = 1.5e-7;
    public static final double ETA = 7.5e-8;
    public static final double PARTICIPATION_CAP = 0.10;

    private LiquidStock() {
    }

    public static MarketParams params() {
        return new MarketParams(NAME,
                "Large cap day: buy 500k shares (3.3% ADV) at $100 in 26 15-min bars, 2% daily vol, 2 bp spread, "
                        + "impact linearised from Almgren et al. (2005)",
                Side.BUY, SHARES, SLICES, PRICE, 1.0, SIGMA, 0.0, GAMMA, ETA, EPSILON,
                VolumeProfile.uShape(SLICES, ADV, VolumeProfile.US_EQUITY_CURVATURE), VOLUME_NOISE,
                PARTICIPATION_CAP, RegimeChain.none());
    }

    public static LinearImpactScenario scenario() {
        return new LinearImpactScenario(params());
    }
}
