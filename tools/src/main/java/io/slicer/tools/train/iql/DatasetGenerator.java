package io.slicer.tools.train.iql;

import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.train.ExecutionEnv;
import io.slicer.tools.train.RewardSpec;
import io.slicer.tools.train.TrainingSeeds;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Logs episodes of {@link BehaviourPolicy behaviour policies} on the training seed into an {@link OfflineDataset}:
 * episodes 0, 1, 2, ... go round-robin to the behaviours, so each sees a disjoint set of market paths.
 */
public final class DatasetGenerator {
    private DatasetGenerator() {
    }

    public static OfflineDataset generate(final Scenario scenario, final List<BehaviourPolicy> behaviours,
                                          final int episodes, final double noise, final double rewardScale,
                                          final long seed) {
        TrainingSeeds.requireTrainingSeed(seed);
        final ExecutionEnv env = new ExecutionEnv(scenario, new RewardSpec(rewardScale, 0.0));
        final SplittableRandom rng = new SplittableRandom(seed ^ 0x6A09E667F3BCC909L);
        final double[] profile = scenario.terms().expectedVolumeProfile();
        double total = 0;
        for (final double v : profile) {
            total += v;
        }
        final double[] share = new double[profile.length];
        for (int k = 0; k < profile.length; k++) {
            share[k] = profile[k] / total;
        }
        final String names = behaviours.stream().map(BehaviourPolicy::id).collect(Collectors.joining(","));
        final OfflineDataset ds = new OfflineDataset(scenario.name(), names, rewardScale,
                episodes * scenario.terms().slices());
        final double[] s = new double[ExecutionFeatures.COUNT];
        final double[] s2 = new double[ExecutionFeatures.COUNT];
        final SliceDecision d = new SliceDecision();
        for (int e = 0; e < episodes; e++) {
            final BehaviourPolicy b = behaviours.get(e % behaviours.size());
            env.reset(seed, e);
            final double rate = b.beginEpisode(scenario, total, rng);
            env.observe(s, 0);
            while (!env.done()) {
                final long remaining = env.context().remaining();
                final int left = env.context().slicesLeft();
                d.clear();
                b.decide(scenario, share, rate, noise, env.context(), d, rng);
                final double r = env.step(d);
                env.observe(s2, 0);
                ds.add(s, remaining, left, env.lastExecuted(), env.lastMarketVolume(), r, env.done(), s2);
                System.arraycopy(s2, 0, s, 0, s.length);
            }
        }
        return ds;
    }
}
