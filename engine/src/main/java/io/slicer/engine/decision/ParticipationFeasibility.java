package io.slicer.engine.decision;

/**
 * Keeps a capped parent order able to finish inside its participation limit. The last slice sweeps whatever is
 * left, whatever the cap, so a policy that holds back too long breaches the limit in the end. The floor forbids that:
 * after this slice, no more may remain than the cap can absorb in the slices still to come,
 * <pre>
 *   floor = max(0, remaining - floor(cap * haircut * expected volume of the later slices))
 * </pre>
 * where the haircut is the fraction of expected volume assumed to turn up: a low quantile of the volume noise, so
 * that a quiet tail of the day still absorbs what is left.
 *
 * <p>Why {@link #DEFAULT_HAIRCUT} = 0.5: in {@code seed-iql} a step's volume is 800 (1 + 0.1 Z), so half the
 * expected volume is a five-sigma shortfall on one step, and the floor's capacity sums several steps; in
 * {@code liquid-stock} (lognormal, log-sd 0.25) half is a 2.7-sigma bar, and the sum over bars is far tighter.
 * It does not cover a persistent regime such as {@code stochastic-liquidity}'s drought (volume x0.3): there no
 * floor computed from unconditional volumes can promise the cap, and the result counts breaches honestly.
 *
 * <p>How a decision is raised ({@link #apply}): a share count goes up to the floor; a participation decision (a cap on
 * this slice's volume) gets the rate that trades the floor on haircut volume, never above the desk's limit, and
 * never below the rate the policy chose. The decision's action fields are left alone, so the journal shows the
 * policy's own action next to what was sent.
 *
 * <p>Stateless. Allocation-free.
 */
public final class ParticipationFeasibility {
    /** Fraction of expected market volume assumed to show up when sizing the floor. */
    public static final double DEFAULT_HAIRCUT = 0.5;

    private ParticipationFeasibility() {
    }

    /**
     * The fewest shares this slice must trade so that what remains fits under the participation limit in the later
     * slices. 0 when the order has no limit or the context does not know the expected volume ahead; everything left
     * in the last slice.
     */
    public static long floorShares(final DecisionContext ctx, final double haircut) {
        final long remaining = ctx.remaining();
        if (remaining <= 0 || !ctx.hasParticipationLimit()) {
            return 0;
        }
        if (ctx.isLastSlice()) {
            return remaining;
        }
        final double later = ctx.expectedVolumeAfterThisSlice();
        if (!(later >= 0)) {
            return 0;
        }
        final double capacity = Math.floor(Math.max(0.0, ctx.participationLimit()) * haircut * later);
        return Math.max(0L, remaining - (long) Math.min(capacity, (double) remaining));
    }

    /**
     * Raises {@code out} to the floor with {@link #DEFAULT_HAIRCUT}; returns true when the floor bound (the decision
     * changed).
     */
    public static boolean apply(final DecisionContext ctx, final SliceDecision out) {
        return apply(ctx, out, DEFAULT_HAIRCUT);
    }

    /** Raises {@code out} to the floor; returns true when the floor bound (the decision changed). */
    public static boolean apply(final DecisionContext ctx, final SliceDecision out, final double haircut) {
        final long floor = floorShares(ctx, haircut);
        if (floor <= 0 || ctx.isLastSlice()) {
            return false;
        }
        boolean bound = false;
        if (out.shares() < floor) {
            out.shares(floor);
            bound = true;
        }
        if (out.hasParticipationCap()) {
            final double expected = ctx.expectedSliceVolume() * haircut;
            final double needed = expected > 0 ? floor / expected : ctx.participationLimit();
            final double rate = Math.min(needed, ctx.participationLimit());
            if (out.participationCap() < rate) {
                out.participationCap(rate);
                bound = true;
            }
        }
        return bound;
    }
}
