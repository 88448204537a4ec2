package io.slicer.engine.testing;

import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.order.TacticChooser;
import io.slicer.engine.order.TacticFeatures;
import io.slicer.policy.PolicyModel;
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

/**
 * An untrained, seeded DQN-shaped network (8 -> 64 -> 32 -> 5, ReLU, TWAP-multiple actions) for the example, the
 * engine's tests and the latency harness: it costs what a trained DQN costs to run, and decides nothing sensible.
 * Its card's training domain is wide (typical value +- several units), so it halts only on absurd features.
 */
public final class DemoModels {
    /** Typical value and spread of each feature, in {@link ExecutionFeatures#NAMES} order. */
    private static final double[] MEAN = {0.5, 0.5, 0.0, 0.0, 1.0, 2.0, 1.0, 0.05};
    private static final double[] STD = {0.3, 0.3, 0.4, 1.0, 1.0, 5.0, 1.0, 0.2};

    private DemoModels() {
    }

    public static PolicyModel randomDqn(final long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final List<DenseLayer> layers = List.of(
                layer(rnd, ExecutionFeatures.COUNT, 64, Activation.RELU),
                layer(rnd, 64, 32, Activation.RELU),
                layer(rnd, 32, 5, Activation.IDENTITY));
        final List<FeatureSpec> features = new ArrayList<>();
        final List<FeatureDomain> domain = new ArrayList<>();
        for (int i = 0; i < ExecutionFeatures.COUNT; i++) {
            final String name = ExecutionFeatures.NAMES.get(i);
            features.add(new FeatureSpec(name, (float) MEAN[i], (float) STD[i]));
            domain.add(new FeatureDomain(name, MEAN[i] - 3 * STD[i], MEAN[i] + 3 * STD[i], MEAN[i], STD[i]));
        }
        final ModelCard card = new ModelCard(ExecutionFeatures.SCHEMA_ID, features,
                new ActionSpace.Discrete("twap_multiple", new double[]{0.0, 0.5, 1.0, 1.5, 2.0}), List.of(),
                new Provenance("dqn", "untrained-demo", seed, "n/a", "demo", Map.of("trained", "false")), null,
                domain);
        return PolicyModel.of(card, layers);
    }

    /**
     * A hand-made learned tactic chooser ({@code SPEC/learned:DIR}) over the whole {@link TacticFeatures#CATALOGUE}
     * between {@code cross} (value 0) and {@code join} (value minus {@code feature}): a child joins when the feature
     * is negative (for {@code l1_imbalance}, more displayed on the far side than on ours; for {@code trade_flow},
     * flow against our side) and crosses otherwise (a tie picks cross, the first action).
     */
    public static PolicyModel tacticRule(final String feature) {
        final int in = TacticFeatures.CATALOGUE.size();
        final int at = TacticFeatures.CATALOGUE.indexOf(feature);
        if (at < 0) {
            throw new IllegalArgumentException("no tactic feature '" + feature + "' in " + TacticFeatures.CATALOGUE);
        }
        final float[] w = new float[2 * in];
        w[in + at] = -1f;
        final List<FeatureSpec> specs = new ArrayList<>();
        for (final String name : TacticFeatures.CATALOGUE) {
            specs.add(new FeatureSpec(name, 0f, 1f));
        }
        final ModelCard card = new ModelCard(TacticFeatures.SCHEMA_ID, specs,
                new ActionSpace.Discrete(TacticChooser.UNIT,
                        new double[] {ChildTactic.CROSS.ordinal(), ChildTactic.JOIN.ordinal()}),
                List.of(), new Provenance(TacticChooser.ALGORITHM, "hand-made " + feature + " rule", 1, "n/a", "demo",
                Map.of("trained", "false")), null, List.of());
        return PolicyModel.of(card, List.of(new DenseLayer(in, 2, Activation.IDENTITY, w, new float[2])));
    }

    /**
     * A layer of uniform weights and biases in +-1/sqrt(in) (PyTorch's default initialisation), drawn from
     * {@code rnd} weights first: the demo's and the benchmarks' random nets.
     */
    public static DenseLayer layer(final SplittableRandom rnd, final int in, final int out, final Activation a) {
        final double bound = 1.0 / Math.sqrt(in);
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
}
