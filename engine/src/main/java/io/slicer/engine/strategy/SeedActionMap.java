package io.slicer.engine.strategy;

/**
 * The seed notebook's discrete action map (../shared/seeds/000_*, {@code ExecutionEnvironment.step}): action i trades
 * the fraction {@link #FRACTIONS}[i] of the remaining shares, truncated to an integer, at least one share when the
 * truncation gives zero, and everything left in the last slice. Shared by {@code twap-seed}, {@code vwap-seed} and
 * the DQN that reproduces the seed, so all three turn an action into shares the seed's way. Allocation-free.
 */
public final class SeedActionMap {
    /** Fractions of the remaining shares, as in the seed's {@code action_map}. */
    public static final double[] FRACTIONS = {0.05, 0.10, 0.15, 0.25, 0.50};

    private SeedActionMap() {
    }

    public static int size() {
        return FRACTIONS.length;
    }

    public static double fraction(final int action) {
        return FRACTIONS[action];
    }

    /** Shares the seed trades for {@code action} with {@code remaining} shares left. */
    public static long shares(final long remaining, final int action, final boolean lastSlice) {
        if (action < 0 || action >= FRACTIONS.length) {
            throw new IllegalArgumentException("seed action index must be in [0, " + FRACTIONS.length + "), found "
                    + action);
        }
        if (lastSlice) {
            return remaining;
        }
        final double fraction = FRACTIONS[action];
        // Python's int() truncates toward zero; remaining * fraction is a double product in both languages.
        long shares = (long) (remaining * fraction);
        if (shares == 0 && remaining > 0 && fraction > 0) {
            shares = 1;
        }
        return Math.min(shares, remaining);
    }

    /** The action closest to {@code targetFraction}: numpy's argmin of |map - target|, lowest index on ties. */
    public static int nearest(final double targetFraction) {
        int best = 0;
        double bestDistance = Math.abs(FRACTIONS[0] - targetFraction);
        for (int i = 1; i < FRACTIONS.length; i++) {
            final double d = Math.abs(FRACTIONS[i] - targetFraction);
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }
}
