package io.slicer.engine.core;

import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.order.TwapYardstick;

/**
 * The IS kill switch's yardstick: an exact TWAP ({@code Q/N} shares per slice, the remainder one share
 * each on the first slices) traded on the market path the engine observed. Notation: slice k opens at boundary k,
 * where the engine saw mid {@code m_k} and half-spread {@code h_k}; {@code F_k} is what the order had filled and
 * {@code U_k} what TWAP had traded before boundary k; {@code V_k} and {@code E_k} the market volume printed and the
 * OMS's expected volume over the slice; eta, gamma and tau the configured impact model; s = +1 buy, -1 sell.
 * <ul>
 *   <li><b>Benchmark price.</b> TWAP's slice k of {@code q_k} shares trades at
 *       {@code m_k - s*gamma*(F_k - U_k) + s*(h_k + eta * L_k * q_k / tau)}, with liquidity multiplier
 *       {@code L_k = E_k / V_k} clamped to [0.1, 10] (1 without an expected volume). The first term replaces the
 *       order's own permanent impact in the observed mid by TWAP's; the last scales temporary impact with
 *       participation (Almgren et al. 2005: impact is a function of our rate relative to the market's): eta is the
 *       coefficient at the expected volume, and a drought slice printing a third of it costs three times as much.
 *       A slice is priced once its volume is known, at the next boundary: the check at boundary p sees slices
 *       0..p-1, the ones the order has had the chance to trade.</li>
 *   <li><b>IS and TWAP's cost.</b> The order's running IS is the shortfall of its fills against the arrival mid, in
 *       bps of the filled shares' arrival value; the benchmark's IS likewise over its slices. The benchmark's cost of
 *       trading {@code C} is its IS without the market's own move: per share {@code h_k + eta*L_k*q_k/tau +
 *       gamma*U_k}, in bps of arrival value (always > 0).</li>
 *   <li><b>Schedule noise.</b> Both IS numbers carry the market's move from the same arrival price, so most of it
 *       cancels in their difference; what does not is the move weighted by how the two schedules differ. With mid
 *       increments of standard deviation sigma per slice (the engine's volatility estimate, in bps of arrival), the
 *       difference's standard deviation is {@code noise = sigma * sqrt(sum_j (F_j/F - U_j/U)^2)} over the passed
 *       boundaries j (F, U: shares so far): 0 for an order that trades like TWAP, about
 *       {@code sigma * sqrt(p) * d} for one that runs a fraction d ahead or behind it for p slices.</li>
 *   <li><b>Halt.</b> Once the order has filled {@code isMinFilledFraction} (5%) of its quantity, the decision at
 *       boundary p halts it when
 *       <pre>  IS - TWAP IS  >  max((k - 1) * C, isFloorBps)  +  z * noise</pre>
 *       with k = {@code isMultiple} (2) and z = {@code isNoiseSigmas} (3). On a common market move this is the
 *       issue's "IS exceeds k x what TWAP would have cost": the move cancels and what is left compares the order's
 *       cost with k times TWAP's. The noise term keeps price moves that a different (legitimate) schedule meets
 *       from reading as cost; the floor (5 bps) is the least excess that halts, so that a near-free TWAP does not make a
 *       few bps of ordinary slippage a halt.</li>
 * </ul>
 * Measured on 200 stochastic-liquidity days through the engine (docs/results/kill-switch.md): the former rule
 * ({@code IS > 2 x max(TWAP IS at base impact, 5 bps)}) halted plain TWAP on 39 of them; this one on none, while an
 * order dumping into a drought still trips it at the first check.
 *
 * <p>The order keeps the benchmark's running state ({@link TwapYardstick}: units, shortfall and the
 * schedule-deviation sums); this class prices the slices and applies the rule. Allocation-free. One thread.
 */
final class TwapBenchmark {
    /** Bound on the liquidity scaling of temporary impact (see {@link #liquidityMultiplier}). */
    static final double MAX_LIQUIDITY_MULTIPLIER = 10.0;

    private final EngineConfig config;

    TwapBenchmark(final EngineConfig config) {
        this.config = config;
    }

    /**
     * Prices the benchmark's slices up to (not including) {@code p} that it has not counted yet: each at the mid of
     * the boundary that opened it, less the permanent impact of what the order traded ahead of TWAP, plus the
     * half-spread and the temporary impact scaled by the liquidity observed over those slices.
     */
    void priceSlices(final ParentOrder o, final int p, final double mid, final double halfSpread,
                     final double liquidity) {
        final TwapYardstick twap = o.yardstick();
        final int sign = o.side().sign();
        final double eta = config.temporaryImpact * liquidity / config.sliceLength;
        final double gamma = config.permanentImpact;
        final long filledBefore = o.sliceClock().filledAtBoundary();
        for (int k = twap.slicesCounted(); k < p; k++) {
            final long q = twap.sliceShares(k);
            final long twapBefore = twap.sharesBefore(k);
            final double twapMid = mid - sign * gamma * (filledBefore - twapBefore);
            final double cost = halfSpread + eta * q + gamma * twapBefore;
            twap.addSlice(q, twapMid + sign * (halfSpread + eta * q), cost);
        }
    }

    /**
     * Temporary impact grows with participation: a slice whose market volume was {@code realised} instead of the
     * {@code expected} the impact coefficient was set for costs {@code expected / realised} times as much. Clamped
     * to [1/{@value #MAX_LIQUIDITY_MULTIPLIER}, {@value #MAX_LIQUIDITY_MULTIPLIER}]: an empty tape is a dead market,
     * not an infinite cost; 1 when the OMS gave no expected volume.
     */
    static double liquidityMultiplier(final double expected, final double realised) {
        if (!(expected > 0)) {
            return 1.0;
        }
        if (!(realised > 0)) {
            return MAX_LIQUIDITY_MULTIPLIER;
        }
        return Math.max(1.0 / MAX_LIQUIDITY_MULTIPLIER, Math.min(MAX_LIQUIDITY_MULTIPLIER, expected / realised));
    }

    /**
     * The order's running IS exceeds its benchmark's by more than the allowance: the kill switch halts. Never before
     * the order has filled {@code isMinFilledFraction} of its quantity and the benchmark has traded.
     */
    boolean exceeded(final ParentOrder o) {
        if (o.yardstick().shares() <= 0 || o.filled() <= 0 || o.filled() < config.isMinFilledFraction * o.quantity()) {
            return false;
        }
        // The allowance is never below the floor (its other terms are >= 0, config pins k >= 1 and z >= 0): an
        // excess within the floor cannot halt, and the allowance's divisions and square root are skipped.
        final double excess = excessBps(o);
        return excess > config.isFloorBps && excess > allowanceBps(o);
    }

    /** The excess as a multiple of the allowance: the halt's detail. */
    double overrun(final ParentOrder o) {
        return excessBps(o) / allowanceBps(o);
    }

    private static double excessBps(final ParentOrder o) {
        return o.shortfallBps() - o.yardstick().shortfallBps();
    }

    /**
     * How far the order's running IS may exceed its benchmark's, in bps:
     * {@code max((k - 1) * benchmark's cost of trading, floor) + z * schedule noise}.
     */
    double allowanceBps(final ParentOrder o) {
        final double sigmaBps = o.volatility().estimate() / o.arrivalPrice() * 1e4;
        final double noiseBps = sigmaBps * Math.sqrt(o.yardstick().scheduleDeviation(o.filled()));
        return Math.max((config.isMultiple - 1) * o.yardstick().executionCostBps(), config.isFloorBps)
                + config.isNoiseSigmas * noiseBps;
    }
}
