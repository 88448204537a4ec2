package io.slicer.policy;

import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.Activation;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.FeatureDomain;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.Provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded networks shaped like the ones Slicer trains: the seed's DQN (4->64->32->5) and an IQL actor (8->256->256->1). */
public final class TestModels {
    public static final List<String> DQN_FEATURES = List.of("time_remaining", "inventory_remaining",
            "schedule_lead", "price_drift_sigma");
    public static final List<String> IQL_FEATURES = List.of("time_remaining", "inventory_remaining",
            "schedule_lead", "price_drift_sigma", "volume_ratio", "spread_bps", "volatility_ratio",
            "participation_last");

    private TestModels() {
    }

    public static PolicyModel dqn(final long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final List<DenseLayer> layers = List.of(
                layer(rnd, 4, 64, Activation.RELU),
                layer(rnd, 64, 32, Activation.RELU),
                layer(rnd, 32, 5, Activation.IDENTITY));
        return PolicyModel.of(card(DQN_FEATURES, rnd, new ActionSpace.Discrete("fraction_of_remaining",
                new double[]{0.0, 0.05, 0.1, 0.2, 0.4}), "dqn", seed), layers);
    }

    public static PolicyModel iqlActor(final long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final List<DenseLayer> layers = List.of(
                layer(rnd, 8, 256, Activation.RELU),
                layer(rnd, 256, 256, Activation.RELU),
                layer(rnd, 256, 1, Activation.IDENTITY));
        return PolicyModel.of(card(IQL_FEATURES, rnd, new ActionSpace.Continuous("participation", 0.0, 0.25),
                "iql", seed), layers);
    }

    /** A network with every activation, for kernel agreement checks. */
    public static PolicyModel mixed(final long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final List<DenseLayer> layers = List.of(
                layer(rnd, 8, 37, Activation.TANH),
                layer(rnd, 37, 19, Activation.SIGMOID),
                layer(rnd, 19, 23, Activation.RELU),
                layer(rnd, 23, 3, Activation.IDENTITY));
        return PolicyModel.of(card(IQL_FEATURES, rnd, new ActionSpace.Discrete("twap_multiple",
                new double[]{0.5, 1.0, 1.5}), "dqn", seed), layers);
    }

    public static DenseLayer layer(final SplittableRandom rnd, final int in, final int out, final Activation a) {
        final float bound = (float) (1.0 / Math.sqrt(in));
        final float[] w = new float[in * out];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
        }
        final float[] b = new float[out];
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
        }
        return new DenseLayer(in, out, a, w, b);
    }

    static ModelCard card(final List<String> names, final SplittableRandom rnd, final ActionSpace space,
                          final String algorithm, final long seed) {
        final List<FeatureSpec> features = new ArrayList<>();
        final List<FeatureDomain> domain = new ArrayList<>();
        for (final String n : names) {
            final float mean = (float) (rnd.nextDouble() - 0.5);
            final float scale = (float) (0.5 + rnd.nextDouble());
            features.add(new FeatureSpec(n, mean, scale));
            domain.add(new FeatureDomain(n, mean - 3 * scale, mean + 3 * scale, mean, scale));
        }
        return new ModelCard("slicer.execution.v1", features, space, List.of(),
                new Provenance(algorithm, "lobster-amzn-2012-06-21", seed, "2026-01-15", "test",
                        Map.of("gamma", "0.99", "episodes", "2000")),
                null, domain);
    }

    /** Random raw inputs around the normalisation means. */
    public static float[] input(final SplittableRandom rnd, final int width) {
        final float[] x = new float[width];
        for (int i = 0; i < width; i++) {
            x[i] = (float) (rnd.nextDouble() * 4 - 2);
        }
        return x;
    }
}
