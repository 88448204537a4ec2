package io.slicer.engine.core;

import io.slicer.engine.order.ParentOrder;

/**
 * The market volume a strategy is told to expect from the current slice to the order's end: the OMS's own number
 * for that slice when it sent one with the order or an amend, otherwise aged or extrapolated from its per-slice
 * expectation (see {@link #remaining}). A per-slice expectation amended in slice k applies from slice k on, so slice
 * k - 1 is still priced with its own even when the amend precedes slice k's timer.
 *
 * <p>Allocation-free. Engine thread.
 */
final class ExpectedVolume {
    private ExpectedVolume() {
    }

    /**
     * Expected market volume of slice {@code p} and every later one: the order's per-slice expectation on a flat
     * profile, the live counterpart of what the simulator tells a policy. With the policy's participation limit
     * ({@link EngineConfig.Builder#policyParticipationLimit}) in the context it lets a learned policy's feasibility floor
     * work live as it did in training. NaN (floor off) when the
     * OMS gave no expected volume: zero would read as "no liquidity left" and force the whole order out at once.
     */
    static double flatFrom(final ParentOrder o, final int p) {
        final double perSlice = o.expectedVolume();
        return perSlice > 0 ? perSlice * Math.max(0, o.slices() - p) : Double.NaN;
    }

    /**
     * Expected market volume of slice {@code p} and every later one, as told to the strategy. The OMS's own number
     * when it gave one for this slice (an intraday curve's exact remaining sum: what the simulator tells a policy).
     * Given for an earlier slice {@code s} and not updated since, it loses the per-slice expectation of each slice
     * passed: {@code R - (p - s) * E}; the OMS's curve for those slices is unknown to the engine, and subtracting
     * its flat estimate keeps the OMS's total for the day's tail rather than replacing it with a flat one. When that
     * leaves nothing for slices still to come (an OMS total smaller than its per-slice numbers), or the OMS gave no
     * total, the flat extrapolation {@link #flatFrom} (NaN without a per-slice expectation).
     */
    static double remaining(final ParentOrder o, final int p) {
        final double told = o.expectedRemainingVolume();
        if (!(told > 0)) {
            // NaN or 0: not given (many OMS APIs send 0 for "unset"). Taken at its word, 0 would say no liquidity is
            // left and the feasibility floor would push the whole order out at once.
            return flatFrom(o, p);
        }
        final int passed = p - o.expectedRemainingSlice();
        if (passed <= 0) {
            return told;
        }
        final double perSlice = o.expectedVolume();
        final double left = perSlice > 0 ? told - passed * perSlice : told;
        return left > 0 ? left : flatFrom(o, p);
    }
}
