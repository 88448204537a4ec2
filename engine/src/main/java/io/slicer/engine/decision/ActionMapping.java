package io.slicer.engine.decision;

/**
 * Turns a policy's action, a number in one of three units, into a {@link SliceDecision}. The unit is part of a model's
 * action space (its card says which), so a model trained on one mapping is always executed with the same one.
 *
 * <ul>
 *   <li>{@link Unit#FRACTION_OF_REMAINING}: trade {@code floor(f * remaining)} shares, at least one share when
 *       {@code f > 0} and shares remain: the DQN notebook seed's action map, kept bit-compatible with it.</li>
 *   <li>{@link Unit#TWAP_MULTIPLE}: trade {@code ceil(m * remaining / slicesLeft)}, so {@code m = 1} in every slice
 *       is exact TWAP (equal slices, the remainder spread over the first slices) and {@code m > 1} runs ahead of it.</li>
 *   <li>{@link Unit#PARTICIPATION}: offer everything that remains with participation cap {@code p}: the slice trades
 *       {@code min(remaining, p * market volume)}; {@code p <= 0} trades nothing.</li>
 * </ul>
 * The caller (simulator or engine) sweeps what remains in the last slice. Allocation-free.
 */
public final class ActionMapping {
    /** An action unit as spelled in model cards. */
    public enum Unit {
        FRACTION_OF_REMAINING("fraction_of_remaining"),
        TWAP_MULTIPLE("twap_multiple"),
        PARTICIPATION("participation");

        private final String id;

        Unit(final String id) {
            this.id = id;
        }

        /** The spelling in model cards. */
        public String id() {
            return id;
        }

        /** Parses a card's unit; the error lists the known ones. */
        public static Unit of(final String id) {
            for (final Unit u : values()) {
                if (u.id.equals(id)) {
                    return u;
                }
            }
            throw new IllegalArgumentException("unknown action unit '" + id
                    + "', expected one of fraction_of_remaining, twap_multiple, participation");
        }
    }

    private ActionMapping() {
    }

    /** Writes the shares (and, for participation, the cap) of action {@code value} in {@code unit} into {@code out}. */
    public static void apply(final Unit unit, final double value, final DecisionContext ctx, final SliceDecision out) {
        final long remaining = ctx.remaining();
        if (remaining <= 0 || !(value > 0)) {
            out.shares(0);
            if (unit == Unit.PARTICIPATION) {
                out.participationCap(0.0);
            }
            return;
        }
        switch (unit) {
            case FRACTION_OF_REMAINING: {
                final long n = (long) (remaining * value);
                out.shares(Math.min(remaining, Math.max(1, n)));
                break;
            }
            case TWAP_MULTIPLE: {
                final int left = Math.max(1, ctx.slicesLeft());
                // The small epsilon keeps m * remaining / left from ceiling up on a rounding error when it is whole.
                final long n = (long) Math.ceil(value * remaining / left - 1e-9);
                out.shares(Math.min(remaining, Math.max(0, n)));
                break;
            }
            default:
                out.shares(remaining).participationCap(value);
                break;
        }
    }
}
