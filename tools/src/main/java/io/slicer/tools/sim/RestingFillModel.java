package io.slicer.tools.sim;

import io.slicer.engine.order.ChildTactic;

/**
 * How a synthetic preset fills a resting child: a simple stand-in for the queue, its numbers read off the two LOBSTER
 * days' queue replays (one-minute slices, 1,000 and 900 share parents, pro-rata cancellations), because the presets
 * have no messages to queue in:
 * <pre>
 *   ./slicer evaluate --scenario lobster:AMZN:60:10 --strategies twap/cross,twap/join,twap/step --episodes 381
 *   ./slicer evaluate --scenario lobster:GOOG:60:10 --strategies twap/cross,twap/join,twap/step --episodes 381
 * </pre>
 * <ul>
 *   <li>fill share: of a resting child, {@link #JOIN_FILL_SHARE} fills by its deadline at the near touch
 *       ({@code join}, {@code peg}: AMZN 48.0%, GOOG 48.7%) and {@link #STEP_FILL_SHARE} one tick inside the spread
 *       ({@code step}, {@code peg:mid}: 56.8%, 54.1%); the rest crosses at the preset's usual price;</li>
 *   <li>adverse selection: per resting share, the mid moved {@link #ADVERSE_1S} half-spreads against us 1 s after the
 *       fill and {@link #ADVERSE_10S} 10 s after (AMZN 0.58 and 0.78, GOOG 0.54 and 0.73, both tactics alike:
 *       adverse bps x arrival price / passive share / the day's mean half-spread of $0.066 and $0.135). A preset's
 *       mid does not react to who fills us, so the 10 s move is charged on the resting fill's price.</li>
 * </ul>
 * A model, coarser than the replay: the fill share does not depend on the child's size, the slice's length or the
 * queue. Immutable constants; allocation-free.
 */
public final class RestingFillModel {
    public static final double JOIN_FILL_SHARE = 0.48;
    public static final double STEP_FILL_SHARE = 0.55;
    public static final double ADVERSE_1S = 0.56;
    public static final double ADVERSE_10S = 0.76;

    private RestingFillModel() {
    }

    /** Of a resting child of {@code shares}, the shares that fill resting under {@code tactic}. */
    public static long restingShares(final ChildTactic tactic, final long shares) {
        if (!tactic.passive()) {
            return 0;
        }
        final double share = tactic == ChildTactic.STEP || tactic == ChildTactic.PEG_MID
                ? STEP_FILL_SHARE : JOIN_FILL_SHARE;
        return Math.round(share * shares);
    }

    /**
     * How far inside the near touch the tactic rests, in price: one {@code tick} for {@code step} and {@code peg:mid}
     * when the spread {@code 2 * halfSpread} is wider than a tick, else 0.
     */
    public static double inside(final ChildTactic tactic, final double halfSpread, final double tick) {
        return (tactic == ChildTactic.STEP || tactic == ChildTactic.PEG_MID) && 2 * halfSpread > tick ? tick : 0.0;
    }
}
