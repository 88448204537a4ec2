package io.slicer.journal.audit;

import io.slicer.engine.market.Side;

import java.util.List;

/**
 * The decision trace of one parent order as journaled, with its implementation shortfall split into impact, timing
 * and opportunity cost. Shortfalls are in basis points of the order's arrival value (quantity x arrival mid) and
 * signed so that a positive number is a cost for either side.
 *
 * <ul>
 *   <li>impact: each fill against the mid the engine saw when it decided that child;</li>
 *   <li>timing: that decision mid against the arrival mid (the market moving while the order waits);</li>
 *   <li>opportunity: the shares never filled, marked at the last mid against arrival.</li>
 * </ul>
 * The three add up to the total. {@code cancels}: each cancel request the engine sent for the order's children, in
 * journal order, with its reason.
 */
public record OrderAudit(long orderId, Side side, long quantity, double arrivalPrice, long startTime, String strategy,
                         List<Row> rows, long filled, double averagePrice, double lastMid, double impactBps,
                         double timingBps, double opportunityBps, List<String> halts,
                         List<String> cancels) {

    /** One decision: what the engine saw, what it chose, and where the order stood. */
    /** One decision; {@code tactic} is the child's ({@code cross}, {@code join}, ...), null in a format-4 journal. */
    public record Row(long timestamp, int slice, double mid, double driftBps, long remaining, int actionIndex,
                      double actionValue, long proposed, long childId, long childQuantity, String verdict,
                      String tactic, long filled, double shortfallSoFarBps, String killSwitch) {
    }

    public double totalBps() {
        return impactBps + timingBps + opportunityBps;
    }
}
