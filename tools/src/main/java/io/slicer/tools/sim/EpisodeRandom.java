package io.slicer.tools.sim;

import java.util.SplittableRandom;

/**
 * The only source of randomness in simulation: one generator per (seed, episode), derived by mixing the two so that
 * episode {@code i} of seed {@code s} is the same path regardless of thread count or run order.
 */
public final class EpisodeRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private EpisodeRandom() {
    }

    /** A generator for episode {@code episodeIndex} under {@code seed}. */
    public static SplittableRandom of(final long seed, final long episodeIndex) {
        return new SplittableRandom(mix(seed * GOLDEN_GAMMA + mix(episodeIndex + GOLDEN_GAMMA)));
    }

    /** Re-seeds without allocating: returns the 64-bit seed a generator for (seed, episode) starts from. */
    public static long seedFor(final long seed, final long episodeIndex) {
        return mix(seed * GOLDEN_GAMMA + mix(episodeIndex + GOLDEN_GAMMA));
    }

    /** Stafford variant 13 of the SplitMix64 finaliser. */
    static long mix(final long z0) {
        long z = (z0 ^ (z0 >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
