package io.slicer.tools.sim;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.SliceStrategy;
import io.slicer.engine.strategy.StrategyRegistry;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AllocationFreeSimulationTest {
    private static final String[] STRATEGIES = {"twap", "vwap", "vwap:adaptive", "pov", "pov:0.05", "ac:1e-6",
        "twap-seed", "vwap-seed"};

    private record Pair(String label, Episode episode, SliceStrategy strategy) {
    }

    @Test
    void episodesAndStrategiesAllocateNothingAfterWarmUp() {
        final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        final List<Pair> pairs = new ArrayList<>();
        for (final String name : Scenarios.names()) {
            final Scenario scenario = Scenarios.byName(name);
            for (final String spec : STRATEGIES) {
                pairs.add(new Pair(name + " / " + spec, scenario.newEpisode(),
                        StrategyRegistry.standard().factory(spec).create(scenario.terms())));
            }
        }
        final SliceDecision decision = new SliceDecision();
        double sink = 0;
        // Warm up every pair together, so that the JIT has settled (its deoptimisations allocate) before measuring.
        for (int pass = 0; pass < 3; pass++) {
            for (final Pair p : pairs) {
                sink += run(p, decision, pass * 1000, pass * 1000 + 1000);
            }
        }
        // Each pair gets three windows of 1000 episodes and must show one window of zero bytes: an allocation on the
        // hot path would show in every window (26,000 slices each), while the JIT's occasional deoptimisation, which
        // this test does not control, can touch the heap once.
        final long[] allocated = new long[pairs.size()];
        java.util.Arrays.fill(allocated, Long.MAX_VALUE);
        for (int window = 0; window < 3; window++) {
            for (int i = 0; i < pairs.size(); i++) {
                final long before = threads.getThreadAllocatedBytes(thread);
                sink += run(pairs.get(i), decision, 5000 + window * 1000, 6000 + window * 1000);
                allocated[i] = Math.min(allocated[i], threads.getThreadAllocatedBytes(thread) - before);
            }
        }
        for (int i = 0; i < pairs.size(); i++) {
            assertEquals(0, allocated[i], pairs.get(i).label() + " allocated (sink " + sink + ")");
        }
    }

    private static double run(final Pair p, final SliceDecision d, final int from, final int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += EpisodeRunner.run(p.episode(), p.strategy(), d, 5, i).isBps();
        }
        return sum;
    }
}
