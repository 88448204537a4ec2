package io.slicer.engine.order;

import io.slicer.engine.market.Side;

/**
 * The exact TWAP an order is held against, traded on the market path the engine observed: Q / N units per slice, the
 * remainder one unit each on the first slices. Keeps the yardstick's running state (units counted, their shortfall
 * against the arrival price, their cost of trading) and the schedule-deviation sums the IS kill switch's noise term
 * needs; the core's {@code TwapBenchmark} prices each slice and applies the rule.
 *
 * <p>Allocation-free. Engine thread.
 */
public final class TwapYardstick {
    private int sign;
    private long base;
    private long remainder;
    private double arrivalPrice;
    private long shares;
    private double cost;
    private double executionCost;
    private int slicesCounted;
    // Sums over passed boundaries j of F_j^2, F_j U_j and U_j^2, where F_j is what the order had filled and U_j what
    // exact TWAP had traded before boundary j.
    private double deviationFF;
    private double deviationFU;
    private double deviationUU;

    void start(final Side side, final long q, final int n, final double arrival) {
        this.sign = side.sign();
        this.base = q / n;
        this.remainder = q % n;
        this.arrivalPrice = arrival;
        this.shares = 0;
        this.cost = 0;
        this.executionCost = 0;
        this.slicesCounted = 0;
        this.deviationFF = 0;
        this.deviationFU = 0;
        this.deviationUU = 0;
    }

    /**
     * The OMS amended the order's quantity to {@code q}: the slices not yet priced are exact TWAP of {@code q} (Q / N
     * per slice, as if the order had been for {@code q} from the start, which is what a schedule re-made from the
     * amended terms follows); slices already priced keep what they traded and cost.
     */
    void amendQuantity(final long q, final int n) {
        this.base = q / n;
        this.remainder = q % n;
    }

    /**
     * Exact TWAP, the one definition the engine, its yardstick and its fallback use: slice {@code slice} of
     * {@code quantity} units over {@code slices} is Q / N, plus one unit on each of the first Q mod N slices.
     */
    public static long sliceShares(final long quantity, final int slices, final int slice) {
        return quantity / slices + (slice < quantity % slices ? 1 : 0);
    }

    /** This order's exact-TWAP units in slice {@code slice} ({@link #sliceShares(long, int, int)}). */
    public long sliceShares(final int slice) {
        return base + (slice < remainder ? 1 : 0);
    }

    /** Units exact TWAP trades in slices {@code 0..slice-1}. */
    public long sharesBefore(final int slice) {
        return base * slice + Math.min(slice, remainder);
    }

    /**
     * Adds one exact-TWAP slice: executed at {@code price}, of which {@code costPerShare} (half-spread, temporary and
     * TWAP's own permanent impact) is the cost of trading rather than the market's move.
     */
    public void addSlice(final long q, final double price, final double costPerShare) {
        shares += q;
        cost += sign * q * (price - arrivalPrice);
        executionCost += q * costPerShare;
        slicesCounted++;
    }

    /** Records boundary {@code j} for the schedule deviation: the order had filled {@code filledBefore}. */
    public void addDeviationBoundary(final int j, final long filledBefore) {
        final double f = filledBefore;
        final double u = sharesBefore(j);
        deviationFF += f * f;
        deviationFU += f * u;
        deviationUU += u * u;
    }

    /**
     * Sum over the passed boundaries j of (F_j / F - U_j / U)^2, with F the order's fills {@code filled} and U the
     * yardstick's units so far: the squared gap between the order's cumulative schedule and TWAP's, each as a
     * fraction of its own total. 0 for an order that trades exactly like TWAP.
     */
    public double scheduleDeviation(final long filled) {
        final double f = filled;
        final double u = shares;
        if (f <= 0 || u <= 0) {
            return 0.0;
        }
        return Math.max(0.0, deviationFF / (f * f) - 2 * deviationFU / (f * u) + deviationUU / (u * u));
    }

    /** Running IS of the yardstick's slices so far, bps of their arrival value; 0 before its first slice. */
    public double shortfallBps() {
        return ParentOrder.shortfallBps(cost, shares, arrivalPrice);
    }

    /** Running shortfall of the yardstick's slices against the arrival price, in price x units. */
    double shortfallCost() {
        return cost;
    }

    /** The yardstick's cost of trading (its IS without the market's own move), bps of its arrival value. */
    public double executionCostBps() {
        return ParentOrder.shortfallBps(executionCost, shares, arrivalPrice);
    }

    /** Units the yardstick has traded. */
    public long shares() {
        return shares;
    }

    /** Slices the yardstick has priced. */
    public int slicesCounted() {
        return slicesCounted;
    }
}
