package io.slicer.tools.sim;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.SliceStrategy;
import io.slicer.engine.strategy.StrategyRegistry;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DeterminismTest {
    private static final int EPISODES = 1000;
    private static final long SEED = 20240611L;

    /** IS bits of episodes [from, to) in order, run on one episode object. */
    private static long[] isBits(final String scenario, final String strategy, final int from, final int to) {
        final Scenario s = Scenarios.byName(scenario);
        final Episode e = s.newEpisode();
        final SliceStrategy st = StrategyRegistry.standard().factory(strategy, 1e-6).create(s.terms());
        final SliceDecision d = new SliceDecision();
        final long[] bits = new long[to - from];
        for (int i = from; i < to; i++) {
            bits[i - from] = Double.doubleToRawLongBits(EpisodeRunner.run(e, st, d, SEED, i).isCost());
        }
        return bits;
    }

    @Test
    void sameSeedGivesIdenticalBits() {
        for (final String scenario : Scenarios.names()) {
            assertArrayEquals(isBits(scenario, "twap", 0, 200), isBits(scenario, "twap", 0, 200), scenario);
        }
    }

    @Test
    void oneThreadAndTwoThreadsGiveTheSameNumbers() throws Exception {
        for (final String scenario : Scenarios.names()) {
            final long[] single = isBits(scenario, "ac", 0, EPISODES);
            final ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                // Interleave the halves differently from the single-thread order: the path must not care.
                final Future<long[]> back = pool.submit(() -> isBits(scenario, "ac", EPISODES / 2, EPISODES));
                final Future<long[]> front = pool.submit(() -> isBits(scenario, "ac", 0, EPISODES / 2));
                final long[] split = new long[EPISODES];
                System.arraycopy(front.get(), 0, split, 0, EPISODES / 2);
                System.arraycopy(back.get(), 0, split, EPISODES / 2, EPISODES / 2);
                assertArrayEquals(single, split, scenario);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void episodeOrderDoesNotMatter() {
        final long[] forward = isBits("liquid-stock", "vwap", 0, 50);
        final Scenario s = Scenarios.byName("liquid-stock");
        final Episode e = s.newEpisode();
        final SliceStrategy st = StrategyRegistry.standard().factory("vwap").create(s.terms());
        final SliceDecision d = new SliceDecision();
        for (int i = 49; i >= 0; i--) {
            assertEquals(forward[i], Double.doubleToRawLongBits(EpisodeRunner.run(e, st, d, SEED, i).isCost()));
        }
    }

    @Test
    void differentEpisodesAndSeedsGiveDifferentPaths() {
        final long[] a = isBits("liquid-stock", "twap", 0, 2);
        assertNotEquals(a[0], a[1]);
    }

    @Test
    void simRandomStreamIsTheSplittableRandomOfEpisodeRandom() {
        final SimRandom mine = new SimRandom();
        mine.reseed(SEED, 12345);
        final SplittableRandom reference = EpisodeRandom.of(SEED, 12345);
        for (int i = 0; i < 1000; i++) {
            assertEquals(reference.nextLong(), mine.nextLong());
        }
        mine.reseed(SEED, 12345);
        final SplittableRandom again = EpisodeRandom.of(SEED, 12345);
        for (int i = 0; i < 1000; i++) {
            assertEquals(again.nextDouble(), mine.nextDouble());
        }
    }
}
