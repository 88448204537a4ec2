package io.slicer.tools.sim.presets;

import io.slicer.tools.sim.LinearImpactScenario;
import io.slicer.tools.sim.MarketParams;
import io.slicer.tools.sim.RegimeChain;

/**
 * {@code stochastic-liquidity}: the {@link LiquidStock} day, but liquidity comes and goes in persistent regimes that
 * a policy can see through realised volume. It is the scenario where adapting must pay: no fixed schedule can
 * follow the regimes, and the exact dynamic-programming optimum saves a clear margin over TWAP.
 *
 * <p>Two regimes (a {@link RegimeChain}), each staying put from one 15-minute bar to the next with probability 0.9
 * (mean duration 10 bars, 2.5 hours), starting from the stationary 50/50 law:
 * <ul>
 *   <li>{@code liquid}: market volume x1.7, temporary impact eta x1/1.7;</li>
 *   <li>{@code drought}: market volume x0.3, temporary impact eta x1/0.3.</li>
 * </ul>
 * The eta multiplier is the inverse of the volume multiplier because temporary impact grows with our share of the
 * market's volume (participation), the premise of the Almgren et al. (2005) law. Volume multipliers average 1, so the
 * expected day is liquid-stock's 15 million shares. Lognormal volume noise is 0.2 (log-sd): a bar's volume ratio
 * (feature {@code volume_ratio}) is 1.7 or 0.3 times a noise within about x0.67..x1.5 at 2 sd, so one bar identifies
 * its regime almost surely.
 *
 * <p>What dynamic programming on (slice, inventory, previous regime) gives, risk-neutral: the expected cost of
 * slice k's trade n in regime r is (eta m_r / tau - gamma / 2) n^2 plus terms no schedule changes (gamma X^2 / 2 +
 * epsilon X), so the value function is a_k(r) x^2 and the optimal trade n = B x / (A + B) with A the expected
 * coefficient of the coming bar given the previous regime and B that of the continuation. TWAP expects 11.96 bps,
 * the DP optimum 10.96 bps: 8.3% less (1.0 bp), all of it from the impact the schedule controls (our computation;
 * the simulator confirms it in {@code StochasticLiquidityTest}).
 */
public final class StochasticLiquidity {
    public static final String NAME = "stochastic-liquidity";
    public static final double STAY = 0.9;
    public static final double LIQUID_VOLUME = 1.7;
    public static final double DROUGHT_VOLUME = 0.3;
    public static final double VOLUME_NOISE = 0.2;

    private StochasticLiquidity() {
    }

    public static RegimeChain regimes() {
        return RegimeChain.symmetric(new String[] {"liquid", "drought"}, STAY,
                new double[] {LIQUID_VOLUME, DROUGHT_VOLUME},
                new double[] {1.0 / LIQUID_VOLUME, 1.0 / DROUGHT_VOLUME});
    }

    public static MarketParams params() {
        final MarketParams base = LiquidStock.params();
        return new MarketParams(NAME,
                "liquid-stock with Markov liquidity regimes (stay 0.9): liquid volume x1.7 eta x0.59, drought volume "
                        + "x0.3 eta x3.33, observable through realised volume",
                base.side(), base.quantity(), base.slices(), base.arrivalPrice(), base.horizon(), base.sigma(),
                base.drift(), base.gamma(), base.eta(), base.epsilon(), base.expectedVolume(), VOLUME_NOISE,
                base.participationCap(), regimes());
    }

    public static LinearImpactScenario scenario() {
        return new LinearImpactScenario(params());
    }
}
