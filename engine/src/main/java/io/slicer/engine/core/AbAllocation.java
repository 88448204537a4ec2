package io.slicer.engine.core;

/**
 * The A/B allocation of live flow: each new parent order goes to an arm, the registered strategy with the arm's index
 * (arms are the first {@code weights.length} strategies), drawn from a seeded hash of its order id:
 * {@code u = SplitMix64(orderId XOR seed) / 2^64}, arm = the first whose cumulative weight share exceeds u. The arm
 * is a function of the id and the configuration alone: the same order gets the same arm in a replay and after a restart
 * (recovery replays the journal under the journaled configuration and checks every decision, whose strategy field is
 * the arm, bit for bit). No state, no clock, no global randomness. Allocation-free.
 */
final class AbAllocation {
    private final long seed;
    private final double[] cumulative;

    /** {@code weights}: one per arm, each > 0; null for no A/B test. */
    AbAllocation(final long seed, final double[] weights) {
        this.seed = seed;
        if (weights == null) {
            this.cumulative = null;
            return;
        }
        double total = 0;
        for (final double w : weights) {
            total += w;
        }
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum / total;
        }
        cumulative[weights.length - 1] = 1.0;
    }

    boolean enabled() {
        return cumulative != null;
    }

    /** The arm (registered strategy index) of order {@code orderId}. */
    int arm(final long orderId) {
        final double u = (mix(orderId ^ seed) >>> 11) * 0x1.0p-53;
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood 2014): a bijection that spreads nearby ids over all 64 bits. */
    static long mix(final long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
